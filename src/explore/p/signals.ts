// How compiled code leaves a function early. `raise` and `goto` end the running handler and are
// taken up by the handler loop; a preempted or blocked run stops where it is; a failure ends the
// step with a bug report. Signals are singletons so that throwing one allocates nothing.
import type { Span } from "../../diagnostics/source.ts";

export const RAISE = { signal: "raise" } as const;
export const GOTO = { signal: "goto" } as const;
/** The run reached its next send, announce or `new`: the step ends before it. */
export const SUSPEND = { signal: "suspend" } as const;
/** The run waits in a receive for an event that is not there. */
export const BLOCK = { signal: "block" } as const;
/** The machine halted (an unhandled `halt`). */
export const HALT = { signal: "halt" } as const;

export type FailureKind = "assertion" | "unhandled-event" | "runtime" | "deadlock" | "liveness";

/** A bug found while running a step. */
export class Failure {
  readonly kind: FailureKind;
  readonly message: string;
  readonly span: Span | undefined;

  constructor(kind: FailureKind, message: string, span: Span | undefined) {
    this.kind = kind;
    this.message = message;
    this.span = span;
  }
}
