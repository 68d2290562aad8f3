// Scopes. All files of a model share one global scope, split into namespaces so that a module may
// carry the name of the machine it holds (`module Client = { Client };`, as P's tutorials do):
//
//   entity  types (aliases, enums, foreign types), enum elements, events, event sets, interfaces,
//           machines, specs, global and pure functions, params: one namespace, because a name in
//           an expression, a type or an event list must mean one thing;
//   module  named modules;
//   test    tests and implementations;
//   proof   top-level named invariants and lemmas (what proof steps name).
//
// Inside a machine, variables and functions share one namespace and states have their own.
// Inside a function, parameters and locals share one scope; receive cases and quantifiers open
// nested scopes. An inner declaration may shadow an outer one.
import type { Span } from "../diagnostics/source.ts";
import type { DiagnosticBag } from "../diagnostics/diagnostic.ts";
import type { VariableInfo } from "../types/program.ts";
import type { Symbol } from "./symbols.ts";

export type GlobalNamespace = "entity" | "module" | "test" | "proof";

export interface GlobalEntry {
  readonly symbol: Symbol;
  /** Where the name was declared (the declaring identifier), for "first declared here" notes. */
  readonly span: Span | undefined;
}

/** Reports `'name' is already declared` at `span`, pointing at the first declaration. */
export function reportDuplicate(diags: DiagnosticBag, name: string, span: Span, first: Span | undefined): void {
  const related = first === undefined ? [] : [{ message: `'${name}' was first declared here.`, span: first }];
  diags.report(2002, span, [name], related);
}

export class GlobalTable {
  private readonly spaces: Record<GlobalNamespace, Map<string, GlobalEntry>> = {
    entity: new Map(),
    module: new Map(),
    test: new Map(),
    proof: new Map(),
  };

  /** Declares a global name; on a clash reports it and keeps the first declaration. */
  declare(ns: GlobalNamespace, symbol: Symbol, span: Span | undefined, diags: DiagnosticBag): boolean {
    const space = this.spaces[ns];
    const existing = space.get(symbol.name);
    if (existing !== undefined) {
      if (span !== undefined) reportDuplicate(diags, symbol.name, span, existing.span);
      return false;
    }
    space.set(symbol.name, { symbol, span });
    return true;
  }

  get(ns: GlobalNamespace, name: string): Symbol | undefined {
    return this.spaces[ns].get(name)?.symbol;
  }

  entry(ns: GlobalNamespace, name: string): GlobalEntry | undefined {
    return this.spaces[ns].get(name);
  }

  /** Names declared in a namespace whose symbol passes the filter (for suggestions). */
  names(ns: GlobalNamespace, filter: (s: Symbol) => boolean = () => true): string[] {
    const out: string[] = [];
    for (const [name, entry] of this.spaces[ns]) if (filter(entry.symbol)) out.push(name);
    return out;
  }
}

/** A lexical scope of variables: function parameters and locals, receive cases, quantifiers. */
export class Scope {
  readonly parent: Scope | undefined;
  private readonly vars = new Map<string, VariableInfo>();

  constructor(parent: Scope | undefined) {
    this.parent = parent;
  }

  /** Adds a variable; on a clash within this scope reports it and keeps the first. */
  declare(variable: VariableInfo, diags: DiagnosticBag): boolean {
    const existing = this.vars.get(variable.name);
    if (existing !== undefined) {
      reportDuplicate(diags, variable.name, variable.decl.span, existing.decl.span);
      return false;
    }
    this.vars.set(variable.name, variable);
    return true;
  }

  lookup(name: string): VariableInfo | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }

  /** Every visible variable name (for suggestions). */
  allNames(): string[] {
    const out = [...this.vars.keys()];
    if (this.parent !== undefined) out.push(...this.parent.allNames());
    return out;
  }
}
