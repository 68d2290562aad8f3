// Looking names up in the global scope: each helper records the symbol found on the node that
// names it, or reports the name as unknown (suggesting a close match) or as the wrong kind of
// thing ("'Client' is a machine, not a type").
import type { EventRef, Ident } from "../ast/nodes.ts";
import type { Span } from "../diagnostics/source.ts";
import type { Checker } from "../types/context.ts";
import type { GlobalNamespace } from "./scopes.ts";
import { suggestName } from "./suggest.ts";
import { describeKind, type Symbol, type SymbolKind } from "./symbols.ts";

/** "an event", "a machine": the noun with its indefinite article. */
export function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** Reports `Unknown <what> 'name'`, suggesting the closest candidate when one is close enough. */
export function reportUnknown(checker: Checker, what: string, name: string, span: Span, candidates: Iterable<string>): void {
  const suggestion = suggestName(name, candidates);
  if (suggestion === undefined) checker.report(2001, span, [what, name]);
  else checker.report(2003, span, [what, name, suggestion]);
}

/** Reports `'name' is <a kind>, not <what>`. */
export function reportWrongKind(checker: Checker, name: string, span: Span, found: SymbolKind, what: string): void {
  checker.report(2004, span, [name, describeKind(found), withArticle(what)]);
}

export type SymbolOf<K extends SymbolKind> = Extract<Symbol, { kind: K }>;

/**
 * Resolves `name` in a global namespace to a symbol of one of `kinds`; records it on `node`.
 * `what` names the expected thing in messages ("type", "machine or interface").
 */
export function resolveGlobal<K extends SymbolKind>(
  checker: Checker,
  node: { readonly id: number },
  name: string,
  span: Span,
  kinds: readonly K[],
  what: string,
  ns: GlobalNamespace = "entity",
): SymbolOf<K> | undefined {
  const symbol = checker.globals.get(ns, name);
  if (symbol === undefined) {
    const candidates = checker.globals.names(ns, (s) => (kinds as readonly SymbolKind[]).includes(s.kind));
    reportUnknown(checker, what, name, span, candidates);
    return undefined;
  }
  if (!(kinds as readonly SymbolKind[]).includes(symbol.kind)) {
    reportWrongKind(checker, name, span, symbol.kind, what);
    return undefined;
  }
  checker.bind(node, symbol);
  return symbol as SymbolOf<K>;
}

/** `resolveGlobal` for an identifier. */
export function resolveIdent<K extends SymbolKind>(
  checker: Checker,
  ident: Ident,
  kinds: readonly K[],
  what: string,
  ns: GlobalNamespace = "entity",
): SymbolOf<K> | undefined {
  return resolveGlobal(checker, ident, ident.name, ident.span, kinds, what, ns);
}

/** The special events: `halt` (which halts the machine that dequeues it) and `null`. */
export const SPECIAL_EVENTS = ["halt", "null"] as const;

/**
 * Resolves an event in an event list: a declared event, an event set (expanded), or one of the
 * special events. Returns the event names, or undefined after reporting.
 */
export function resolveEventRef(checker: Checker, ref: EventRef, allowSets = true): string[] | undefined {
  if (ref.name === "halt" || ref.name === "null") {
    checker.bind(ref, { kind: "Event", name: ref.name, decl: undefined });
    return [ref.name];
  }
  const kinds: SymbolKind[] = allowSets ? ["Event", "EventSet"] : ["Event"];
  const symbol = resolveGlobal(checker, ref, ref.name, ref.span, kinds, "event");
  if (symbol === undefined) return undefined;
  if (symbol.kind === "EventSet") return [...(checker.eventSets.get(symbol.name)?.events ?? [])];
  return [symbol.name];
}

/** Resolves a list of event refs, skipping those that did not resolve. */
export function resolveEventList(checker: Checker, refs: readonly EventRef[], allowSets = true): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    for (const name of resolveEventRef(checker, ref, allowSets) ?? []) if (!out.includes(name)) out.push(name);
  }
  return out;
}
