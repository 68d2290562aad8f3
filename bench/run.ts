// The benchmark runner behind `npm run bench`. Each benchmark module exports a `Benchmark`: a name
// and a `run` that measures and returns figures, each with one sample per repetition. The runner
// lists the benchmarks explicitly, runs the ones asked for (by default, all but the slow ones),
// and prints a table per benchmark: for each figure the median of its samples with the min and
// max, and its target where it has one. A benchmark that fails is reported and the others still run.
//
//   node bench/run.ts [names...] [--runs N]
//
// `--runs` (default 7, at least 5) is the number of measured repetitions of each figure; a
// benchmark may add unmeasured warm-up runs first. PITH_BENCH_RUNS sets the same. The exit code
// is 1 when a benchmark failed or a figure missed its target, 2 on a usage error.
import { cpus, totalmem } from "node:os";
import { explorerBenchmark, tenMillionBenchmark } from "./explorer.ts";
import { dynamodbBenchmark } from "./dynamodb.ts";
import { frontendBenchmark } from "./frontend.ts";
import { historyBenchmark } from "./history.ts";
import { precommitBenchmark } from "./precommit.ts";
import { proveBenchmark, proveSpecsBenchmark } from "./prove.ts";
import { journalBenchmark } from "./journal.ts";
import { s3Benchmark } from "./s3.ts";

/** One measured quantity: a sample per repetition, in `unit`. */
export interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly samples: readonly number[];
  /** What the figure should reach: below `value` (times) or above it (rates). */
  readonly target?: { readonly value: number; readonly better: "lower" | "higher" };
  /** A short remark printed under the table, e.g. the size of the input. */
  readonly note?: string;
}

export interface BenchmarkOptions {
  /** Measured repetitions of each figure. */
  readonly runs: number;
}

export interface Benchmark {
  readonly name: string;
  /** One line on what it measures, printed above its rows. */
  readonly description: string;
  run(options: BenchmarkOptions): Promise<Figure[]>;
}

/** Every benchmark, in the order they run; the slow ones run only when named. */
export const BENCHMARKS: readonly { readonly benchmark: Benchmark; readonly slow: boolean }[] = [
  { benchmark: frontendBenchmark, slow: false },
  { benchmark: explorerBenchmark, slow: false },
  { benchmark: precommitBenchmark, slow: false },
  { benchmark: proveBenchmark, slow: false },
  { benchmark: historyBenchmark, slow: false },
  { benchmark: proveSpecsBenchmark, slow: true },
  { benchmark: journalBenchmark, slow: true },
  { benchmark: s3Benchmark, slow: true },
  { benchmark: dynamodbBenchmark, slow: true },
  { benchmark: tenMillionBenchmark, slow: true },
];

export const DEFAULT_RUNS = 7;
export const MIN_RUNS = 5;

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("a figure needs at least one sample");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Whether the median meets the figure's target; undefined when it has none. */
export function meetsTarget(figure: Figure, summary: Summary): boolean | undefined {
  if (figure.target === undefined) return undefined;
  return figure.target.better === "lower" ? summary.median < figure.target.value : summary.median > figure.target.value;
}

function format(value: number): string {
  if (value >= 10_000) return Math.round(value).toLocaleString("en-US");
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The table of one benchmark's figures, as lines of text. */
export function table(benchmark: Benchmark, figures: readonly Figure[]): string[] {
  const header = ["figure", "median", "min", "max", "unit", "runs", "target", "met"];
  const rows = figures.map((f) => {
    const s = summarise(f.samples);
    const met = meetsTarget(f, s);
    const target = f.target === undefined ? "" : `${f.target.better === "lower" ? "<" : ">"} ${format(f.target.value)}`;
    return [f.name, format(s.median), format(s.min), format(s.max), f.unit, String(f.samples.length), target, met === undefined ? "" : met ? "yes" : "NO"];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ").trimEnd();
  const notes = figures.filter((f) => f.note !== undefined).map((f) => `  ${f.name}: ${f.note}`);
  return [
    `${benchmark.name}: ${benchmark.description}`,
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    ...notes,
  ];
}

export interface RunArguments {
  readonly names: string[];
  readonly runs: number;
}

export function parseArguments(argv: readonly string[], env: NodeJS.ProcessEnv): RunArguments {
  const names: string[] = [];
  let runs = env.PITH_BENCH_RUNS === undefined || env.PITH_BENCH_RUNS === "" ? DEFAULT_RUNS : Number(env.PITH_BENCH_RUNS);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--runs") runs = Number(argv[++i]);
    else if (arg.startsWith("--runs=")) runs = Number(arg.slice("--runs=".length));
    else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}; usage: node bench/run.ts [names...] [--runs N]`);
    else names.push(arg);
  }
  if (!Number.isInteger(runs) || runs < MIN_RUNS) throw new Error(`--runs must be an integer of at least ${MIN_RUNS}`);
  const known = BENCHMARKS.map((b) => b.benchmark.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(", ")}; known: ${known.join(", ")}`);
  return { names, runs };
}

async function main(): Promise<void> {
  let args: RunArguments;
  try {
    args = parseArguments(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const chosen = BENCHMARKS.filter((b) => (args.names.length === 0 ? !b.slow : args.names.includes(b.benchmark.name))).map((b) => b.benchmark);
  const cpu = cpus();
  console.log(
    `${new Date().toISOString().slice(0, 10)}  node ${process.version}  ${cpu.length} x ${cpu[0]?.model ?? "unknown cpu"}  ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB  ${args.runs} runs per figure (median, min, max)`,
  );
  let missed = 0;
  let failed = 0;
  for (const benchmark of chosen) {
    console.log("");
    let figures: Figure[];
    try {
      figures = await benchmark.run({ runs: args.runs });
    } catch (error) {
      console.log(`${benchmark.name}: FAILED: ${error instanceof Error ? error.message : String(error)}`);
      failed++;
      continue;
    }
    for (const line of table(benchmark, figures)) console.log(line);
    missed += figures.filter((f) => meetsTarget(f, summarise(f.samples)) === false).length;
  }
  const skipped = BENCHMARKS.filter((b) => b.slow && !chosen.includes(b.benchmark)).map((b) => b.benchmark.name);
  if (skipped.length > 0) console.log(`\nNot run (slow; name them to run them): ${skipped.join(", ")}.`);
  if (missed > 0) console.log(`\n${missed} figure(s) missed their target.`);
  if (failed > 0) console.log(`\n${failed} benchmark(s) failed.`);
  if (missed > 0 || failed > 0) process.exitCode = 1;
}

if (import.meta.main) await main();
