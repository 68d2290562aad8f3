// Rebuilding counterexamples. The visited set keeps, for each state, only its parent and the
// ordinal of the emission that reached it; a trace is that chain of ordinals read back from the
// violating state to an initial state, then replayed through the model to recover the states,
// actions, processes and labels. Replay runs once per reported violation, so it may allocate.
import type { Model, SuccessorSink } from "./model.ts";
import type { TraceStep } from "./result.ts";
import type { VisitedSet } from "./visited.ts";

/** A path as the search stores it: emission ordinals, and the visited index reached by each. */
export interface Path {
  /** `ordinals[0]` picks the initial state; each later one an emission of the state before. */
  readonly ordinals: readonly number[];
  /** Visited-set index of the state after each step, -1 where unknown. */
  readonly indices: readonly number[];
}

/** The path from an initial state to visited state `index`, by walking parents. */
export function pathTo(visited: VisitedSet, index: number): { ordinals: number[]; indices: number[] } {
  const ordinals: number[] = [];
  const indices: number[] = [];
  for (let at = index; at >= 0; at = visited.parentOf(at)) {
    ordinals.push(visited.ordinalOf(at));
    indices.push(at);
  }
  ordinals.reverse();
  indices.reverse();
  return { ordinals, indices };
}

/** Picks one emission by ordinal, copying its state. */
class Picker implements SuccessorSink {
  private seen = 0;
  found = false;
  action = 0;
  process = 0;
  state: Int32Array | null = null;
  failure: { kind: string; message: string } | null = null;
  private readonly want: number;

  constructor(want: number) {
    this.want = want;
  }

  next(action: number, process: number, state: Int32Array, length: number): void {
    if (this.seen++ !== this.want) return;
    this.found = true;
    this.action = action;
    this.process = process;
    this.state = state.slice(0, length);
  }

  fail(action: number, process: number, kind: string, message: string): void {
    if (this.seen++ !== this.want) return;
    this.found = true;
    this.action = action;
    this.process = process;
    this.failure = { kind, message };
  }
}

function step(model: Model, from: Int32Array | null, ordinal: number, stateIndex: number): TraceStep {
  const picker = new Picker(ordinal);
  if (from === null) model.initial(picker);
  else model.successors(from, from.length, picker);
  if (!picker.found) {
    throw new Error(`replay: the model did not emit step ${ordinal} again; its successors must be deterministic`);
  }
  return {
    ordinal,
    action: picker.action,
    process: picker.process,
    label: from === null ? model.initialLabel(picker.action) : model.actionLabel(from, from.length, picker.action),
    state: picker.state,
    stateIndex: picker.failure === null ? stateIndex : -1,
  };
}

/**
 * Replays `path.ordinals` from `start` (or from the initial states when `start` is null) and
 * returns one step per ordinal. A failing emission can only be the last step.
 */
export function replay(model: Model, path: Path, start: Int32Array | null = null): TraceStep[] {
  const steps: TraceStep[] = [];
  let state = start;
  for (let i = 0; i < path.ordinals.length; i++) {
    const s = step(model, state, path.ordinals[i], path.indices[i] ?? -1);
    steps.push(s);
    if (s.state === null && i < path.ordinals.length - 1) {
      throw new Error(`replay: step ${i} fails but the path goes on`);
    }
    state = s.state;
  }
  return steps;
}
