// What a search hands back: a verdict, the violation with its trace when there is one, why the
// search stopped early when it did, and statistics. This is the record that report/ renders and
// that the CLI turns into an exit code.
import type { Stats } from "./stats.ts";

export type Verdict = "pass" | "violation" | "inconclusive";

/** Why a search stopped before finishing what it was asked to do. */
export type StopReason = "states" | "depth" | "time" | "memory" | "aborted";

/**
 * One step of a counterexample. The first step of a trace is the choice of initial state (its
 * ordinal among the emissions of `Model.initial`); each later step is an emission from the state
 * of the step before it.
 */
export interface TraceStep {
  /** Position of the emission among those the model made for the previous state. */
  readonly ordinal: number;
  /** The model's action number, as passed to `next` or `fail`. */
  readonly action: number;
  /** The process that moved. */
  readonly process: number;
  /** `Model.actionLabel` for the step. */
  readonly label: string;
  /** The state after the step; null for a failing step, which is always the last one. */
  readonly state: Int32Array | null;
  /** The state's index in the visited set, or -1 when it has none (simulation, failing step). */
  readonly stateIndex: number;
}

/**
 * A property violated. `kind` is "deadlock" or "liveness" when the engine found it, and otherwise
 * the kind the model gave to `fail` ("assertion", "runtime", ...).
 */
export interface Violation {
  readonly kind: string;
  readonly message: string;
  /** From an initial state to the violation (for liveness: to the start of the cycle). */
  readonly trace: readonly TraceStep[];
  /**
   * Liveness on a cycle only: steps that lead from the last state of `trace` back to it, and can
   * be repeated forever while the monitor stays hot.
   */
  readonly cycle?: readonly TraceStep[];
  /** Liveness only: the monitor that stays hot. */
  readonly monitor?: number;
}

export interface CheckResult {
  readonly verdict: Verdict;
  readonly violation?: Violation;
  /** Set when the verdict is "inconclusive". */
  readonly reason?: StopReason;
  /**
   * True when every reachable state was explored (BFS or DFS that ran to the end with no depth
   * cut). A simulation that finishes its runs is a "pass" that is not exhaustive.
   */
  readonly exhaustive: boolean;
  readonly stats: Stats;
}
