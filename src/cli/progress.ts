// The progress line of long runs, on standard error: rewritten in place on a terminal, printed
// every ten seconds otherwise (so CI logs stay short), silent with --quiet or --json.
import type { Stats } from "../explore/engine/index.ts";
import type { Output } from "./io.ts";

const LOG_EVERY_MS = 10_000;
const TERMINAL_EVERY_MS = 200;

export class Progress {
  private readonly io: Output;
  private readonly silent: boolean;
  private lastAt = Date.now();
  private shown = false;

  constructor(io: Output, silent: boolean) {
    this.io = io;
    this.silent = silent;
  }

  update(test: string, s: Stats): void {
    if (this.silent) return;
    const now = Date.now();
    if (now - this.lastAt < (this.io.interactive ? TERMINAL_EVERY_MS : LOG_EVERY_MS)) return;
    this.lastAt = now;
    const line =
      `${test}: ${s.distinct.toLocaleString("en-US")} distinct states, ` +
      `${Math.round(s.statesPerSecond).toLocaleString("en-US")} states/s, depth ${s.maxDepth}, ` +
      `queue ${s.queue.toLocaleString("en-US")}, ${(s.elapsedMs / 1000).toFixed(0)} s`;
    if (this.io.interactive) {
      this.io.err(`\r\x1b[2K${line}`);
      this.shown = true;
    } else this.io.err(`${line}\n`);
  }

  /** Clears the in-place line before the results are printed. */
  done(): void {
    if (this.shown) this.io.err("\r\x1b[2K");
    this.shown = false;
  }
}
