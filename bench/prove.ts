// Benchmark of `pith prove` on the models its tests use: the lock server with its helper invariants
// and two-phase commit. Each run proves the model from scratch (no cache) with a fresh Z3 worker,
// as a user's first run does; the figures are the time per model and obligations proved per second.
import { join } from "node:path";
import { frontEnd, loadModel } from "../src/driver.ts";
import { prove } from "../src/prove/prove.ts";
import { allProved } from "../src/prove/result.ts";
import { Z3Service } from "../src/prove/solver.ts";
import type { Benchmark, Figure } from "./run.ts";

const ROOT = join(import.meta.dirname, "..");
const MODELS = [
  { name: "lock server", path: "test/prove/models/lock-server" },
  { name: "two-phase commit", path: "test/prove/models/two-phase-commit" },
];

export const proveBenchmark: Benchmark = {
  name: "prove",
  description: "'pith prove' without the cache on the lock server and two-phase commit (fresh Z3 worker per run)",
  async run({ runs }) {
    const figures: Figure[] = [];
    for (const m of MODELS) {
      const front = frontEnd(loadModel([m.path], ROOT).files);
      if (front.ir === undefined || front.checked === undefined) throw new Error(`${m.path} has errors`);
      const total: number[] = [];
      const rate: number[] = [];
      let obligations = 0;
      let queries = 0;
      for (let i = 0; i < runs; i++) {
        const solver = new Z3Service({ timeoutMs: 10_000 });
        const start = performance.now();
        try {
          const report = await prove(front.ir, front.checked, { solver });
          if (!allProved(report)) throw new Error(`${m.name} is not proved`);
          obligations = report.stats.obligations;
          queries = report.stats.queries;
        } finally {
          await solver.close();
        }
        const ms = performance.now() - start;
        total.push(ms);
        rate.push((obligations * 1000) / ms);
      }
      figures.push({ name: `${m.name}: total`, unit: "ms", samples: total, note: `${obligations} obligations, ${queries} queries` });
      figures.push({ name: `${m.name}: obligations proved`, unit: "/s", samples: rate });
    }
    return figures;
  },
};

if (import.meta.main) {
  const figures = await proveBenchmark.run({ runs: Number(process.env.PITH_BENCH_RUNS ?? 5) });
  for (const f of figures) {
    const sorted = [...f.samples].sort((a, b) => a - b);
    console.log(`${f.name.padEnd(36)} median ${sorted[sorted.length >> 1].toFixed(1)} ${f.unit} (min ${sorted[0].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)})${f.note ? `  ${f.note}` : ""}`);
  }
}
