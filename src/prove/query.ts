// The text of one obligation's query. Hypotheses are asserted behind literals (`hyp.NAME`) that the
// check assumes, so that the unsat core names the invariants a proof used. The negated goal is
// skolemised (its outer `forall` variables become constants), so a counterexample names its
// witnesses. Facts every reachable state has by construction are added for the state before a
// step: messages in flight have been sent; each event is sent only to the machine types the code
// sends it to; a machine that has not started is in its start state with its initial values.
//
// For a counterexample the same query is built again with `bounds` (exactly so many machines of
// each type and so many messages, each named by a constant) and with the terms whose values make
// up the two states.
import type { Span } from "../diagnostics/source.ts";
import type { ExprIR, ModelIR } from "../ir/ir.ts";
import type { Type } from "../types/types.ts";
import { hasStartStep, InitFrame, StoredFrame, type Frame } from "./frame.ts";
import { someNode } from "./ir-walk.ts";
import type { Obligation } from "./obligations.ts";
import { and, app, eq, implies, not, or, sym, SmtBuilder, type Term } from "./smt.ts";
import { Signature } from "./signature.ts";
import { encodeStep, eventTargets, type Step } from "./step.ts";
import { binderRange, translate, type Env } from "./translate.ts";

export interface Bounds {
  /** Machines of each type present in the query, by machine id. */
  readonly machines: ReadonlyMap<number, number>;
  /** Message ids; undefined leaves them unbounded. */
  readonly messages: number | undefined;
}

/** What a value printed in a counterexample is. */
export type ValueKind =
  | { readonly kind: "type"; readonly type: Type }
  | { readonly kind: "state"; readonly machine: number }
  | { readonly kind: "id"; readonly machine: number }
  | { readonly kind: "msg" }
  | { readonly kind: "event" }
  | { readonly kind: "bool" };

export interface ValueRequest {
  readonly key: string;
  readonly term: string;
  readonly value: ValueKind;
}

export interface CtiLayout {
  /** Machine types shown, with their variables that the query mentions. */
  readonly machines: readonly { readonly machine: number; readonly count: number; readonly vars: readonly number[] }[];
  /** Every machine type bounded, shown or not: how many machines of each. */
  readonly counts: ReadonlyMap<number, number>;
  readonly messages: number;
  readonly hasAfter: boolean;
  readonly witnesses: readonly { readonly name: string; readonly key: string }[];
  /** 0-ary pure functions the query mentions. */
  readonly pures: readonly string[];
}

export interface Query {
  readonly obligation: Obligation;
  /** For checks: what is checked, and where. */
  readonly description: string;
  readonly span: Span | undefined;
  readonly script: string;
  readonly assumptions: readonly string[];
  /** Assumption literal to invariant name. */
  readonly literals: ReadonlyMap<string, string>;
  /** Sorts of ids present: the machine types a counterexample shows. */
  readonly machineTypes: readonly number[];
  readonly hasMessages: boolean;
  readonly values: readonly ValueRequest[];
  readonly layout: CtiLayout | undefined;
}

export function literalFor(invariant: string): string {
  return sym(`hyp.${invariant}`);
}

/** How many checks (assertions, loop invariants) a handler has: one query each. */
export function countChecks(model: ModelIR, ob: Obligation): number {
  if (ob.handler === undefined) return 0;
  const sig = new Signature(model, new SmtBuilder());
  return encodeStep(sig, new StoredFrame(sig), ob.handler).checks.length;
}

export function buildQuery(model: ModelIR, ob: Obligation, checkIndex?: number, bounds?: Bounds): Query {
  const b = new SmtBuilder();
  const sig = new Signature(model, b);
  const literals = new Map<string, string>();
  const byName = new Map(model.invariants.map((i) => [i.name, i]));
  let before: Frame;
  let after: Frame | undefined;
  let step: Step | undefined;
  let witnesses: { name: string; term: Term; type: Type }[] = [];
  let description = ob.description;
  let span: Span | undefined;
  const axioms = (frame: Frame) => {
    for (const a of model.axioms) {
      const t = translate(sig, { frame, bound: [] }, a);
      b.ensure(`assert ${t.s}`, () => `(assert ${t.s})`);
    }
  };
  if (ob.kind === "init" || ob.kind === "vacuity") {
    before = new InitFrame(sig);
    for (const c of model.initConditions) b.assert(translate(sig, { frame: before, bound: [] }, c));
    axioms(before);
    if (ob.kind === "init") {
      const goal = negatedGoal(sig, before, byName.get(ob.target)!.condition);
      b.assert(goal.term);
      witnesses = goal.witnesses;
    } else {
      for (const inv of model.invariants) hypothesis(sig, before, inv.name, inv.condition, literals);
    }
  } else {
    before = new StoredFrame(sig);
    for (const name of ob.hypotheses) hypothesis(sig, before, name, byName.get(name)!.condition, literals);
    axioms(before);
    if (ob.kind === "unhandled") {
      const u = ob.unhandled!;
      const x: Term = { s: "self", sort: sig.idSort(u.machine) };
      b.ensure("const self", () => `(declare-const self ${x.sort})`);
      const msg: Term = { s: "msg", sort: sig.msgSort() };
      b.ensure("const msg", () => `(declare-const msg ${sig.msgSort()})`);
      b.assert(unhandledAt(sig, before, u, x, msg));
    } else {
      step = encodeStep(sig, before, ob.handler!);
      after = step.post;
      if (ob.kind === "step") {
        for (const a of step.assumptions) b.assert(a);
        axioms(after);
        const goal = negatedGoal(sig, after, byName.get(ob.target)!.condition);
        b.assert(goal.term);
        witnesses = goal.witnesses;
      } else {
        const check = step.checks[checkIndex ?? 0];
        for (const a of step.assumptions.slice(0, check.before)) b.assert(a);
        b.assert(and(check.guard, not(check.condition)));
        description = `${check.description} in ${ob.description.replace(/^assertions of /, "")}`;
        span = check.span;
      }
    }
  }
  // The machine types a counterexample shows: those whose state the query speaks of.
  const shown = sig
    .machineTypes()
    .filter((m) => ob.kind === "init" || ob.kind === "vacuity" || [`${m.name}.state`, `${m.name}.started`, ...m.vars.map((v) => `${m.name}.var.${v.name}`)].some((f) => b.has(`fun ${sym(f)}`)) || ob.handler?.machine === m.id || ob.unhandled?.machine === m.id)
    .map((m) => m.id);
  if (ob.kind !== "init" && ob.kind !== "vacuity") facts(sig, before, bounds !== undefined);
  const machineTypes = sig.machineTypes().filter((m) => b.has(`sort ${sym(`Id.${m.name}`)}`)).map((m) => m.id);
  const hasMessages = b.has("sort Msg");
  let values: ValueRequest[] = [];
  let layout: CtiLayout | undefined;
  if (bounds !== undefined) {
    const used = (key: string) => b.has(key);
    const usedVars = new Map(machineTypes.map((id) => [id, sig.machine(id).vars.map((v, i) => ({ v, i })).filter(({ v }) => used(`fun ${sym(`${sig.machine(id).name}.var.${v.name}`)}`)).map(({ i }) => i)]));
    const pures = model.pures.filter((p) => p.params.length === 0 && used(`fun ${sym(`pure.${p.name}`)}`)).map((p) => p.name);
    bound(sig, bounds);
    const r = requests(sig, bounds, before, after, step, witnesses, usedVars, pures, ob.unhandled?.machine, ob.kind === "step");
    values = r.values;
    layout = {
      machines: [...bounds.machines].filter(([machine]) => shown.includes(machine)).map(([machine, count]) => ({ machine, count, vars: usedVars.get(machine) ?? [] })),
      counts: bounds.machines,
      messages: bounds.messages ?? 0,
      hasAfter: after !== undefined && ob.kind === "step",
      witnesses: witnesses.map((w, i) => ({ name: w.name, key: `w.${i}` })),
      pures,
    };
  }
  return {
    obligation: ob,
    description,
    span,
    script: b.text(),
    assumptions: [...literals.keys()],
    literals,
    machineTypes,
    hasMessages,
    values,
    layout,
  };
}

/** Message `msg` is in flight to machine `x`, started and in a state that cannot take its event. */
export function unhandledAt(sig: Signature, frame: Frame, u: { machine: number; state: number; events: readonly number[] }, x: Term, msg: Term): Term {
  return and(
    frame.started(u.machine, x),
    eq(frame.state(u.machine, x), sig.stateConst(u.machine, u.state)),
    frame.inflight(msg),
    eq(sig.msgTarget(msg), sig.wrap(x, u.machine)),
    or(...u.events.map((e) => eq(sig.msgEvent(msg), sig.eventConst(e)))),
  );
}

function hypothesis(sig: Signature, frame: Frame, name: string, condition: ExprIR, literals: Map<string, string>): void {
  const lit = literalFor(name);
  const t = translate(sig, { frame, bound: [] }, condition);
  sig.b.line(`(declare-const ${lit} Bool)`);
  sig.b.assert(implies({ s: lit, sort: "Bool" }, t));
  literals.set(lit, name);
}

/** `not I`, with the variables of I's outer `forall`s as constants (the witnesses of a failure). */
export function negatedGoal(sig: Signature, frame: Frame, condition: ExprIR): { term: Term; witnesses: { name: string; term: Term; type: Type }[] } {
  let e = condition;
  let env: Env = { frame, bound: [] };
  const guards: Term[] = [];
  const witnesses: { name: string; term: Term; type: Type }[] = [];
  while (e.k === "forall" && !e.overNew) {
    const scope: Term[] = [];
    for (const binder of e.binders) {
      const r = binderRange(sig, env, binder.type, false, e.span, sig.b.fresh(`witness.${binder.name}`));
      sig.b.line(`(declare-const ${r.v.s} ${r.v.sort})`);
      scope.push(r.v);
      guards.push(r.guard);
      witnesses.push({ name: binder.name, term: r.v, type: binder.type });
    }
    env = { ...env, bound: [...env.bound, scope] };
    e = e.body;
  }
  return { term: and(...guards, not(translate(sig, env, e))), witnesses };
}

/** Facts of every reachable state, for the state before a step (only about what the query mentions). */
function facts(sig: Signature, frame: Frame, complete: boolean): void {
  const b = sig.b;
  if (b.has("fun sent") || b.has("fun inflight")) {
    const m: Term = { s: "m", sort: sig.msgSort() };
    const targets = eventTargets(sig.model);
    const typed: Term[] = [];
    if (b.has("fun msg.target") || b.has("fun msg.event")) {
      for (const e of sig.model.events) {
        if (e.id <= 1) continue;
        const types = [...(targets.get(e.id) ?? [])];
        if (types.length === sig.machineTypes().length) continue;
        typed.push(implies(eq(sig.msgEvent(m), sig.eventConst(e.id)), or(...types.map((t) => sig.isOfType(sig.msgTarget(m), t)))));
      }
    }
    b.assert({ s: `(forall ((m ${sig.msgSort()})) ${and(implies(frame.inflight(m), frame.sent(m)), implies(frame.sent(m), and(...typed))).s})`, sort: "Bool" });
  }
  for (const mt of sig.machineTypes()) {
    if (!b.has(`fun ${sym(`${mt.name}.state`)}`) && !(complete && b.has(`sort ${sym(`Id.${mt.name}`)}`))) continue;
    const x: Term = { s: "x", sort: sig.idSort(mt.id) };
    for (const s of mt.states) {
      if (!isTransient(sig.model, mt.id, s.index)) continue;
      // No machine rests in a state whose entry always leaves it (a start state: unless it has not started).
      const there = eq(frame.state(mt.id, x), sig.stateConst(mt.id, s.index));
      const fact = s.index === mt.start && hasStartStep(sig, mt.id) ? implies(there, not(frame.started(mt.id, x))) : not(there);
      b.assert({ s: `(forall ((x ${x.sort})) ${fact.s})`, sort: "Bool" });
    }
  }
  for (const mt of sig.machineTypes()) {
    if (!hasStartStep(sig, mt.id)) continue;
    if (!b.has(`fun ${sym(`${mt.name}.started`)}`) && !(complete && b.has(`sort ${sym(`Id.${mt.name}`)}`))) continue;
    const x: Term = { s: "x", sort: sig.idSort(mt.id) };
    const same: Term[] = [eq(frame.state(mt.id, x), sig.stateConst(mt.id, mt.start))];
    mt.vars.forEach((v, i) => {
      if (!b.has(`fun ${sym(`${mt.name}.var.${v.name}`)}`)) return;
      const d = sig.defaultValue(v.type, mt.span);
      if (d !== undefined) same.push(eq(frame.variable(mt.id, i, x, mt.span), d));
    });
    b.assert({ s: `(forall ((x ${x.sort})) ${implies(not(frame.started(mt.id, x)), and(...same)).s})`, sort: "Bool" });
  }
}

/** Exactly so many machines of each type and so many messages, each named by a constant. */
function bound(sig: Signature, bounds: Bounds): void {
  for (const [machine, n] of bounds.machines) exactly(sig, `cti.${sig.machine(machine).name}`, sig.idSort(machine), n);
  if (bounds.messages !== undefined) exactly(sig, "cti.msg", sig.msgSort(), bounds.messages);
}

/** Exactly `n` values of `sort`, the constants `prefix.0` to `prefix.(n-1)`; returns their names. */
export function exactly(sig: Signature, prefix: string, sort: string, n: number): string[] {
  const names = Array.from({ length: n }, (_, i) => sym(`${prefix}.${i}`));
  for (const name of names) sig.b.line(`(declare-const ${name} ${sort})`);
  if (n > 1) sig.b.line(`(assert (distinct ${names.join(" ")}))`);
  sig.b.line(`(assert (forall ((y ${sort})) ${n === 1 ? `(= y ${names[0]})` : `(or ${names.map((c) => `(= y ${c})`).join(" ")})`}))`);
  return names;
}

function requests(
  sig: Signature,
  bounds: Bounds,
  before: Frame,
  after: Frame | undefined,
  step: Step | undefined,
  witnesses: readonly { name: string; term: Term; type: Type }[],
  usedVars: ReadonlyMap<number, readonly number[]>,
  pures: readonly string[],
  unhandled: number | undefined,
  showAfter: boolean,
): { values: ValueRequest[] } {
  const values: ValueRequest[] = [];
  const add = (key: string, term: Term, value: ValueKind) => values.push({ key, term: term.s, value });
  for (const [machine, n] of bounds.machines) {
    const m = sig.machine(machine);
    for (let i = 0; i < n; i++) {
      const id: Term = { s: sym(`cti.${m.name}.${i}`), sort: sig.idSort(machine) };
      add(`${machine}.${i}.id`, id, { kind: "id", machine });
      const frames: [string, Frame][] = after === undefined || !showAfter ? [["before", before]] : [["before", before], ["after", after]];
      for (const [when, frame] of frames) {
        add(`${machine}.${i}.${when}.state`, frame.state(machine, id), { kind: "state", machine });
        if (hasStartStep(sig, machine)) add(`${machine}.${i}.${when}.started`, frame.started(machine, id), { kind: "bool" });
        for (const slot of usedVars.get(machine) ?? []) add(`${machine}.${i}.${when}.var.${slot}`, frame.variable(machine, slot, id, m.span), { kind: "type", type: m.vars[slot].type });
      }
    }
  }
  if (bounds.messages !== undefined) {
    for (let j = 0; j < bounds.messages; j++) {
      const x: Term = { s: sym(`cti.msg.${j}`), sort: sig.msgSort() };
      add(`msg.${j}.id`, x, { kind: "msg" });
      add(`msg.${j}.before.sent`, before.sent(x), { kind: "bool" });
      add(`msg.${j}.before.inflight`, before.inflight(x), { kind: "bool" });
      if (after !== undefined && showAfter) {
        add(`msg.${j}.after.sent`, after.sent(x), { kind: "bool" });
        add(`msg.${j}.after.inflight`, after.inflight(x), { kind: "bool" });
      }
      add(`msg.${j}.event`, sig.msgEvent(x), { kind: "event" });
      add(`msg.${j}.target`, sig.msgTarget(x), { kind: "type", type: { kind: "Machine" } });
      for (const e of sig.model.events) {
        if (e.id <= 1 || e.payload === undefined) continue;
        try {
          add(`msg.${j}.payload.${e.id}`, sig.msgPayload(x, e.id, undefined), { kind: "type", type: e.payload });
        } catch {
          // A payload the prover cannot encode is not shown.
        }
      }
    }
  }
  if (step !== undefined) {
    add("self", step.self, { kind: "id", machine: step.handler.machine });
    if (step.msg !== undefined) add("msg", step.msg, { kind: "msg" });
    if (step.payload !== undefined) add("payload", step.payload.term, { kind: "type", type: step.payload.type });
  } else if (unhandled !== undefined) {
    add("self", { s: "self", sort: sig.idSort(unhandled) }, { kind: "id", machine: unhandled });
    add("msg", { s: "msg", sort: sig.msgSort() }, { kind: "msg" });
  }
  witnesses.forEach((w, i) => {
    const kind: ValueKind = w.term.sort === sig.msgSort() ? { kind: "msg" } : { kind: "type", type: w.type };
    add(`w.${i}`, w.term, kind);
  });
  for (const p of pures) add(`pure.${p}`, app(sym(`pure.${p}`), ""), { kind: "type", type: sig.pure(p).returnType });
  return { values };
}

/**
 * A state whose entry always leaves it: the entry ends with a `goto` to another state, and contains
 * no `return`, `raise`, `receive`, call, or `goto` back to the state itself.
 */
export function isTransient(model: ModelIR, machine: number, state: number): boolean {
  const entry = model.machines[machine].states[state].entry;
  if (entry === undefined) return false;
  const body = model.functions[entry].body;
  const stays = (o: Readonly<Record<string, unknown>>) => o.k === "return" || o.k === "raise" || o.k === "receive" || o.k === "call" || (o.k === "goto" && o.state === state);
  return !someNode(body, stays) && body.some((st) => st.k === "goto");
}
