// Where the CLI writes. Commands receive this instead of touching process.stdout, so tests can run
// them in-process and capture what they print.
import { createColors } from "picocolors";

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Colours on: a terminal, and neither NO_COLOR nor --no-color. */
  readonly color: boolean;
  /** Standard error is a terminal: progress lines may be rewritten in place. */
  readonly interactive: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processOutput(): Output {
  const env = process.env;
  const tty = process.stdout.isTTY === true;
  // NO_COLOR counts when set to anything but the empty string (no-color.org).
  const color = tty && (env.NO_COLOR ?? "") === "" && env.TERM !== "dumb";
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color,
    interactive: process.stderr.isTTY === true,
    cwd: process.cwd(),
    env,
  };
}

/** An output that records everything, for tests. */
export function memoryOutput(cwd: string, env: Record<string, string | undefined> = {}): Output & {
  stdout: string;
  stderr: string;
} {
  const rec = {
    stdout: "",
    stderr: "",
    out(text: string) {
      rec.stdout += text;
    },
    err(text: string) {
      rec.stderr += text;
    },
    color: false,
    interactive: false,
    cwd,
    env,
  };
  return rec;
}

export function colors(enabled: boolean): ReturnType<typeof createColors> {
  return createColors(enabled);
}
