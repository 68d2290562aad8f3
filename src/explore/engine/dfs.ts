// Exhaustive depth-first search with an explicit stack and a depth bound. A state is expanded when
// it is popped, and its new successors are pushed, so the last successor a model emits is explored
// first. Useful when a bug lies deep and the state space is wide: the search dives instead of
// sweeping level by level. Its traces are valid but not shortest.
//
// As in every DFS with a visited set and a bound, a state first met near the bound is not met
// again by a shorter path, so a bounded DFS may leave states unexplored that a larger bound would
// reach; the result is then "inconclusive" with reason "depth" rather than a pass.
import { ExhaustiveSearch, type ExhaustiveOptions } from "./exhaustive.ts";
import { StateStack } from "./frontier.ts";
import type { Model } from "./model.ts";
import type { Advance } from "./search.ts";

export class DfsSearch extends ExhaustiveSearch {
  readonly mode = "dfs";
  private readonly stack: StateStack;
  /** Whether a state at the depth bound was left unexpanded. */
  private cut = false;

  constructor(model: Model, options: ExhaustiveOptions) {
    const stack = new StateStack();
    super(model, options, stack);
    this.stack = stack;
  }

  advance(expansions: number, maxStates: number): Advance {
    const started = this.start(maxStates);
    if (started !== null) return started;
    const stack = this.stack;
    for (let n = 0; n < expansions; n++) {
      if (stack.size === 0) return this.cut ? "depth" : "done";
      const depth = stack.peekDepth();
      const length = stack.peekLength();
      const state = this.buffer(length);
      const index = stack.pop(state);
      if (depth >= this.maxDepth) {
        this.cut = true;
        continue;
      }
      const stop = this.expandState(index, depth, state, length, maxStates);
      if (stop !== null) return stop;
    }
    return "running";
  }

  protected queued(): number {
    return this.stack.size;
  }
}
