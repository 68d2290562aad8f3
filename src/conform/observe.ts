// What a step of the model looks like from the outside: the lines an implementation would record
// for it. A step of a machine the trace records (an implemented machine) shows its send, announce
// or `new`, and, when it finishes handling an event, a `handle` with the machine's state after it.
// Creating a machine of an implemented type shows as a `create`, whoever creates it. Everything
// else (machines of the environment, ignored events, start-state entries that do nothing
// observable, `on null` handlers) is hidden: the search takes such steps freely.
import { NULL_EVENT } from "../ir/ir.ts";
import { dequeue, type StepRecord, type TestContext } from "../explore/p/exec.ts";
import { IDLE, RUN_EVENT, RUNNING, type MachineState, type World } from "../explore/p/world.ts";
import type { Ref, Value } from "../explore/runtime/values.ts";
import type { Type } from "../types/types.ts";
import { matchJson, valueToJson, type Binding, type ModelNames } from "./json-values.ts";
import type { TraceEntry } from "./trace-file.ts";

export type Observation =
  | { readonly kind: "create"; readonly machine: number; readonly type: number; readonly payload: Value }
  | { readonly kind: "send"; readonly machine: number; readonly to: number; readonly event: number; readonly payload: Value }
  | { readonly kind: "announce"; readonly machine: number; readonly event: number; readonly payload: Value }
  | {
      readonly kind: "handle";
      readonly machine: number;
      readonly event: number;
      readonly payload: Value;
      /** The machine after the handler, when it is idle (not when it halted). */
      readonly after: MachineState | undefined;
    };

/** The observations of one step of machine `i` from `before`, in the order they happened. */
export function observationsOf(
  ctx: TestContext,
  implemented: ReadonlySet<number>,
  before: World,
  i: number,
  next: World | undefined,
  record: StepRecord | undefined,
): Observation[] {
  const out: Observation[] = [];
  if (record === undefined) return out;
  const mb = before.machines[i];
  const seen = implemented.has(mb.type);
  if (seen) {
    for (const s of record.sends) out.push({ kind: "send", machine: i, to: s.target, event: s.event, payload: s.payload });
    for (const a of record.announces) out.push({ kind: "announce", machine: i, event: a.event, payload: a.payload });
  }
  for (const c of record.creates) {
    if (implemented.has(c.type)) out.push({ kind: "create", machine: c.machine, type: c.type, payload: c.payload });
  }
  if (!seen || next === undefined) return out;
  const ma = next.machines[i];
  if (ma.status === RUNNING) return out;
  let handled: { event: number; payload: Value } | undefined;
  if (mb.status === RUNNING) {
    const run = mb.run!;
    if (run.kind === RUN_EVENT && run.event !== NULL_EVENT) handled = { event: run.event, payload: run.payload };
  } else if (mb.status === IDLE) {
    const d = dequeue(ctx, mb);
    if (d.kind === "event" && d.message.event !== NULL_EVENT) handled = { event: d.message.event, payload: d.message.payload };
  }
  if (handled !== undefined) out.push({ kind: "handle", machine: i, ...handled, after: ma.status === IDLE ? ma : undefined });
  return out;
}

/** The payload types of the model's start states, by machine index. */
export type StartPayloadTypes = ReadonlyMap<number, Type | undefined>;

/** Whether observation `o` is what line `e` records; the binding grown to pair their machines, or null. */
export function matchObservation(
  o: Observation,
  e: TraceEntry,
  binding: Binding,
  names: ModelNames,
  starts: StartPayloadTypes,
): Binding | null {
  if (o.kind !== e.kind) return null;
  const model = names.model;
  const payload = (event: number, b: Binding | null): Binding | null => {
    if (b === null) return null;
    const type = model.events[event].payload;
    return type === undefined ? b : matchJson(o.payload, type, e.payload, names, b);
  };
  switch (o.kind) {
    case "create": {
      if (e.machineType !== o.type) return null;
      const b = binding.bind(e.machine, o.machine);
      const type = starts.get(o.type);
      if (b === null) return null;
      return type === undefined ? b : matchJson(o.payload, type, e.payload, names, b);
    }
    case "send":
      if (e.event !== o.event) return null;
      return payload(o.event, binding.bind(e.machine, o.machine)?.bind(e.to!, o.to) ?? null);
    case "announce":
      if (e.event !== o.event) return null;
      return payload(o.event, binding.bind(e.machine, o.machine));
    case "handle": {
      if (e.event !== o.event) return null;
      let b = payload(o.event, binding.bind(e.machine, o.machine));
      if (b === null || e.state === undefined) return b;
      if (o.after === undefined || o.after.state !== e.state.state) return null;
      const m = model.machines[o.after.type];
      for (const [name, json] of Object.entries(e.state.vars)) {
        const slot = m.vars.findIndex((v) => v.name === name);
        b = matchJson(o.after.vars[slot], m.vars[slot].type, json, names, b);
        if (b === null) return null;
      }
      return b;
    }
  }
}

/** An observation as a line of a report: `primary sends eReplicate {...} to backup`. */
export function describeObservation(o: Observation, world: World, binding: Binding, names: ModelNames): string {
  const model = names.model;
  const machineName = (n: number) => {
    const id = binding.ids[n];
    if (id !== undefined) return id;
    const type = world.machines[n]?.type;
    return `${type === undefined ? "machine" : model.machines[type].name}(${n})`;
  };
  const idOf = (r: Ref) => machineName(r.id);
  const payload = (event: number, v: Value) => {
    const type = model.events[event].payload;
    return type === undefined ? "" : " " + JSON.stringify(valueToJson(v, type, names, idOf));
  };
  const event = (id: number) => model.events[id].name;
  switch (o.kind) {
    case "create":
      return `create ${model.machines[o.type].name} ${machineName(o.machine)}`;
    case "send":
      return `${machineName(o.machine)} sends ${event(o.event)}${payload(o.event, o.payload)} to ${machineName(o.to)}`;
    case "announce":
      return `${machineName(o.machine)} announces ${event(o.event)}${payload(o.event, o.payload)}`;
    case "handle": {
      const after = o.after === undefined ? "" : `, then ${JSON.stringify(snapshotJson(o.after, names, idOf))}`;
      return `${machineName(o.machine)} handles ${event(o.event)}${payload(o.event, o.payload)}${after}`;
    }
  }
}

/** A machine's state and variables in the JSON form of a snapshot. */
export function snapshotJson(m: MachineState, names: ModelNames, idOf: (r: Ref) => string | undefined): { state: string; vars: Record<string, unknown> } {
  const type = names.model.machines[m.type];
  return {
    state: type.states[m.state].name,
    vars: Object.fromEntries(type.vars.map((v, slot) => [v.name, valueToJson(m.vars[slot], v.type, names, idOf)])),
  };
}
