// `pith check`: explore every test of a model to a verdict and report it. With paths, the model is
// the files named; without, the models of the project's pith.json, checked with a profile's
// settings, answered from the result cache when nothing changed, split into shards for a CI
// matrix, or limited to what is staged in git for a pre-commit hook. This file decides what to
// check; project.ts checks it and report.ts writes the results. Nothing here loads the parser or
// the explorer, so that a run the cache answers (or a hook with nothing staged) starts fast.
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { BUILTIN_PROFILES, profileNames, profileSettings, type ModelConfig, type ProjectConfig, type Settings } from "../config/config.ts";
import type { ConfigError } from "../config/errors.ts";
import { findConfigFile } from "../config/find.ts";
import { SourceFile } from "../diagnostics/source.ts";
import { codePathProblem, type ImplementationMap } from "../conform/impl-map.ts";
import type { TestOutcome } from "../explore/check.ts";
import { suggestName } from "../names/suggest.ts";
import { isProjectConfig } from "./cache-entries.ts";
import { ResultCache } from "./cache.ts";
import { colorEnabled, flag, stringOption, UsageError, type Command, type CommandContext } from "./command.ts";
import { EXIT_INCONCLUSIVE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, EXIT_VIOLATION } from "./exit-codes.ts";
import { compare, type Finding } from "./expectations.ts";
import { GitError, indexTree, repositoryRoot, stagedChanges } from "./git.ts";
import { findModel, MODEL_EXTENSION, workingTree, type FileTree } from "../model-files.ts";
import { planOutput } from "./output.ts";
import { Progress } from "./progress.ts";
import { checkModels, type ModelJob, type ModelResult } from "./project.ts";
import { resolveSettings, settingsFromFlags } from "./settings.ts";
import { parseShard, type Shard } from "./shard.ts";
import { version } from "./version.ts";

export const checkCommand: Command = {
  name: "check",
  usage: "pith check [files or folders...] [options]",
  description:
    "Runs each test declaration of the model (parametric tests: each configuration) to a verdict:\n" +
    "pass (every reachable state explored), violation (with the shortest counterexample when\n" +
    "searching breadth-first) or inconclusive (a budget ran out). Without paths, checks every model\n" +
    "of the project's pith.json (found in this folder or above), with a profile's settings when\n" +
    "--profile is given; unchanged models are answered from the cache in .pith-cache/.\n" +
    "Exits 0 when nothing is violated, 1 on a violation (or a verdict other than pith.json expects),\n" +
    "2 on errors in a model, pith.json or the command, 3 when a budget ran out and\n" +
    "--fail-inconclusive was given.",
  options: [
    { name: "profile", short: "p", type: "string", value: "NAME", description: "Use a profile's settings from pith.json: precommit, ci, or your own." },
    { name: "model", short: "m", type: "string", multiple: true, value: "NAME", description: "Check only this model of pith.json (repeatable)." },
    { name: "staged", type: "boolean", description: "Check what is staged in git, and only the models it changes (pre-commit)." },
    { name: "shard", type: "string", value: "I/N", description: "Check the I-th of N equal parts of the test configurations (CI matrix)." },
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
    { name: "no-liveness", type: "boolean", description: "Do not check liveness (monitors hot at the end or on a fair cycle)." },
    { name: "fail-inconclusive", type: "boolean", description: "Exit 3 when a budget ran out before a verdict." },
    { name: "no-cache", type: "boolean", description: "Neither read nor write the result cache." },
    { name: "reporter", short: "r", type: "string", multiple: true, value: "NAME", description: "text, json, github, sarif or junit (repeatable; github in GitHub Actions)." },
    { name: "out", short: "o", type: "string", multiple: true, value: "FILE", description: "Write the json, sarif or junit report to FILE." },
    { name: "trace-out", type: "string", value: "FILE", description: "Write the counterexample as JSON (ITF) for 'pith replay'." },
    { name: "html", type: "string", value: "DIR", description: "Write each counterexample as a self-contained HTML page in DIR." },
    { name: "artifacts", type: "string", value: "DIR", description: "Write each counterexample (JSON trace and HTML) in DIR, for upload." },
    { name: "link", type: "string", value: "PATH", description: "The implementation (a tsconfig.json or a folder of .ts files): steps show its methods." },
  ],
  examples: [
    "pith check examples/two-phase-commit",
    "pith check model.p --test tcTwoClients --max-states 1000000 --time 60s",
    "pith check model.p --mode random --seed 42 --runs 10000",
    "pith check model.p --trace-out bug.json && pith replay bug.json",
    "pith check                                   # every model of pith.json",
    "pith check --profile precommit --staged      # in a pre-commit hook",
    "pith check --profile ci --shard 2/4 --reporter github --artifacts counterexamples",
    "pith check --reporter sarif --out pith.sarif --reporter junit --out pith-junit.xml",
    "pith check examples/conformance/model --link examples/conformance/tsconfig.json",
  ],
  run: runCheck,
};

function usage(message: string): never {
  throw new UsageError(message);
}

interface Project {
  readonly config: ProjectConfig;
  /** pith.json as shown in messages. */
  readonly shown: string;
  /** Its text, to quote in messages. */
  readonly text: string;
}

/**
 * Reads pith.json (from the git index when checking what is staged); errors are printed. A valid
 * configuration is kept in the cache, so that an unchanged pith.json costs neither parsing nor
 * loading the JSON Schema validator.
 */
async function readProject(ctx: CommandContext, file: string, tree: FileTree, cache: ResultCache | undefined): Promise<Project | number> {
  const shown = relative(ctx.io.cwd, file) || file;
  const text = (tree.kind(file) === "file" ? tree.read([file]).get(file) : undefined) ?? readFileSync(file, "utf8");
  const key = cache?.key("config", { file, shown, text });
  const hit = key === undefined ? undefined : cache?.get("config", key, isProjectConfig);
  if (hit !== undefined) return { config: hit, shown, text };
  const { parseConfig } = await import("../config/load.ts");
  const result = parseConfig(text, file, shown);
  if ("errors" in result) {
    const { renderConfigErrors } = await import("../config/errors.ts");
    ctx.io.err(renderConfigErrors(result.errors, text, colorEnabled(ctx)));
    return EXIT_USAGE;
  }
  if (key !== undefined) cache?.put("config", key, result.config);
  return { config: result.config, shown, text };
}

function chooseProfile(ctx: CommandContext, config: ProjectConfig | undefined): string | undefined {
  const name = stringOption(ctx.options, "profile");
  if (name === undefined) return undefined;
  const known = profileNames(config);
  if (!known.includes(name)) {
    const guess = suggestName(name, known);
    usage(`there is no profile '${name}'${guess === undefined ? "" : `; did you mean '${guess}'?`} (profiles: ${known.join(", ")})`);
  }
  return name;
}

/** The models to check: those `--model` names, or else every model its profile does not skip. */
function chooseModels(ctx: CommandContext, config: ProjectConfig, profile: string | undefined): readonly ModelConfig[] {
  const names = (ctx.options.model as string[] | undefined) ?? [];
  if (names.length === 0) return config.models.filter((m) => profile === undefined || profileSettings(config, profile, m).skip !== true);
  const known = config.models.map((m) => m.name);
  for (const n of names) {
    if (!known.includes(n)) {
      const guess = suggestName(n, known);
      usage(`pith.json has no model '${n}'${guess === undefined ? "" : `; did you mean '${guess}'?`} (models: ${known.join(", ")})`);
    }
  }
  return config.models.filter((m) => names.includes(m.name));
}

/** Whether a staged change touches a model: one of its files, or a .p file where its paths look. */
function touches(model: ModelConfig, root: string, changed: readonly string[]): boolean {
  const entries = model.paths.filter((p) => !p.startsWith("std:")).map((p) => resolve(root, p));
  return changed.some((c) => entries.some((e) => c === e || (c.startsWith(e + "/") && c.endsWith(MODEL_EXTENSION))));
}

/** The implementation a model is linked to: `code` as written (a tsconfig.json or a folder), relative to `base`. */
interface Link {
  readonly base: string;
  readonly code: string;
}

/**
 * The links of the models checked: --link for the model named by paths, else each model's `link`
 * in pith.json. A link to nothing is an error at its place in pith.json (checked before anything
 * runs, so that a typo does not wait for a violation to show up).
 */
function chooseLinks(ctx: CommandContext, jobs: readonly ModelJob[], models: readonly ModelConfig[], project: Project | undefined): Map<string, Link> | ConfigError[] {
  const flagLink = stringOption(ctx.options, "link");
  const links = new Map<string, Link>();
  if (project === undefined || models.length === 0) {
    if (flagLink !== undefined) {
      const problem = codePathProblem(resolve(ctx.io.cwd, flagLink), flagLink);
      if (problem !== undefined) usage(`--link ${problem}`);
      links.set(jobs[0].name, { base: ctx.io.cwd, code: flagLink });
    }
    return links;
  }
  if (flagLink !== undefined) usage('--link names the implementation of the model given by paths; for the models of pith.json, write "link" in their entries');
  const errors: ConfigError[] = [];
  const source = new SourceFile(project.shown, project.text);
  for (const m of models) {
    if (m.link === undefined) continue;
    const problem = codePathProblem(resolve(project.config.root, m.link), m.link);
    if (problem === undefined) {
      links.set(m.name, { base: project.config.root, code: m.link });
      continue;
    }
    const at = m.linkAt ?? m.at;
    errors.push({
      file: project.shown,
      offset: source.lineStarts[at.line - 1] + at.column - 1,
      length: JSON.stringify(m.link).length,
      message: `the link of model "${m.name}": ${problem}. "link" names the model's implementation: a tsconfig.json, or a folder of .ts files, relative to ${project.shown}.`,
    });
  }
  return errors.length > 0 ? errors : links;
}

function settingsFor(profile: string | undefined, config: ProjectConfig | undefined, model: ModelConfig | undefined, flags: Settings) {
  const layers: Settings[] = profile === undefined ? [] : [BUILTIN_PROFILES[profile] ?? {}, config?.profiles[profile] ?? {}, model?.profiles[profile] ?? {}];
  const s = resolveSettings(...layers, flags);
  const randomOnly = (["seed", "runs", "maxSteps"] as const).find((k) => flags[k] !== undefined);
  if (randomOnly !== undefined && s.mode !== "random") {
    usage(`--${randomOnly === "maxSteps" ? "max-steps" : randomOnly} goes with --mode random`);
  }
  return s;
}

async function runCheck(ctx: CommandContext): Promise<number> {
  const { io, options } = ctx;
  const quiet = flag(options, "quiet");
  const flags = settingsFromFlags(options);
  const plan = planOutput(options, io.env);
  const shardText = stringOption(options, "shard");
  let shard: Shard | undefined;
  if (shardText !== undefined) {
    const parsed = parseShard(shardText);
    if ("error" in parsed) usage(parsed.error);
    shard = parsed;
  }
  const paths = ctx.positionals;
  const staged = flag(options, "staged");
  const configFile = findConfigFile(io.cwd);
  if (paths.length > 0 && (staged || options.model !== undefined)) {
    usage(`${staged ? "--staged" : "--model"} checks the models of pith.json: give no paths with it`);
  }
  if (paths.length === 0 && configFile === undefined) {
    usage(
      "name the model to check (one or more .p files or folders), or list the project's models in a pith.json\n" +
        "(none in this folder or above; 'pith init' writes a first one)",
    );
  }

  // What is staged: when nothing is, there is nothing to do, and that must cost next to nothing.
  let tree: FileTree = workingTree;
  let changed: string[] = [];
  if (staged) {
    try {
      const root = repositoryRoot(resolve(configFile!, ".."));
      changed = stagedChanges(root);
      if (changed.length === 0) {
        if (!quiet) io.err("pith: nothing is staged: nothing to check\n");
        return EXIT_OK;
      }
      tree = indexTree(root);
    } catch (error) {
      if (error instanceof GitError) usage(error.message);
      throw error;
    }
  }

  const cache = configFile !== undefined && !flag(options, "no-cache") ? new ResultCache(resolve(configFile, "..")) : undefined;
  const needsConfig = paths.length === 0 || options.profile !== undefined;
  let project: Project | undefined;
  if (needsConfig && configFile !== undefined) {
    const read = await readProject(ctx, configFile, tree, cache);
    if (typeof read === "number") return read;
    project = read;
  }
  const profile = chooseProfile(ctx, project?.config);
  const config = project?.config;
  const flagParams = (options.param as string[] | undefined) ?? [];
  const flagTests = (options.test as string[] | undefined) ?? [];

  let jobs: ModelJob[];
  let models: readonly ModelConfig[] = [];
  if (paths.length > 0) {
    const found = findModel(paths, io.cwd, io.cwd);
    if (found.problems.length > 0) usage(found.problems.join("\n"));
    const settings = settingsFor(profile, config, undefined, flags);
    jobs = [{ name: paths.join(" "), files: found.files, problems: [], params: flagParams, tests: flagTests, testsWritten: {}, settings, expect: {} }];
  } else {
    models = chooseModels(ctx, config!, profile);
    if (staged && !changed.includes(config!.file)) models = models.filter((m) => touches(m, config!.root, changed));
    if (staged && models.length === 0) {
      if (!quiet) io.err("pith: no staged change touches a model of pith.json: nothing to check\n");
      return EXIT_OK;
    }
    jobs = models.map((m) => {
      const found = findModel(m.paths, config!.root, io.cwd, tree);
      return {
        name: m.name,
        files: found.files,
        problems: found.problems,
        params: [...Object.entries(m.params).map(([k, v]) => `${k}=${v}`), ...flagParams],
        tests: flagTests.length > 0 ? flagTests : (m.tests ?? []),
        testsWritten: Object.fromEntries((m.tests ?? []).map((t, i) => [t, `${project!.shown}:${m.testsAt[i].line}:${m.testsAt[i].column}`])),
        settings: settingsFor(profile, config, m, flags),
        expect: m.expect,
      };
    });
  }

  const links = chooseLinks(ctx, jobs, paths.length > 0 ? [] : models, project);
  if (Array.isArray(links)) {
    const { renderConfigErrors } = await import("../config/errors.ts");
    io.err(renderConfigErrors(links, project!.text, colorEnabled(ctx)));
    return EXIT_USAGE;
  }

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const progress = new Progress(io, quiet || (plan.stdout !== "text" && plan.stdout !== "github"));
  let results;
  try {
    results = await checkModels(jobs, {
      cache,
      shard,
      signal: controller.signal,
      onProgress: (model, test, stats) => progress.update(paths.length > 0 ? test : `${model} ${test}`, stats),
      wantIr: plan.stdout === "sarif" || plan.files.some((f) => f.reporter === "sarif"),
    });
  } finally {
    process.removeListener("SIGINT", onSigint);
    progress.done();
  }

  // With paths, a test the model does not have or a bad --param is a usage error, as it always was.
  if (paths.length > 0 && results[0].problems.length > 0) usage(results[0].problems.join("\n"));

  const findings: Finding[] = [];
  const expected = new Map<string, Set<string>>();
  for (const r of results) {
    // A model that could not be checked has nothing to compare (and its error says why).
    if (r.problems.length > 0 || r.diagnostics.some((d) => d.severity === "error")) continue;
    const c = compare(r.job.name, r.job.expect, r.outcomes, r.configurations);
    findings.push(...c.findings);
    expected.set(r.job.name, c.expectedViolations);
  }
  // The text report leaves out the counterexamples pith.json expects; every other output shows them.
  const textOnly = plan.stdout === "text" && plan.files.length === 0 && plan.html === undefined && plan.artifacts === undefined;
  const shown = (r: ModelResult, o: TestOutcome) => o.violation !== undefined && !(textOnly && expected.get(r.job.name)?.has(o.test) === true);
  const { writeReports } = await import("./report.ts");
  const impl = await implementationMaps(results, links, shown, io.cwd);
  await writeReports(
    plan,
    { results, findings, expected, configShown: project?.shown, project: paths.length === 0, toolVersion: version(), impl },
    { io, color: colorEnabled(ctx), quiet },
  );

  if (results.some((r) => r.problems.length > 0 || r.diagnostics.some((d) => d.severity === "error"))) return EXIT_USAGE;
  const unexpected = results.some((r) => r.outcomes.some((o) => o.verdict === "violation" && !expected.get(r.job.name)?.has(o.test)));
  if (unexpected || findings.some((f) => f.severity === "error")) return EXIT_VIOLATION;
  if (results.some((r) => r.job.settings.failInconclusive && r.outcomes.some((o) => o.verdict === "inconclusive"))) return EXIT_INCONCLUSIVE;
  if (controller.signal.aborted) return EXIT_INTERRUPTED;
  return EXIT_OK;
}

/**
 * The link map of each linked model with a counterexample that a report shows. Making one loads
 * ts-morph and reads the code (about half a second), so a run without such a counterexample (a
 * pre-commit check that passes) never pays for it.
 */
async function implementationMaps(
  results: readonly ModelResult[],
  links: ReadonlyMap<string, Link>,
  shown: (r: ModelResult, o: TestOutcome) => boolean,
  cwd: string,
): Promise<Map<string, ImplementationMap>> {
  const maps = new Map<string, ImplementationMap>();
  for (const r of results) {
    const link = links.get(r.job.name);
    if (link === undefined || !r.outcomes.some((o) => shown(r, o))) continue;
    const { loadImplementationMap } = await import("./link.ts");
    const { sourcesOf } = await import("./report.ts");
    const sources = sourcesOf(r);
    // A model answered from the cache was not parsed; it has no errors, since it has outcomes.
    const ir = r.ir ?? (await import("../driver.ts")).frontEnd(sources.all()).ir;
    if (ir !== undefined) maps.set(r.job.name, await loadImplementationMap(ir, sources, link.base, link.code, cwd));
  }
  return maps;
}
