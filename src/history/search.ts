// The search for an order in which a model accepts the operations of one partition: Wing & Gong's
// algorithm with Lowe's memoisation, as in Porcupine. Invocations and completions sit in one list
// in the order they happened; the search walks it, and at each invocation tries to let that
// operation take effect now (lifting it and its completion out of the list); reaching a completion
// means the operation it completes had to take effect already, so the search undoes its last
// choice. A (set of operations done, state) pair is never explored twice: the set is kept as a
// 53-bit Zobrist hash (two 32-bit lanes, updated per choice, folded into one double), so that
// remembering a pair costs a number and not a copy of the set. Two sets reaching the same state
// collide with probability 2^-53 per pair: over a million configurations, about one chance in
// 10^4 that a search skips one it should not.
//
// Without real time (serializability), every invocation comes before every completion: any order
// is allowed. Operations whose outcome is unknown complete at the end: they may take effect at any
// point after their invocation, and the search is done when every known operation is placed.
import type { Operation, SequentialModel } from "./model.ts";
import { Random } from "./simulate.ts";

export interface SearchOptions {
  /** Respect real time: an operation completed before another was invoked takes effect first. */
  readonly realTime: boolean;
  /** Give up after this many steps (operations tried). */
  readonly maxSteps: number;
}

/** The longest order found: the operations placed, the state they lead to, and what could not follow. */
export interface Deepest {
  readonly order: readonly Operation[];
  readonly state: unknown;
  /** The operation that had to take effect next (its completion came) but could not; undefined without real time. */
  readonly blocked: Operation | undefined;
}

export type SearchResult =
  | { readonly kind: "ok"; readonly order: readonly Operation[]; readonly steps: number }
  | { readonly kind: "violation"; readonly deepest: Deepest; readonly steps: number }
  | { readonly kind: "inconclusive"; readonly steps: number };

interface Entry {
  readonly op: number;
  readonly call: boolean;
  match: Entry | undefined;
  prev: Entry | undefined;
  next: Entry | undefined;
}

/** Zobrist keys: a fixed random 32-bit number per operation, the same on every run. */
function zobrist(n: number, seed: number): Uint32Array {
  const random = new Random(seed);
  return Uint32Array.from({ length: n }, () => random.uint32());
}

/** The events of the partition as one doubly linked list, behind a head that holds no operation. */
function eventList(ops: readonly Operation[], realTime: boolean): Entry {
  const calls: Entry[] = ops.map((_, i) => ({ op: i, call: true, match: undefined, prev: undefined, next: undefined }));
  const returns: Entry[] = ops.map((_, i) => ({ op: i, call: false, match: calls[i], prev: undefined, next: undefined }));
  calls.forEach((c, i) => (c.match = returns[i]));
  const order = (e: Entry): number => {
    const op = ops[e.op];
    if (e.call) return realTime ? op.invokeEvent : -1;
    if (op.status !== "ok") return Infinity;
    return realTime ? op.returnEvent : Number.MAX_SAFE_INTEGER;
  };
  const all = [...calls, ...returns].sort((a, b) => order(a) - order(b) || (a.call === b.call ? a.op - b.op : a.call ? -1 : 1));
  const head: Entry = { op: -1, call: false, match: undefined, prev: undefined, next: undefined };
  let last = head;
  for (const e of all) {
    last.next = e;
    e.prev = last;
    last = e;
  }
  return head;
}

function lift(call: Entry): void {
  call.prev!.next = call.next;
  call.next!.prev = call.prev;
  const ret = call.match!;
  ret.prev!.next = ret.next;
  if (ret.next !== undefined) ret.next.prev = ret.prev;
}

function unlift(call: Entry): void {
  const ret = call.match!;
  ret.prev!.next = ret;
  if (ret.next !== undefined) ret.next.prev = ret;
  call.prev!.next = call;
  call.next!.prev = call;
}

/** Operations with an unknown outcome that change nothing are left out: they may never have happened. */
export function searchable(ops: readonly Operation[], model: SequentialModel): Operation[] {
  return ops.filter((o) => o.status === "ok" || (o.status === "info" && model.readOnly?.(o) !== true));
}

/** Looks for an order of `ops` (ok and info operations of one partition) that `model` accepts. */
export function searchOrder(ops: readonly Operation[], model: SequentialModel, options: SearchOptions): SearchResult {
  const n = ops.length;
  const head = eventList(ops, options.realTime);
  const lane1 = zobrist(n, 0x9e3779b9);
  const lane2 = zobrist(n, 0x7f4a7c15);
  /** For each state key, the hashes of the sets of operations done that reached it. */
  const seen = new Map<string, Set<number>>();
  const stack: { entry: Entry; state: unknown }[] = [];
  let h1 = 0;
  let h2 = 0;
  let state: unknown = model.init();
  let steps = 0;
  let deepest: Deepest = { order: [], state, blocked: undefined };
  let entry = head.next;
  const flip = (i: number) => {
    h1 ^= lane1[i];
    h2 ^= lane2[i];
  };
  while (entry !== undefined) {
    if (entry.call) {
      if (++steps > options.maxSteps) return { kind: "inconclusive", steps };
      const next = model.step(state, ops[entry.op]);
      if (next !== undefined) {
        flip(entry.op);
        const stateKey = model.key(next);
        // 53 bits of the two lanes, exactly representable as a double.
        const setKey = h1 * 2097152 + (h2 >>> 11);
        let sets = seen.get(stateKey);
        if (sets === undefined) seen.set(stateKey, (sets = new Set()));
        if (!sets.has(setKey)) {
          sets.add(setKey);
          stack.push({ entry, state });
          state = next;
          lift(entry);
          entry = head.next;
          continue;
        }
        flip(entry.op);
      }
      entry = entry.next;
      continue;
    }
    // A completion: the operation it completes had to take effect already. Completions of
    // operations with an unknown outcome come last: reaching one means every known one is placed.
    if (ops[entry.op].status !== "ok") break;
    if (stack.length >= deepest.order.length) {
      deepest = { order: stack.map((s) => ops[s.entry.op]), state, blocked: options.realTime ? ops[entry.op] : undefined };
    }
    const top = stack.pop();
    if (top === undefined) return { kind: "violation", deepest, steps };
    flip(top.entry.op);
    state = top.state;
    unlift(top.entry);
    entry = top.entry.next;
  }
  return { kind: "ok", order: stack.map((s) => ops[s.entry.op]), steps };
}
