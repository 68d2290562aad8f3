// Does a recorded trace describe a run of the model? A breadth-first search over the model's
// states that agree with the trace so far. The states that have matched the first k lines form
// level k. From each, the search takes hidden steps freely (steps nothing is recorded for: machines
// of the environment, say), and a step that shows something must show the next lines of the trace,
// in order: it leads to the level after them. The model's nondeterminism (its choices, which
// machine moves, hidden steps) is resolved by the search, and the pairing of the trace's machine
// ids with the model's machines is part of each state. The trace conforms when some state matches
// every line; the monitors of the test run along, so a spec that fails on the way is a failure.
import type { StepRecord } from "../explore/p/exec.ts";
import type { PModel } from "../explore/p/model.ts";
import { Failure } from "../explore/p/signals.ts";
import type { World } from "../explore/p/world.ts";
import { ref, type Value } from "../explore/runtime/values.ts";
import { Binding, jsonToValue, type ModelNames } from "./json-values.ts";
import { machineFacts } from "./model-facts.ts";
import { describeObservation, matchObservation, observationsOf, type Observation, type StartPayloadTypes } from "./observe.ts";
import { runSpecs, specFailure, type SpecFailure } from "./specs.ts";
import type { TraceEntry } from "./trace-file.ts";

export type { SpecFailure };

export interface SearchOptions {
  /** Most states the search may visit before it gives up (inconclusive). */
  readonly maxStates: number;
}

export const DEFAULT_MAX_STATES = 200_000;

export type TraceVerdict =
  | { readonly kind: "conforms" }
  | {
      readonly kind: "mismatch";
      /** The first line no run of the model can take. */
      readonly entry: TraceEntry;
      /** What the model could record there instead (after the lines before it). */
      readonly alternatives: readonly string[];
      /** A spec that line breaks, from every state the search reached before it (see specAtMismatch). */
      readonly spec: (SpecFailure & { readonly entry: TraceEntry }) | undefined;
    }
  | { readonly kind: "violation"; readonly entry: TraceEntry; readonly failure: SpecFailure }
  | { readonly kind: "inconclusive"; readonly entry: TraceEntry | undefined; readonly maxStates: number }
  | { readonly kind: "error"; readonly message: string };

export interface TraceCheck {
  readonly verdict: TraceVerdict;
  readonly lines: number;
  /** Lines matched by the furthest state the search reached. */
  readonly matched: number;
  readonly states: number;
}

interface Node {
  readonly world: World;
  readonly binding: Binding;
}

const MAX_ALTERNATIVES = 12;

/** Checks `entries` (one trace, or one partition of it) against a test of the model. */
export function searchTrace(model: PModel, names: ModelNames, entries: readonly TraceEntry[], options: SearchOptions): TraceCheck {
  const ctx = model.ctx;
  const ir = ctx.program.model;
  const implemented = new Set(entries.filter((e) => e.kind === "create").map((e) => e.machineType));
  const starts: StartPayloadTypes = new Map(machineFacts(ir).map((f) => [f.machine.id, f.startPayload]));
  const n = entries.length;
  let states = 0;
  if (n === 0) return { verdict: { kind: "conforms" }, lines: 0, matched: 0, states };
  let furthest = -1;
  let alternatives: string[] = [];
  let violation: { entry: TraceEntry; failure: SpecFailure; matched: number } | undefined;
  /** The states of the level from which the model came closest to the line it could not take. */
  let closest: { nodes: readonly Node[]; level: number } | undefined;
  let lastLevel: Node[] = [];
  let lastLevelIndex = 0;

  const key = (node: Node) => {
    const words = model.encode(node.world);
    return Buffer.from(words.buffer, words.byteOffset, words.byteLength).toString("base64") + "|" + node.binding.key();
  };
  const levels = new Map<number, Map<string, Node>>();
  const addToLevel = (level: number, node: Node) => {
    let nodes = levels.get(level);
    if (nodes === undefined) levels.set(level, (nodes = new Map()));
    const k = key(node);
    if (!nodes.has(k)) nodes.set(k, node);
  };

  /**
   * Matches `obs` against the lines from `pos`: the binding after them and how many lines they
   * took, or how far they got. A trace may end part way through a step (the implementation was
   * stopped between two sends of one handler): observations past its end match nothing and need not.
   */
  const matchFrom = (obs: readonly Observation[], pos: number, binding: Binding): { binding: Binding | null; matched: number } => {
    let b: Binding = binding;
    for (let j = 0; j < obs.length; j++) {
      if (pos + j === n) return { binding: j === 0 ? null : b, matched: j };
      const next = matchObservation(obs[j], entries[pos + j], b, names, starts);
      if (next === null) return { binding: null, matched: j };
      b = next;
    }
    return { binding: b, matched: obs.length };
  };
  const noteMiss = (at: number, text: string, nodes: readonly Node[], level: number) => {
    if (at > furthest) {
      furthest = at;
      alternatives = [];
      closest = { nodes, level };
    }
    if (at === furthest && !alternatives.includes(text) && alternatives.length < MAX_ALTERNATIVES) alternatives.push(text);
  };

  const created = model.createdWorld();
  if (created instanceof Failure) {
    return { verdict: { kind: "error", message: `the test fails before it starts: ${created.message}` }, lines: n, matched: 0, states };
  }
  const start: Node = { world: created, binding: new Binding() };
  const main = created.machines[0];
  if (implemented.has(main.type)) {
    const obs: Observation[] = [{ kind: "create", machine: 0, type: main.type, payload: null }];
    const m = matchFrom(obs, 0, start.binding);
    if (m.binding !== null) addToLevel(1, { world: created, binding: m.binding });
    else noteMiss(0, describeObservation(obs[0], created, start.binding, names), [start], 0);
  } else addToLevel(0, start);

  for (let pos = 0; pos <= n; pos++) {
    const frontier = levels.get(pos);
    levels.delete(pos);
    if (frontier === undefined || frontier.size === 0) continue;
    if (pos === n) return { verdict: { kind: "conforms" }, lines: n, matched: n, states };
    const seen = new Set(frontier.keys());
    const queue = [...frontier.values()];
    lastLevel = queue;
    lastLevelIndex = pos;
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q];
      if (++states > options.maxStates) {
        return { verdict: { kind: "inconclusive", entry: entries[pos], maxStates: options.maxStates }, lines: n, matched: pos, states };
      }
      model.forEachStep(
        node.world,
        (i: number, next: World | undefined, failure: Failure | undefined, record: StepRecord | undefined) => {
          const obs = observationsOf(ctx, implemented, node.world, i, next, record);
          if (failure !== undefined) {
            // A bug reached by a step the trace records: the trace leads the model into it.
            if (obs.length === 0) return;
            const m = matchFrom(obs, pos, node.binding);
            if (m.binding !== null && violation === undefined) {
              violation = { entry: entries[pos + m.matched - 1], failure: specFailure(model, failure), matched: pos + m.matched };
            }
            return;
          }
          if (obs.length === 0) {
            const hidden: Node = { world: next!, binding: node.binding };
            const k = key(hidden);
            if (!seen.has(k)) {
              seen.add(k);
              queue.push(hidden);
            }
            return;
          }
          const m = matchFrom(obs, pos, node.binding);
          if (m.binding !== null) addToLevel(pos + m.matched, { world: next!, binding: m.binding });
          else noteMiss(pos + m.matched, describeObservation(obs[m.matched], next ?? node.world, node.binding, names), queue, pos);
        },
        true,
      );
    }
  }
  if (violation !== undefined) {
    return { verdict: { kind: "violation", entry: violation.entry, failure: violation.failure }, lines: n, matched: violation.matched, states };
  }
  const at = Math.max(furthest, lastLevelIndex);
  const entry = entries[Math.min(at, n - 1)];
  const from = at === furthest && closest !== undefined ? closest : { nodes: lastLevel, level: lastLevelIndex };
  const spec = specAtMismatch(model, names, from.nodes, entries.slice(from.level), entry);
  return {
    verdict: { kind: "mismatch", entry, alternatives: at === furthest ? sameMachineFirst(alternatives, entry.machine) : [], spec },
    lines: n,
    matched: at,
    states,
  };
}

/** How many states of a level the specs are run from, to explain a mismatch. */
const SPEC_SAMPLE = 200;

/**
 * A spec that the line the model cannot take breaks, whatever the environment did unseen before it:
 * the test's monitors are run on the trace's sends and announces from each state of the level the
 * search reached, and the failure is reported only when every one of them fails on that very line.
 * This says in terms of the specs why the implementation is wrong, where the model alone can only
 * say that it would not do the same.
 */
function specAtMismatch(
  model: PModel,
  names: ModelNames,
  nodes: readonly Node[],
  entries: readonly TraceEntry[],
  at: TraceEntry,
): (SpecFailure & { entry: TraceEntry }) | undefined {
  let first: (SpecFailure & { entry: TraceEntry }) | undefined;
  for (const node of nodes.slice(0, SPEC_SAMPLE)) {
    const found = runSpecsOn(model, names, node, entries);
    if (found === undefined || found.entry !== at) return undefined;
    first ??= found;
  }
  return first;
}

/** Runs the test's monitors on the sends and announces of `entries`, from the monitors of `from`: the first spec failure. */
function runSpecsOn(model: PModel, names: ModelNames, from: Node, entries: readonly TraceEntry[]): (SpecFailure & { entry: TraceEntry }) | undefined {
  const ir = model.ctx.program.model;
  const extra = new Map<string, number>();
  const numberOf = (id: string): number => {
    const n = from.binding.numberOf(id);
    if (n !== undefined) return n;
    let x = extra.get(id);
    if (x === undefined) extra.set(id, (x = from.world.machines.length + extra.size));
    return x;
  };
  const messages: { event: number; payload: Value; entry: TraceEntry }[] = [];
  for (const e of entries) {
    if (e.kind !== "send" && e.kind !== "announce") continue;
    const type = ir.events[e.event].payload;
    const payload = type === undefined ? null : jsonToValue(e.payload, type, names, (id) => ref(numberOf(id)));
    if (payload !== undefined) messages.push({ event: e.event, payload, entry: e });
  }
  const idOf = (n: number) => from.binding.ids[n] ?? [...extra].find(([, x]) => x === n)?.[0];
  const found = runSpecs(model, from.world, messages, idOf);
  return found === undefined ? undefined : { ...found.failure, entry: messages[found.at].entry };
}

/** What the machine of the line could have done first, then what the others could have. */
function sameMachineFirst(alternatives: readonly string[], machine: string): string[] {
  const mine = alternatives.filter((a) => a.startsWith(machine + " "));
  return [...mine, ...alternatives.filter((a) => !mine.includes(a))];
}
