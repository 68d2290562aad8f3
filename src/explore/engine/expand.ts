// The sink that exhaustive searches (BFS and DFS) hand to the model: for every emission it
// fingerprints the successor, adds it to the visited set with its parent and ordinal, pushes it to
// the frontier if it is new, and records the edge when liveness is checked. This is the hot path:
// no allocation unless the model reports a failure.
import { fingerprint } from "./fingerprint.ts";
import type { Frontier } from "./frontier.ts";
import type { EdgeStore } from "./liveness/edges.ts";
import type { Model, SuccessorSink } from "./model.ts";
import { hotWords } from "./model.ts";
import type { VisitedSet } from "./visited.ts";

/** A failing emission, remembered until the search stops and the trace is rebuilt. */
export interface FailedStep {
  /** Index of the state the failing step leaves from, or -1 for a failing initialisation. */
  readonly from: number;
  readonly ordinal: number;
  readonly kind: string;
  readonly message: string;
}

export class Expander implements SuccessorSink {
  /** Emissions from expanded states. */
  transitions = 0;
  /** Emissions of `Model.initial`. */
  initial = 0;
  /** States expanded. */
  expanded = 0;
  /** Deepest depth of a state added. */
  maxDepth = 0;
  /** The first failing emission, if any. */
  failure: FailedStep | null = null;

  private readonly fp = new Int32Array(2);
  private readonly hot: Uint32Array;
  private from = -1;
  private depth = 0;
  private ordinal = 0;

  private readonly model: Model;
  private readonly visited: VisitedSet;
  private readonly frontier: Frontier;
  private readonly edges: EdgeStore | null;

  constructor(model: Model, visited: VisitedSet, frontier: Frontier, edges: EdgeStore | null) {
    this.model = model;
    this.visited = visited;
    this.frontier = frontier;
    this.edges = edges;
    this.hot = new Uint32Array(Math.max(1, hotWords(model.monitorCount)));
  }

  /** Adds the initial states (depth 0). */
  addInitial(): void {
    this.from = -1;
    this.depth = 0;
    this.ordinal = 0;
    this.model.initial(this);
    this.initial = this.ordinal;
  }

  /**
   * Generates the successors of state `index`, whose words are `state[0..length)` and whose depth
   * is `depth`. Returns the number of emissions (0: the state is terminal).
   */
  expand(index: number, depth: number, state: Int32Array, length: number): number {
    this.from = index;
    this.depth = depth + 1;
    this.ordinal = 0;
    if (this.edges !== null) {
      this.model.hot(state, length, this.hot);
      this.edges.begin(index, this.hot);
    }
    this.model.successors(state, length, this);
    this.expanded++;
    const emitted = this.ordinal;
    this.transitions += emitted;
    return emitted;
  }

  /** The first monitor hot in the state last expanded, or -1 (liveness only). */
  lastHot(): number {
    for (let m = 0; m < this.model.monitorCount; m++) {
      if ((this.hot[m >>> 5] >>> (m & 31)) & 1) return m;
    }
    return -1;
  }

  next(_action: number, process: number, state: Int32Array, length: number): void {
    const ordinal = this.ordinal++;
    const fp = this.fp;
    fingerprint(state, length, fp);
    const index = this.visited.add(fp[0], fp[1], this.from, ordinal);
    if (index >= 0) {
      this.frontier.push(index, this.depth, state, length);
      if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    }
    if (this.edges !== null && this.from >= 0) {
      this.edges.add(this.from, index >= 0 ? index : this.visited.foundIndex, ordinal, process);
    }
  }

  fail(_action: number, _process: number, kind: string, message: string): void {
    const ordinal = this.ordinal++;
    if (this.failure === null) this.failure = { from: this.from, ordinal, kind, message };
  }
}
