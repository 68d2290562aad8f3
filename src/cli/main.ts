// The `pith` command: finds the command named by the first argument and runs it. The only place
// that reads process.argv and sets the exit code. Each command's module is imported only when that
// command runs, so that a quick command (a pre-commit hook with nothing staged, `pith --version`)
// does not pay for loading the parser or the explorer.
import { suggestName } from "../names/suggest.ts";
import { commandHelp, parseCommandArgs, UsageError, type Command } from "./command.ts";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes.ts";
import { describeFileSystemError, isFileSystemError } from "../files.ts";
import { processOutput, type Output } from "./io.ts";
import { version } from "./version.ts";

export { version };

/** A command as the general help lists it, and how to load it. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  { name: "check", summary: "Explore every behaviour of a model's tests and report violations", load: async () => (await import("./check.ts")).checkCommand },
  { name: "replay", summary: "Run a recorded counterexample again and show its failure", load: async () => (await import("./replay.ts")).replayCommand },
  { name: "typecheck", summary: "Parse and type-check a model and report every error", load: async () => (await import("./typecheck.ts")).typecheckCommand },
  { name: "prove", summary: "Prove a model's invariants for any number of machines with Z3", load: async () => (await import("./prove.ts")).proveCommand },
  { name: "conform", summary: "Check an implementation against the model: recorded traces, model-based tests", load: async () => (await import("./conform.ts")).conformCommand },
  { name: "gen", summary: "Generate TypeScript event types, handler interfaces and a trace recorder", load: async () => (await import("./gen.ts")).genCommand },
  { name: "link", summary: "Report model events the implementation does not handle or record", load: async () => (await import("./link.ts")).linkCommand },
  { name: "history", summary: "Check a history clients observed: linearizable per key, or serializable transactions", load: async () => (await import("./history.ts")).historyCommand },
  { name: "init", summary: "Start a project: write pith.json and a first model", load: async () => (await import("./init.ts")).initCommand },
  { name: "explain", summary: "Explain a diagnostic code", load: async () => (await import("./explain.ts")).explainCommand },
];

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
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) {
    const guess = suggestName(name, commands.map((c) => c.name));
    io.err(
      `pith: unknown command '${name}'${guess === undefined ? "" : `; did you mean '${guess}'?`}\n` +
        "Run 'pith --help' for the list of commands.\n",
    );
    return EXIT_USAGE;
  }
  const command = await entry.load();
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
    if (isFileSystemError(error)) {
      io.err(`pith ${command.name}: ${describeFileSystemError(error)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** The process entry point (called by bin/pith.js). */
export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), processOutput());
}
