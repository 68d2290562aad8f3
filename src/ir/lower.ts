// Lowering a checked program to the machine IR. First every declaration gets its index (events,
// machines then specs, states, functions in source order, params), then each function body and
// each verification condition is lowered with those indices. Runs only on programs without errors.
import type { NodeId } from "../ast/nodes.ts";
import type { CheckedProgram, FunctionInfo, MachineInfo, StateInfo } from "../types/program.ts";
import { LowerContext, type Ids } from "./context.ts";
import type { EventIR, FunctionIR, HandlerIR, MachineIR, ModelIR, StateIR } from "./ir.ts";
import { lowerExpr } from "./lower-expr.ts";
import { lowerBlock } from "./lower-stmt.ts";
import { expandTest } from "./tests.ts";

export function lowerProgram(checked: CheckedProgram): ModelIR {
  const ids = assignIds(checked);
  const events = eventList(checked);
  const machineInfos = [...checked.machines.values(), ...checked.specs.values()];
  const functionInfos = [...checked.functionsById.values()].sort((a, b) => a.id - b.id);
  const global = new LowerContext(checked, ids, undefined, undefined);

  const functions: FunctionIR[] = functionInfos.map((fn, id) => lowerFunction(checked, ids, fn, id));
  const machines: MachineIR[] = machineInfos.map((m, id) => lowerMachine(global, m, id, events.length));
  const params = [...checked.params.values()].map((p, index) => ({ index, name: p.name, type: p.type }));
  const tests = [...checked.tests.values()].flatMap((t) => expandTest(global, t, params.length));
  const invariants = [
    ...checked.invariants.map((i) => ({ info: i, lemma: undefined as string | undefined })),
    ...[...checked.lemmas.values()].flatMap((l) => l.invariants.map((i) => ({ info: i, lemma: l.name }))),
  ].map(({ info, lemma }) => ({
    name: info.name === undefined ? `invariant@${info.decl.span.start}` : lemma === undefined ? info.name : `${lemma}.${info.name}`,
    lemma,
    condition: lowerExpr(new LowerContext(checked, ids, undefined, undefined), info.decl.condition),
    span: info.decl.span,
  }));

  return {
    events,
    enums: [...checked.enums.values()].map((e) => ({
      name: e.name,
      elements: e.elements.map((x) => ({ name: x.name, value: x.value })),
    })),
    machines,
    functions,
    params,
    interfaces: [...checked.interfaces.values()].map((i) => ({ name: i.name, payload: i.payload })),
    tests,
    invariants,
    initConditions: checked.initConditions.map((c) => lowerExpr(global, c.condition)),
    axioms: checked.axioms.map((a) => lowerExpr(global, a.condition)),
    pures: [...checked.pures.values()].map((p) => ({
      name: p.name,
      params: p.params.map((v) => ({ name: v.name, type: v.type })),
      returnType: p.returnType,
      body: p.body === undefined ? undefined : lowerExpr(global, p.body),
    })),
  };
}

/** `null` is event 0 and `halt` event 1; declared events follow in declaration order. */
function eventList(checked: CheckedProgram): EventIR[] {
  const declared = [...checked.events.values()].filter((e) => e.decl !== undefined);
  return [
    { id: 0, name: "null", payload: undefined },
    { id: 1, name: "halt", payload: undefined },
    ...declared.map((e, i) => ({ id: i + 2, name: e.name, payload: e.payload })),
  ];
}

function assignIds(checked: CheckedProgram): Ids {
  const events = new Map(eventList(checked).map((e) => [e.name, e.id]));
  const machines = new Map<string, number>();
  const states = new Map<string, number>();
  [...checked.machines.values(), ...checked.specs.values()].forEach((m, id) => {
    machines.set(m.name, id);
    for (const s of m.states.values()) states.set(`${m.name}.${s.name}`, s.index);
  });
  const functions = new Map<NodeId, number>(
    [...checked.functionsById.values()].sort((a, b) => a.id - b.id).map((fn, id) => [fn.id, id]),
  );
  const params = new Map([...checked.params.keys()].map((name, i) => [name, i]));
  return { events, machines, states, functions, params };
}

function lowerFunction(checked: CheckedProgram, ids: Ids, fn: FunctionInfo, id: number): FunctionIR {
  const ctx = new LowerContext(checked, ids, fn, fn.machine);
  const locals = [...fn.params, ...fn.locals].map((v) => ({ name: v.name, type: v.type }));
  const prefix = fn.machine !== undefined && fn.kind !== "global" ? `${fn.machine}.` : "";
  return {
    id,
    name: prefix + fn.name,
    kind: fn.kind,
    machine: fn.machine === undefined ? undefined : ctx.machineId(fn.machine),
    locals,
    paramCount: fn.params.length,
    returnType: fn.returnType.kind === "Void" ? undefined : fn.returnType,
    body: fn.body === undefined ? [] : lowerBlock(ctx, fn.body.statements),
    enclosing: fn.enclosing === undefined ? undefined : ctx.functionId(fn.enclosing.id),
    span: fn.decl.span,
  };
}

function lowerMachine(ctx: LowerContext, m: MachineInfo, id: number, eventCount: number): MachineIR {
  const states = [...m.states.values()].map((s) => lowerState(ctx, s, eventCount));
  return {
    id,
    name: m.name,
    kind: m.kind,
    vars: m.vars.map((v) => ({ name: v.name, type: v.type })),
    states,
    start: m.start?.index ?? 0,
    observes: m.observes.map((e) => ctx.event(e)).sort((a, b) => a - b),
    span: m.decl.span,
  };
}

function lowerState(ctx: LowerContext, s: StateInfo, eventCount: number): StateIR {
  const handlers: (HandlerIR | undefined)[] = new Array(eventCount).fill(undefined);
  for (const h of s.handlers.values()) {
    const fn = h.fn === undefined ? undefined : ctx.functionId(h.fn.id);
    handlers[ctx.event(h.event)] =
      h.kind === "do" ? { kind: "do", fn: fn ?? -1 } : { kind: "goto", target: ctx.state(s.machine, h.target), fn };
  }
  const ids = (names: readonly string[]) => names.map((n) => ctx.event(n)).sort((a, b) => a - b);
  return {
    index: s.index,
    name: s.name,
    temperature: s.temperature,
    entry: s.entry === undefined ? undefined : ctx.functionId(s.entry.id),
    exit: s.exit === undefined ? undefined : ctx.functionId(s.exit.id),
    handlers,
    deferred: ids(s.deferred),
    ignored: ids(s.ignored),
    span: s.decl.span,
  };
}
