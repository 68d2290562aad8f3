// The contract between a compiled model and the search engine. The engine knows nothing of P: it
// sees states as canonical `Int32Array` encodings, asks the model for initial states and for the
// successors of a state, and reads a few per-state facts (acceptable end, hot monitors). The
// interface is shaped for the hot loop: successors are pushed into a sink the engine owns, the
// model may reuse one scratch buffer for every successor, and nothing on the normal path needs a
// string or an object per transition.

/**
 * Receives what a model produces for one state (or for the initial states). The engine copies a
 * successor only when it is new, so `state` may be the model's reusable scratch buffer.
 *
 * Every call, `next` or `fail`, is one *emission*. Emissions are numbered 0, 1, 2, ... in the
 * order the model makes them for a given state; that ordinal is what the engine stores as the
 * action taken, and replaying a trace means asking the model for the successors of a state again
 * and picking the emission with the stored ordinal. A model must therefore emit the same
 * successors in the same order every time it is asked about the same state.
 */
export interface SuccessorSink {
  /**
   * A successor. `action` identifies the step for printing (`Model.actionLabel`); `process` is the
   * machine that moved, used by weak fairness (use 0 for a single-process model); the successor's
   * canonical encoding is `state[0..length)`.
   */
  next(action: number, process: number, state: Int32Array, length: number): void;
  /**
   * A step that goes wrong: a failed assertion, a runtime error, an unhandled event. `kind` is a
   * short machine-readable tag ("assertion", "runtime", "unhandled-event", ...), `message` says
   * what happened. The search stops and reports it with a trace ending in this step.
   */
  fail(action: number, process: number, kind: string, message: string): void;
}

/** A model the engine can explore. */
export interface Model {
  /** Shown in statistics and reports. */
  readonly name: string;
  /**
   * Number of liveness monitors; `hot` fills ceil(monitorCount / 32) words. Zero when the model
   * has no liveness properties.
   */
  readonly monitorCount: number;
  /**
   * Emits the initial states with `next` (or `fail` for an initialisation that goes wrong). Their
   * ordinals identify them in traces.
   */
  initial(out: SuccessorSink): void;
  /**
   * Emits every successor of `state[0..length)`. `state` belongs to the engine and is valid only
   * during the call; it may be longer than `length`. Emitting nothing means the state is terminal.
   */
  successors(state: Int32Array, length: number, out: SuccessorSink): void;
  /**
   * Whether a terminal state is an acceptable end (every machine halted or idle, say). A terminal
   * state that is not is reported as a deadlock.
   */
  acceptableEnd(state: Int32Array, length: number): boolean;
  /**
   * Sets bit `m % 32` of `out[m >> 5]` for each monitor `m` that is hot in the state, and clears
   * the others. Called only when liveness is checked.
   */
  hot(state: Int32Array, length: number, out: Uint32Array): void;
  /** A readable label for the initial state emitted with `action`; only used for traces. */
  initialLabel(action: number): string;
  /** A readable label for the emission made with `action` from `state`; only used for traces. */
  actionLabel(state: Int32Array, length: number, action: number): string;
  /** A readable name for a process id; only used for reports. */
  processLabel(process: number): string;
  /** A readable name for a monitor; only used for reports. */
  monitorLabel(monitor: number): string;
}

/** Words needed for `monitorCount` hot flags. */
export function hotWords(monitorCount: number): number {
  return (monitorCount + 31) >>> 5;
}
