// The engine's entry point: runs a search over a model and returns a `CheckResult`. The search
// advances in chunks of expansions; between chunks the driver checks the budget, calls the
// progress callback, and (in the asynchronous form) yields to the event loop so that a SIGINT
// handler can abort it. Once the search stops, a violation's ordinals are replayed into a trace,
// and a finished exhaustive search with liveness on gets the fair-cycle pass.
import { BfsSearch } from "./bfs.ts";
import { BudgetWatch, type Budget } from "./budget.ts";
import { DfsSearch } from "./dfs.ts";
import { livenessFinding } from "./liveness/pass.ts";
import type { Model } from "./model.ts";
import { freshSeed } from "./prng.ts";
import type { CheckResult, StopReason, Verdict, Violation } from "./result.ts";
import type { Finding, Search } from "./search.ts";
import { Simulation } from "./simulate.ts";
import { snapshot, type SearchMode, type Stats } from "./stats.ts";
import { replay } from "./trace.ts";
// The project's exhaustiveness helper; it lives with the AST but knows nothing of it.
import { unreachable } from "../../ast/nodes.ts";

export interface ExploreOptions {
  readonly mode: SearchMode;
  /** Check liveness: hot monitors in terminal states, and (exhaustive modes) hot fair cycles. */
  readonly liveness?: boolean;
  readonly budget?: Budget;
  /** Simulation: the seed (a fresh one, reported in the stats, when omitted). */
  readonly seed?: number;
  /** Simulation: number of walks (default 1000). */
  readonly runs?: number;
  /** Simulation: steps per walk (default 1000). */
  readonly maxSteps?: number;
  /** Expected number of distinct states, to size the visited set up front. */
  readonly expectedStates?: number;
  /** Called about every `progressEvery` distinct states (default 100,000). */
  readonly onProgress?: (stats: Stats) => void;
  readonly progressEvery?: number;
  /** Expansions between two budget checks (default 1024). */
  readonly checkEvery?: number;
  /** Expansions between two memory readings (default 65,536). */
  readonly memoryEvery?: number;
  /** Asynchronous form: longest stretch, in ms, without yielding to the event loop (default 50). */
  readonly yieldEveryMs?: number;
}

/** Explores `model`, yielding to the event loop now and then so that `budget.signal` can fire. */
export async function explore(model: Model, options: ExploreOptions): Promise<CheckResult> {
  const run = drive(model, options);
  for (;;) {
    const step = run.next();
    if (step.done === true) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Explores `model` without ever yielding: for workers, benchmarks and tests. */
export function exploreSync(model: Model, options: ExploreOptions): CheckResult {
  const run = drive(model, options);
  for (;;) {
    const step = run.next();
    if (step.done === true) return step.value;
  }
}

function createSearch(model: Model, options: ExploreOptions, seed: number): Search {
  const liveness = options.liveness === true;
  const expectedStates = options.expectedStates ?? 1 << 16;
  const maxDepth = options.budget?.maxDepth ?? Number.POSITIVE_INFINITY;
  switch (options.mode) {
    case "bfs":
      return new BfsSearch(model, { liveness, maxDepth, expectedStates });
    case "dfs":
      return new DfsSearch(model, { liveness, maxDepth, expectedStates });
    case "simulate":
      return new Simulation(model, {
        seed,
        runs: options.runs ?? 1000,
        maxSteps: Math.min(options.maxSteps ?? 1000, maxDepth),
        liveness,
        expectedStates,
      });
    default:
      return unreachable(options.mode);
  }
}

/** The search loop; each `yield` is a point where the caller may hand control to the event loop. */
function* drive(model: Model, options: ExploreOptions): Generator<void, CheckResult, void> {
  const startedAt = performance.now();
  const seed = options.mode === "simulate" ? (options.seed ?? freshSeed()) >>> 0 : undefined;
  const search = createSearch(model, options, seed ?? 0);
  const budget = options.budget ?? {};
  const watch = new BudgetWatch(budget, startedAt, options.memoryEvery ?? 1 << 16);
  const maxStates = budget.maxStates ?? Number.POSITIVE_INFINITY;
  const chunk = options.checkEvery ?? 1024;
  const progressEvery = options.progressEvery ?? 100_000;
  const yieldEveryMs = options.yieldEveryMs ?? 50;
  let nextProgress = progressEvery;
  let lastYield = startedAt;

  const stats = (): Stats => {
    const extra = search instanceof Simulation ? { seed, runs: search.runs } : {};
    return snapshot(model.name, search.mode, search.counters(), performance.now() - startedAt, extra);
  };
  const finish = (verdict: Verdict, extra: { violation?: Violation; reason?: StopReason; exhaustive?: boolean }) => {
    const result: CheckResult = { verdict, exhaustive: extra.exhaustive ?? false, stats: stats() };
    if (extra.violation !== undefined) return { ...result, violation: extra.violation };
    if (extra.reason !== undefined) return { ...result, reason: extra.reason };
    return result;
  };

  for (;;) {
    const status = search.advance(chunk, maxStates);
    switch (status) {
      case "running":
        break;
      case "violation":
        return finish("violation", { violation: toViolation(model, search.finding()) });
      case "states":
      case "depth":
        return finish("inconclusive", { reason: status });
      case "done": {
        const graph = options.liveness === true ? search.graph() : null;
        const live = graph === null ? null : livenessFinding(model, graph.edges, graph.visited);
        if (live !== null) return finish("violation", { violation: toViolation(model, live) });
        return finish("pass", { exhaustive: search.mode !== "simulate" });
      }
      default:
        return unreachable(status);
    }
    const now = performance.now();
    const counters = search.counters();
    const stop = watch.check(now, counters.expanded);
    if (stop !== null) return finish("inconclusive", { reason: stop });
    if (options.onProgress !== undefined && counters.distinct >= nextProgress) {
      options.onProgress(stats());
      nextProgress = counters.distinct + progressEvery;
    }
    if (now - lastYield >= yieldEveryMs) {
      yield;
      lastYield = performance.now();
    }
  }
}

/** Replays a finding's ordinals into the trace (and cycle) that a report shows. */
function toViolation(model: Model, finding: Finding | null): Violation {
  if (finding === null) throw new Error("a search reported a violation without a finding");
  const trace = replay(model, finding.path);
  const base: Violation = { kind: finding.kind, message: finding.message, trace };
  const withMonitor = finding.monitor === undefined ? base : { ...base, monitor: finding.monitor };
  if (finding.cycle === undefined) return withMonitor;
  const last = trace[trace.length - 1]?.state ?? null;
  if (last === null) throw new Error("a lasso must start from a state");
  return { ...withMonitor, cycle: replay(model, finding.cycle, last) };
}
