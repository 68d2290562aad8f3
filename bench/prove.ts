// Benchmarks of `pith prove`: on the models its tests use (the lock server with its helper
// invariants, and two-phase commit), and, as a slow benchmark, on the proofs of the shipped case
// studies, whose target is under 30 s each. Each run proves the model from scratch (no cache) with a fresh Z3 worker,
// as a user's first run does; the figures are the time per model and obligations proved per second.
// One more figure is bounded model checking (`--bmc`) of the lock server to a fixed depth, in its
// default instance, also from scratch.
import { join } from "node:path";
import { frontEnd, loadModel } from "../src/driver.ts";
import { bmc, chooseInstance } from "../src/prove/bmc.ts";
import { prove } from "../src/prove/prove.ts";
import { allProved } from "../src/prove/result.ts";
import { Z3Service } from "../src/prove/solver.ts";
import type { Benchmark, Figure } from "./run.ts";

const ROOT = join(import.meta.dirname, "..");
/** The depth of the bounded model checking figure. */
const BMC_DEPTH = 4;
const MODELS = [
  { name: "lock server", path: "test/prove/models/lock-server" },
  { name: "two-phase commit", path: "test/prove/models/two-phase-commit" },
];

/** The proofs of the shipped case studies, each with its target: under 30 s from scratch. */
const SHIPPED = [
  { name: "replicated journal", path: "specs/replicated-journal/proof" },
  { name: "S3 strong consistency", path: "specs/s3-strong-consistency/proof" },
  { name: "DynamoDB transactions", path: "specs/dynamodb-transactions/proof" },
];
const SHIPPED_TARGET_MS = 30_000;

/** Proves each model `runs` times from scratch: its total time and obligations proved per second. */
async function proofFigures(models: readonly { name: string; path: string }[], runs: number, targetMs?: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const m of models) {
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
    const target = targetMs === undefined ? {} : { target: { value: targetMs, better: "lower" as const } };
    figures.push({ name: `${m.name}: total`, unit: "ms", samples: total, note: `${obligations} obligations, ${queries} queries`, ...target });
    figures.push({ name: `${m.name}: obligations proved`, unit: "/s", samples: rate });
  }
  return figures;
}

export const proveBenchmark: Benchmark = {
  name: "prove",
  description: "'pith prove' without the cache on the lock server and two-phase commit (fresh Z3 worker per run)",
  async run({ runs }) {
    return [...(await proofFigures(MODELS, runs)), await bmcFigure(runs)];
  },
};

export const proveSpecsBenchmark: Benchmark = {
  name: "prove-specs",
  description: "'pith prove' without the cache on the proofs of the three shipped case studies (fresh Z3 worker per run)",
  run: ({ runs }) => proofFigures(SHIPPED, runs, SHIPPED_TARGET_MS),
};

/** `pith prove test/prove/models/lock-server --bmc 4`: the instance chosen, then depths 0 to 4. */
async function bmcFigure(runs: number): Promise<Figure> {
  const front = frontEnd(loadModel([MODELS[0].path], ROOT).files);
  if (front.ir === undefined) throw new Error(`${MODELS[0].path} has errors`);
  const samples: number[] = [];
  let note = "";
  for (let i = 0; i < runs; i++) {
    const solver = new Z3Service({ timeoutMs: 60_000 });
    const start = performance.now();
    try {
      const choice = await chooseInstance(front.ir, solver, new Map());
      if ("problem" in choice) throw new Error(choice.problem);
      const result = await bmc(front.ir, choice, { solver, bound: BMC_DEPTH });
      if (result.status !== "none") throw new Error(`the lock server has a violation within ${BMC_DEPTH} steps, or Z3 gave no answer`);
      note = `${result.instance}, ${result.queries} queries`;
    } finally {
      await solver.close();
    }
    samples.push(performance.now() - start);
  }
  return { name: `lock server: --bmc ${BMC_DEPTH}`, unit: "ms", samples, note };
}

if (import.meta.main) {
  const figures = await proveBenchmark.run({ runs: Number(process.env.PITH_BENCH_RUNS ?? 5) });
  for (const f of figures) {
    const sorted = [...f.samples].sort((a, b) => a - b);
    console.log(`${f.name.padEnd(36)} median ${sorted[sorted.length >> 1].toFixed(1)} ${f.unit} (min ${sorted[0].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)})${f.note ? `  ${f.note}` : ""}`);
  }
}
