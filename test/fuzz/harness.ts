// Running a fuzz property over the front end. Runs are deterministic: the seed is fixed unless
// PITH_FUZZ_SEED gives another, and PITH_FUZZ_RUNS scales the number of inputs. On a crash the
// failure message carries fast-check's report (seed and path to replay it) and the input after
// shrinking it further with the delta debugger of minimise.ts.
import fc from "fast-check";
import { frontEnd } from "../../src/driver.ts";
import { SourceFile } from "../../src/diagnostics/source.ts";
import { KNOWN_CRASHES } from "./known-crashes.ts";
import { crashOf, minimise, signature, type ModelFile } from "./minimise.ts";

export const DEFAULT_SEED = 20_240_601;
export const DEFAULT_RUNS = 10_500;

export interface FuzzSettings {
  readonly seed: number;
  /** Inputs over all the front-end properties together. */
  readonly runs: number;
}

export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const number = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text === "") return fallback;
    const value = Number(text);
    if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, not ${JSON.stringify(text)}`);
    return value;
  };
  return { seed: number("PITH_FUZZ_SEED", DEFAULT_SEED), runs: number("PITH_FUZZ_RUNS", DEFAULT_RUNS) };
}

export interface Outcome {
  /** Inputs the type checker saw (no syntax errors). */
  checked: number;
  /** Inputs lowered to the IR (no errors at all). */
  lowered: number;
  /** Inputs that hit a crash listed in known-crashes.ts. */
  known: number;
}

/** Parse, check and lower; a crash listed in known-crashes.ts is counted, any other is thrown. */
export function runFrontEnd(files: readonly ModelFile[], outcome: Outcome): void {
  try {
    const result = frontEnd(files.map((f) => new SourceFile(f.path, f.text)));
    if (result.checked !== undefined) outcome.checked++;
    if (result.ir !== undefined) outcome.lowered++;
  } catch (error) {
    if (KNOWN_CRASHES.some((k) => k.signature === signature(error))) {
      outcome.known++;
      return;
    }
    throw error;
  }
}

/** Checks that the front end never throws on `runs` inputs of `inputs`; returns what they reached. */
export function expectNoCrash(inputs: fc.Arbitrary<ModelFile[]>, runs: number, seed: number): Outcome {
  const outcome: Outcome = { checked: 0, lowered: 0, known: 0 };
  const details = fc.check(
    fc.property(inputs, (files) => runFrontEnd(files, outcome)),
    { seed, numRuns: runs },
  );
  if (!details.failed) return outcome;
  const report = fc.defaultReportMessage(details) ?? "property failed";
  const counterexample = details.counterexample?.[0];
  if (counterexample === undefined) throw new Error(report);
  const crash = crashOf(counterexample);
  const minimal = minimise(counterexample, crash);
  throw new Error(
    `${report}\n\nThe crash: ${crash}\nPITH_FUZZ_SEED=${seed} replays this run. The input after delta debugging:\n` +
      minimal.map((f) => `--- ${f.path}\n${f.text}`).join("\n") +
      `\n\nAs a regression case: ${JSON.stringify(minimal)}`,
  );
}
