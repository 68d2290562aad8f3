// Benchmarks of `pith check` on P models: the two-phase commit written as one machine stepping
// itself (examples/two-phase-commit-tla), at 7 resource managers (296,448 distinct states, the
// TLA+ number) for speed and memory per state, and at 9 (10,340,352 states) once, to show that a
// ten-million-state model completes. Figures come from the explorer's own statistics.
import { join } from "node:path";
import { frontEnd, loadModel } from "../src/driver.ts";
import { checkTests, withParams } from "../src/explore/check.ts";
import type { ModelIR } from "../src/ir/ir.ts";
import type { Benchmark, Figure } from "./run.ts";

const MODEL = join(import.meta.dirname, "..", "examples", "two-phase-commit-tla");

function load(): ModelIR {
  const front = frontEnd(loadModel([MODEL]).files);
  if (front.ir === undefined) throw new Error(`the benchmark model does not check: ${front.diagnostics.map((d) => d.message).join("; ")}`);
  return front.ir;
}

async function explore(ir: ModelIR, rms: number, expected: number) {
  const tests = withParams(ir, ir.tests.slice(0, 1), { nRM: rms });
  const [outcome] = await checkTests(ir, tests, { mode: "bfs", budget: {}, liveness: false });
  if (outcome.verdict !== "pass" || outcome.stats.distinct !== expected) {
    throw new Error(`two-phase commit with ${rms} RMs: expected a pass with ${expected} states, got ${outcome.verdict} with ${outcome.stats.distinct}`);
  }
  return outcome.stats;
}

export const explorerBenchmark: Benchmark = {
  name: "explorer",
  description: "pith check: two-phase commit as one P machine, 7 resource managers (296,448 states)",
  async run({ runs }) {
    const ir = load();
    await explore(ir, 5, 8_832); // warm-up
    const rate: number[] = [];
    const bytes: number[] = [];
    const transitions: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = await explore(ir, 7, 296_448);
      rate.push(s.statesPerSecond);
      bytes.push(s.visitedBytes / s.distinct);
      transitions.push((s.transitions * 1000) / s.elapsedMs);
    }
    return [
      { name: "distinct states per second", unit: "states/s", samples: rate, target: { value: 250_000, better: "higher" } },
      { name: "transitions per second", unit: "transitions/s", samples: transitions },
      { name: "visited-set bytes per state", unit: "bytes", samples: bytes, target: { value: 32, better: "lower" } },
    ] satisfies Figure[];
  },
};

export const tenMillionBenchmark: Benchmark = {
  name: "explorer-10m",
  description: "pith check: two-phase commit, 9 resource managers (10,340,352 states), run once",
  async run() {
    const ir = load();
    const before = process.memoryUsage().rss;
    const s = await explore(ir, 9, 10_340_352);
    const peak = Math.max(before, process.memoryUsage().rss);
    return [
      { name: "time to explore 10,340,352 states", unit: "s", samples: [s.elapsedMs / 1000] },
      { name: "distinct states per second", unit: "states/s", samples: [s.statesPerSecond] },
      { name: "resident memory after the search", unit: "MB", samples: [peak / 1e6], note: "one run: this benchmark is slow" },
    ];
  },
};
