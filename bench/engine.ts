// Benchmark of the search engine alone: exhaustive BFS of two-phase commit with 7 resource
// managers (296,448 distinct states), written directly against the model interface, so the
// numbers measure the engine's hot loop (fingerprints, visited set, frontier) and not a compiled
// P model. Prints distinct states per second and bytes per visited state.
//
//   node_modules/.bin/node bench/engine.ts [rms] [repetitions]
import { exploreSync, type CheckResult, type ExploreOptions } from "../src/explore/engine/index.ts";
import { TwoPhase } from "../test/explore/engine/models/twophase.ts";

const EXPECTED: Record<number, number> = { 3: 288, 4: 1_568, 5: 8_832, 6: 50_816, 7: 296_448 };

const rms = Number(process.argv[2] ?? 7);
const repetitions = Number(process.argv[3] ?? 5);
const model = new TwoPhase(rms);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function run(options: ExploreOptions): CheckResult {
  const result = exploreSync(model, options);
  const expected = EXPECTED[rms];
  if (options.mode !== "simulate" && expected !== undefined && result.stats.distinct !== expected) {
    throw new Error(`expected ${expected} distinct states, got ${result.stats.distinct}`);
  }
  return result;
}

function best(label: string, options: ExploreOptions): CheckResult {
  run(options); // warm-up: let the JIT compile the hot loop
  let fastest: CheckResult | null = null;
  for (let i = 0; i < repetitions; i++) {
    const r = run(options);
    if (fastest === null || r.stats.elapsedMs < fastest.stats.elapsedMs) fastest = r;
  }
  if (fastest === null) throw new Error("no repetitions");
  const s = fastest.stats;
  console.log(
    `${label.padEnd(16)} ${fmt(s.distinct).padStart(9)} distinct  ${fmt(s.transitions).padStart(10)} transitions  ` +
      `${s.elapsedMs.toFixed(0).padStart(5)} ms  ${fmt(s.statesPerSecond).padStart(9)} distinct/s  ` +
      `${fmt((s.transitions * 1000) / s.elapsedMs).padStart(10)} transitions/s`,
  );
  return fastest;
}

console.log(`${model.name}, best of ${repetitions} after a warm-up, node ${process.version}`);
const bfs = best("bfs", { mode: "bfs" });
best("bfs (presized)", { mode: "bfs", expectedStates: EXPECTED[rms] ?? 1 << 16 });
best("dfs", { mode: "dfs" });
best("bfs + graph", { mode: "bfs", liveness: true });
const sim = best("simulate", { mode: "simulate", seed: 1, runs: 10_000, maxSteps: 100 });

const s = bfs.stats;
console.log(
  `visited set: ${fmt(s.visitedBytes)} bytes for ${fmt(s.distinct)} states = ` +
    `${(s.visitedBytes / s.distinct).toFixed(1)} bytes per visited state (table and parent pages; frontier excluded)`,
);
console.log(`max depth ${s.maxDepth}; collision probability ${s.collisionProbability.toExponential(2)} (TLC-style), birthday bound ${s.birthdayBound.toExponential(2)}`);
console.log(`simulation seed ${sim.stats.seed}, ${fmt(sim.stats.runs ?? 0)} runs`);
