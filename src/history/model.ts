// A sequential specification: what one operation does to the state of an object and what it
// returns, when operations take effect one at a time. The checkers look for an order of the
// observed operations that such a model accepts. The built-in models implement this interface,
// and so can a user's own (`pith history --model ./my-model.ts`).
import type { JsonValue, OperationId, ProcessId } from "./format.ts";

/** An operation as a model sees it. */
export interface Call {
  readonly op: string;
  readonly args: JsonValue;
  /** What it returned (`ok`), or undefined when unknown (`info`, or no completion). */
  readonly result: JsonValue | undefined;
}

/** An operation of a history, paired from its invocation and completion. */
export interface Operation extends Call {
  /** Position among the history's invocations, from 0. */
  readonly index: number;
  readonly id: OperationId;
  readonly process: ProcessId;
  readonly status: "ok" | "fail" | "info";
  readonly invokeTime: number;
  /** Infinity when unknown (`info`, or no completion). */
  readonly returnTime: number;
  /** Position of the invocation and of the completion among all events (the completion's is Infinity when it has none). */
  readonly invokeEvent: number;
  readonly returnEvent: number;
  /** Lines of the file (1-based), when read from one. */
  readonly invokeLine: number | undefined;
  readonly returnLine: number | undefined;
  readonly error: string | undefined;
}

/**
 * The keys an operation touches. Operations on disjoint keys are checked separately (each key is
 * linearizable on its own exactly when the whole history is). A prefix covers every key of the
 * history that starts with it, so an operation over a range is checked together with those keys.
 */
export interface Footprint {
  readonly keys: readonly string[];
  readonly prefixes?: readonly string[];
}

export interface SequentialModel<State = unknown> {
  readonly name: string;
  /**
   * `linearizable` (the default): each operation takes effect between its invocation and its
   * completion. `serializable`: in any order (real time is ignored unless the check is strict).
   */
  readonly consistency?: "linearizable" | "serializable";
  /** What is wrong with an invocation (unknown operation, bad arguments), or undefined. */
  checkInvocation(op: string, args: JsonValue): string | undefined;
  /** What is wrong with the shape of an `ok` result, or undefined. */
  checkResult(call: Call & { readonly result: JsonValue }): string | undefined;
  /** The keys of an operation; without this method the whole history is one partition. */
  footprint?(call: Call): Footprint;
  /** True when the operation never changes the state: one whose outcome is unknown is then left out. */
  readOnly?(call: Call): boolean;
  /**
   * Values the operation observes and values it produces, as tokens such as `a=1` (a read of a
   * that returned 1; a write of 1 to a). Optional; when given, a minimal failing sub-history keeps
   * a producer of every value its operations observe (if the history has one), so that it shows
   * an order that went wrong rather than a read whose write was taken away.
   */
  observes?(call: Call): readonly string[];
  produces?(call: Call): readonly string[];
  /** The initial state. */
  init(): State;
  /**
   * The state after `call` takes effect in `state`; undefined when it cannot take effect there:
   * its result (when known) is not what it returns in that state, or a condition of it does not
   * hold. Must not change `state`.
   */
  step(state: State, call: Call): State | undefined;
  /** A string equal for equal states and different for different ones (the search remembers states by it). */
  key(state: State): string;
  /** The state for people, in explanations; `key` is used without it. */
  show?(state: State): string;
  /** The operation for people, without its result, e.g. `put a = "v1"`; `op` and the arguments as JSON without it. */
  describe?(call: Call): string;
  /** A known result for people; JSON without it. */
  showResult?(call: Call & { readonly result: JsonValue }): string;
  /**
   * Names what went wrong in a minimal failing sub-history (`failing`, numbered #1... in order),
   * given every operation of its partition (failed ones too): e.g. a dependency cycle. Optional.
   */
  anomaly?(failing: readonly Operation[], partition: readonly Operation[], realTime: boolean): Anomaly | undefined;
}

/** A named anomaly, e.g. Adya's G2 with the cycle that shows it. */
export interface Anomaly {
  /** A short name, such as `G1c` or `G2-item`. */
  readonly name: string;
  /** What it means, in a few words. */
  readonly title: string;
  /** The operations it involves. */
  readonly operations: readonly Operation[];
  /** Sentences that show it, naming operations as #1, #2 ... */
  readonly lines: readonly string[];
}
