// Exhaustive breadth-first search, level by level: every state at depth d is expanded before any
// state at depth d + 1, so the first violation found has a shortest trace, and the order (hence
// every count and every trace) depends only on the model. States at the depth bound are not
// expanded; if any are left, the search says the bound cut it.
import { ExhaustiveSearch, type ExhaustiveOptions } from "./exhaustive.ts";
import { LevelQueue } from "./frontier.ts";
import type { Model } from "./model.ts";
import type { Advance } from "./search.ts";

export class BfsSearch extends ExhaustiveSearch {
  readonly mode = "bfs";
  private readonly queue: LevelQueue;
  private level = 0;

  constructor(model: Model, options: ExhaustiveOptions) {
    const queue = new LevelQueue();
    super(model, options, queue);
    this.queue = queue;
  }

  advance(expansions: number, maxStates: number): Advance {
    const started = this.start(maxStates);
    if (started !== null) return started;
    const queue = this.queue;
    for (let n = 0; n < expansions; n++) {
      if (queue.currentSize === 0) {
        if (queue.nextSize === 0) return "done";
        queue.nextLevel();
        this.level++;
      }
      if (this.level >= this.maxDepth) return "depth";
      const length = queue.peekLength();
      const state = this.buffer(length);
      const index = queue.shift(state);
      const stop = this.expandState(index, this.level, state, length, maxStates);
      if (stop !== null) return stop;
    }
    return "running";
  }

  protected override initialAdded(): void {
    this.queue.nextLevel();
  }

  protected queued(): number {
    return this.queue.currentSize + this.queue.nextSize;
  }
}
