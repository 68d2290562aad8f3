// Model-based tests: fast-check generates lists of commands (inputs from the environment, and
// deliveries, losses, duplicates and crashes in the network), and each list is carried out on the
// implementation and on the model side by side (mbt-harness.ts). A failing list is shrunk to a
// short one, which is printed step by step with the seed and the path that replay it.
//
// Use it from vitest:
//
//   const spec = loadSpec(["examples/conformance/model"]);
//   test("the store conforms", async () => { await assertMbt(spec, storeTests); });
//
// or from the command line: `pith conform <model> --mbt <module>`, where the module's default
// export is made with `defineMbt`.
import fc from "fast-check";
import { renderText } from "../diagnostics/render.ts";
import type { SourceSet } from "../diagnostics/source.ts";
import { frontEnd, hasErrors, loadModel } from "../driver.ts";
import { PModel } from "../explore/p/model.ts";
import { CompiledProgram } from "../explore/p/program.ts";
import type { ModelIR, TestIR } from "../ir/ir.ts";
import { chooseTest } from "./conform.ts";
import { ModelNames } from "./json-values.ts";
import {
  Harness,
  MbtSetupError,
  type Announcement,
  type Divergence,
  type Faults,
  type MachineSetup,
  type MbtCommand,
  type SystemUnderTest,
  type WireMessage,
} from "./mbt-harness.ts";

export { MbtSetupError, toJson } from "./mbt-harness.ts";
export type { Announcement, CrashEffects, Faults, MachineSetup, MbtCommand, SystemUnderTest, WireMessage } from "./mbt-harness.ts";

/** What the implementation's factory is given. */
export interface MbtContext {
  /** fast-check's scheduler, when the definition asks for one: schedule the implementation's own async steps with it. */
  readonly scheduler: fc.Scheduler | undefined;
}

/** Model-based tests of one system. */
export interface MbtDefinition<T = WireMessage> {
  readonly name: string;
  /** The machines, in the order they are made; their ids are the implementation's. */
  readonly machines: readonly MachineSetup[];
  /** Inputs from the environment (requests from clients, timer ticks). */
  readonly inputs: fc.Arbitrary<T>;
  /** Makes the message of an input; `index` counts the inputs of a run from 1 (for request ids). Without it, inputs are messages. */
  readonly toMessage?: (input: T, index: number) => WireMessage;
  readonly faults?: Faults;
  /** What the environment announces to the monitors before the machines start (what the test's driver announces). */
  readonly announce?: readonly Announcement[];
  /** Makes a fresh implementation for each run. */
  readonly system: (context: MbtContext) => SystemUnderTest | Promise<SystemUnderTest>;
  /** Longest command list (default 30). */
  readonly maxCommands?: number;
  /**
   * How long command lists tend to be, as fast-check sizes arrays (default: fast-check's, which
   * keeps most lists to about 10 commands whatever maxCommands is). A system that needs a dozen
   * deliveries to finish one request wants "medium" or more.
   */
  readonly size?: fc.SizeForArbitrary;
  /** Give the implementation fast-check's scheduler for its own async steps. */
  readonly scheduler?: boolean;
}

const DEFINITION = Symbol.for("pith.mbt.definition");

/** Declares model-based tests (the default export of a module for `pith conform --mbt`). */
export function defineMbt<T>(definition: MbtDefinition<T>): MbtDefinition<T> {
  return Object.freeze({ ...definition, [DEFINITION]: true });
}

export function isMbtDefinition(x: unknown): x is MbtDefinition<unknown> {
  return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[DEFINITION] === true;
}

/** A model ready for conformance: its IR compiled once, and the test whose machines and specs are used. */
export interface ConformSpec {
  readonly ir: ModelIR;
  readonly sources: SourceSet;
  readonly test: TestIR;
  readonly program: CompiledProgram;
  readonly names: ModelNames;
}

/** The spec of a model already read, or what is wrong. */
export function loadedSpec(ir: ModelIR, sources: SourceSet, testName: string | undefined): ConformSpec | string {
  const test = chooseTest(ir, testName);
  if (test === undefined) {
    return testName === undefined
      ? "the model has no test: model-based tests use the machines and specs of one of its tests"
      : `the model has no test '${testName}' (it has: ${ir.tests.map((t) => t.name).join(", ") || "none"})`;
  }
  return { ir, sources, test, program: new CompiledProgram(ir), names: new ModelNames(ir) };
}

/** Reads a model for conformance (from tests); throws with the diagnostics when it has errors. */
export function loadSpec(paths: readonly string[], options: { readonly test?: string; readonly cwd?: string } = {}): ConformSpec {
  const loaded = loadModel(paths, options.cwd);
  if (loaded.problems.length > 0) throw new Error(loaded.problems.join("\n"));
  const front = frontEnd(loaded.files);
  if (hasErrors(front.diagnostics) || front.ir === undefined) throw new Error(renderText(front.diagnostics, front.sources, { color: false }));
  const spec = loadedSpec(front.ir, front.sources, options.test);
  if (typeof spec === "string") throw new Error(spec);
  return spec;
}

export interface MbtOptions {
  /** How many command lists to try (default 100). */
  readonly runs?: number;
  readonly seed?: number;
  /** With `seed`: the path fast-check printed, to replay one failure. */
  readonly path?: string;
}

export interface MbtResult {
  readonly name: string;
  readonly test: string;
  readonly ok: boolean;
  readonly runs: number;
  readonly seed: number;
  /** For a failure: the path that, with the seed, replays it. */
  readonly path: string | undefined;
  readonly shrinks: number;
  /** For a failure: the shrunk command list, carried out step by step. */
  readonly commands: readonly MbtCommand[] | undefined;
  readonly log: readonly string[];
  /** For a failure: how the implementation and the model parted. */
  readonly failure: string | undefined;
  /** The command (1-based) at which they parted; 0 while the machines started. */
  readonly failedAt: number | undefined;
}

export interface RunOutcome {
  readonly log: readonly string[];
  readonly divergence: Divergence | undefined;
  readonly at: number | undefined;
}

/** Carries out one command list on the implementation and the model. */
export async function runCommands<T>(
  spec: ConformSpec,
  definition: MbtDefinition<T>,
  commands: readonly MbtCommand[],
  scheduler?: fc.Scheduler,
): Promise<RunOutcome> {
  const toMessage = (definition.toMessage ?? ((input: T) => input as unknown as WireMessage)) as (input: unknown, index: number) => WireMessage;
  const harness = new Harness({
    model: new PModel(spec.program, spec.test),
    names: spec.names,
    machines: definition.machines,
    faults: definition.faults ?? {},
    announce: definition.announce,
    toMessage,
    settle:
      scheduler === undefined
        ? async (work) => {
            await work();
          }
        : async (work) => {
            await scheduler.waitFor(Promise.resolve().then(work));
          },
  });
  const system = await definition.system({ scheduler });
  const started = await harness.start(system);
  if (started !== undefined) return { log: harness.log, divergence: started, at: 0 };
  for (let k = 0; k < commands.length; k++) {
    const d = await harness.run(commands[k], k + 1);
    if (d !== undefined) return { log: harness.log, divergence: d, at: k + 1 };
  }
  return { log: harness.log, divergence: undefined, at: undefined };
}

/** The commands fast-check draws from: inputs and deliveries always, faults where the definition allows them. */
export function commandArbitrary<T>(definition: MbtDefinition<T>): fc.Arbitrary<MbtCommand> {
  const faults = definition.faults ?? {};
  const pick = fc.nat({ max: 63 });
  const parts: { arbitrary: fc.Arbitrary<MbtCommand>; weight: number }[] = [
    { weight: 3, arbitrary: definition.inputs.map((input): MbtCommand => ({ kind: "input", input })) },
    { weight: 6, arbitrary: pick.map((p): MbtCommand => ({ kind: "deliver", pick: p })) },
  ];
  const has = (f: boolean | readonly string[] | undefined) => f === true || (Array.isArray(f) && f.length > 0);
  if (has(faults.loss)) parts.push({ weight: 1, arbitrary: pick.map((p): MbtCommand => ({ kind: "lose", pick: p })) });
  if (has(faults.duplication)) parts.push({ weight: 1, arbitrary: pick.map((p): MbtCommand => ({ kind: "duplicate", pick: p })) });
  if ((faults.crash ?? []).length > 0) parts.push({ weight: 1, arbitrary: pick.map((p): MbtCommand => ({ kind: "crash", pick: p })) });
  return fc.oneof(...parts);
}

class Diverged extends Error {}

/** Runs the model-based tests: random command lists until one fails (then shrunk) or `runs` pass. */
export async function runMbt<T>(spec: ConformSpec, definition: MbtDefinition<T>, options: MbtOptions = {}): Promise<MbtResult> {
  let last: { commands: readonly MbtCommand[]; outcome: RunOutcome } | undefined;
  const commands = fc.array(commandArbitrary(definition), {
    maxLength: definition.maxCommands ?? 30,
    ...(definition.size === undefined ? {} : { size: definition.size }),
  });
  const schedulers = definition.scheduler === true ? fc.scheduler() : fc.constant(undefined);
  const property = fc.asyncProperty(commands, schedulers, async (list, scheduler) => {
    const outcome = await runCommands(spec, definition, list, scheduler);
    if (outcome.divergence !== undefined) {
      last = { commands: list, outcome };
      throw new Diverged(outcome.divergence.message);
    }
  });
  const details = await fc.check(property, {
    numRuns: options.runs ?? 100,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  if (details.failed && !(details.errorInstance instanceof Diverged)) {
    if (details.errorInstance instanceof MbtSetupError) throw details.errorInstance;
    const error = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
    last = {
      commands: details.counterexample?.[0] ?? [],
      outcome: { log: [], divergence: { message: `the implementation threw: ${error.stack ?? error.message}` }, at: undefined },
    };
  }
  const base = { name: definition.name, test: spec.test.name, runs: details.numRuns, seed: details.seed, shrinks: details.numShrinks };
  if (!details.failed || last === undefined) {
    return { ...base, ok: true, path: undefined, commands: undefined, log: [], failure: undefined, failedAt: undefined };
  }
  return {
    ...base,
    ok: false,
    path: details.counterexamplePath ?? undefined,
    commands: last.commands,
    log: last.outcome.log,
    failure: last.outcome.divergence?.message,
    failedAt: last.outcome.at,
  };
}

/** Runs the tests and throws, with the report as its message, when they fail (for vitest). */
export async function assertMbt<T>(spec: ConformSpec, definition: MbtDefinition<T>, options: MbtOptions = {}): Promise<MbtResult> {
  const result = await runMbt(spec, definition, options);
  if (!result.ok) throw new Error(mbtText(result));
  return result;
}

/** The result as text: the verdict, and for a failure the shrunk command list and how to replay it. */
export function mbtText(r: MbtResult): string {
  const head = `model-based tests '${r.name}' against ${r.test}`;
  if (r.ok) return `${head}: passed ${r.runs} runs (seed ${r.seed})\n`;
  const lines = [
    `${head}: failed after ${r.runs} run${r.runs === 1 ? "" : "s"} (seed ${r.seed}, ${r.shrinks} shrink${r.shrinks === 1 ? "" : "s"})`,
    `The shortest failing command list found (${r.commands?.length ?? 0} command${r.commands?.length === 1 ? "" : "s"}):`,
    ...r.log.map((l) => `  ${l}`),
    r.failedAt === 0 ? "x While the machines started:" : `x At command ${r.failedAt ?? "?"}:`,
    ...(r.failure ?? "").split("\n").map((l) => `  ${l}`),
  ];
  if (r.path !== undefined) {
    lines.push(`Replay it with --seed ${r.seed} --replay-path ${r.path} (in runMbt: { seed: ${r.seed}, path: "${r.path}" }).`);
  }
  return lines.join("\n") + "\n";
}

export function mbtJson(r: MbtResult): object {
  return {
    version: 1,
    kind: "mbt",
    name: r.name,
    test: r.test,
    verdict: r.ok ? "conforms" : "mismatch",
    runs: r.runs,
    seed: r.seed,
    path: r.path ?? null,
    shrinks: r.shrinks,
    commands: r.commands ?? null,
    log: r.log,
    failure: r.failure ?? null,
    failedAt: r.failedAt ?? null,
  };
}
