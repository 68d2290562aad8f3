// Checking a model: every configuration of every test (or those asked for) explored to a verdict,
// with the counterexample made readable. This is the explorer's hand-off record, which the
// reporters render and the CLI turns into an exit code.
import type { Span } from "../diagnostics/source.ts";
import type { ModelIR, TestIR } from "../ir/ir.ts";
import { explore, type Budget, type Stats, type StopReason, type Violation } from "./engine/index.ts";
import type { SearchMode } from "./engine/stats.ts";
import { PModel } from "./p/model.ts";
import { CompiledProgram } from "./p/program.ts";
import { describeTrace, type StepView } from "./p/trace.ts";

export interface CheckOptions {
  readonly mode: SearchMode;
  readonly budget: Budget;
  /** Simulation only. */
  readonly seed?: number;
  readonly runs?: number;
  readonly maxSteps?: number;
  /** Off: skip the liveness pass (hot monitors are still reported at the end of a run). */
  readonly liveness: boolean;
  readonly onProgress?: (test: string, stats: Stats) => void;
}

export interface ViolationReport {
  /** assertion, unhandled-event, runtime, deadlock, liveness. */
  readonly kind: string;
  readonly message: string;
  /** Where the failing statement is, when a statement failed. */
  readonly span: Span | undefined;
  readonly steps: readonly StepView[];
  /** Liveness on a cycle: the steps that repeat forever. */
  readonly cycle: readonly StepView[] | undefined;
  /** Liveness: the monitor that stays hot. */
  readonly monitor: string | undefined;
  /** The emission ordinal of each step, from the initial state: what `pith replay` follows. */
  readonly ordinals: readonly number[];
}

export interface TestOutcome {
  readonly test: string;
  readonly verdict: "pass" | "violation" | "inconclusive";
  /** Every reachable state was explored. */
  readonly exhaustive: boolean;
  readonly reason: StopReason | undefined;
  readonly stats: Stats;
  readonly violation: ViolationReport | undefined;
  readonly span: Span;
}

/** The test configurations named by `names` (a test name selects all its configurations). */
export function selectTests(model: ModelIR, names: readonly string[]): { tests: TestIR[]; unknown: string[] } {
  if (names.length === 0) return { tests: [...model.tests], unknown: [] };
  const unknown = names.filter((n) => !model.tests.some((t) => t.test === n || t.name === n));
  const tests = model.tests.filter((t) => names.includes(t.test) || names.includes(t.name));
  return { tests, unknown };
}

export async function checkTests(model: ModelIR, tests: readonly TestIR[], options: CheckOptions): Promise<TestOutcome[]> {
  const program = new CompiledProgram(model);
  const outcomes: TestOutcome[] = [];
  for (const test of tests) {
    outcomes.push(await checkTest(program, test, options));
    if (options.budget.signal?.aborted === true) break;
  }
  return outcomes;
}

export async function checkTest(program: CompiledProgram, test: TestIR, options: CheckOptions): Promise<TestOutcome> {
  const model = new PModel(program, test);
  const liveness = options.liveness && model.monitorCount > 0;
  model.emitSelfLoops = liveness;
  const result = await explore(model, {
    mode: options.mode,
    liveness,
    budget: options.budget,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
    ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
    ...(options.onProgress !== undefined ? { onProgress: (s: Stats) => options.onProgress!(test.name, s) } : {}),
  });
  return {
    test: test.name,
    verdict: result.verdict,
    exhaustive: result.exhaustive,
    reason: result.reason,
    stats: result.stats,
    violation: result.violation === undefined ? undefined : report(model, result.violation),
    span: test.span,
  };
}

function report(model: PModel, v: Violation): ViolationReport {
  const steps = describeTrace(model, v.trace);
  const last = steps[steps.length - 1];
  const cycleStart = v.trace.length > 0 ? v.trace[v.trace.length - 1].state : null;
  const cycle = v.cycle === undefined ? undefined : describeTrace(model, v.cycle, cycleStart).map((s, i) => ({ ...s, index: steps.length + i + 1 }));
  return {
    kind: v.kind,
    message: v.message,
    span: last?.failure?.span,
    steps,
    cycle,
    monitor: v.monitor === undefined ? undefined : model.monitorLabel(v.monitor),
    ordinals: v.trace.map((s) => s.ordinal),
  };
}

/**
 * The configurations with global params set to `values` (from `--param`), named after every param
 * they assign; configurations that become identical are kept once.
 */
export function withParams(model: ModelIR, tests: readonly TestIR[], values: Readonly<Record<string, number | boolean>>): TestIR[] {
  if (Object.keys(values).length === 0) return [...tests];
  const out = new Map<string, TestIR>();
  for (const t of tests) {
    const paramValues = t.paramValues.map((v, i) => (model.params[i].name in values ? values[model.params[i].name] : v));
    const assigned = paramValues.flatMap((v, i) => (v === undefined ? [] : [`${model.params[i].name}=${v}`]));
    const name = assigned.length === 0 ? t.test : `${t.test}(${assigned.join(",")})`;
    if (!out.has(name)) out.set(name, { ...t, name, paramValues });
  }
  return [...out.values()];
}
