// The models the reporters' tests render: each read and checked the way `pith check` does it
// (loadModel, frontEnd, checkTests), with the timings pinned so that outputs can be compared
// byte for byte.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { frontEnd, loadModel } from "../../src/driver.ts";
import { checkTests, type TestOutcome } from "../../src/explore/check.ts";
import type { Budget } from "../../src/explore/engine/index.ts";
import type { ModelRun, RunReport } from "../../src/report/run-report.ts";
import { violationTrace, type TraceFile } from "../../src/report/trace-json.ts";
import { implementationMap } from "../../src/conform/link.ts";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The one known violation every reporter is pinned on. */
export const ORDER_BUG = "test/report/order-bug.p";

/** Elapsed time in every outcome, so that reports do not depend on the machine's speed. */
export const PINNED_MS = 12;

function pinned(o: TestOutcome): TestOutcome {
  return { ...o, stats: { ...o.stats, elapsedMs: PINNED_MS, statesPerSecond: 0 } };
}

/** A model from files under the repository, checked breadth-first with the liveness pass. */
export function modelRun(...paths: string[]): Promise<ModelRun> {
  return modelRunWithin({}, ...paths);
}

/** As `modelRun`, within a budget. */
export async function modelRunWithin(budget: Budget, ...paths: string[]): Promise<ModelRun> {
  const loaded = loadModel(paths, ROOT);
  if (loaded.problems.length > 0) throw new Error(loaded.problems.join("\n"));
  const front = frontEnd(loaded.files);
  const outcomes = front.ir === undefined ? [] : await checkTests(front.ir, front.ir.tests, { mode: "bfs", budget, liveness: true });
  return { model: paths.join(" "), sources: front.sources, diagnostics: front.diagnostics, outcomes: outcomes.map(pinned), ir: front.ir };
}

/** The implementation of ORDER_BUG's machines, which the link map pairs with its handlers. */
export const ORDER_BUG_IMPL = "test/report/order-bug-impl";

/** ORDER_BUG checked, with the link map of its implementation (file paths relative to the repository). */
export async function linkedRun(): Promise<ModelRun> {
  const run = await modelRun(ORDER_BUG);
  return { ...run, impl: implementationMap(run.ir!, run.sources, join(ROOT, ORDER_BUG_IMPL), ROOT) };
}

export function report(...runs: ModelRun[]): RunReport {
  return { toolVersion: "0.1.0", runs };
}

/** The trace document of a violated outcome of `run`, as `pith check --trace-out` writes it. */
export function traceOf(run: ModelRun, outcome: TestOutcome): TraceFile {
  const test = run.ir?.tests.find((t) => t.name === outcome.test);
  if (run.ir === undefined || test === undefined) throw new Error(`no configuration ${outcome.test}`);
  return violationTrace(run.ir, test, outcome, run.sources);
}
