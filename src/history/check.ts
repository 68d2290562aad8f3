// Checking a history: read it, split it into partitions, search each for an order the model
// accepts, and shrink the first failing partition to a minimal failing sub-history with an
// explanation. `checkHistory` is the library entry point; `pith history` prints what it returns.
import type { HistoryEvent, JsonValue } from "./format.ts";
import type { Anomaly, Operation, SequentialModel } from "./model.ts";
import { partitionHistory, type Partition } from "./partition.ts";
import { pairEvents, parseHistoryText, type HistoryProblem } from "./read.ts";
import { searchable, searchOrder, type Deepest, type SearchOptions, type SearchResult } from "./search.ts";
import { shrinkFailing } from "./shrink.ts";

export type Consistency = "linearizable" | "serializable" | "strict-serializable";
export type Verdict = "ok" | "violation" | "inconclusive";

export interface CheckOptions {
  /** For serializable models: require the serial order to respect real time too. */
  readonly strict?: boolean;
  /** Steps (operations tried) each search may take before it gives up; default 10,000,000. */
  readonly maxSteps?: number;
}

export const DEFAULT_MAX_STEPS = 10_000_000;
/** Steps each search may take while shrinking. */
const SHRINK_STEPS = 200_000;
/** Where an operation freed from real time returns: after every known completion. */
const FREED_RETURN = Number.MAX_SAFE_INTEGER - 1;

export interface PartitionVerdict {
  readonly name: string;
  readonly keys: readonly string[];
  /** Operations in the partition (failed ones included). */
  readonly operations: number;
  readonly verdict: Verdict;
  readonly steps: number;
}

export interface HistoryFailure {
  readonly partition: string;
  /** Operations in the failing partition that the search considered. */
  readonly considered: number;
  /** The minimal failing sub-history, in the order of invocation. */
  readonly operations: readonly Operation[];
  /** The longest order of the minimal sub-history the model accepts, and what cannot follow it. */
  readonly deepest: Deepest;
  /** Sentences that say what goes wrong. */
  readonly explanation: readonly string[];
  /** What the model names it, when it can (e.g. a dependency cycle of transactions). */
  readonly anomaly: Anomaly | undefined;
}

export interface HistoryVerdict {
  readonly kind: "checked";
  readonly model: string;
  readonly consistency: Consistency;
  readonly verdict: Verdict;
  /** Operations in the history, with their outcome. */
  readonly operations: { readonly ok: number; readonly fail: number; readonly info: number };
  readonly partitions: readonly PartitionVerdict[];
  readonly failure: HistoryFailure | undefined;
}

export interface HistoryInputError {
  readonly kind: "invalid";
  readonly problems: readonly HistoryProblem[];
}

export function consistencyOf(model: SequentialModel, options: CheckOptions): Consistency {
  if (model.consistency !== "serializable") return "linearizable";
  return options.strict === true ? "strict-serializable" : "serializable";
}

/** `1 operation`, `3 transactions`. */
export function operationWord(model: SequentialModel, n: number): string {
  const word = model.consistency === "serializable" ? "transaction" : "operation";
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

/** The operation for people, without its result. */
export function describeOperation(model: SequentialModel, o: Operation): string {
  return model.describe?.(o) ?? `${o.op} ${JSON.stringify(o.args)}`;
}

/** Its result for people, or how it ended when the result is unknown. */
export function describeResult(model: SequentialModel, o: Operation): string {
  if (o.status === "ok") return model.showResult?.({ ...o, result: o.result as JsonValue }) ?? JSON.stringify(o.result as JsonValue);
  return o.status === "info" ? "unknown (info)" : "fail";
}

function showState(model: SequentialModel, state: unknown): string {
  return model.show?.(state) ?? model.key(state);
}

function explain(model: SequentialModel, ops: readonly Operation[], deepest: Deepest, consistency: Consistency): string[] {
  const number = (o: Operation) => `#${ops.indexOf(o) + 1}`;
  const order = deepest.order.length === 0 ? `no operation can take effect first, in ${showState(model, deepest.state)}` : `the longest order the model accepts is ${deepest.order.map(number).join(", ")}, leaving ${showState(model, deepest.state)}`;
  const lines = [
    consistency === "linearizable"
      ? `No order of these ${operationWord(model, ops.length)} is linearizable: ${order}.`
      : `No ${consistency === "strict-serializable" ? "real-time " : ""}serial order of these ${operationWord(model, ops.length)} exists: ${order}.`,
  ];
  if (deepest.blocked !== undefined) {
    const b = deepest.blocked;
    lines.push(`Then ${number(b)} (${describeOperation(model, b)} -> ${describeResult(model, b)}) has returned, so it must take effect next, and in that state it cannot.`);
  } else if (deepest.order.length > 0 || ops.length > 0) {
    const rest = ops.filter((o) => !deepest.order.includes(o) && o.status === "ok");
    if (rest.length > 0) lines.push(`None of ${rest.map(number).join(", ")} can take effect after it.`);
  }
  return lines;
}

/**
 * For models that say what operations observe and produce: whether a sub-history keeps, for every
 * value one of its operations observes, an operation that produces it (when the partition has
 * one); and a set of operations with the producers of what they observe added, until it keeps them.
 */
function producers(model: SequentialModel, ops: readonly Operation[]) {
  const observes = model.observes?.bind(model);
  const produces = model.produces?.bind(model);
  if (observes === undefined || produces === undefined) return { keeps: () => true, close: (sub: readonly Operation[]) => sub };
  const producer = new Map<string, Operation>();
  for (const o of ops) for (const t of produces(o)) if (!producer.has(t)) producer.set(t, o);
  const keeps = (sub: readonly Operation[]) => {
    const produced = new Set(sub.flatMap((o) => produces(o)));
    return sub.every((o) => observes(o).every((t) => produced.has(t) || !producer.has(t)));
  };
  const close = (sub: readonly Operation[]) => {
    const kept = new Set(sub);
    const todo = [...sub];
    for (let o = todo.pop(); o !== undefined; o = todo.pop()) {
      for (const t of observes(o)) {
        const p = producer.get(t);
        if (p !== undefined && !kept.has(p)) {
          kept.add(p);
          todo.push(p);
        }
      }
    }
    return ops.filter((o) => kept.has(o));
  };
  return { keeps, close };
}

/**
 * An order of the partition that the model accepts. Without real time, an order that respects it
 * is tried first: a correct system usually has one, and real time guides that search, where an
 * unguided one may try many orders before it finds one.
 */
function firstOrder(ops: readonly Operation[], model: SequentialModel, options: SearchOptions): SearchResult {
  if (options.realTime) return searchOrder(ops, model, options);
  const timed = searchOrder(ops, model, { ...options, realTime: true });
  if (timed.kind === "ok") return timed;
  const untimed = searchOrder(ops, model, { ...options, maxSteps: Math.max(1, options.maxSteps - timed.steps) });
  return { ...untimed, steps: timed.steps + untimed.steps };
}

/** The minimal failing sub-history of a failing partition, and what goes wrong in it. */
function minimalFailure(
  partition: Partition,
  ops: readonly Operation[],
  found: Deepest,
  named: Anomaly | undefined,
  model: SequentialModel,
  consistency: Consistency,
  timed: SearchOptions,
): HistoryFailure {
  // Keep the failure one of order, not of values. The operation that could not take effect
  // (a read, say) is freed from real time: when the partition then passes, every sub-history
  // kept must pass that way too. Otherwise a lone read of a value whose write was removed would
  // be the "minimal" history.
  const blocked = found.blocked;
  const freed = (sub: readonly Operation[]) => sub.map((o) => (o === blocked ? { ...o, invokeEvent: -1, returnEvent: FREED_RETURN } : o));
  const orderOnly = blocked !== undefined && searchOrder(freed(ops), model, timed).kind === "ok";
  const kept = producers(model, ops);
  // Each search while shrinking is bounded: one that gives up counts as passing, which keeps
  // more operations rather than taking unbounded time.
  const shrinking: SearchOptions = { ...timed, maxSteps: Math.min(timed.maxSteps, SHRINK_STEPS) };
  const fails = (sub: readonly Operation[]) =>
    kept.keeps(sub) &&
    searchOrder(sub, model, shrinking).kind === "violation" &&
    (!orderOnly || (sub.includes(blocked!) && searchOrder(freed(sub), model, shrinking).kind === "ok"));
  // A named anomaly says where to start: its operations and the writers of what they read.
  const involved = named === undefined ? [] : kept.close(named.operations);
  const start = involved.length > 0 && fails(involved) ? involved : ops;
  const minimal = [...shrinkFailing(start, fails)].sort((a, b) => a.index - b.index);
  const again = searchOrder(minimal, model, timed);
  const deepest = again.kind === "violation" ? again.deepest : found;
  return {
    partition: partition.name,
    considered: ops.length,
    operations: minimal,
    deepest,
    explanation: explain(model, minimal, deepest, consistency),
    anomaly: model.anomaly?.(minimal, partition.operations, timed.realTime),
  };
}

/** Checks paired operations against `model`. */
export function checkOperations(operations: readonly Operation[], model: SequentialModel, options: CheckOptions = {}): HistoryVerdict {
  const consistency = consistencyOf(model, options);
  const realTime = consistency !== "serializable";
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const timed: SearchOptions = { realTime, maxSteps };
  const partitions: PartitionVerdict[] = [];
  let failure: HistoryFailure | undefined;
  for (const partition of partitionHistory(operations, model)) {
    const ops = searchable(partition.operations, model);
    // A model that can name an anomaly in the whole partition (a dependency cycle) proves it
    // fails without a search, and the operations involved are where shrinking starts.
    const named = model.anomaly?.(ops, partition.operations, false);
    const result: SearchResult = named !== undefined ? { kind: "violation", deepest: { order: [], state: model.init(), blocked: undefined }, steps: 0 } : firstOrder(ops, model, timed);
    partitions.push({ name: partition.name, keys: partition.keys, operations: partition.operations.length, verdict: result.kind, steps: result.steps });
    if (result.kind === "violation" && failure === undefined) failure = minimalFailure(partition, ops, result.deepest, named, model, consistency, timed);
  }
  const verdict: Verdict = partitions.some((p) => p.verdict === "violation") ? "violation" : partitions.some((p) => p.verdict === "inconclusive") ? "inconclusive" : "ok";
  const count = (s: Operation["status"]) => operations.filter((o) => o.status === s).length;
  return { kind: "checked", model: model.name, consistency, verdict, operations: { ok: count("ok"), fail: count("fail"), info: count("info") }, partitions, failure };
}

/** Reads a history (NDJSON text, or events from a recorder) and checks it against `model`. */
export function checkHistory(input: string | readonly HistoryEvent[], model: SequentialModel, options: CheckOptions = {}): HistoryVerdict | HistoryInputError {
  const parsed = typeof input === "string" ? parseHistoryText(input) : { events: input.map((event, i) => ({ event, line: i + 1 })), problems: [] };
  const paired = pairEvents(parsed.events, model);
  const problems = [...parsed.problems, ...paired.problems].sort((a, b) => a.line - b.line);
  if (problems.length > 0) return { kind: "invalid", problems };
  return checkOperations(paired.operations, model, options);
}
