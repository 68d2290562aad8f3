// `pith prove` end to end: plan the obligations, build one query each, ask the solver (through the
// cache), read unsat cores for the helpers each proof used, search a small counterexample for the
// first failing obligation of each target, and gather a result per target.
import type { ModelIR } from "../ir/ir.ts";
import type { CheckedProgram } from "../types/program.ts";
import { findCti } from "./cti.ts";
import { DEFAULT, planProof, VACUITY, type Obligation } from "./obligations.ts";
import { buildQuery, countChecks, type Query } from "./query.ts";
import type { Failure, ProofReport, TargetResult, Unknown } from "./result.ts";
import { Unsupported } from "./smt.ts";
import type { Solver, SolverAnswer } from "./solver.ts";

export interface ProveOptions {
  readonly solver: Solver;
  /** Called after each obligation, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
}

interface Tally {
  obligations: number;
  helpers: Set<string>;
  failures: Failure[];
  unknowns: Unknown[];
}

/** The time limit of the first try of a step with the invariant alone. */
const ALONE_TIMEOUT_MS = 1_000;

export async function prove(model: ModelIR, checked: CheckedProgram, options: ProveOptions): Promise<ProofReport> {
  const started = performance.now();
  const plan = planProof(model, checked);
  const tallies = new Map<string, Tally>([...plan.targets, VACUITY].map((t) => [t, { obligations: 0, helpers: new Set<string>(), failures: [], unknowns: [] }]));
  const usedBy = new Map<string, Set<string>>();
  let queries = 0;
  let cached = 0;
  let solverMs = 0;
  const ask = async (q: Query, timeoutMs?: number): Promise<SolverAnswer> => {
    queries++;
    const a = (await options.solver.check({ script: q.script, assumptions: q.assumptions, values: [], timeoutMs })) as SolverAnswer & { cached?: boolean };
    if (a.cached === true) cached++;
    else solverMs += a.ms;
    return a;
  };
  let done = 0;
  for (const ob of plan.obligations) {
    const tally = tallies.get(ob.target)!;
    tally.obligations++;
    try {
      const n = ob.kind === "check" ? countChecks(model, ob) : 1;
      for (let i = 0; i < n; i++) {
        // Most steps preserve an invariant on their own: ask first with the invariant alone, which
        // is quick and keeps the unsat core honest, and with all the hypotheses only if needed.
        // The first try gets a short time limit: when it does not answer at once, it needs the
        // hypotheses, and waiting longer for it only delays the query that settles the step.
        if (ob.kind === "step" && ob.hypotheses.length > 1 && ob.hypotheses.includes(ob.target)) {
          const alone = buildQuery(model, { ...ob, hypotheses: [ob.target] });
          const answer = await ask(alone, ALONE_TIMEOUT_MS);
          if (answer.status === "unsat") {
            await record(model, ob, alone, i, answer, tally, usedBy, options.solver);
            continue;
          }
        }
        const q = buildQuery(model, ob, ob.kind === "check" ? i : undefined);
        const answer = await ask(q);
        await record(model, ob, q, i, answer, tally, usedBy, options.solver);
      }
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      tally.unknowns.push({
        description: ob.description,
        reason: `unsupported construct: ${error.construct}`,
        construct: error.construct,
        ...(error.span === undefined ? {} : { span: error.span }),
      });
    }
    options.onProgress?.(++done, plan.obligations.length);
  }
  const results: TargetResult[] = plan.targets.map((target) => {
    const t = tallies.get(target)!;
    const notes: string[] = [];
    if (plan.unproved.includes(target)) {
      t.unknowns.push({ description: "not proved", reason: "no step of the proof script proves it" });
    }
    const status = t.failures.length > 0 ? "failed" : t.unknowns.length > 0 ? "unknown" : "proved";
    if (status === "proved" && target !== DEFAULT && model.invariants.length > 1 && !usedBy.has(target)) notes.push("no other proof used it");
    const helpers = [...t.helpers].filter((h) => h !== target).sort((a, b) => order(model, a) - order(model, b));
    const unprovedHelpers = helpers.filter((h) => plan.unproved.includes(h));
    if (unprovedHelpers.length > 0) notes.push(`relies on ${unprovedHelpers.join(", ")}, which no step proves`);
    return {
      target,
      status,
      ...(plan.spans.get(target) === undefined ? {} : { span: plan.spans.get(target) }),
      obligations: t.obligations,
      helpers,
      failures: t.failures,
      unknowns: dedupe(t.unknowns),
      notes,
    };
  });
  const v = tallies.get(VACUITY)!;
  const vacuity = v.failures.length > 0 ? { status: "failed" as const, reason: v.failures[0].description } : v.unknowns.length > 0 ? { status: "unknown" as const, reason: v.unknowns[0].reason } : { status: "proved" as const };
  return {
    results,
    vacuity,
    stats: { obligations: plan.obligations.length, queries, cached, ms: performance.now() - started, solverMs },
  };
}

async function record(
  model: ModelIR,
  ob: Obligation,
  q: Query,
  checkIndex: number,
  answer: SolverAnswer,
  tally: Tally,
  usedBy: Map<string, Set<string>>,
  solver: Solver,
): Promise<void> {
  const description = q.description;
  if (ob.kind === "vacuity") {
    if (answer.status === "unsat") tally.failures.push({ description: "the init-conditions, axioms and invariants contradict each other: every proof would hold vacuously" });
    else if (answer.status !== "sat") tally.unknowns.push({ description: ob.description, reason: reason(answer) });
    return;
  }
  if (answer.status === "unsat") {
    for (const literal of answer.core) {
      const inv = q.literals.get(literal);
      if (inv === undefined) continue;
      tally.helpers.add(inv);
      if (inv !== ob.target) {
        if (!usedBy.has(inv)) usedBy.set(inv, new Set());
        usedBy.get(inv)!.add(ob.target);
      }
    }
    return;
  }
  if (answer.status === "sat") {
    const failure: Failure = { description, ...(q.span === undefined ? {} : { span: q.span }) };
    if (tally.failures.length === 0) {
      const found = await findCti(model, ob, ob.kind === "check" ? checkIndex : undefined, q, solver);
      tally.failures.push({ ...failure, ...(found.cti === undefined ? {} : { cti: found.cti }), ...(found.missing === undefined ? {} : { ctiMissing: found.missing }) });
    } else tally.failures.push(failure);
    return;
  }
  tally.unknowns.push({ description, reason: reason(answer) });
}

function reason(answer: SolverAnswer): string {
  if (answer.status === "unknown") return /timeout|canceled/.test(answer.message) ? "timeout" : `Z3 gave up (${answer.message})`;
  if (answer.status === "error") return `Z3 error: ${answer.message}`;
  return answer.status;
}

function order(model: ModelIR, name: string): number {
  const i = model.invariants.findIndex((x) => x.name === name);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

function dedupe(unknowns: readonly Unknown[]): Unknown[] {
  const seen = new Set<string>();
  const out: Unknown[] = [];
  for (const u of unknowns) {
    const key = u.construct !== undefined ? `${u.construct}@${u.span?.file}:${u.span?.start}` : `${u.description}|${u.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(u);
  }
  return out;
}
