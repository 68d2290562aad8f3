// `pith history <file.ndjson> --model NAME`: is a history that clients observed linearizable
// (register, kv, or a user's model) or serializable (txn-kv)? Prints the verdict and, when it is
// not, a minimal failing sub-history with what goes wrong.
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { checkHistory, DEFAULT_MAX_STEPS } from "../history/check.ts";
import { loadHistoryModel } from "../history/load-model.ts";
import { BUILTIN_MODELS } from "../history/models/index.ts";
import { historyJson, historyText, problemsJson, problemsText } from "../history/render.ts";
import { flag, stringOption, UsageError, type Command } from "./command.ts";
import { EXIT_INCONCLUSIVE, EXIT_OK, EXIT_USAGE, EXIT_VIOLATION } from "./exit-codes.ts";

export const historyCommand: Command = {
  name: "history",
  usage: "pith history <history.ndjson> --model register|kv|txn-kv|<model.ts> [options]",
  description:
    "Checks a history of operations that concurrent clients observed (NDJSON: invocations and\n" +
    "completions, see docs/history.md). With register and kv, each key must be linearizable; with\n" +
    "txn-kv, the committed transactions must be serializable (--strict: in real-time order too).\n" +
    "A model of your own is a module exporting a SequentialModel. When the check fails, prints a\n" +
    "minimal failing sub-history as a timeline and explains it. Exits 0 when the history passes,\n" +
    "1 when it does not, 2 on a bad command or file (each bad line named), 3 when the search gave\n" +
    "up and --fail-inconclusive was given.",
  options: [
    { name: "model", short: "m", type: "string", value: "NAME", description: "register, kv, txn-kv, or the path of a model module (.ts)." },
    { name: "strict", type: "boolean", description: "Serializable models: the serial order must respect real time." },
    { name: "max-steps", type: "string", value: "N", description: `Steps each search may take before it gives up (default ${DEFAULT_MAX_STEPS.toLocaleString("en-US")}).` },
    { name: "fail-inconclusive", type: "boolean", description: "Exit 3 when a search gave up." },
  ],
  examples: ["pith history run.ndjson --model kv", "pith history txns.ndjson --model txn-kv --strict --json", "pith history run.ndjson --model ./queue-model.ts"],
  async run(ctx) {
    const path = ctx.positionals[0];
    if (path === undefined) throw new UsageError("name the history file, e.g. 'pith history run.ndjson --model kv'");
    if (ctx.positionals.length > 1) throw new UsageError(`check one history at a time (got ${ctx.positionals.length} files)`);
    const modelName = stringOption(ctx.options, "model");
    if (modelName === undefined) throw new UsageError("name the model with --model: register, kv, txn-kv, or a module of your own");
    const stepsText = stringOption(ctx.options, "max-steps");
    const maxSteps = stepsText === undefined ? DEFAULT_MAX_STEPS : Number(stepsText);
    if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new UsageError(`--max-steps takes a positive whole number, not '${stepsText}'`);
    const full = resolve(ctx.io.cwd, path);
    if (!existsSync(full) || statSync(full).isDirectory()) throw new UsageError(`${path}: no such file`);
    const model = await loadHistoryModel(modelName, ctx.io.cwd);
    if ("problem" in model) throw new UsageError(model.problem);
    const json = flag(ctx.options, "json");
    let verdict;
    try {
      verdict = checkHistory(readFileSync(full, "utf8"), model, { strict: flag(ctx.options, "strict"), maxSteps });
    } catch (error) {
      // A model of the user's may throw; the built-in ones do not, so that would be a bug here.
      if (Object.values(BUILTIN_MODELS).includes(model)) throw error;
      throw new UsageError(`${modelName}: the model threw while checking: ${(error as Error).message}`);
    }
    if (verdict.kind === "invalid") {
      if (json) ctx.io.out(JSON.stringify(problemsJson(path, verdict.problems), null, 2) + "\n");
      else ctx.io.err(problemsText(path, verdict.problems) + `pith history: ${path} was not checked: fix the lines above\n`);
      return EXIT_USAGE;
    }
    ctx.io.out(json ? JSON.stringify(historyJson(path, verdict), null, 2) + "\n" : historyText(path, verdict, model));
    if (verdict.verdict === "violation") return EXIT_VIOLATION;
    if (verdict.verdict === "inconclusive" && flag(ctx.options, "fail-inconclusive")) return EXIT_INCONCLUSIVE;
    return EXIT_OK;
  },
};
