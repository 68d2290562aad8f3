// The `pith` command: finds the command named by the first argument and runs it. The only place
// that reads process.argv and sets the exit code.
import { readFileSync } from "node:fs";
import { suggestName } from "../names/suggest.ts";
import { commandHelp, parseCommandArgs, UsageError, type Command } from "./command.ts";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes.ts";
import { explainCommand } from "./explain.ts";
import { processOutput, type Output } from "./io.ts";
import { typecheckCommand } from "./typecheck.ts";
import { checkCommand } from "./check.ts";
import { replayCommand } from "./replay.ts";

export const commands: readonly Command[] = [checkCommand, replayCommand, typecheckCommand, explainCommand];

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function generalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Pith: model checking, proofs and conformance for distributed-systems designs written in P.",
    "",
    "Usage: pith <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run 'pith <command> --help' for a command's options and examples.",
    "",
  ].join("\n");
}

/** Runs the CLI with `args` (without the node and script paths) and returns the exit code. */
export async function run(args: readonly string[], io: Output): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.err(generalHelp());
    return EXIT_USAGE;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.out(generalHelp());
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.out(`pith ${version()}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    const guess = suggestName(name, commands.map((c) => c.name));
    io.err(
      `pith: unknown command '${name}'${guess === undefined ? "" : `; did you mean '${guess}'?`}\n` +
        "Run 'pith --help' for the list of commands.\n",
    );
    return EXIT_USAGE;
  }
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.options.help === true) {
      io.out(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run({ positionals: parsed.positionals, options: parsed.options, io });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pith ${command.name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** The process entry point (called by bin/pith.js). */
export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), processOutput());
}
