// Histories that are linearizable by construction: clients call a real sequential object with
// random concurrency. Each call is invoked, takes effect at one random later moment (the object
// applies it atomically), and returns at a random moment after that; some calls time out (`info`),
// and of those some never take effect. For testing checkers (a property test, a benchmark) and
// for trying a model of one's own before pointing it at a real service.
import type { HistoryEvent, JsonValue, MicroOp } from "./format.ts";
import { HistoryRecorder, type PendingOperation } from "./recorder.ts";

/** A sequential object that really computes results. */
export interface SequentialObject<State> {
  init(): State;
  apply(state: State, op: string, args: JsonValue): { readonly state: State; readonly result: JsonValue };
}

/**
 * An in-memory store that runs the operations of the built-in models: register (read, write), kv
 * (put, get, delete, list) and txn-kv (txn, atomically, filling in the values read).
 */
export const memoryStore: SequentialObject<ReadonlyMap<string, JsonValue>> = {
  init: () => new Map(),
  apply(state, op, args) {
    const a = (args ?? {}) as { key?: string; value?: JsonValue; prefix?: string };
    const key = a.key ?? "";
    switch (op) {
      case "write":
      case "put":
        return { state: new Map(state).set(key, a.value!), result: null };
      case "delete": {
        const next = new Map(state);
        next.delete(key);
        return { state: next, result: null };
      }
      case "list":
        return { state, result: [...state.keys()].filter((k) => k.startsWith(a.prefix ?? "")) };
      case "txn": {
        const next = new Map(state);
        const result = (args as unknown as MicroOp[]).map((m): MicroOp => {
          if (m[0] === "w") {
            if (m[2] === null) next.delete(m[1]);
            else next.set(m[1], m[2]);
          }
          return m[0] === "r" ? ["r", m[1], next.get(m[1]) ?? null] : m;
        });
        return { state: next, result: result as unknown as JsonValue };
      }
      default:
        return { state, result: state.get(key) ?? null };
    }
  },
};

export interface SimulationOptions {
  readonly processes: number;
  readonly operations: number;
  /** Seed of the random choices (the same seed gives the same history). */
  readonly seed: number;
  /** Chance that a call ends with `info` instead of `ok` (default 0). */
  readonly infoRate?: number;
}

/** A seeded random generator (mulberry32). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A whole number in [0, 2^32). */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** A number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

interface Busy {
  readonly call: { readonly op: string; readonly args: JsonValue };
  readonly handle: PendingOperation;
  /** Undefined until the call has taken effect. */
  result: JsonValue | undefined;
  applied: boolean;
}

/** Runs `operations` calls chosen by `choose` from `processes` concurrent clients against `object`. */
export function simulateHistory<State>(
  object: SequentialObject<State>,
  choose: (random: Random, process: number) => { readonly op: string; readonly args: JsonValue },
  options: SimulationOptions,
): readonly HistoryEvent[] {
  const random = new Random(options.seed);
  const recorder = new HistoryRecorder();
  const busy: (Busy | undefined)[] = new Array(options.processes).fill(undefined);
  let state = object.init();
  let started = 0;
  while (started < options.operations || busy.some((b) => b !== undefined)) {
    const p = random.int(0, options.processes - 1);
    const b = busy[p];
    if (b === undefined) {
      if (started >= options.operations) continue;
      started++;
      const call = choose(random, p);
      busy[p] = { call, handle: recorder.invoke(p, call.op, call.args), result: undefined, applied: false };
    } else if (!b.applied) {
      if (random.next() < (options.infoRate ?? 0) / 2) {
        b.handle.info("timeout before it took effect");
        busy[p] = undefined;
        continue;
      }
      const done = object.apply(state, b.call.op, b.call.args);
      state = done.state;
      b.result = done.result;
      b.applied = true;
    } else {
      if (random.next() < (options.infoRate ?? 0) / 2) b.handle.info("timeout after it took effect");
      else b.handle.ok(b.result!);
      busy[p] = undefined;
    }
  }
  return recorder.events;
}
