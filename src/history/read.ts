// Reading a history: NDJSON text to the operations a checker takes. Every line is checked before
// anything is searched (JSON, fields and their types, the model's operations and arguments, the
// pairing of invocations with completions, time order), and each problem is reported with its
// line; a history with problems is not checked at all.
import type { CompletionType, HistoryEvent, JsonValue, OperationId, ProcessId } from "./format.ts";
import type { Operation, SequentialModel } from "./model.ts";

export interface HistoryProblem {
  /** 1-based line of the file, or the position of the event when it came from memory. */
  readonly line: number;
  readonly message: string;
}

export interface ReadHistory {
  readonly operations: Operation[];
  readonly problems: HistoryProblem[];
}

const TYPES: readonly string[] = ["invoke", "ok", "fail", "info"];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is OperationId {
  return typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
}

/** Why a parsed line is not an event, or undefined when it is one. */
function eventProblem(v: unknown): string | undefined {
  if (!isObject(v)) return "an event is a JSON object";
  if (typeof v.type !== "string") return `"type" is missing: it is one of ${TYPES.join(", ")}`;
  if (!TYPES.includes(v.type)) return `unknown type ${JSON.stringify(v.type)}: it is one of ${TYPES.join(", ")}`;
  if (!isId(v.id)) return `"id" is missing or not a number or string`;
  if (!isId(v.process)) return `"process" is missing or not a number or string`;
  if (typeof v.time !== "number" || !Number.isFinite(v.time)) return `"time" is missing or not a number`;
  if (v.type === "invoke") {
    if (typeof v.op !== "string") return `"op" is missing or not a string`;
    if (!("args" in v)) return `"args" is missing (use null for none)`;
  } else {
    if (v.type === "ok" && !("result" in v)) return `"result" is missing from an ok completion (use null for none)`;
    if (v.error !== undefined && typeof v.error !== "string") return `"error" is not a string`;
  }
  return undefined;
}

/** Parses NDJSON text; lines that cannot be events are problems, the others events with their lines. */
export function parseHistoryText(text: string): { events: { event: HistoryEvent; line: number }[]; problems: HistoryProblem[] } {
  const events: { event: HistoryEvent; line: number }[] = [];
  const problems: HistoryProblem[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line: i + 1, message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const problem = eventProblem(value);
    if (problem !== undefined) problems.push({ line: i + 1, message: problem });
    else events.push({ event: value as HistoryEvent, line: i + 1 });
  }
  return { events, problems };
}

interface Open {
  readonly invoke: Extract<HistoryEvent, { type: "invoke" }>;
  readonly index: number;
  readonly event: number;
  readonly line: number;
}

const label = (v: ProcessId | OperationId) => JSON.stringify(v);

/**
 * Pairs invocations with completions and checks them against the model. `line` is the line of
 * each event (its position when the events came from memory).
 */
export function pairEvents(events: readonly { event: HistoryEvent; line: number }[], model: SequentialModel): ReadHistory {
  const problems: HistoryProblem[] = [];
  const operations: Operation[] = [];
  const open = new Map<string, Open>();
  const openByProcess = new Map<string, Open>();
  const seen = new Map<string, number>();
  let lastTime = -Infinity;
  let invocations = 0;
  const complete = (o: Open, type: CompletionType, time: number, result: JsonValue | undefined, error: string | undefined, event: number, line: number | undefined) => {
    const known = type === "ok";
    operations.push({
      index: o.index,
      id: o.invoke.id,
      process: o.invoke.process,
      op: o.invoke.op,
      args: o.invoke.args,
      result: known ? result : undefined,
      status: type,
      error,
      invokeTime: o.invoke.time,
      returnTime: type === "info" ? Infinity : time,
      invokeEvent: o.event,
      returnEvent: type === "info" ? Infinity : event,
      invokeLine: o.line,
      returnLine: line,
    });
  };
  for (let position = 0; position < events.length; position++) {
    const { event, line } = events[position];
    const problem = (message: string) => problems.push({ line, message });
    if (event.time < lastTime) {
      problem(`time ${event.time} is before the time of the line before (${lastTime}): events must be in the order they happened`);
      continue;
    }
    lastTime = event.time;
    const idKey = typeof event.id + ":" + String(event.id);
    const processKey = typeof event.process + ":" + String(event.process);
    if (event.type === "invoke") {
      const earlier = seen.get(idKey);
      if (earlier !== undefined) {
        problem(`operation id ${label(event.id)} is already used by line ${earlier}: give each operation its own id`);
        continue;
      }
      seen.set(idKey, line);
      const busy = openByProcess.get(processKey);
      if (busy !== undefined) {
        problem(
          `process ${label(event.process)} invokes operation ${label(event.id)} while its operation ${label(busy.invoke.id)} (line ${busy.line}) is still open: ` +
            "complete it first (with info if its outcome is unknown), or use another process id",
        );
        continue;
      }
      const bad = model.checkInvocation(event.op, event.args);
      if (bad !== undefined) {
        problem(bad);
        continue;
      }
      const o: Open = { invoke: event, index: invocations++, event: position, line };
      open.set(idKey, o);
      openByProcess.set(processKey, o);
      continue;
    }
    const o = open.get(idKey);
    if (o === undefined) {
      problem(
        seen.has(idKey)
          ? `operation ${label(event.id)} is completed twice (or its invocation was rejected above)`
          : `completion of operation ${label(event.id)}, which was never invoked`,
      );
      continue;
    }
    if (processKey !== typeof o.invoke.process + ":" + String(o.invoke.process)) {
      problem(`operation ${label(event.id)} was invoked by process ${label(o.invoke.process)} (line ${o.line}) but completed by ${label(event.process)}`);
      continue;
    }
    if (event.type === "ok") {
      const bad = model.checkResult({ op: o.invoke.op, args: o.invoke.args, result: event.result as JsonValue });
      if (bad !== undefined) {
        problem(bad);
        continue;
      }
    }
    open.delete(idKey);
    openByProcess.delete(processKey);
    complete(o, event.type, event.time, event.result, event.error, position, line);
  }
  for (const o of open.values()) complete(o, "info", Infinity, undefined, undefined, Infinity, undefined);
  operations.sort((a, b) => a.index - b.index);
  return { operations, problems };
}
