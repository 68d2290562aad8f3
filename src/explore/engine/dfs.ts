// Exhaustive depth-first search with an explicit stack and a depth bound. A state is expanded when
// it is popped, and its new successors are pushed, so the last successor a model emits is explored
// first. Useful when a bug lies deep and the state space is wide: the search dives instead of
// sweeping level by level. Its traces are valid but not shortest.
//
// As in every DFS with a visited set and a bound, a state first met near the bound is not met
// again by a shorter path, so a bounded DFS may leave states unexplored that a larger bound would
// reach; the result is then "inconclusive" with reason "depth" rather than a pass.
import type { ExhaustiveOptions } from "./bfs.ts";
import { Expander } from "./expand.ts";
import { StateStack } from "./frontier.ts";
import { EdgeStore } from "./liveness/edges.ts";
import type { Model } from "./model.ts";
import { hotWords } from "./model.ts";
import { failureFinding, terminalFinding, type Advance, type Finding, type Search } from "./search.ts";
import type { Counters } from "./stats.ts";
import { pathTo } from "./trace.ts";
import { VisitedSet } from "./visited.ts";

export class DfsSearch implements Search {
  readonly mode = "dfs";
  readonly visited: VisitedSet;
  readonly edges: EdgeStore | null;

  private readonly model: Model;
  private readonly maxDepth: number;
  private readonly stack = new StateStack();
  private readonly expander: Expander;
  private scratch = new Int32Array(64);
  private started = false;
  /** Whether a state at the depth bound was left unexpanded. */
  private cut = false;
  private found: Finding | null = null;

  constructor(model: Model, options: ExhaustiveOptions) {
    this.model = model;
    this.maxDepth = options.maxDepth;
    this.visited = new VisitedSet({ initialCapacity: options.expectedStates, keepIndex: options.liveness });
    this.edges = options.liveness ? new EdgeStore(hotWords(model.monitorCount)) : null;
    this.expander = new Expander(model, this.visited, this.stack, this.edges);
  }

  advance(expansions: number, maxStates: number): Advance {
    const stack = this.stack;
    const expander = this.expander;
    if (!this.started) {
      this.started = true;
      expander.addInitial();
      if (expander.failure !== null) return this.fail();
      if (this.visited.count > maxStates) return "states";
    }
    for (let n = 0; n < expansions; n++) {
      if (stack.size === 0) return this.cut ? "depth" : "done";
      const depth = stack.peekDepth();
      const length = stack.peekLength();
      if (length > this.scratch.length) this.scratch = new Int32Array(length * 2);
      const state = this.scratch;
      const index = stack.pop(state);
      if (depth >= this.maxDepth) {
        this.cut = true;
        continue;
      }
      const emitted = expander.expand(index, depth, state, length);
      if (expander.failure !== null) return this.fail();
      if (emitted === 0) {
        const hot = this.edges !== null ? expander.lastHot() : -1;
        this.found = terminalFinding(this.model, state, length, pathTo(this.visited, index), hot);
        if (this.found !== null) return "violation";
      }
      if (this.visited.count > maxStates) return "states";
    }
    return "running";
  }

  counters(): Counters {
    return {
      distinct: this.visited.count,
      initial: this.expander.initial,
      transitions: this.expander.transitions,
      expanded: this.expander.expanded,
      maxDepth: this.expander.maxDepth,
      queue: this.stack.size,
      visitedBytes: this.visited.bytes(),
    };
  }

  finding(): Finding | null {
    return this.found;
  }

  graph(): { edges: EdgeStore; visited: VisitedSet } | null {
    return this.edges === null ? null : { edges: this.edges, visited: this.visited };
  }

  private fail(): Advance {
    const failure = this.expander.failure;
    if (failure === null) throw new Error("DfsSearch.fail without a failure");
    this.found = failureFinding(this.visited, failure);
    return "violation";
  }
}
