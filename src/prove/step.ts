// One step of the system as a transition relation: a machine of some type, in some state, takes one
// message in flight to it (or, for a type whose start state has an entry, starts) and runs what P
// runs for it: the `do` handler; or the exit function, the `with` function and the target's entry
// for a transition; `goto` and `raise` followed as P follows them. An ignored message is taken and
// dropped. The result is the state after the step as a frame over the state before.
import type { Span } from "../diagnostics/source.ts";
import type { ModelIR } from "../ir/ir.ts";
import type { Type } from "../types/types.ts";
import { Executor, type Check, type ExecState, type Exit, type Flow, type SendRecord } from "./exec.ts";
import { hasStartStep, OverlayFrame, type Frame } from "./frame.ts";
import { someNode } from "./ir-walk.ts";
import { and, eq, FALSE, ite, sym, TRUE, Unsupported, type Term } from "./smt.ts";
import type { Signature } from "./signature.ts";
import { coerce } from "./translate.ts";

export type HandlerRef =
  | { readonly kind: "event"; readonly machine: number; readonly state: number; readonly event: number; readonly ignored: boolean }
  | { readonly kind: "start"; readonly machine: number };

export function handlerLabel(model: ModelIR, h: HandlerRef): string {
  const m = model.machines[h.machine];
  if (h.kind === "start") return `${m.name} starting in ${m.states[m.start].name}`;
  return `${m.name}.${m.states[h.state].name} ${h.ignored ? "ignoring" : "on"} ${model.events[h.event].name}`;
}

/** Which machine types each event can be sent to, from the static types of the targets of every send. */
export function eventTargets(model: ModelIR): Map<number, Set<number>> {
  const all = model.machines.filter((m) => m.kind === "machine").map((m) => m.id);
  const out = new Map<number, Set<number>>(model.events.map((e) => [e.id, new Set<number>()]));
  let dynamic = false;
  const sends = (o: Readonly<Record<string, unknown>>): boolean => {
    if (o.k === "send") {
      const event = o.event as { k: string; value: unknown };
      const target = (o.target as { type: Type }).type;
      const types = target.kind === "MachineRef" ? model.machines.filter((m) => m.name === target.name && m.kind === "machine").map((m) => m.id) : all;
      if (event.k !== "const" || typeof event.value !== "number") dynamic = true;
      else for (const t of types) out.get(event.value)?.add(t);
    }
    return false;
  };
  for (const fn of model.functions) someNode(fn.body, sends);
  if (dynamic) for (const set of out.values()) for (const t of all) set.add(t);
  return out;
}

/**
 * A test's driver: the main machine of a test, with one state, no handlers, and code that creates
 * machines but never sends, raises, changes state or receives. In a proof every machine exists
 * from the start, so creating them is all a driver does, and it takes no step.
 */
export function isDriver(model: ModelIR, machine: number): boolean {
  const m = model.machines[machine];
  if (m.kind !== "machine" || !model.tests.some((t) => t.main === machine)) return false;
  if (m.states.length !== 1 || m.states[0].entry === undefined || m.states[0].exit !== undefined) return false;
  if (m.states[0].handlers.some((h) => h !== undefined)) return false;
  const seen = new Set<number>();
  const acts = (o: Readonly<Record<string, unknown>>): boolean => {
    if (o.k === "send" || o.k === "raise" || o.k === "goto" || o.k === "receive") return true;
    if (o.k !== "call" || typeof o.fn !== "number" || seen.has(o.fn)) return false;
    seen.add(o.fn);
    return someNode(model.functions[o.fn].body, acts);
  };
  return !someNode(model.functions[m.states[0].entry].body, acts);
}

/** Every step a machine can take: a handler or an ignored event per state, and the start of types that have one (test drivers take none). */
export function listHandlers(model: ModelIR): HandlerRef[] {
  const targets = eventTargets(model);
  const out: HandlerRef[] = [];
  for (const m of model.machines) {
    if (m.kind !== "machine" || isDriver(model, m.id)) continue;
    if (m.states[m.start]?.entry !== undefined) out.push({ kind: "start", machine: m.id });
    for (const s of m.states) {
      for (const e of model.events) {
        if (e.id <= 1 || !targets.get(e.id)?.has(m.id)) continue;
        if (s.handlers[e.id] !== undefined) out.push({ kind: "event", machine: m.id, state: s.index, event: e.id, ignored: false });
        else if (s.ignored.includes(e.id)) out.push({ kind: "event", machine: m.id, state: s.index, event: e.id, ignored: true });
      }
    }
  }
  return out;
}

export interface Step {
  readonly handler: HandlerRef;
  readonly self: Term;
  readonly msg: Term | undefined;
  readonly payload: { readonly term: Term; readonly type: Type } | undefined;
  readonly post: Frame;
  readonly checks: readonly Check[];
  /** Facts of the step the invariant obligations use: assertions that passed. */
  readonly assumptions: readonly Term[];
  readonly sends: readonly SendRecord[];
}

const MAX_CHAIN = 16;

interface Outcome {
  readonly st: ExecState;
}

/** The names of a step's constants (the machine that moves, the message it takes) and of the state after it. */
export interface StepNames {
  readonly self: string;
  readonly msg: string;
  readonly post: string;
}

const ONE_STEP: StepNames = { self: "self", msg: "msg", post: "post" };

/** Encodes one step into `sig`'s query: the step's constraints are asserted, the state after it returned. */
export function encodeStep(sig: Signature, pre: Frame, h: HandlerRef, names: StepNames = ONE_STEP): Step {
  const model = sig.model;
  const m = model.machines[h.machine];
  const self: Term = { s: sym(names.self), sort: sig.idSort(h.machine) };
  sig.b.ensure(`const ${self.s}`, () => `(declare-const ${self.s} ${self.sort})`);
  const ex = new Executor(sig, pre, h.machine, self);
  const st0: ExecState = {
    pc: TRUE,
    vars: m.vars.map((_, i) => pre.variable(h.machine, i, self, m.span)),
    locals: [],
    sends: [],
    loops: [],
    state: h.kind === "start" ? m.start : h.state,
  };
  let msg: Term | undefined;
  let payload: Step["payload"];
  let outcomes: Outcome[];
  if (h.kind === "start") {
    sig.b.assert(and({ s: `(not ${pre.started(h.machine, self).s})`, sort: "Bool" }, eq(pre.state(h.machine, self), sig.stateConst(h.machine, m.start))));
    const entry = model.functions[m.states[m.start].entry!];
    if (entry.paramCount > 0) payload = { term: ex.havoc(entry.locals[0].type, entry.span), type: entry.locals[0].type };
    outcomes = enter(ex, st0, m.start, payload?.term, payload?.type, 0);
  } else {
    const taken: Term = { s: sym(names.msg), sort: sig.msgSort() };
    msg = taken;
    sig.b.ensure(`const ${taken.s}`, () => `(declare-const ${taken.s} ${taken.sort})`);
    ex.taken = msg;
    const e = model.events[h.event];
    sig.b.assert(
      and(
        pre.started(h.machine, self),
        eq(pre.state(h.machine, self), sig.stateConst(h.machine, h.state)),
        pre.inflight(msg),
        eq(sig.msgEvent(msg), sig.eventConst(h.event)),
        eq(sig.msgTarget(msg), sig.wrap(self, h.machine)),
      ),
    );
    if (e.payload !== undefined) payload = { term: sig.msgPayload(msg, h.event, m.span), type: e.payload };
    outcomes = h.ignored ? [{ st: st0 }] : handle(ex, st0, h.event, payload?.term, payload?.type, 0);
  }
  const final = outcomes.length === 0 ? st0 : ex.merge(outcomes.map((o) => o.st), TRUE);
  let state = sig.stateConst(h.machine, outcomes.length === 0 ? st0.state : outcomes[outcomes.length - 1].st.state);
  for (let i = outcomes.length - 2; i >= 0; i--) state = ite(outcomes[i].st.pc, sig.stateConst(h.machine, outcomes[i].st.state), state);
  state = sig.b.share("state", state);
  const post = new OverlayFrame(
    sig,
    pre,
    { machine: h.machine, self, state, started: hasStartStep(sig, h.machine) ? TRUE : undefined, vars: final.vars, added: final, taken: msg },
    names.post,
  );
  return { handler: h, self, msg, payload, post, checks: ex.checks, assumptions: ex.assumptions, sends: final.sends };
}

function run(ex: Executor, fnId: number, payload: Term | undefined, payloadType: Type | undefined, st: ExecState, span: Span): Flow {
  const fn = ex.sig.model.functions[fnId];
  const args: Term[] = [];
  if (fn.paramCount > 0) {
    const type = fn.locals[0].type;
    args.push(payload === undefined || payloadType === undefined ? ex.havoc(type, span) : coerce(ex.sig, payload, payloadType, type, span));
  }
  return ex.callFunction(fn, args, st, span).flow;
}

function after(ex: Executor, flow: Flow, depth: number): Outcome[] {
  const out: Outcome[] = flow.normal === undefined ? [] : [{ st: flow.normal }];
  for (const x of flow.exits) out.push(...follow(ex, x, depth));
  return out;
}

function follow(ex: Executor, x: Exit, depth: number): Outcome[] {
  switch (x.kind) {
    case "goto": {
      const left = exitState(ex, x.st);
      return enter(ex, left, x.target, x.payload, x.payloadType, depth + 1);
    }
    case "raise":
      return handle(ex, x.st, x.event, x.payload, x.payloadType, depth + 1);
    default:
      throw new Error(`${x.kind} outside a function`);
  }
}

/** Takes `event` in the current state. */
function handle(ex: Executor, st: ExecState, event: number, payload: Term | undefined, payloadType: Type | undefined, depth: number): Outcome[] {
  const model = ex.sig.model;
  const m = model.machines[ex.machine];
  const state = m.states[st.state];
  if (depth > MAX_CHAIN) throw new Unsupported(`a chain of more than ${MAX_CHAIN} gotos and raises in one step`, state.span);
  const h = state.handlers[event];
  if (h === undefined) {
    if (state.ignored.includes(event)) return [{ st }];
    ex.addCheck({
      kind: "unhandled-raise",
      guard: st.pc,
      condition: FALSE,
      span: state.span,
      description: `${m.name} in state ${state.name} cannot handle the raised event ${model.events[event].name}`,
    });
    return [];
  }
  if (h.kind === "do") return after(ex, run(ex, h.fn, payload, payloadType, st, state.span), depth);
  const left = exitState(ex, st);
  if (h.fn === undefined) return enter(ex, left, h.target, payload, payloadType, depth + 1);
  const flow = run(ex, h.fn, payload, payloadType, left, state.span);
  const out: Outcome[] = [];
  if (flow.normal !== undefined) out.push(...enter(ex, flow.normal, h.target, payload, payloadType, depth + 1));
  for (const x of flow.exits) out.push(...follow(ex, x, depth));
  return out;
}

/** Enters `target`, running its entry with the payload. */
function enter(ex: Executor, st: ExecState, target: number, payload: Term | undefined, payloadType: Type | undefined, depth: number): Outcome[] {
  const m = ex.sig.model.machines[ex.machine];
  const state = m.states[target];
  if (depth > MAX_CHAIN) throw new Unsupported(`a chain of more than ${MAX_CHAIN} gotos and raises in one step`, state.span);
  const entered: ExecState = { ...st, state: target };
  if (state.entry === undefined) return [{ st: entered }];
  return after(ex, run(ex, state.entry, payload, payloadType, entered, state.span), depth);
}

/** Runs the current state's exit function, which may neither change state nor raise. */
function exitState(ex: Executor, st: ExecState): ExecState {
  const state = ex.sig.model.machines[ex.machine].states[st.state];
  if (state.exit === undefined) return st;
  const flow = run(ex, state.exit, undefined, undefined, st, state.span);
  if (flow.exits.length > 0 || flow.normal === undefined) throw new Unsupported("goto or raise in an exit function", state.span);
  return flow.normal;
}

