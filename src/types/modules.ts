// Modules, tests and implementations. A module expression denotes a set of machines with creation
// bindings and asserted specs; a test names its main machine and must be closed: every machine or
// interface that a machine of the module can create is bound in the module. A bare name in a
// module expression may name a module or, for convenience, a machine (meaning `{ M }`).
import type { Ident, ImplementationDecl, ModuleExpr, TestDecl } from "../ast/nodes.ts";
import { unreachable } from "../ast/nodes.ts";
import type { Span } from "../diagnostics/source.ts";
import { reportUnknown, reportWrongKind, resolveEventList, resolveIdent } from "../names/resolve.ts";
import { reportDuplicate, Scope } from "../names/scopes.ts";
import type { BodyContext, Checker } from "./context.ts";
import { expectBool } from "./operators.ts";
import type { ModuleValue, TestParamInfo } from "./program.ts";
import { BOOL, INT, isSubtype, printPair } from "./types.ts";

interface MutableModule {
  machines: string[];
  bindings: Map<string, string>;
  specs: string[];
  hiddenEvents: string[];
  hiddenInterfaces: string[];
  main: string | undefined;
}

function emptyModule(): MutableModule {
  return { machines: [], bindings: new Map(), specs: [], hiddenEvents: [], hiddenInterfaces: [], main: undefined };
}

/** Evaluates the named modules, in declaration order (references evaluate on demand). */
export function checkModules(checker: Checker): void {
  for (const file of checker.program.files) {
    for (const decl of file.decls) {
      if (decl.kind === "ModuleDecl" && checker.globals.get("module", decl.name.name)?.kind === "Module") {
        namedModule(checker, decl.name.name, decl.name.span);
      }
    }
  }
}

function namedModule(checker: Checker, name: string, at: Span): ModuleValue | undefined {
  const done = checker.modules.get(name);
  if (done !== undefined) return done.value;
  const symbol = checker.globals.get("module", name);
  if (symbol?.kind !== "Module") return undefined;
  if (checker.modulesInProgress.has(name)) {
    checker.report(3050, at, [name]);
    return undefined;
  }
  checker.modulesInProgress.add(name);
  const value = evalModule(checker, symbol.decl.module);
  checker.modulesInProgress.delete(name);
  if (!checker.modules.has(name)) checker.modules.set(name, { name, decl: symbol.decl, value });
  return value;
}

function merge(checker: Checker, into: MutableModule, from: ModuleValue, at: Span): void {
  for (const m of from.machines) if (!into.machines.includes(m)) into.machines.push(m);
  for (const [key, impl] of from.bindings) bind(checker, into, key, impl, at);
  for (const s of from.specs) if (!into.specs.includes(s)) into.specs.push(s);
  for (const e of from.hiddenEvents) if (!into.hiddenEvents.includes(e)) into.hiddenEvents.push(e);
  for (const i of from.hiddenInterfaces) if (!into.hiddenInterfaces.includes(i)) into.hiddenInterfaces.push(i);
  into.main ??= from.main;
}

function bind(checker: Checker, into: MutableModule, key: string, impl: string, at: Span): void {
  const existing = into.bindings.get(key);
  if (existing !== undefined && existing !== impl) {
    checker.report(3047, at, [key, existing, impl]);
    return;
  }
  into.bindings.set(key, impl);
}

/** A machine (not a spec) named in a module expression. */
function moduleMachine(checker: Checker, ident: Ident): string | undefined {
  const symbol = checker.globals.get("entity", ident.name);
  if (symbol?.kind === "Spec") {
    checker.report(3052, ident.span, [ident.name]);
    return undefined;
  }
  return resolveIdent(checker, ident, ["Machine"], "machine")?.name;
}

/** What a module expression denotes. */
export function evalModule(checker: Checker, expr: ModuleExpr): ModuleValue {
  const out = emptyModule();
  switch (expr.kind) {
    case "PrimitiveModule":
      for (const binding of expr.bindings) {
        const machine = moduleMachine(checker, binding.machine);
        const iface =
          binding.iface === undefined
            ? machine
            : resolveIdent(checker, binding.iface, ["Machine", "Interface"], "machine or interface")?.name;
        if (machine === undefined || iface === undefined) continue;
        if (!out.machines.includes(machine)) out.machines.push(machine);
        bind(checker, out, iface, machine, binding.span);
      }
      return out;
    case "NamedModuleRef": {
      const { name, span } = expr.name;
      const symbol = checker.globals.get("module", name);
      if (symbol?.kind === "Module") {
        checker.bind(expr.name, symbol);
        const value = namedModule(checker, name, span);
        if (value !== undefined) merge(checker, out, value, span);
        return out;
      }
      const entity = checker.globals.get("entity", name);
      if (entity?.kind === "Machine") {
        checker.bind(expr.name, entity);
        out.machines.push(name);
        out.bindings.set(name, name);
        return out;
      }
      if (entity !== undefined) reportWrongKind(checker, name, span, entity.kind, "module");
      else {
        const candidates = [...checker.globals.names("module"), ...checker.globals.names("entity", (s) => s.kind === "Machine")];
        reportUnknown(checker, "module", name, span, candidates);
      }
      return out;
    }
    case "ComposeModule":
    case "UnionModule":
      for (const m of expr.modules) merge(checker, out, evalModule(checker, m), m.span);
      return out;
    case "HideEventsModule":
      merge(checker, out, evalModule(checker, expr.module), expr.span);
      for (const e of resolveEventList(checker, expr.events)) if (!out.hiddenEvents.includes(e)) out.hiddenEvents.push(e);
      return out;
    case "HideInterfacesModule":
      merge(checker, out, evalModule(checker, expr.module), expr.span);
      for (const ident of expr.interfaces) {
        const s = resolveIdent(checker, ident, ["Interface", "Machine"], "interface");
        if (s !== undefined && !out.hiddenInterfaces.includes(s.name)) out.hiddenInterfaces.push(s.name);
      }
      return out;
    case "AssertModule":
      merge(checker, out, evalModule(checker, expr.module), expr.span);
      for (const ident of expr.specs) {
        const s = resolveIdent(checker, ident, ["Spec"], "spec");
        if (s !== undefined && !out.specs.includes(s.name)) out.specs.push(s.name);
      }
      return out;
    case "RenameModule": {
      const inner = evalModule(checker, expr.module);
      const from = resolveIdent(checker, expr.from, ["Interface", "Machine"], "machine or interface")?.name;
      const to = resolveIdent(checker, expr.to, ["Interface", "Machine"], "machine or interface")?.name;
      merge(checker, out, inner, expr.span);
      if (from !== undefined && to !== undefined) {
        const impl = out.bindings.get(from);
        if (impl !== undefined) {
          out.bindings.delete(from);
          bind(checker, out, to, impl, expr.span);
        }
      }
      return out;
    }
    case "MainModule": {
      merge(checker, out, evalModule(checker, expr.module), expr.span);
      const main = resolveIdent(checker, expr.machine, ["Machine"], "machine")?.name;
      if (main !== undefined) out.main = main;
      return out;
    }
    default:
      return unreachable(expr);
  }
}

/** Checks the main machine and that the module is closed under creation. */
function checkClosedModule(checker: Checker, decl: TestDecl | ImplementationDecl, value: ModuleValue): string | undefined {
  const what = decl.kind === "TestDecl" ? "test" : "implementation";
  let main: string | undefined;
  if (decl.main !== undefined) {
    main = resolveIdent(checker, decl.main, ["Machine"], "machine")?.name;
    if (main !== undefined && !value.machines.includes(main)) {
      checker.report(3048, decl.main.span, [main, what, decl.name.name]);
    }
  } else {
    main = value.main;
    // Pith-only: a module with a single machine starts with it.
    if (main === undefined && value.machines.length === 1) main = value.machines[0];
    if (main === undefined && decl.kind === "TestDecl") checker.report(3054, decl.name.span, [decl.name.name, value.machines.length]);
  }
  if (main !== undefined && decl.kind === "TestDecl" && value.machines.includes(main) && checker.machines.get(main)?.startPayload !== undefined) {
    checker.report(3055, (decl.main ?? decl.name).span, [main]);
  }
  const reported = new Set<string>();
  for (const machine of value.machines) {
    for (const created of checker.machines.get(machine)?.creates ?? []) {
      if (value.bindings.has(created) || reported.has(created)) continue;
      reported.add(created);
      checker.report(3049, decl.name.span, [what, created, machine]);
    }
  }
  return main;
}

/** True when the test namespace kept this declaration for its name (not a duplicate). */
function isListed(checker: Checker, decl: TestDecl | ImplementationDecl): boolean {
  const symbol = checker.globals.get("test", decl.name.name);
  return (symbol?.kind === "Test" || symbol?.kind === "Implementation") && symbol.decl === decl;
}

export function checkTest(checker: Checker, decl: TestDecl): void {
  const module = evalModule(checker, decl.module);
  const main = checkClosedModule(checker, decl, module);
  const refines = decl.refines === undefined ? undefined : evalModule(checker, decl.refines);
  const params: TestParamInfo[] = [];
  const seen = new Map<string, Span>();
  for (const p of decl.params) {
    const first = seen.get(p.name.name);
    if (first !== undefined) reportDuplicate(checker.diags, p.name.name, p.name.span, first);
    else seen.set(p.name.name, p.name.span);
    const symbol = resolveIdent(checker, p.name, ["Param"], "param");
    const param = symbol === undefined ? undefined : checker.params.get(symbol.name);
    for (const v of p.values) {
      const t = checker.setType(v, v.kind === "IntLit" ? INT : BOOL);
      if (param !== undefined && !isSubtype(t, param.type)) checker.report(3001, v.span, printPair(param.type, t));
    }
    params.push({ name: p.name.name, param, values: p.values.map((v) => v.value) });
  }
  if (decl.assume !== undefined) {
    const ctx: BodyContext = {
      checker,
      scope: new Scope(undefined),
      machine: undefined,
      fn: undefined,
      verification: false,
      loopInvariant: false,
      loops: 0,
      thisType: undefined,
    };
    expectBool(ctx, decl.assume);
  }
  if (decl.wise !== undefined && (decl.wise < 1 || decl.wise > decl.params.length)) {
    checker.report(3051, decl.span, [decl.wise, decl.params.length]);
  }
  if (isListed(checker, decl)) {
    checker.tests.set(decl.name.name, {
      name: decl.name.name,
      decl,
      main,
      module,
      refines,
      params,
      assume: decl.assume,
      wise: decl.wise,
    });
  }
}

export function checkImplementation(checker: Checker, decl: ImplementationDecl): void {
  const module = evalModule(checker, decl.module);
  const main = checkClosedModule(checker, decl, module);
  if (isListed(checker, decl)) {
    checker.implementations.set(decl.name.name, { name: decl.name.name, decl, main, module });
  }
}
