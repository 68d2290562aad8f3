// Budgets: limits that stop a search cleanly, with its statistics so far and an "inconclusive"
// verdict, instead of letting it run out of time or memory. The state and depth limits are checked
// by the searches themselves; time, memory and cancellation are checked by the driver between
// chunks of expansions, because reading the clock or the heap size on every state would cost more
// than the states.
import type { StopReason } from "./result.ts";

export interface Budget {
  /**
   * Stop once more than this many distinct states are stored (checked after each expansion, so
   * the count may overshoot by one state's successors). A model with exactly this many passes.
   */
  readonly maxStates?: number;
  /** Do not expand states at this depth (an initial state has depth 0). */
  readonly maxDepth?: number;
  /** Stop after this much wall time. */
  readonly maxTimeMs?: number;
  /** Stop when the JavaScript heap plus array buffers exceed this many bytes. */
  readonly maxMemoryBytes?: number;
  /** Stop when aborted (the CLI aborts on SIGINT). */
  readonly signal?: AbortSignal;
}

/** Bytes counted against `maxMemoryBytes`: heap in use plus typed-array storage. */
export function memoryInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Checks the time, memory and abort limits of a budget. */
export class BudgetWatch {
  private readonly budget: Budget;
  private readonly startedAt: number;
  private readonly memoryEvery: number;
  private nextMemoryCheck: number;

  /** `memoryEvery`: expansions between two memory readings. */
  constructor(budget: Budget, startedAt: number, memoryEvery: number) {
    this.budget = budget;
    this.startedAt = startedAt;
    this.memoryEvery = memoryEvery;
    this.nextMemoryCheck = memoryEvery;
  }

  /** Why the search must stop now, or null. `expanded`: expansions so far. */
  check(now: number, expanded: number): StopReason | null {
    const b = this.budget;
    if (b.signal?.aborted === true) return "aborted";
    if (b.maxTimeMs !== undefined && now - this.startedAt >= b.maxTimeMs) return "time";
    if (b.maxMemoryBytes !== undefined && expanded >= this.nextMemoryCheck) {
      this.nextMemoryCheck = expanded + this.memoryEvery;
      if (memoryInUse() > b.maxMemoryBytes) return "memory";
    }
    return null;
  }
}
