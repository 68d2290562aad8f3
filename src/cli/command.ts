// The shape of a CLI command and the parsing of its options, with help text generated from the
// same description, and "did you mean" suggestions for mistyped flags.
import { parseArgs } from "node:util";
import { suggestName } from "../names/suggest.ts";
import type { Output } from "./io.ts";

export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: "boolean" | "string";
  /** Placeholder shown in help, e.g. `N` in `--max-states N`. */
  readonly value?: string;
  readonly multiple?: boolean;
  readonly description: string;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  readonly positionals: string[];
  readonly options: OptionValues;
  readonly io: Output;
}

export interface Command {
  readonly name: string;
  /** e.g. `pith typecheck <files or folders...> [options]` */
  readonly usage: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
  run(ctx: CommandContext): number | Promise<number>;
}

/** Options every command accepts. */
export const commonOptions: readonly OptionSpec[] = [
  { name: "help", short: "h", type: "boolean", description: "Show this help." },
  { name: "json", type: "boolean", description: "Print the result as JSON on standard output." },
  { name: "quiet", short: "q", type: "boolean", description: "Print only errors and the final verdict." },
  { name: "no-color", type: "boolean", description: "Never colour the output (NO_COLOR=1 does the same)." },
];

export class UsageError extends Error {}

/** Parses a command's arguments, or throws a UsageError that says what is wrong and what was meant. */
export function parseCommandArgs(command: Command, args: readonly string[]): { positionals: string[]; options: OptionValues } {
  const specs = [...command.options, ...commonOptions];
  const known = new Map<string, OptionSpec>();
  for (const s of specs) {
    known.set(`--${s.name}`, s);
    if (s.short !== undefined) known.set(`-${s.short}`, s);
  }
  for (const arg of args) {
    if (arg === "--") break;
    if (!arg.startsWith("-") || arg === "-") continue;
    const flag = arg.split("=")[0];
    if (/^-\d/.test(flag)) continue;
    if (!known.has(flag)) {
      const guess = suggestName(flag, [...known.keys()].filter((k) => k.startsWith("--")));
      throw new UsageError(
        `unknown option '${flag}' for 'pith ${command.name}'${guess === undefined ? "" : `; did you mean '${guess}'?`}\n` +
          `Run 'pith ${command.name} --help' for the options it takes.`,
      );
    }
  }
  const config: Record<string, { type: "boolean" | "string"; short?: string; multiple?: boolean }> = {};
  for (const s of specs) {
    config[s.name] = { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}) };
  }
  try {
    const parsed = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: true });
    return { positionals: parsed.positionals, options: parsed.values as OptionValues };
  } catch (error) {
    const message = (error as Error).message.replace(/\s+To specify a positional argument.*$/s, "");
    throw new UsageError(`${message}\nRun 'pith ${command.name} --help' for the options it takes.`);
  }
}

export function commandHelp(command: Command): string {
  const rows = [...command.options, ...commonOptions].map((s) => {
    const flag = `${s.short ? `-${s.short}, ` : "    "}--${s.name}${s.value ? ` ${s.value}` : ""}`;
    return `  ${flag.padEnd(28)} ${s.description}`;
  });
  return [
    `Usage: ${command.usage}`,
    "",
    command.description,
    "",
    "Options:",
    ...rows,
    "",
    "Examples:",
    ...command.examples.map((e) => `  ${e}`),
    "",
  ].join("\n");
}

/** Reads a string option, or undefined. */
export function stringOption(options: OptionValues, name: string): string | undefined {
  const v = options[name];
  return typeof v === "string" ? v : undefined;
}

export function flag(options: OptionValues, name: string): boolean {
  return options[name] === true;
}

export function colorEnabled(ctx: CommandContext): boolean {
  return ctx.io.color && !flag(ctx.options, "no-color");
}
