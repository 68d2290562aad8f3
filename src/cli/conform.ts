// `pith conform`: does the implementation behave as the model says? Two ways to ask: check a trace
// the implementation recorded (--trace), or run model-based tests that drive the implementation and
// the model side by side (--mbt, a module that defines them).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { renderText } from "../diagnostics/render.ts";
import { frontEnd, hasErrors, loadModel, type FrontEndResult } from "../driver.ts";
import { chooseTest, conformTrace } from "../conform/conform.ts";
import { conformJson, conformText, type ImplOf } from "../conform/report.ts";
import { DEFAULT_MAX_STATES } from "../conform/search.ts";
import { mergeTraces, TraceMergeError } from "../conform/trace-merge.ts";
import { colorEnabled, flag, stringOption, UsageError, type Command, type CommandContext } from "./command.ts";
import { EXIT_INCONCLUSIVE, EXIT_OK, EXIT_USAGE, EXIT_VIOLATION } from "./exit-codes.ts";
import { loadImplementationMap } from "./link.ts";

function positiveInteger(ctx: CommandContext, name: string): number | undefined {
  const text = stringOption(ctx.options, name);
  if (text === undefined) return undefined;
  const n = Number(text.replace(/_/g, ""));
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} takes a positive whole number, not '${text}'`);
  return n;
}

export const conformCommand: Command = {
  name: "conform",
  usage: "pith conform <model files or folders...> (--trace FILE | --mbt MODULE) [options]",
  description:
    "With --trace, checks that a trace recorded from the implementation (NDJSON, as the recorder of\n" +
    "'pith gen ts' writes it) is a behaviour of the model that its specs accept: the model is run\n" +
    "along the trace, its choices and hidden steps resolved by a search. A trace that does not\n" +
    "conform is reported at its first line the model cannot take, with what the model could do\n" +
    "instead. With --mbt, runs the model-based tests a module defines (see docs/conformance.md).\n" +
    "Exits 0 when the implementation conforms, 1 when it does not, 2 for a bad trace, module or\n" +
    "model, 3 when the search ran out of budget and --fail-inconclusive was given.",
  options: [
    { name: "trace", type: "string", multiple: true, value: "FILE", description: "The trace to check (NDJSON). Repeat it for the traces of the processes of one run: they are merged in causal order." },
    { name: "mbt", type: "string", value: "MODULE", description: "Run the model-based tests that this module exports." },
    { name: "test", short: "t", type: "string", value: "NAME", description: "The test whose machines and specs to use (default: the first)." },
    { name: "partition-by", type: "string", value: "FIELD", description: "Check each partition of the trace by this field (e.g. payload.key) alone." },
    { name: "max-states", type: "string", value: "N", description: `Most states the trace search visits (default ${DEFAULT_MAX_STATES.toLocaleString("en-US")}).` },
    { name: "fail-inconclusive", type: "boolean", description: "Exit 3 when the search runs out of budget." },
    { name: "link", type: "string", value: "PATH", description: "With --trace: the implementation (tsconfig.json or folder); a handle line shows its method." },
    { name: "runs", type: "string", value: "N", description: "With --mbt: how many command sequences to try (default 100)." },
    { name: "seed", type: "string", value: "N", description: "With --mbt: the seed of the random generator (printed when chosen for you)." },
    { name: "replay-path", type: "string", value: "PATH", description: "With --mbt and --seed: replay the failure fast-check reported with this path." },
  ],
  examples: [
    "pith conform examples/conformance/model --trace examples/conformance/traces/write-then-read.ndjson",
    "pith conform model/ --trace run.ndjson --partition-by payload.key --json",
    "pith conform examples/conformance/model --mbt examples/conformance/impl/mbt.ts --runs 200",
  ],
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError("name the model: one or more .p files or folders");
    const traces = (ctx.options.trace as string[] | undefined) ?? [];
    const trace = traces.length === 0 ? undefined : traces;
    const mbt = stringOption(ctx.options, "mbt");
    if ((trace === undefined) === (mbt === undefined)) throw new UsageError("give either --trace FILE or --mbt MODULE");
    if (mbt !== undefined && stringOption(ctx.options, "link") !== undefined) throw new UsageError("--link goes with --trace: it locates the trace's handle lines in the code");
    const loaded = loadModel(ctx.positionals, ctx.io.cwd);
    if (loaded.problems.length > 0) throw new UsageError(loaded.problems.join("\n"));
    const front = frontEnd(loaded.files);
    if (hasErrors(front.diagnostics) || front.ir === undefined) {
      ctx.io.out(renderText(front.diagnostics, front.sources, { color: colorEnabled(ctx) }));
      return EXIT_USAGE;
    }
    if (trace !== undefined) return checkTrace(ctx, front, trace);
    return runMbtModule(ctx, front, mbt!);
  },
};

/** With --link, the method of the implementation that handled each `handle` line of a trace. */
async function implOfLines(ctx: CommandContext, front: FrontEndResult): Promise<ImplOf | undefined> {
  const link = stringOption(ctx.options, "link");
  if (link === undefined) return undefined;
  const ir = front.ir!;
  const impl = await loadImplementationMap(ir, front.sources, ctx.io.cwd, link, ctx.io.cwd);
  return (e) => (e.kind === "handle" ? impl.of(ir.machines[e.machineType].name, ir.events[e.event].name) : undefined);
}

async function checkTrace(ctx: CommandContext, front: FrontEndResult, paths: readonly string[]): Promise<number> {
  const ir = front.ir!;
  const testName = stringOption(ctx.options, "test");
  const test = chooseTest(ir, testName);
  if (test === undefined) {
    throw new UsageError(
      testName === undefined
        ? "the model has no test: conformance runs the machines and specs of one of its tests"
        : `the model has no test '${testName}' (it has: ${ir.tests.map((t) => t.name).join(", ") || "none"})`,
    );
  }
  const { text, path } = readTraces(ctx, paths);
  const report = conformTrace(
    ir,
    test,
    text,
    { model: ctx.positionals, trace: path },
    { maxStates: positiveInteger(ctx, "max-states") ?? DEFAULT_MAX_STATES, partitionBy: stringOption(ctx.options, "partition-by") },
  );
  const implOf = await implOfLines(ctx, front);
  if (flag(ctx.options, "json")) ctx.io.out(JSON.stringify(conformJson(report, front.sources, implOf), null, 2) + "\n");
  else ctx.io.out(conformText(report, front.sources, implOf));
  switch (report.verdict) {
    case "conforms":
      return EXIT_OK;
    case "mismatch":
    case "violation":
      return EXIT_VIOLATION;
    case "bad-trace":
    case "error":
      return EXIT_USAGE;
    case "inconclusive":
      return flag(ctx.options, "fail-inconclusive") ? EXIT_INCONCLUSIVE : EXIT_OK;
  }
}

/** The trace to check: the one file, or the merge of several (the processes of one run). */
function readTraces(ctx: CommandContext, paths: readonly string[]): { text: string; path: string } {
  const sources = paths.map((path) => {
    const full = resolve(ctx.io.cwd, path);
    if (!existsSync(full)) throw new UsageError(`${path}: no such file`);
    return { name: path, text: readFileSync(full, "utf8") };
  });
  if (sources.length === 1) return { text: sources[0].text, path: paths[0] };
  try {
    const merged = mergeTraces(sources);
    for (const c of merged.cutShort) {
      ctx.io.err(`pith conform: ${c.file} ends part way through a step (its process stopped inside a handler): its last ${c.lines === 1 ? "line is" : `${c.lines} lines are`} left out\n`);
    }
    return { text: merged.text, path: paths.join(" + ") };
  } catch (error) {
    if (error instanceof TraceMergeError) throw new UsageError(`the traces cannot be merged: ${error.message}`);
    throw error;
  }
}

async function runMbtModule(ctx: CommandContext, front: FrontEndResult, path: string): Promise<number> {
  const full = resolve(ctx.io.cwd, path);
  if (!existsSync(full)) throw new UsageError(`${path}: no such file`);
  const { loadedSpec, runMbt, mbtText, mbtJson, isMbtDefinition } = await import("../conform/mbt.ts");
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${path} cannot be loaded: ${(error as Error).message}`);
  }
  const definition = module.default ?? module.mbt;
  if (!isMbtDefinition(definition)) {
    throw new UsageError(`${path} must export the model-based tests as its default export (or as 'mbt'), made with defineMbt`);
  }
  const seedText = stringOption(ctx.options, "seed");
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed takes a whole number, not '${seedText}'`);
  const spec = loadedSpec(front.ir!, front.sources, stringOption(ctx.options, "test"));
  if (typeof spec === "string") throw new UsageError(spec);
  const result = await runMbt(spec, definition, { runs: positiveInteger(ctx, "runs"), seed, path: stringOption(ctx.options, "replay-path") });
  if (flag(ctx.options, "json")) ctx.io.out(JSON.stringify(mbtJson(result), null, 2) + "\n");
  else ctx.io.out(mbtText(result));
  return result.ok ? EXIT_OK : EXIT_VIOLATION;
}
