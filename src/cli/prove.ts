// `pith prove`: prove a model's invariants for any number of machines with Z3, and show a
// counterexample to induction for each one that does not hold.
import { renderText } from "../diagnostics/render.ts";
import { frontEnd, hasErrors, loadModel } from "../driver.ts";
import { CachedSolver } from "../prove/cache.ts";
import { prove } from "../prove/prove.ts";
import { proofJson, proofText } from "../prove/report.ts";
import { allProved } from "../prove/result.ts";
import { z3Version, Z3Service, type Solver } from "../prove/solver.ts";
import { colorEnabled, flag, stringOption, UsageError, type Command } from "./command.ts";
import { colors } from "./io.ts";
import { EXIT_OK, EXIT_USAGE, EXIT_VIOLATION } from "./exit-codes.ts";
import { parseDuration } from "./units.ts";

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
    "failed or is unknown, 2 on errors in the model or the command.",
  options: [
    { name: "timeout", type: "string", value: "DURATION", description: "Time Z3 may take per obligation (default 10s)." },
    { name: "no-cache", type: "boolean", description: "Neither read nor write the proof cache (.pith-cache/prove)." },
  ],
  examples: ["pith prove test/prove/models/lock-server", "pith prove model.p --timeout 30s --json", "pith prove model.p --no-cache"],
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
    if (front.ir.invariants.length === 0 && front.checked.proofs.length === 0 && !flag(ctx.options, "json")) {
      ctx.io.err("pith prove: the model declares no invariant; proving the built-in obligations only\n");
    }
    const service = new Z3Service({ timeoutMs });
    const solver: Solver = flag(ctx.options, "no-cache") ? service : new CachedSolver(service, ctx.io.cwd, z3Version());
    try {
      const report = await prove(front.ir, front.checked, { solver });
      if (flag(ctx.options, "json")) ctx.io.out(JSON.stringify(proofJson(report, front.sources), null, 2) + "\n");
      else ctx.io.out(proofText(report, front.sources, colors(colorEnabled(ctx)), flag(ctx.options, "quiet")));
      return allProved(report) ? EXIT_OK : EXIT_VIOLATION;
    } finally {
      await solver.close();
    }
  },
};
