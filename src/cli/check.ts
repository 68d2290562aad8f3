// `pith check`: explore every test of a model to a verdict and print the counterexamples.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderText } from "../diagnostics/render.ts";
import { frontEnd, hasErrors, loadModel, type FrontEndResult } from "../driver.ts";
import { checkTests, selectTests, withParams, type CheckOptions, type TestOutcome } from "../explore/check.ts";
import type { Budget, Stats } from "../explore/engine/index.ts";
import { PModel } from "../explore/p/model.ts";
import { CompiledProgram } from "../explore/p/program.ts";
import type { ModelIR } from "../ir/ir.ts";
import { suggestName } from "../names/suggest.ts";
import { checkText, location } from "../report/check-text.ts";
import { outcomesToJson } from "../report/check-json.ts";
import { traceDocument } from "../report/trace-json.ts";
import { colorEnabled, flag, stringOption, UsageError, type Command, type CommandContext } from "./command.ts";
import { EXIT_INCONCLUSIVE, EXIT_OK, EXIT_USAGE, EXIT_VIOLATION } from "./exit-codes.ts";
import { Progress } from "./progress.ts";
import { parseBytes, parseCount, parseDuration } from "./units.ts";

export const checkCommand: Command = {
  name: "check",
  summary: "Explore every behaviour of a model's tests and report violations",
  usage: "pith check <files or folders...> [options]",
  description:
    "Runs each test declaration of the model (parametric tests: each configuration) to a verdict:\n" +
    "pass (every reachable state explored), violation (with the shortest counterexample when\n" +
    "searching breadth-first) or inconclusive (a budget ran out). Exits 0 when nothing is violated,\n" +
    "1 on a violation, 2 on errors in the model or the command, 3 when a budget ran out and\n" +
    "--fail-inconclusive was given.",
  options: [
    { name: "test", short: "t", type: "string", multiple: true, value: "NAME", description: "Check only this test (repeatable)." },
    { name: "param", type: "string", multiple: true, value: "K=V", description: "Set a global param for every test (repeatable)." },
    { name: "mode", type: "string", value: "MODE", description: "bfs (default, shortest counterexample), dfs, or random." },
    { name: "max-states", type: "string", value: "N", description: "Stop after N distinct states." },
    { name: "max-depth", type: "string", value: "N", description: "Do not explore beyond N steps." },
    { name: "time", type: "string", value: "DURATION", description: "Stop after this long per test, e.g. 60s, 5m." },
    { name: "max-memory", type: "string", value: "SIZE", description: "Stop when memory in use exceeds SIZE, e.g. 2g." },
    { name: "seed", type: "string", value: "N", description: "random: the seed (printed when chosen for you)." },
    { name: "runs", type: "string", value: "N", description: "random: how many runs (default 1000)." },
    { name: "max-steps", type: "string", value: "N", description: "random: steps per run (default 1000)." },
    { name: "no-liveness", type: "boolean", description: "Skip the search for hot monitors on fair cycles." },
    { name: "trace-out", type: "string", value: "FILE", description: "Write the counterexample as JSON (ITF) for 'pith replay'." },
    { name: "fail-inconclusive", type: "boolean", description: "Exit 3 when a budget ran out before a verdict." },
  ],
  examples: [
    "pith check examples/two-phase-commit",
    "pith check model.p --test tcTwoClients --max-states 1000000 --time 60s",
    "pith check model.p --mode random --seed 42 --runs 10000",
    "pith check model.p --trace-out bug.json && pith replay bug.json",
  ],
  async run(ctx) {
    const options = checkOptions(ctx);
    const loaded = loadModel(ctx.positionals.length === 0 ? usage("name the model to check: one or more .p files or folders") : ctx.positionals, ctx.io.cwd);
    if (loaded.problems.length > 0) throw new UsageError(loaded.problems.join("\n"));
    const front = frontEnd(loaded.files);
    if (hasErrors(front.diagnostics) || front.ir === undefined) {
      ctx.io.out(renderText(front.diagnostics, front.sources, { color: colorEnabled(ctx) }));
      return EXIT_USAGE;
    }
    const tests = chooseTests(ctx, front.ir);
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once("SIGINT", onSigint);
    const progress = new Progress(ctx.io, flag(ctx.options, "quiet") || flag(ctx.options, "json"));
    let outcomes: TestOutcome[];
    try {
      outcomes = await checkTests(front.ir, tests, {
        ...options,
        budget: { ...options.budget, signal: controller.signal },
        onProgress: (test: string, stats: Stats) => progress.update(test, stats),
      });
    } finally {
      process.removeListener("SIGINT", onSigint);
      progress.done();
    }
    report(ctx, front, outcomes);
    writeTraces(ctx, front, outcomes);
    if (outcomes.some((o) => o.verdict === "violation")) return EXIT_VIOLATION;
    if (outcomes.some((o) => o.verdict === "inconclusive") && flag(ctx.options, "fail-inconclusive")) return EXIT_INCONCLUSIVE;
    return EXIT_OK;
  },
};

function usage(message: string): never {
  throw new UsageError(message);
}

function count(ctx: CommandContext, name: string): number | undefined {
  const text = stringOption(ctx.options, name);
  if (text === undefined) return undefined;
  const n = parseCount(text);
  if (n === undefined) usage(`--${name} takes a whole number, not '${text}'`);
  return n;
}

function checkOptions(ctx: CommandContext): Omit<CheckOptions, "onProgress"> {
  const mode = stringOption(ctx.options, "mode") ?? "bfs";
  if (mode !== "bfs" && mode !== "dfs" && mode !== "random") usage(`--mode is bfs, dfs or random, not '${mode}'`);
  const time = stringOption(ctx.options, "time");
  const memory = stringOption(ctx.options, "max-memory");
  const maxTimeMs = time === undefined ? undefined : (parseDuration(time) ?? usage(`--time takes a duration such as 60s or 5m, not '${time}'`));
  const maxMemoryBytes = memory === undefined ? undefined : (parseBytes(memory) ?? usage(`--max-memory takes a size such as 2g or 512m, not '${memory}'`));
  const budget: Budget = {
    ...(count(ctx, "max-states") !== undefined ? { maxStates: count(ctx, "max-states") } : {}),
    ...(count(ctx, "max-depth") !== undefined ? { maxDepth: count(ctx, "max-depth") } : {}),
    ...(maxTimeMs !== undefined ? { maxTimeMs } : {}),
    ...(maxMemoryBytes !== undefined ? { maxMemoryBytes } : {}),
  };
  const randomOnly = ["seed", "runs", "max-steps"].filter((o) => ctx.options[o] !== undefined);
  if (mode !== "random" && randomOnly.length > 0) usage(`--${randomOnly[0]} goes with --mode random`);
  return {
    mode: mode === "random" ? "simulate" : mode,
    budget,
    liveness: !flag(ctx.options, "no-liveness"),
    ...(count(ctx, "seed") !== undefined ? { seed: count(ctx, "seed") } : {}),
    ...(count(ctx, "runs") !== undefined ? { runs: count(ctx, "runs") } : {}),
    ...(count(ctx, "max-steps") !== undefined ? { maxSteps: count(ctx, "max-steps") } : {}),
  };
}

/** `--param n=3 --param fast=true`. */
export function parseParams(model: ModelIR, texts: readonly string[]): Record<string, number | boolean> {
  const values: Record<string, number | boolean> = {};
  for (const text of texts) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(text);
    if (m === null) usage(`--param takes NAME=VALUE, not '${text}'`);
    const [, name, raw] = m;
    const param = model.params.find((p) => p.name === name);
    if (param === undefined) {
      const guess = suggestName(name, model.params.map((p) => p.name));
      usage(`the model declares no param '${name}'${guess === undefined ? "" : `; did you mean '${guess}'?`}`);
    }
    if (param.type.kind === "Bool") {
      if (raw !== "true" && raw !== "false") usage(`param ${name} is a bool: give true or false, not '${raw}'`);
      values[name] = raw === "true";
    } else {
      const n = Number(raw);
      if (!Number.isInteger(n)) usage(`param ${name} is an int: give a whole number, not '${raw}'`);
      values[name] = n;
    }
  }
  return values;
}

function chooseTests(ctx: CommandContext, model: ModelIR) {
  const names = (ctx.options.test as string[] | undefined) ?? [];
  const { tests, unknown } = selectTests(model, names);
  if (model.tests.length === 0) usage("the model declares no test: add one, e.g. 'test tc [main=Main]: { Main };'");
  if (unknown.length > 0) {
    const available = [...new Set(model.tests.map((t) => t.test))];
    const guess = suggestName(unknown[0], available);
    usage(`no test named '${unknown[0]}'${guess === undefined ? "" : `; did you mean '${guess}'?`} (tests: ${available.join(", ")})`);
  }
  return withParams(model, tests, parseParams(model, (ctx.options.param as string[] | undefined) ?? []));
}

function report(ctx: CommandContext, front: FrontEndResult, outcomes: readonly TestOutcome[]): void {
  if (flag(ctx.options, "json")) {
    ctx.io.out(JSON.stringify(outcomesToJson(outcomes, front.sources), null, 2) + "\n");
    return;
  }
  ctx.io.out(checkText(outcomes, front.sources, colorEnabled(ctx), flag(ctx.options, "quiet")));
}

function writeTraces(ctx: CommandContext, front: FrontEndResult, outcomes: readonly TestOutcome[]): void {
  const path = stringOption(ctx.options, "trace-out");
  if (path === undefined || front.ir === undefined) return;
  const violated = outcomes.filter((o) => o.violation !== undefined);
  if (violated.length === 0) return;
  const program = new CompiledProgram(front.ir);
  const files = front.sources.all().map((f) => f.path);
  violated.forEach((o) => {
    const test = withParams(front.ir!, front.ir!.tests, {}).find((t) => t.name === o.test) ?? findConfiguration(front.ir!, o.test);
    if (test === undefined) return;
    const model = new PModel(program, test);
    const doc = traceDocument(model, o, files, location(o.violation!.span, front.sources));
    const target = violated.length === 1 ? path : path.replace(/(\.json)?$/, `.${o.test.replace(/[^A-Za-z0-9_=.-]+/g, "_")}.json`);
    writeFileSync(resolve(ctx.io.cwd, target), JSON.stringify(doc, null, 2) + "\n");
    if (!flag(ctx.options, "quiet")) ctx.io.err(`counterexample of ${o.test} written to ${target}\n`);
  });
}

/** A configuration by its printed name, including ones made by --param. */
export function findConfiguration(model: ModelIR, name: string) {
  const direct = model.tests.find((t) => t.name === name);
  if (direct !== undefined) return direct;
  const m = /^([^(]+)\((.*)\)$/.exec(name);
  if (m === null) return undefined;
  const values: Record<string, number | boolean> = {};
  for (const pair of m[2].split(",")) {
    const [k, v] = pair.split("=");
    values[k] = v === "true" ? true : v === "false" ? false : Number(v);
  }
  return withParams(model, model.tests.filter((t) => t.test === m[1]), values).find((t) => t.name === name);
}
