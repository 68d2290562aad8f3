// `pith typecheck`: parse and check a model, print every diagnostic of every file.
import { diagnosticsToJson, renderText } from "../diagnostics/render.ts";
import { frontEnd, hasErrors, loadModel } from "../driver.ts";
import { printModel } from "../ir/print.ts";
import { colorEnabled, flag, UsageError, type Command } from "./command.ts";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes.ts";

export const typecheckCommand: Command = {
  name: "typecheck",
  usage: "pith typecheck <files or folders...> [options]",
  description:
    "Reads every .p file named or found under the folders named, parses them as one model, resolves\n" +
    "names and checks types. Prints each problem as path:line:col with the source line and carets.\n" +
    "Exits 0 when there are no errors (warnings allowed) and 2 when there are.",
  options: [{ name: "print-ir", type: "boolean", description: "Print the lowered machine IR of a model without errors." }],
  examples: ["pith typecheck specs/replicated-journal", "pith typecheck model.p other.p --json"],
  run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError("name the model to check: one or more .p files or folders");
    const loaded = loadModel(ctx.positionals, ctx.io.cwd);
    if (loaded.problems.length > 0) throw new UsageError(loaded.problems.join("\n"));
    const result = frontEnd(loaded.files);
    if (flag(ctx.options, "print-ir") && result.ir !== undefined) ctx.io.out(printModel(result.ir));
    if (flag(ctx.options, "json")) {
      ctx.io.out(JSON.stringify(diagnosticsToJson(result.diagnostics, result.sources), null, 2) + "\n");
    } else {
      const quiet = flag(ctx.options, "quiet");
      const shown = quiet ? result.diagnostics.filter((d) => d.severity === "error") : result.diagnostics;
      if (shown.length > 0 || !quiet) ctx.io.out(renderText(shown, result.sources, { color: colorEnabled(ctx) }));
    }
    return hasErrors(result.diagnostics) ? EXIT_USAGE : EXIT_OK;
  },
};
