// What breadth-first and depth-first search share: the visited set, the state graph recorded for
// liveness, the expander feeding a frontier, adding the initial states, and expanding one state
// taken from the frontier (a failing step or a terminal state that is a violation ends the
// search). The two differ only in their frontier and in the order they take states from it.
import { Expander } from "./expand.ts";
import type { Frontier } from "./frontier.ts";
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

export abstract class ExhaustiveSearch implements Search {
  abstract readonly mode: "bfs" | "dfs";
  readonly visited: VisitedSet;
  readonly edges: EdgeStore | null;

  protected readonly maxDepth: number;
  protected readonly expander: Expander;
  private readonly model: Model;
  private scratch = new Int32Array(64);
  private started = false;
  private found: Finding | null = null;

  protected constructor(model: Model, options: ExhaustiveOptions, frontier: Frontier) {
    this.model = model;
    this.maxDepth = options.maxDepth;
    this.visited = new VisitedSet({ initialCapacity: options.expectedStates, keepIndex: options.liveness });
    this.edges = options.liveness ? new EdgeStore(hotWords(model.monitorCount)) : null;
    this.expander = new Expander(model, this.visited, frontier, this.edges);
  }

  abstract advance(expansions: number, maxStates: number): Advance;

  /** Entries waiting in the frontier. */
  protected abstract queued(): number;

  /**
   * Adds the initial states, the first time it is called: then says why the search stops, if it
   * does (a failing initialisation, or the state budget); null to go on.
   */
  protected start(maxStates: number): Advance | null {
    if (this.started) return null;
    this.started = true;
    this.expander.addInitial();
    if (this.expander.failure !== null) return this.fail();
    this.initialAdded();
    return this.visited.count > maxStates ? "states" : null;
  }

  /** Called once the initial states are in the frontier. */
  protected initialAdded(): void {}

  /** A buffer of at least `length` words, for the state about to be taken from the frontier. */
  protected buffer(length: number): Int32Array {
    if (length > this.scratch.length) this.scratch = new Int32Array(length * 2);
    return this.scratch;
  }

  /**
   * Expands state `index` (its words in `state[0..length)`, at `depth`): says why the search
   * stops, if it does (a failing step, a terminal state that is a violation, the state budget);
   * null to go on.
   */
  protected expandState(index: number, depth: number, state: Int32Array, length: number, maxStates: number): Advance | null {
    const expander = this.expander;
    const emitted = expander.expand(index, depth, state, length);
    if (expander.failure !== null) return this.fail();
    if (emitted === 0) {
      const hot = this.edges !== null ? expander.lastHot() : -1;
      this.found = terminalFinding(this.model, state, length, pathTo(this.visited, index), hot);
      if (this.found !== null) return "violation";
    }
    return this.visited.count > maxStates ? "states" : null;
  }

  counters(): Counters {
    return {
      distinct: this.visited.count,
      initial: this.expander.initial,
      transitions: this.expander.transitions,
      expanded: this.expander.expanded,
      maxDepth: this.expander.maxDepth,
      queue: this.queued(),
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
    if (failure === null) throw new Error(`${this.mode} search: fail without a failure`);
    this.found = failureFinding(this.visited, failure);
    return "violation";
  }
}
