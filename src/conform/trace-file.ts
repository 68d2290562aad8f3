// Reading a recorded trace: NDJSON, one object per line, as the recorder `pith gen ts` generates
// writes it. Every line is checked against the model before any search begins: it must be JSON,
// name a known kind, event and machine type, carry a payload of the event's type, and come after
// the line before it (seq and time). A bad trace gets one message per bad line, naming the line;
// nothing in it is searched.
import type { MachineIR, ModelIR } from "../ir/ir.ts";
import { suggestName } from "../names/suggest.ts";
import { conformMessage, type ConformCode } from "./codes.ts";
import { jsonProblem, type ModelNames } from "./json-values.ts";
import { machineFacts } from "./model-facts.ts";

export type TraceKind = "send" | "handle" | "announce" | "create";
const KINDS: readonly string[] = ["send", "handle", "announce", "create"];

export interface TraceSnapshot {
  /** State index in the machine's type. */
  readonly state: number;
  readonly vars: Readonly<Record<string, unknown>>;
}

/** One line of a trace, checked. */
export interface TraceEntry {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly text: string;
  readonly seq: number;
  readonly kind: TraceKind;
  /** The machine that acted; for `create`, the machine created. */
  readonly machine: string;
  /** The acting machine's type (a machine index of the model). */
  readonly machineType: number;
  /** Event id (send, handle, announce). */
  readonly event: number;
  /** Target of a send. */
  readonly to: string | undefined;
  /** JSON payload, checked against the event's (or the start state's) payload type; null when none. */
  readonly payload: unknown;
  readonly state: TraceSnapshot | undefined;
  /** The parsed object, for partition keys. */
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface TraceProblem {
  readonly code: ConformCode;
  readonly line: number | undefined;
  readonly text: string | undefined;
  readonly message: string;
}

export interface ParsedTrace {
  readonly entries: TraceEntry[];
  readonly problems: TraceProblem[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** ` Did you mean 'x'?`, to end a message with. */
function hint(name: string, candidates: readonly string[]): string {
  const guess = suggestName(name, candidates);
  return guess === undefined ? "" : ` Did you mean '${guess}'?`;
}

/** ` (did you mean 'x'?)`, for inside a message. */
function aside(name: string, candidates: readonly string[]): string {
  const guess = suggestName(name, candidates);
  return guess === undefined ? "" : ` (did you mean '${guess}'?)`;
}

/** Reads and checks the lines of a trace against `model`. */
export function parseTrace(text: string, model: ModelIR, names: ModelNames): ParsedTrace {
  const entries: TraceEntry[] = [];
  const problems: TraceProblem[] = [];
  const machines = model.machines.filter((m) => m.kind === "machine");
  const startPayloads = new Map(machineFacts(model).map((f) => [f.machine.id, f.startPayload]));
  const created = new Map<string, { line: number; type: number }>();
  const rawLines = text.split("\n");
  const endsWithNewline = text.endsWith("\n");
  let previous: { seq: number; time: number | undefined; line: number; timeText: string } | undefined;

  rawLines.forEach((raw, index) => {
    const lineNo = index + 1;
    const lineText = raw.replace(/\r$/, "");
    if (lineText.trim() === "") return;
    const problem = (code: ConformCode, ...args: (string | number)[]) =>
      problems.push({ code, line: lineNo, text: lineText, message: conformMessage(code, [lineNo, ...args]) });
    let parsed: unknown;
    try {
      parsed = JSON.parse(lineText);
    } catch (error) {
      // Recorders end every line with a line break: a last line without one that does not parse
      // was cut off while it was written.
      const last = index === rawLines.length - 1 && !endsWithNewline;
      const message = (error as Error).message;
      if (last) problem(6002);
      else problem(6001, message.replace(/\.$/, ""));
      return;
    }
    if (!isObject(parsed)) return problem(6003, "a line must be a JSON object");
    const f = parsed;
    if (typeof f.seq !== "number" || !Number.isInteger(f.seq)) return problem(6003, "'seq' must be an integer");
    if (typeof f.kind !== "string" || !KINDS.includes(f.kind)) {
      return problem(6003, `'kind' must be one of send, handle, announce, create${typeof f.kind === "string" ? aside(f.kind, KINDS) : ""}`);
    }
    if (typeof f.machine !== "string" || f.machine === "") return problem(6003, "'machine' must be a machine id (a non-empty string)");
    let time: number | undefined;
    if (f.time !== undefined) {
      time = typeof f.time === "number" ? f.time : typeof f.time === "string" ? Date.parse(f.time) : NaN;
      if (!Number.isFinite(time)) return problem(6003, "'time' must be a number or a date");
    }
    const kind = f.kind as TraceKind;
    const machine = f.machine;
    let ok = true;
    if (previous !== undefined && f.seq <= previous.seq) {
      problem(6008, f.seq, previous.seq, previous.line);
      ok = false;
    }
    if (previous !== undefined && time !== undefined && previous.time !== undefined && time < previous.time) {
      problem(6009, JSON.stringify(f.time), previous.timeText, previous.line);
      ok = false;
    }
    previous = { seq: f.seq, time, line: lineNo, timeText: JSON.stringify(f.time) };

    let machineType: number;
    let event = -1;
    let payload: unknown = f.payload ?? null;
    let to: string | undefined;
    let state: TraceSnapshot | undefined;
    if (kind === "create") {
      if (typeof f.type !== "string") return problem(6003, "a create line needs 'type', the machine type created");
      const type = machines.find((m) => m.name === f.type);
      if (type === undefined) return problem(6005, f.type, hint(f.type, machines.map((m) => m.name)));
      const before = created.get(machine);
      if (before !== undefined) return problem(6011, machine, before.line);
      created.set(machine, { line: lineNo, type: type.id });
      machineType = type.id;
      const start = startPayloads.get(type.id);
      const p = start === undefined ? (payload === null ? undefined : `${type.name} starts without a payload`) : jsonProblem(payload, start, names);
      if (p !== undefined) return problem(6007, `the new ${type.name}`, p);
    } else {
      const actor = created.get(machine);
      if (actor === undefined) return problem(6006, machine);
      machineType = actor.type;
      if (typeof f.event !== "string") return problem(6003, `a ${kind} line needs 'event', an event name`);
      const id = names.eventId(f.event);
      if (id === undefined || id === 0) {
        return problem(6004, f.event, hint(f.event, model.events.slice(1).map((e) => e.name)));
      }
      event = id;
      const type = model.events[id].payload;
      const p = type === undefined ? (payload === null ? undefined : `${f.event} carries no payload`) : jsonProblem(payload, type, names);
      if (p !== undefined) return problem(6007, f.event, p);
      if (kind === "send") {
        if (typeof f.to !== "string" || f.to === "") return problem(6003, "a send line needs 'to', the id of the machine sent to");
        to = f.to;
      }
      if (kind === "handle" && f.state !== undefined && f.state !== null) {
        const snapshot = checkSnapshot(f.state, model.machines[machineType], names);
        if (typeof snapshot === "string") return problem(6010, machine, snapshot);
        state = snapshot;
      }
    }
    if (!ok) return;
    entries.push({ line: lineNo, text: lineText, seq: f.seq, kind, machine, machineType, event, to, payload, state, fields: f });
  });
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ code: 6012, line: undefined, text: undefined, message: conformMessage(6012, []) });
  }
  return { entries, problems };
}

function checkSnapshot(json: unknown, m: MachineIR, names: ModelNames): TraceSnapshot | string {
  if (!isObject(json)) return "a snapshot is an object with 'state' and 'vars'";
  if (typeof json.state !== "string") return "'state' must be the name of a state";
  const state = m.states.findIndex((s) => s.name === json.state);
  if (state < 0) {
    return `${m.name} has no state '${json.state}'${aside(json.state, m.states.map((s) => s.name))}`;
  }
  const vars = json.vars ?? {};
  if (!isObject(vars)) return "'vars' must be an object of variables";
  for (const [name, value] of Object.entries(vars)) {
    const v = m.vars.find((x) => x.name === name);
    if (v === undefined) return `${m.name} has no variable '${name}'${aside(name, m.vars.map((x) => x.name))}`;
    const p = jsonProblem(value, v.type, names, name);
    if (p !== undefined) return p;
  }
  return { state, vars };
}

/** The value of `path` (`machine`, `payload.key`) in a line, or undefined when it has none. */
export function fieldAt(fields: Readonly<Record<string, unknown>>, path: string): unknown {
  let v: unknown = fields;
  for (const part of path.split(".")) {
    if (!isObject(v)) return undefined;
    v = v[part];
  }
  return v;
}

/**
 * The trace cut into partitions by the value of `path`: lines without it (creating machines, say)
 * belong to every partition. Partitions come in the order of their first line.
 */
export function partition(entries: readonly TraceEntry[], path: string): { key: string; entries: TraceEntry[] }[] {
  const keys: string[] = [];
  for (const e of entries) {
    const v = fieldAt(e.fields, path);
    if (v === undefined) continue;
    const key = JSON.stringify(v);
    if (!keys.includes(key)) keys.push(key);
  }
  return keys.map((key) => ({
    key,
    entries: entries.filter((e) => {
      const v = fieldAt(e.fields, path);
      return v === undefined || JSON.stringify(v) === key;
    }),
  }));
}
