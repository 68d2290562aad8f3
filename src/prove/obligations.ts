// What must be proved: the proof script (or, without one, every invariant using all of them, and the
// built-in obligations) expanded into obligations, each one small solver query:
//   - init:      the init-conditions (and axioms) imply the invariant in the initial state;
//   - step:      the hypotheses before a step of one handler imply the invariant after it;
//   - unhandled: no message in flight to a started machine whose state neither handles, defers nor
//                ignores it (the built-in `default` obligation);
//   - check:     every assertion and loop invariant of a handler holds (also `default`);
//   - vacuity:   the init-conditions, axioms and invariants can hold together.
import type { Span } from "../diagnostics/source.ts";
import type { ModelIR } from "../ir/ir.ts";
import type { CheckedProgram, InvariantInfo, ProofTarget } from "../types/program.ts";
import { eventTargets, handlerLabel, listHandlers, type HandlerRef } from "./step.ts";

export const DEFAULT = "default";
export const VACUITY = "vacuity";

export type ObligationKind = "init" | "step" | "unhandled" | "check" | "vacuity";

export interface Obligation {
  /** The invariant proved, `default`, or `vacuity`. */
  readonly target: string;
  readonly kind: ObligationKind;
  /** e.g. `holds initially`, `preserved by Client.Waiting on eGrant`. */
  readonly description: string;
  /** The invariants assumed (by name). */
  readonly hypotheses: readonly string[];
  readonly handler?: HandlerRef;
  /** unhandled: the machine type and state, and the events it does not take. */
  readonly unhandled?: { readonly machine: number; readonly state: number; readonly events: readonly number[] };
  /** check: its position among the step's checks. */
  readonly check?: number;
}

export interface ProofPlan {
  /** Targets in the order results are reported: invariants, then `default`. */
  readonly targets: readonly string[];
  readonly obligations: readonly Obligation[];
  /** Invariants that no step of the proof script proves. */
  readonly unproved: readonly string[];
  readonly spans: ReadonlyMap<string, Span>;
}

export function invariantName(info: InvariantInfo): string {
  if (info.name === undefined) return `invariant@${info.decl.span.start}`;
  return info.lemma === undefined ? info.name : `${info.lemma}.${info.name}`;
}

function expand(checked: CheckedProgram, targets: readonly ProofTarget[]): { invariants: string[]; withDefault: boolean } {
  const invariants: string[] = [];
  let withDefault = false;
  for (const t of targets) {
    if (t.kind === "default") withDefault = true;
    else if (t.kind === "invariant") invariants.push(invariantName(t.invariant));
    else invariants.push(...(checked.lemmas.get(t.lemma.name)?.invariants ?? t.lemma.invariants).map(invariantName));
  }
  return { invariants: [...new Set(invariants)], withDefault };
}

/** The steps of the proof: each proves some targets assuming itself and its `using` groups. */
export function proofSteps(model: ModelIR, checked: CheckedProgram): { targets: string[]; withDefault: boolean; using: string[] }[] {
  const all = model.invariants.map((i) => i.name);
  const steps = checked.proofs.flatMap((p) => p.steps);
  if (steps.length === 0) return [{ targets: all, withDefault: true, using: all }];
  return steps.map((s) => {
    const t = expand(checked, s.targets);
    const u = expand(checked, s.using);
    return { targets: t.invariants, withDefault: t.withDefault, using: u.invariants };
  });
}

export function planProof(model: ModelIR, checked: CheckedProgram): ProofPlan {
  const handlers = listHandlers(model);
  const obligations: Obligation[] = [];
  const steps = proofSteps(model, checked);
  const proved = new Set<string>();
  let defaultProved = false;
  for (const step of steps) {
    const hypotheses = [...new Set([...step.targets, ...step.using])];
    for (const inv of step.targets) {
      proved.add(inv);
      obligations.push({ target: inv, kind: "init", description: "holds initially", hypotheses: [] });
      for (const h of handlers) {
        obligations.push({ target: inv, kind: "step", description: `preserved by ${handlerLabel(model, h)}`, hypotheses, handler: h });
      }
    }
    if (step.withDefault) {
      defaultProved = true;
      obligations.push(...defaultObligations(model, handlers, hypotheses));
    }
  }
  const targets = model.invariants.map((i) => i.name);
  if (defaultProved || steps.length > 0) targets.push(DEFAULT);
  obligations.push({ target: VACUITY, kind: "vacuity", description: "the init-conditions, axioms and invariants can hold together", hypotheses: [] });
  const unproved = targets.filter((t) => (t === DEFAULT ? !defaultProved : !proved.has(t)));
  return { targets, obligations, unproved, spans: new Map(model.invariants.map((i) => [i.name, i.span])) };
}

/** Per machine type and state, the events sent to that type that the state neither handles, defers nor ignores. */
export function unhandledEvents(model: ModelIR): { machine: number; state: number; events: number[] }[] {
  const out: { machine: number; state: number; events: number[] }[] = [];
  const targets = eventTargets(model);
  for (const m of model.machines) {
    if (m.kind !== "machine") continue;
    for (const s of m.states) {
      const events = model.events
        .filter((e) => e.id > 1 && targets.get(e.id)?.has(m.id))
        .filter((e) => s.handlers[e.id] === undefined && !s.deferred.includes(e.id) && !s.ignored.includes(e.id))
        .map((e) => e.id);
      if (events.length > 0) out.push({ machine: m.id, state: s.index, events });
    }
  }
  return out;
}

/** `no event in flight to M in state S that it cannot take (E)`: the obligation, or with `an`, its violation. */
export function unhandledDescription(model: ModelIR, u: { machine: number; state: number; events: readonly number[] }, quantity: "no" | "an" = "no"): string {
  const m = model.machines[u.machine];
  return `${quantity} event in flight to ${m.name} in state ${m.states[u.state].name} that it cannot take (${u.events.map((e) => model.events[e].name).join(", ")})`;
}

function defaultObligations(model: ModelIR, handlers: readonly HandlerRef[], hypotheses: readonly string[]): Obligation[] {
  const out: Obligation[] = [];
  for (const u of unhandledEvents(model)) {
    out.push({ target: DEFAULT, kind: "unhandled", description: unhandledDescription(model, u), hypotheses, unhandled: u });
  }
  // Checks (assertions, loop invariants) are found when a step is encoded; one obligation per
  // handler stands for them and is expanded by the prover.
  for (const h of handlers) {
    if (h.kind === "event" && h.ignored) continue;
    out.push({ target: DEFAULT, kind: "check", description: `assertions of ${handlerLabel(model, h)}`, hypotheses, handler: h });
  }
  return out;
}
