// How a check runs: the search mode, budgets and random-run settings, made from a profile's
// settings (built-in, then pith.json's project-wide and per-model ones) with the command line's
// options over them. Also the part of them that can change a result, which the cache keys on.
import type { Settings } from "../config/config.ts";
import type { CheckOptions } from "../explore/check.ts";
import type { Budget } from "../explore/engine/index.ts";
import { stringOption, flag, UsageError, type OptionValues } from "./command.ts";
import { parseBytes, parseCount, parseDuration } from "./units.ts";

export interface RunSettings {
  readonly mode: "bfs" | "dfs" | "random";
  readonly budget: Omit<Budget, "signal">;
  readonly seed: number | undefined;
  readonly runs: number | undefined;
  readonly maxSteps: number | undefined;
  readonly liveness: boolean;
  readonly failInconclusive: boolean;
}

function usage(message: string): never {
  throw new UsageError(message);
}

function count(options: OptionValues, name: string): number | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  return parseCount(text) ?? usage(`--${name} takes a whole number, not '${text}'`);
}

/** The settings given on the command line, in the shape of a profile's. */
export function settingsFromFlags(options: OptionValues): Settings {
  const mode = stringOption(options, "mode");
  if (mode !== undefined && mode !== "bfs" && mode !== "dfs" && mode !== "random") usage(`--mode is bfs, dfs or random, not '${mode}'`);
  const time = stringOption(options, "time");
  if (time !== undefined && parseDuration(time) === undefined) usage(`--time takes a duration such as 60s or 5m, not '${time}'`);
  const memory = stringOption(options, "max-memory");
  if (memory !== undefined && parseBytes(memory) === undefined) usage(`--max-memory takes a size such as 2g or 512m, not '${memory}'`);
  const randomOnly = ["seed", "runs", "max-steps"].filter((o) => options[o] !== undefined);
  if (randomOnly.length > 0 && mode !== undefined && mode !== "random") usage(`--${randomOnly[0]} goes with --mode random`);
  const entries: [keyof Settings, unknown][] = [
    ["mode", mode],
    ["maxStates", count(options, "max-states")],
    ["maxDepth", count(options, "max-depth")],
    ["time", time],
    ["maxMemory", memory],
    ["seed", count(options, "seed")],
    ["runs", count(options, "runs")],
    ["maxSteps", count(options, "max-steps")],
    ["liveness", flag(options, "no-liveness") ? false : undefined],
    ["failInconclusive", flag(options, "fail-inconclusive") ? true : undefined],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as Settings;
}

/**
 * The settings a run uses: `layers` from the weakest (built-in profile) to the strongest (the
 * command line). Random-run settings are kept only in random mode.
 */
export function resolveSettings(...layers: Settings[]): RunSettings {
  const s: Settings = Object.assign({}, ...layers) as Settings;
  const mode = s.mode ?? "bfs";
  const random = mode === "random";
  const budget: Omit<Budget, "signal"> = {
    ...(s.maxStates !== undefined ? { maxStates: s.maxStates } : {}),
    ...(s.maxDepth !== undefined ? { maxDepth: s.maxDepth } : {}),
    ...(s.time !== undefined ? { maxTimeMs: parseDuration(s.time) } : {}),
    ...(s.maxMemory !== undefined ? { maxMemoryBytes: parseBytes(s.maxMemory) } : {}),
  };
  return {
    mode,
    budget,
    seed: random ? s.seed : undefined,
    runs: random ? s.runs : undefined,
    maxSteps: random ? s.maxSteps : undefined,
    liveness: s.liveness ?? true,
    failInconclusive: s.failInconclusive ?? false,
  };
}

/** The explorer's options for these settings. */
export function checkOptions(s: RunSettings, signal: AbortSignal | undefined, onProgress: CheckOptions["onProgress"]): CheckOptions {
  return {
    mode: s.mode === "random" ? "simulate" : s.mode,
    budget: { ...s.budget, ...(signal !== undefined ? { signal } : {}) },
    liveness: s.liveness,
    ...(s.seed !== undefined ? { seed: s.seed } : {}),
    ...(s.runs !== undefined ? { runs: s.runs } : {}),
    ...(s.maxSteps !== undefined ? { maxSteps: s.maxSteps } : {}),
    ...(onProgress !== undefined ? { onProgress } : {}),
  };
}

/** What in the settings can change a result: the part of a cache key that comes from them. */
export function resultAffecting(s: RunSettings): object {
  return { mode: s.mode, budget: s.budget, seed: s.seed ?? null, runs: s.runs ?? null, maxSteps: s.maxSteps ?? null, liveness: s.liveness };
}
