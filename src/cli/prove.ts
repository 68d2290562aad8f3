// `pith prove`: prove a model's invariants for any number of machines with Z3, and show a
// counterexample to induction for each one that does not hold. Two other checks share the command:
// `--bmc K` searches one fixed instance for a violation within K steps (Z3 again), and `--confirm
// INV` asks the explorer whether a reachable state of the model's tests breaks an invariant.
import { renderText } from "../diagnostics/render.ts";
import type { SourceSet } from "../diagnostics/source.ts";
import { frontEnd, hasErrors, loadModel } from "../driver.ts";
import type { ModelIR } from "../ir/ir.ts";
import { bmc, chooseInstance, instanceTypes } from "../prove/bmc.ts";
import { bmcJson, bmcText } from "../prove/bmc-report.ts";
import { CachedSolver } from "../prove/cache.ts";
import { confirm, type Confirmation } from "../prove/confirm.ts";
import { confirmJson, confirmText, confirmVerdict } from "../prove/confirm-report.ts";
import { DEFAULT } from "../prove/obligations.ts";
import { prove } from "../prove/prove.ts";
import { proofJson, proofText, where } from "../prove/report.ts";
import { allProved, type ProofReport } from "../prove/result.ts";
import { z3Version, Z3Service, type Solver } from "../prove/solver.ts";
import { colorEnabled, flag, stringOption, UsageError, type Command, type CommandContext, type OptionValues } from "./command.ts";
import { colors } from "./io.ts";
import { EXIT_OK, EXIT_USAGE, EXIT_VIOLATION } from "./exit-codes.ts";
import { parseCount, parseDuration } from "./units.ts";

/** Time the explorer may take on each test when confirming. */
const CONFIRM_TIME_MS = 120_000;

export const proveCommand: Command = {
  name: "prove",
  usage: "pith prove <files or folders...> [options]",
  description:
    "Checks that every invariant holds initially and is preserved by every handler, for any number\n" +
    "of machines of each type and any messages in flight, following the model's Proof script (or\n" +
    "proving every invariant using all of them). Also proves the built-in obligations (no message a\n" +
    "state cannot take, every assertion holds). Prints, per invariant: proved (and the invariants\n" +
    "its proof used), failed (with a counterexample to induction) or unknown (a timeout, or an\n" +
    "unsupported construct and where it is). Exits 0 when everything is proved, 1 when something\n" +
    "failed or is unknown, 2 on errors in the model or the command.\n\n" +
    "--bmc K: bounded model checking of one instance (--instance, default up to 2 machines of each\n" +
    "type): prints the shortest run to a violation within K steps, or that there is none (exit 1 or 0).\n" +
    "--confirm INV: explores the model's tests and evaluates INV on every reachable state: prints the\n" +
    "shortest trace to a state that breaks it (a real bug, exit 1), or that none does (exit 0).",
  options: [
    { name: "timeout", type: "string", value: "DURATION", description: "Time Z3 may take per obligation, or per depth with --bmc (default 10s)." },
    { name: "no-cache", type: "boolean", description: "Neither read nor write the proof cache (.pith-cache/prove)." },
    { name: "minimal-cores", type: "boolean", description: "Have Z3 minimise unsat cores: the fewest helpers each proof uses (slower)." },
    { name: "bmc", type: "string", value: "K", description: "Bounded model checking instead: is a violation reachable within K steps of one instance?" },
    { name: "instance", type: "string", value: "T=N,...", description: "--bmc: machines of each type, e.g. Client=2,Server=1 (default: up to 2 of each)." },
    { name: "confirm", type: "string", multiple: true, value: "INV", description: "Explore the model's tests for a reachable state that breaks INV (after a failed proof)." },
  ],
  examples: [
    "pith prove test/prove/models/lock-server",
    "pith prove model.p --timeout 30s --json",
    "pith prove model.p --no-cache",
    "pith prove model.p --bmc 10 --instance Client=3,Server=1",
    "pith prove model.p --confirm mutual_exclusion",
  ],
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError("name the model to prove: one or more .p files or folders");
    const text = stringOption(ctx.options, "timeout") ?? "10s";
    const timeoutMs = parseDuration(text);
    if (timeoutMs === undefined || timeoutMs <= 0) throw new UsageError(`--timeout takes a duration such as 10s or 2m, not '${text}'`);
    const loaded = loadModel(ctx.positionals, ctx.io.cwd);
    if (loaded.problems.length > 0) throw new UsageError(loaded.problems.join("\n"));
    const front = frontEnd(loaded.files);
    if (hasErrors(front.diagnostics) || front.ir === undefined || front.checked === undefined) {
      ctx.io.out(renderText(front.diagnostics, front.sources, { color: colorEnabled(ctx) }));
      return EXIT_USAGE;
    }
    const bound = bmcBound(ctx.options);
    if (bound === undefined && stringOption(ctx.options, "instance") !== undefined) throw new UsageError("--instance goes with --bmc: name the number of steps, e.g. --bmc 10");
    const toConfirm = confirmTargets(front.ir, ctx.options);
    if (toConfirm.length > 0) {
      if (bound !== undefined) throw new UsageError("--confirm and --bmc are two different checks: use one at a time");
      return await runConfirm(ctx, front.ir, front.sources, toConfirm);
    }
    const requested = parseInstance(front.ir, stringOption(ctx.options, "instance"));
    if (bound === undefined && front.ir.invariants.length === 0 && front.checked.proofs.length === 0 && !flag(ctx.options, "json")) {
      ctx.io.err("pith prove: the model declares no invariant; proving the built-in obligations only\n");
    }
    const minimalCores = flag(ctx.options, "minimal-cores");
    const service = new Z3Service({ timeoutMs, minimalCores });
    // Minimal cores are other answers to the same queries: they are cached apart.
    const version = `${z3Version()}${minimalCores ? " minimal-cores" : ""}`;
    const solver: Solver = flag(ctx.options, "no-cache") ? service : new CachedSolver(service, ctx.io.cwd, version);
    try {
      if (bound !== undefined) return await runBmc(ctx, front.ir, front.sources, solver, bound, requested);
      const report = await prove(front.ir, front.checked, { solver });
      const hint = confirmHint(front.ir, report, ctx.positionals);
      if (flag(ctx.options, "json")) ctx.io.out(JSON.stringify({ ...(proofJson(report, front.sources) as object), ...(hint === undefined ? {} : { next: hint.command }) }, null, 2) + "\n");
      else {
        ctx.io.out(proofText(report, front.sources, colors(colorEnabled(ctx)), flag(ctx.options, "quiet")));
        if (hint !== undefined) ctx.io.out(`\n${hint.text}\n  ${hint.command}\n`);
      }
      return allProved(report) ? EXIT_OK : EXIT_VIOLATION;
    } finally {
      await solver.close();
    }
  },
};

function bmcBound(options: OptionValues): number | undefined {
  const text = stringOption(options, "bmc");
  if (text === undefined) return undefined;
  const k = parseCount(text);
  if (k === undefined) throw new UsageError(`--bmc takes the most steps a run may take, such as 10, not '${text}'`);
  return k;
}

/** `Client=2,Server=1`: machines of each named type; the types not named are left to the default. */
function parseInstance(model: ModelIR, text: string | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (text === undefined) return out;
  const types = instanceTypes(model);
  const names = types.map((t) => model.machines[t].name);
  for (const part of text.split(",").filter((x) => x.trim() !== "")) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\d+)\s*$/.exec(part);
    if (m === null) throw new UsageError(`--instance takes TYPE=N pairs separated by commas, such as ${names.map((n) => `${n}=2`).join(",")}, not '${part}'`);
    const id = types.find((t) => model.machines[t].name === m[1]);
    if (id === undefined) throw new UsageError(`--instance: '${m[1]}' is not a machine type of the model; its machine types are ${names.join(", ")}`);
    const n = Number(m[2]);
    if (n < 1) throw new UsageError(`--instance: ${m[1]} needs at least one machine`);
    out.set(id, n);
  }
  return out;
}

async function runBmc(ctx: CommandContext, model: ModelIR, sources: SourceSet, solver: Solver, bound: number, requested: ReadonlyMap<number, number>): Promise<number> {
  const choice = await chooseInstance(model, solver, requested);
  if ("problem" in choice) throw new UsageError(choice.problem);
  const result = await bmc(model, choice, { solver, bound });
  if (flag(ctx.options, "json")) ctx.io.out(JSON.stringify(bmcJson(result, sources), null, 2) + "\n");
  else ctx.io.out(bmcText(result, sources, colors(colorEnabled(ctx))));
  return result.status === "none" ? EXIT_OK : EXIT_VIOLATION;
}

/** The invariants named by --confirm (repeatable, or separated by commas). */
function confirmTargets(model: ModelIR, options: OptionValues): string[] {
  const raw = options["confirm"];
  const names = (Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : []).flatMap((x) => x.split(",")).map((x) => x.trim()).filter((x) => x !== "");
  const known = model.invariants.map((i) => i.name);
  for (const n of names) {
    if (!known.includes(n)) throw new UsageError(`--confirm: '${n}' is not an invariant of the model${known.length === 0 ? "" : `; its invariants are ${known.join(", ")}`}`);
  }
  return [...new Set(names)];
}

async function runConfirm(ctx: CommandContext, model: ModelIR, sources: SourceSet, invariants: readonly string[]): Promise<number> {
  if (model.tests.length === 0) {
    throw new UsageError(
      "--confirm explores the model's tests, and the model declares none: add a test whose driver creates a small instance (see docs/prove.md), or search one instance with --bmc",
    );
  }
  const json = flag(ctx.options, "json");
  const results: Confirmation[] = [];
  let code = EXIT_OK;
  for (const name of invariants) {
    const c = await confirm(model, name, model.tests, { maxTimeMs: CONFIRM_TIME_MS });
    if (c.notEvaluable !== undefined) {
      throw new UsageError(`--confirm: ${name} uses ${c.notEvaluable.construct}, which cannot be evaluated on the explorer's states (${where(c.notEvaluable.span, sources)})`);
    }
    results.push(c);
    const verdict = confirmVerdict(c);
    if (verdict === "violated" || verdict === "other-violation") code = EXIT_VIOLATION;
    if (!json) ctx.io.out(confirmText(c, sources, colors(colorEnabled(ctx)), colorEnabled(ctx)));
  }
  if (json) ctx.io.out(JSON.stringify({ version: 1, mode: "confirm", results: results.map((c) => confirmJson(c, sources)) }, null, 2) + "\n");
  return code;
}

/** After a failed proof: the command that asks the explorer whether the first broken invariant is a real bug. */
function confirmHint(model: ModelIR, report: ProofReport, positionals: readonly string[]): { text: string; command: string } | undefined {
  const failed = report.results.find((r) => r.status === "failed" && r.target !== DEFAULT && r.failures.some((f) => f.cti !== undefined));
  if (failed === undefined) return undefined;
  const paths = positionals.map((x) => (/^[\w./:@+-]+$/.test(x) ? x : `'${x.replace(/'/g, "'\\''")}'`)).join(" ");
  if (model.tests.length === 0) {
    return {
      text: `Is ${failed.target} broken in a reachable state? The model has no test for the explorer to confirm it with; search one instance instead:`,
      command: `pith prove ${paths} --bmc 10`,
    };
  }
  return { text: `Is ${failed.target} broken in a reachable state, or is a helper invariant missing? The explorer can tell on the model's tests:`, command: `pith prove ${paths} --confirm ${failed.target}` };
}
