// Exhaustive breadth-first search, level by level: every state at depth d is expanded before any
// state at depth d + 1, so the first violation found has a shortest trace, and the order (hence
// every count and every trace) depends only on the model. States at the depth bound are not
// expanded; if any are left, the search says the bound cut it.
import { Expander } from "./expand.ts";
import { LevelQueue } from "./frontier.ts";
import { EdgeStore } from "./liveness/edges.ts";
import type { Model } from "./model.ts";
import { hotWords } from "./model.ts";
import { failureFinding, terminalFinding, type Advance, type Finding, type Search } from "./search.ts";
import type { Counters } from "./stats.ts";
import { pathTo } from "./trace.ts";
import { VisitedSet } from "./visited.ts";

export interface ExhaustiveOptions {
  /** Record the state graph and hot flags for the liveness pass. */
  readonly liveness: boolean;
  /** States at this depth are not expanded. */
  readonly maxDepth: number;
  /** Expected number of states, to size the visited set. */
  readonly expectedStates: number;
}

export class BfsSearch implements Search {
  readonly mode = "bfs";
  readonly visited: VisitedSet;
  readonly edges: EdgeStore | null;

  private readonly model: Model;
  private readonly maxDepth: number;
  private readonly queue = new LevelQueue();
  private readonly expander: Expander;
  private scratch = new Int32Array(64);
  private level = 0;
  private started = false;
  private found: Finding | null = null;

  constructor(model: Model, options: ExhaustiveOptions) {
    this.model = model;
    this.maxDepth = options.maxDepth;
    this.visited = new VisitedSet({ initialCapacity: options.expectedStates, keepIndex: options.liveness });
    this.edges = options.liveness ? new EdgeStore(hotWords(model.monitorCount)) : null;
    this.expander = new Expander(model, this.visited, this.queue, this.edges);
  }

  advance(expansions: number, maxStates: number): Advance {
    const queue = this.queue;
    const expander = this.expander;
    if (!this.started) {
      this.started = true;
      expander.addInitial();
      if (expander.failure !== null) return this.fail();
      queue.nextLevel();
      if (this.visited.count > maxStates) return "states";
    }
    for (let n = 0; n < expansions; n++) {
      if (queue.currentSize === 0) {
        if (queue.nextSize === 0) return "done";
        queue.nextLevel();
        this.level++;
      }
      if (this.level >= this.maxDepth) return "depth";
      const length = queue.peekLength();
      if (length > this.scratch.length) this.scratch = new Int32Array(length * 2);
      const state = this.scratch;
      const index = queue.shift(state);
      const emitted = expander.expand(index, this.level, state, length);
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
      queue: this.queue.currentSize + this.queue.nextSize,
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
    if (failure === null) throw new Error("BfsSearch.fail without a failure");
    this.found = failureFinding(this.visited, failure);
    return "violation";
  }
}
