// Checking a set of models with the result cache: for each model, its test configurations (from
// the cache, or by parsing it), the ones this run takes (the model's tests, --test, --shard), and
// for each of those the cached result or a fresh one. The parser and the explorer are loaded only
// when something is missing from the cache, so an unchanged project costs a hash of its files.
import type { Expectation } from "../config/config.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { TestOutcome } from "../explore/check.ts";
import type { Stats } from "../explore/engine/index.ts";
import type { ModelIR } from "../ir/ir.ts";
import { suggestName } from "../names/suggest.ts";
import type { TraceFile } from "../report/trace-json.ts";
import type { AnalysedModel } from "./analyse.ts";
import { isCheckedConfiguration, isModelIndex, type CheckedConfiguration, type ModelIndex } from "./cache-entries.ts";
import { sha256, type ResultCache } from "./cache.ts";
import type { ModelFile } from "../model-files.ts";
import { checkOptions, resultAffecting, type RunSettings } from "./settings.ts";
import { inShard, type Shard } from "./shard.ts";

/** One model to check, with everything that decides its results. */
export interface ModelJob {
  readonly name: string;
  readonly files: readonly ModelFile[];
  /** Problems finding its files: it cannot be checked. */
  readonly problems: readonly string[];
  /** `NAME=VALUE`, pith.json's params first, then --param. */
  readonly params: readonly string[];
  /** Test or configuration names to run; empty: all. */
  readonly tests: readonly string[];
  /** Where each of `tests` is written (`pith.json:7:19`), when pith.json names them. */
  readonly testsWritten: Readonly<Record<string, string>>;
  readonly settings: RunSettings;
  readonly expect: Readonly<Record<string, Expectation>>;
}

export interface ModelResult {
  readonly job: ModelJob;
  /** Static errors and warnings (from the cache or the front end). */
  readonly diagnostics: readonly Diagnostic[];
  /** Why the model was not checked, besides static errors: missing files, unknown params or tests. */
  readonly problems: readonly string[];
  /** Every configuration of the model, in declaration order. */
  readonly configurations: readonly string[];
  readonly outcomes: readonly TestOutcome[];
  readonly traces: ReadonlyMap<string, TraceFile>;
  /** Configurations answered from the cache. */
  readonly cached: ReadonlySet<string>;
  /** The model was parsed in this run. */
  readonly parsed: boolean;
  /** The lowered model, when it was parsed (reports locate counterexample steps with it). */
  readonly ir: ModelIR | undefined;
}

export interface RunContext {
  readonly cache: ResultCache | undefined;
  readonly shard: Shard | undefined;
  readonly signal: AbortSignal;
  readonly onProgress: (model: string, test: string, stats: Stats) => void;
  /** Parse models answered from the cache too, for reports that need the lowered model. */
  readonly wantIr: boolean;
}

/** The hash of a model's files: paths as shown and contents. */
export function modelDigest(files: readonly ModelFile[]): string {
  return sha256(files.map((f) => `${f.path}\0${sha256(f.text)}`).join("\n"));
}

interface Planned {
  readonly job: ModelJob;
  readonly digest: string;
  index: ModelIndex | undefined;
  analysed: AnalysedModel | undefined;
  problems: string[];
  selected: string[];
}

async function analyse(job: ModelJob): Promise<AnalysedModel> {
  const { AnalysedModel } = await import("./analyse.ts");
  return new AnalysedModel(job.files, job.params);
}

/** The configurations `names` select (a test name selects all its configurations), or a problem. */
function select(index: ModelIndex, names: readonly string[], written: Readonly<Record<string, string>>): { selected: string[]; problem?: string } {
  const all = index.configurations;
  if (all.length === 0) return { selected: [], problem: "the model declares no test: add one, e.g. 'test tc [main=Main]: { Main };'" };
  if (names.length === 0) return { selected: all.map((c) => c.name) };
  const unknown = names.find((n) => !all.some((c) => c.test === n || c.name === n));
  if (unknown !== undefined) {
    const available = [...new Set(all.map((c) => c.test))];
    const guess = suggestName(unknown, available);
    const where = written[unknown] === undefined ? "" : `${written[unknown]}: `;
    return { selected: [], problem: `${where}no test named '${unknown}'${guess === undefined ? "" : `; did you mean '${guess}'?`} (tests: ${available.join(", ")})` };
  }
  return { selected: all.filter((c) => names.includes(c.test) || names.includes(c.name)).map((c) => c.name) };
}

export async function checkModels(jobs: readonly ModelJob[], ctx: RunContext): Promise<ModelResult[]> {
  const plans: Planned[] = [];
  for (const job of jobs) {
    const plan: Planned = { job, digest: modelDigest(job.files), index: undefined, analysed: undefined, problems: [...job.problems], selected: [] };
    plans.push(plan);
    if (plan.problems.length > 0) continue;
    const key = ctx.cache?.key("index", { model: plan.digest, params: job.params });
    plan.index = key === undefined ? undefined : ctx.cache?.get("index", key, isModelIndex);
    if (plan.index === undefined) {
      plan.analysed = await analyse(job);
      plan.index = plan.analysed.index;
      if (key !== undefined) ctx.cache?.put("index", key, plan.index);
    }
    if (plan.index.errors) continue;
    if (plan.index.problem !== null) {
      plan.problems.push(plan.index.problem);
      continue;
    }
    const chosen = select(plan.index, job.tests, job.testsWritten);
    if (chosen.problem !== undefined) plan.problems.push(chosen.problem);
    plan.selected = chosen.selected;
  }

  // The shard's part of every configuration of the run, in a fixed order.
  const all = plans.flatMap((p) => p.selected.map((c) => ({ plan: p, configuration: c })));
  const mine = new Set(inShard(all, ctx.shard));
  for (const p of plans) p.selected = all.filter((x) => x.plan === p && mine.has(x)).map((x) => x.configuration);

  const results: ModelResult[] = [];
  for (const plan of plans) {
    const { job } = plan;
    const found = new Map<string, CheckedConfiguration>();
    const cached = new Set<string>();
    const keys = new Map<string, string>();
    for (const c of plan.selected) {
      if (ctx.cache === undefined) continue;
      const key = ctx.cache.key("outcome", { model: plan.digest, params: job.params, configuration: c, settings: resultAffecting(job.settings) });
      keys.set(c, key);
      const hit = ctx.cache.get("outcome", key, isCheckedConfiguration);
      if (hit !== undefined && hit.outcome.test === c) {
        found.set(c, hit);
        cached.add(c);
      }
    }
    const missing = plan.selected.filter((c) => !found.has(c));
    if (missing.length > 0 && !ctx.signal.aborted) {
      plan.analysed ??= await analyse(job);
      const options = checkOptions(job.settings, ctx.signal, (test, stats) => ctx.onProgress(job.name, test, stats));
      for (const checked of await plan.analysed.check(missing, options)) {
        found.set(checked.outcome.test, checked);
        const key = keys.get(checked.outcome.test);
        // An interrupted search is not a result of the model: never keep it.
        if (key !== undefined && checked.outcome.reason !== "aborted") ctx.cache?.put("outcome", key, checked);
      }
    }
    if (ctx.wantIr && plan.selected.length > 0 && plan.index?.errors === false) plan.analysed ??= await analyse(job);
    const done = plan.selected.flatMap((c) => (found.has(c) ? [found.get(c)!] : []));
    results.push({
      job,
      diagnostics: plan.index?.diagnostics ?? [],
      problems: plan.problems,
      configurations: plan.index?.configurations.map((c) => c.name) ?? [],
      outcomes: done.map((d) => d.outcome),
      traces: new Map(done.flatMap((d) => (d.trace === null ? [] : [[d.outcome.test, d.trace] as const]))),
      cached,
      parsed: plan.analysed !== undefined,
      ir: plan.analysed?.front.ir,
    });
  }
  return results;
}
