// Seeded random simulation: `runs` walks of at most `maxSteps` steps, each starting from a random
// initial state and taking a uniformly random successor at every step. It reuses the model's step
// function and the engine's fingerprints (to count distinct states), keeps only the current walk,
// and is reproducible: the same model, seed, runs and maxSteps give the same walks, counts and
// trace. Every emission of a visited state is looked at, so a failing step enabled anywhere along
// a walk is reported even if the walk would not have taken it. Liveness here is limited to a hot
// monitor in a terminal state; cycles need the exhaustive graph.
import { fingerprint } from "./fingerprint.ts";
import type { Model, SuccessorSink } from "./model.ts";
import { hotWords } from "./model.ts";
import { Prng } from "./prng.ts";
import { terminalFinding, type Advance, type Finding, type Search } from "./search.ts";
import type { Counters } from "./stats.ts";
import { VisitedSet } from "./visited.ts";

export interface SimulationOptions {
  readonly seed: number;
  readonly runs: number;
  readonly maxSteps: number;
  readonly liveness: boolean;
  readonly expectedStates: number;
}

/** Collects every emission of one state: entries [ordinal, length, words...] in one buffer. */
class Collector implements SuccessorSink {
  count = 0;
  emitted = 0;
  starts: Int32Array = new Int32Array(64);
  data: Int32Array = new Int32Array(1024);
  end = 0;
  failure: { ordinal: number; kind: string; message: string } | null = null;

  reset(): void {
    this.count = 0;
    this.emitted = 0;
    this.end = 0;
    this.failure = null;
  }

  next(_action: number, _process: number, state: Int32Array, length: number): void {
    const ordinal = this.emitted++;
    if (this.count === this.starts.length) this.starts = copyInto(new Int32Array(this.count * 2), this.starts);
    if (this.end + length + 2 > this.data.length) {
      this.data = copyInto(new Int32Array((this.end + length + 2) * 2), this.data);
    }
    const at = this.end;
    this.starts[this.count++] = at;
    this.data[at] = ordinal;
    this.data[at + 1] = length;
    for (let i = 0; i < length; i++) this.data[at + 2 + i] = state[i];
    this.end = at + length + 2;
  }

  fail(_action: number, _process: number, kind: string, message: string): void {
    const ordinal = this.emitted++;
    if (this.failure === null) this.failure = { ordinal, kind, message };
  }
}

function copyInto(to: Int32Array, from: Int32Array): Int32Array {
  to.set(from);
  return to;
}

export class Simulation implements Search {
  readonly mode = "simulate";
  readonly visited: VisitedSet;
  /** Runs completed. */
  runs = 0;

  private readonly model: Model;
  private readonly options: SimulationOptions;
  private readonly prng: Prng;
  private readonly sink = new Collector();
  private readonly fp = new Int32Array(2);
  private readonly hot: Uint32Array;
  private state = new Int32Array(64);
  private length = 0;
  /** Ordinals of the current walk, starting with the initial state's. */
  private path: number[] = [];
  private inRun = false;
  private found: Finding | null = null;
  private initialEmitted = 0;
  private transitions = 0;
  private expanded = 0;
  private maxDepth = 0;

  constructor(model: Model, options: SimulationOptions) {
    this.model = model;
    this.options = options;
    this.prng = new Prng(options.seed);
    this.visited = new VisitedSet({ initialCapacity: options.expectedStates });
    this.hot = new Uint32Array(Math.max(1, hotWords(model.monitorCount)));
  }

  advance(expansions: number, maxStates: number): Advance {
    for (let n = 0; n < expansions; n++) {
      if (!this.inRun) {
        if (this.runs >= this.options.runs) return "done";
        const start = this.startRun();
        if (start !== "running") return start;
        continue;
      }
      const steps = this.path.length - 1;
      if (steps >= this.options.maxSteps) {
        this.endRun();
        continue;
      }
      const sink = this.sink;
      sink.reset();
      this.model.successors(this.state, this.length, sink);
      this.expanded++;
      this.transitions += sink.emitted;
      if (sink.failure !== null) {
        this.found = this.failureAt(sink.failure);
        return "violation";
      }
      if (sink.count === 0) {
        let hot = -1;
        if (this.options.liveness) {
          this.model.hot(this.state, this.length, this.hot);
          hot = firstHot(this.hot, this.model.monitorCount);
        }
        this.found = terminalFinding(this.model, this.state, this.length, this.walk(), hot);
        if (this.found !== null) return "violation";
        this.endRun();
        continue;
      }
      this.take(this.prng.below(sink.count));
      if (this.visited.count > maxStates) return "states";
    }
    return "running";
  }

  counters(): Counters {
    return {
      distinct: this.visited.count,
      initial: this.initialEmitted,
      transitions: this.transitions,
      expanded: this.expanded,
      maxDepth: this.maxDepth,
      queue: 0,
      visitedBytes: this.visited.bytes(),
    };
  }

  finding(): Finding | null {
    return this.found;
  }

  graph(): null {
    return null;
  }

  private startRun(): Advance {
    const sink = this.sink;
    sink.reset();
    this.model.initial(sink);
    this.initialEmitted += sink.emitted;
    this.path = [];
    if (sink.failure !== null) {
      this.found = this.failureAt(sink.failure);
      return "violation";
    }
    if (sink.count === 0) {
      // No initial state: every run is empty.
      this.runs = this.options.runs;
      return "done";
    }
    this.inRun = true;
    this.take(this.prng.below(sink.count));
    return "running";
  }

  /** Moves to the `choice`-th collected successor. */
  private take(choice: number): void {
    const sink = this.sink;
    const at = sink.starts[choice];
    const length = sink.data[at + 1];
    if (length > this.state.length) this.state = new Int32Array(length * 2);
    for (let i = 0; i < length; i++) this.state[i] = sink.data[at + 2 + i];
    this.length = length;
    this.path.push(sink.data[at]);
    const depth = this.path.length - 1;
    if (depth > this.maxDepth) this.maxDepth = depth;
    fingerprint(this.state, length, this.fp);
    this.visited.add(this.fp[0], this.fp[1], -1, sink.data[at]);
  }

  private endRun(): void {
    this.inRun = false;
    this.runs++;
  }

  private walk(): { ordinals: number[]; indices: number[] } {
    return { ordinals: [...this.path], indices: this.path.map(() => -1) };
  }

  private failureAt(failure: { ordinal: number; kind: string; message: string }): Finding {
    const path = this.walk();
    path.ordinals.push(failure.ordinal);
    path.indices.push(-1);
    return { kind: failure.kind, message: failure.message, path };
  }
}

function firstHot(flags: Uint32Array, monitorCount: number): number {
  for (let m = 0; m < monitorCount; m++) if ((flags[m >>> 5] >>> (m & 31)) & 1) return m;
  return -1;
}
