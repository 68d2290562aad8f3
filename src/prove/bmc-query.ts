// The query of bounded model checking at one depth: a fixed instance (so many machines of each
// type, each named by a constant), its initial state, and `depth` steps, each one handler of one
// machine chosen by an integer `choice.i`. Every handler is encoded at every step on the same
// encoding as the proofs (src/prove/step.ts), its constraints holding only when it is the one
// chosen; the state after a step picks, function by function, the post-state of the chosen handler.
// The query is satisfiable when some run of exactly `depth` steps ends in a violation: an invariant
// false in the last state, a message in flight that its target cannot take, or an assertion (or loop
// invariant) that fails in the last step. Shallower runs were asked about before, so earlier steps
// assume their assertions held. With idle steps allowed, one query covers every depth up to the
// bound: the quick way to show that there is no violation at all.
import type { Span } from "../diagnostics/source.ts";
import type { ModelIR } from "../ir/ir.ts";
import { ChoiceFrame, hasStartStep, InitFrame, type Branch, type Frame } from "./frame.ts";
import { DEFAULT, unhandledDescription, unhandledEvents } from "./obligations.ts";
import { negatedGoal, unhandledAt, type ValueKind, type ValueRequest } from "./query.ts";
import { and, eq, implies, int, not, or, sym, TRUE, SmtBuilder, Unsupported, type Term } from "./smt.ts";
import { Signature } from "./signature.ts";
import { encodeStep, listHandlers, type HandlerRef } from "./step.ts";
import { translate } from "./translate.ts";

/** Machines of each type taking part, by machine id, in model order. */
export type Instance = ReadonlyMap<number, number>;

/** One way the last state (or step) of a run can be wrong. */
export interface ViolationCase {
  /** The invariant's name, or `default`. */
  readonly target: string;
  readonly description: string;
  readonly span: Span | undefined;
  /** Value key of the Boolean that holds when this case is the one found. */
  readonly key: string;
  readonly witnesses: readonly { readonly name: string; readonly key: string }[];
  /** The last step itself fails (an assertion), rather than leading to a wrong state. */
  readonly inStep: boolean;
}

export interface BmcQuery {
  readonly script: string;
  readonly values: readonly ValueRequest[];
  /** Every handler a step can run, indexed by `choice.i`. */
  readonly handlers: readonly HandlerRef[];
  readonly cases: readonly ViolationCase[];
  /** Per step and handler: the events of its sends, in the order value keys number them. */
  readonly sends: readonly (readonly (readonly number[])[])[];
}

/** The initial states of an instance: satisfiable when the init-conditions and axioms allow one. */
export function initialQuery(model: ModelIR, instance: Instance): string {
  const sig = new Signature(model, new SmtBuilder());
  setUp(sig, instance);
  return sig.b.text();
}

function setUp(sig: Signature, instance: Instance): { frame: Frame; ids: Map<number, Term[]> } {
  const ids = new Map<number, Term[]>();
  for (const [machine, n] of instance) {
    // The ids of a type are exactly the instance's machines: a datatype of n constants, which Z3
    // reasons about without quantifiers.
    const name = sig.machine(machine).name;
    const sort = sym(`Id.${name}`);
    const names = Array.from({ length: n }, (_, i) => sym(`bmc.${name}.${i}`));
    sig.b.ensure(`sort ${sort}`, () => `(declare-datatype ${sort} (${names.map((c) => `(${c})`).join(" ")}))`);
    ids.set(machine, names.map((s) => ({ s, sort: sig.idSort(machine) })));
  }
  const frame = new InitFrame(sig);
  for (const c of sig.model.initConditions) sig.b.assert(translate(sig, { frame, bound: [] }, c));
  axioms(sig, frame);
  return { frame, ids };
}

function axioms(sig: Signature, frame: Frame): void {
  for (const a of sig.model.axioms) {
    const t = translate(sig, { frame, bound: [] }, a);
    sig.b.ensure(`assert ${t.s}`, () => `(assert ${t.s})`);
  }
}

/**
 * The query for runs of exactly `depth` steps; with `stutter`, a step may also be idle (change
 * nothing), so the query covers every run of at most `depth` steps. Throws `Unsupported` for a
 * construct it cannot encode.
 */
export function bmcQuery(model: ModelIR, instance: Instance, depth: number, stutter = false): BmcQuery {
  const sig = new Signature(model, new SmtBuilder());
  const b = sig.b;
  const { frame: initial, ids } = setUp(sig, instance);
  const values: ValueRequest[] = [];
  const add = (key: string, term: Term, value: ValueKind) => values.push({ key, term: term.s, value });
  const handlers = listHandlers(model).filter((h) => instance.has(h.machine));
  const frames: Frame[] = [initial];
  const sends: number[][][] = [];
  let lastOk: Term = TRUE;
  const checkCases: { term: Term; description: string; span: Span }[] = [];
  for (let i = 0; i < depth; i++) {
    const pre = frames[i];
    const choice: Term = { s: sym(`choice.${i}`), sort: "Int" };
    b.line(`(declare-const ${choice.s} Int)`);
    // choice = handlers.length is the idle step: no guard holds, and the next frame is this one.
    const choices = stutter ? handlers.length + 1 : handlers.length;
    b.assert(and({ s: `(<= 0 ${choice.s})`, sort: "Bool" }, { s: `(< ${choice.s} ${choices})`, sort: "Bool" }));
    add(`choice.${i}`, choice, { kind: "type", type: { kind: "Int" } });
    const branches: Branch[] = [];
    const oks: Term[] = [];
    const stepSends: number[][] = [];
    handlers.forEach((h, j) => {
      const guard = eq(choice, int(j));
      const name = sig.machine(h.machine).name;
      const step = b.guarded(guard, () => encodeStep(sig, pre, h, { self: `self.${i}.${name}`, msg: `msg.${i}`, post: `s${i}.h${j}` }));
      branches.push({ guard, machine: h.machine, post: step.post });
      oks.push(implies(guard, and(...step.assumptions)));
      if (i === depth - 1) {
        for (const c of step.checks) {
          checkCases.push({ term: and(guard, ...step.assumptions.slice(0, c.before), c.guard, not(c.condition)), description: c.description, span: c.span });
        }
      }
      add(`self.${i}.${j}`, step.self, { kind: "id", machine: h.machine });
      if (step.payload !== undefined && step.msg === undefined) add(`payload.${i}.${j}`, step.payload.term, { kind: "type", type: step.payload.type });
      stepSends.push(step.sends.map((s) => s.event));
      step.sends.forEach((s, k) => {
        add(`send.${i}.${j}.${k}.guard`, s.guard, { kind: "bool" });
        message(sig, add, `send.${i}.${j}.${k}`, s.id, s.event);
      });
    });
    if (handlers.some((h) => h.kind === "event")) {
      const taken: Term = { s: sym(`msg.${i}`), sort: sig.msgSort() };
      message(sig, add, `msg.${i}`, taken, undefined);
    }
    sends.push(stepSends);
    const ok = and(...oks);
    if (i < depth - 1) b.assert(ok);
    else lastOk = ok;
    frames.push(new ChoiceFrame(sig, pre, branches, `s${i + 1}`));
    axioms(sig, frames[i + 1]);
  }
  const last = frames[depth];
  const cases: ViolationCase[] = [];
  const terms: Term[] = [];
  const addCase = (target: string, description: string, span: Span | undefined, term: Term, witnesses: readonly { name: string; term: Term; value: ValueKind }[], inStep = false) => {
    const key = `case.${cases.length}`;
    const flag: Term = { s: sym(key), sort: "Bool" };
    b.line(`(define-fun ${flag.s} () Bool ${term.s})`);
    terms.push(flag);
    add(key, flag, { kind: "bool" });
    witnesses.forEach((w, k) => add(`${key}.w.${k}`, w.term, w.value));
    cases.push({ target, description, span, key, witnesses: witnesses.map((w, k) => ({ name: w.name, key: `${key}.w.${k}` })), inStep });
  };
  for (const inv of model.invariants) {
    const goal = negatedGoal(sig, last, inv.condition);
    const witnesses = goal.witnesses.map((w) => ({ name: w.name, term: w.term, value: w.term.sort === sig.msgSort() ? ({ kind: "msg" } as const) : ({ kind: "type", type: w.type } as const) }));
    addCase(inv.name, `${inv.name} is false`, inv.span, and(lastOk, goal.term), witnesses);
  }
  for (const u of unhandledEvents(model)) {
    if (!instance.has(u.machine)) continue;
    const x = b.constant("unhandled.machine", sig.idSort(u.machine));
    const m = b.constant("unhandled.msg", sig.msgSort());
    addCase(DEFAULT, unhandledDescription(model, u, "an"), model.machines[u.machine].states[u.state].span, and(lastOk, unhandledAt(sig, last, u, x, m)), [
      { name: "machine", term: x, value: { kind: "id", machine: u.machine } },
      { name: "message", term: m, value: { kind: "msg" } },
    ]);
  }
  for (const c of checkCases) addCase(DEFAULT, `${c.description} fails`, c.span, c.term, [], true);
  b.assert(or(...terms));
  for (let f = 0; f <= depth; f++) {
    for (const [machine, list] of ids) {
      const m = sig.machine(machine);
      list.forEach((id, n) => {
        if (f === 0) add(`id.${machine}.${n}`, id, { kind: "id", machine });
        const at = `f.${f}.${machine}.${n}`;
        add(`${at}.state`, frames[f].state(machine, id), { kind: "state", machine });
        if (hasStartStep(sig, machine)) add(`${at}.started`, frames[f].started(machine, id), { kind: "bool" });
        m.vars.forEach((v, slot) => {
          try {
            add(`${at}.var.${slot}`, frames[f].variable(machine, slot, id, m.span), { kind: "type", type: v.type });
          } catch (error) {
            // A variable the prover cannot encode is shown as `?`.
            if (!(error instanceof Unsupported)) throw error;
          }
        });
      });
    }
  }
  return { script: b.text(), values, handlers, cases, sends };
}

/** Value requests for a message's id, event, target and payload (`event` when known statically). */
function message(sig: Signature, add: (key: string, term: Term, value: ValueKind) => void, key: string, id: Term, event: number | undefined): void {
  add(`${key}.id`, id, { kind: "msg" });
  add(`${key}.event`, sig.msgEvent(id), { kind: "event" });
  add(`${key}.target`, sig.msgTarget(id), { kind: "type", type: { kind: "Machine" } });
  for (const e of sig.model.events) {
    if (e.id <= 1 || e.payload === undefined || (event !== undefined && e.id !== event)) continue;
    try {
      add(`${key}.payload.${e.id}`, sig.msgPayload(id, e.id, undefined), { kind: "type", type: e.payload });
    } catch {
      // A payload the prover cannot encode is not shown.
    }
  }
}
