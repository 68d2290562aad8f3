// `pith explain PTH3002`: what a diagnostic code means and what to do about it.
import { codeName, lookupCode, registry } from "../diagnostics/codes.ts";
import { UsageError, type Command } from "./command.ts";
import { EXIT_OK } from "./exit-codes.ts";

export const explainCommand: Command = {
  name: "explain",
  usage: "pith explain <code>",
  description: "Prints the severity, message and explanation of a diagnostic code such as PTH3002.",
  options: [],
  examples: ["pith explain PTH3002", "pith explain 1004"],
  run(ctx) {
    const arg = ctx.positionals[0];
    if (arg === undefined) throw new UsageError("name a code, e.g. 'pith explain PTH3002'");
    const number = Number(arg.replace(/^PTH/i, ""));
    const entry = Number.isInteger(number) ? lookupCode(number) : undefined;
    if (entry === undefined) {
      const count = Object.keys(registry).length;
      throw new UsageError(`'${arg}' is not a Pith diagnostic code (there are ${count}; they look like PTH3002)`);
    }
    ctx.io.out(`${codeName(number)} (${entry.severity}): ${entry.message}\n\n${entry.explain}\n`);
    return EXIT_OK;
  },
};
