// Event handlers: which function a handler names, and whether its parameter accepts the payloads
// of the events it handles. A handler takes at most one parameter, the payload; it may take none
// and ignore the payload.
import type { FunctionRef, HandlerFunction } from "../ast/nodes.ts";
import type { Span } from "../diagnostics/source.ts";
import { reportUnknown, reportWrongKind } from "../names/resolve.ts";
import type { Checker, FunctionBuilder, MachineBuilder } from "./context.ts";
import { createFunction } from "./functions.ts";
import { isSubtype, printPair, printType, type Type } from "./types.ts";

/** The function a `FunctionRef` names: the machine's own, else a global one. */
export function resolveFunctionRef(
  checker: Checker,
  machine: MachineBuilder | undefined,
  ref: FunctionRef,
): FunctionBuilder | undefined {
  const name = ref.name.name;
  const own = machine?.functions.get(name);
  if (own !== undefined) {
    if (own.decl.kind === "FunDecl") checker.bind(ref.name, { kind: "Function", name, decl: own.decl, machine: machine?.name });
    return own;
  }
  const symbol = checker.globals.get("entity", name);
  if (symbol === undefined) {
    const candidates = [
      ...(machine?.functions.keys() ?? []),
      ...checker.globals.names("entity", (s) => s.kind === "Function"),
    ];
    reportUnknown(checker, "function", name, ref.name.span, candidates);
    return undefined;
  }
  if (symbol.kind !== "Function") {
    reportWrongKind(checker, name, ref.name.span, symbol.kind, "function");
    return undefined;
  }
  checker.bind(ref.name, symbol);
  return checker.functions.get(name);
}

/**
 * The function of a handler: a new anonymous function, or the named one. Reports a handler with
 * more parameters than `maxParams` allows (1 for entry and event handlers, 0 for exit).
 */
export function handlerFunction(
  checker: Checker,
  machine: MachineBuilder,
  handler: HandlerFunction,
  description: string,
  maxParams: 0 | 1,
): FunctionBuilder | undefined {
  if (handler.kind === "AnonFunction") {
    const fn = createFunction(checker, handler, "handler", description, machine.name, undefined);
    machine.anonymous.push(fn);
    if (fn.params.length > maxParams) {
      const extra = handler.params[maxParams];
      if (maxParams === 0) checker.report(3035, extra.span, []);
      else checker.report(3034, extra.span, [fn.params.length]);
    }
    return fn;
  }
  const fn = resolveFunctionRef(checker, machine, handler);
  if (fn !== undefined && fn.params.length > maxParams) {
    if (maxParams === 0) checker.report(3035, handler.span, []);
    else checker.report(3041, handler.span, [fn.name, fn.params.length]);
  }
  return fn;
}

/**
 * Checks that something receiving the payloads of `events` accepts them: `expected` is its
 * parameter type (undefined: it takes none, so any payload is dropped). `who` names it in
 * messages ("The handler", "State 'Done'").
 */
export function checkAcceptsPayloads(
  checker: Checker,
  who: string,
  expected: Type | undefined,
  events: readonly string[],
  span: Span,
): void {
  if (expected === undefined) return;
  for (const event of events) {
    const payload = checker.events.get(event)?.payload;
    if (payload === undefined) {
      if (expected.kind !== "Error" && checker.events.has(event)) checker.report(3032, span, [who, printType(expected), event]);
      continue;
    }
    if (!isSubtype(payload, expected)) {
      const [e, f] = printPair(expected, payload);
      checker.report(3031, span, [who, e, event, f]);
    }
  }
}

/** A handler function's parameter against the events it handles. */
export function checkHandlerParam(checker: Checker, fn: FunctionBuilder, events: readonly string[], span: Span): void {
  const param = fn.params[0];
  if (param === undefined) return;
  const at = fn.decl.kind === "AnonFunction" ? param.decl.span : span;
  checkAcceptsPayloads(checker, "The handler", param.type, events, at);
}
