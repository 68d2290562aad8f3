// A counterexample a person can read: each step of a violation's trace run again with recording
// on, described as the machine that moved, the state it was in, the event it handled, what it
// sent, created and announced, how its variables changed, and what the monitors saw.
import type { Span } from "../../diagnostics/source.ts";
import type { TraceStep } from "../engine/index.ts";
import { formatValue, type Value } from "../runtime/values.ts";
import type { PModel } from "./model.ts";
import type { StepRecord } from "./exec.ts";
import { HALTED, RUNNING, type World } from "./world.ts";

export interface VarChange {
  readonly name: string;
  readonly before: string;
  readonly after: string;
}

export interface StepView {
  /** 1-based. */
  readonly index: number;
  /** The emission's position among its siblings: what `pith replay` follows. */
  readonly ordinal: number;
  readonly machine: string;
  readonly machineId: number;
  readonly stateBefore: string;
  readonly stateAfter: string;
  /** `start` (entering the start state), `event` (handled one), `continue` (a handler part way through). */
  readonly kind: "start" | "event" | "continue";
  readonly event: string | undefined;
  readonly payload: string | undefined;
  readonly sends: readonly { readonly to: string; readonly event: string; readonly payload: string | undefined }[];
  readonly creates: readonly string[];
  readonly announces: readonly { readonly event: string; readonly payload: string | undefined }[];
  readonly prints: readonly string[];
  readonly changes: readonly VarChange[];
  readonly monitors: readonly { readonly monitor: string; readonly event: string; readonly stateAfter: string }[];
  /** Set on the last step of a violation found while running a step. */
  readonly failure: { readonly kind: string; readonly message: string; readonly span: Span | undefined } | undefined;
  /** Set after the step when the machine waits in a receive, is part way through a handler, or halted. */
  readonly status: "blocked" | "running" | "halted" | undefined;
}

/** Describes each step of `steps`, starting from the initial state. */
export function describeTrace(model: PModel, steps: readonly TraceStep[], start: Int32Array | null = null): StepView[] {
  const views: StepView[] = [];
  let previous: Int32Array | null = start;
  let before: World | undefined = start === null ? undefined : model.decode(start);
  for (const step of steps) {
    const emission = model.emission(previous, step.ordinal);
    views.push(describeStep(model, views.length + 1, step.ordinal, before, emission.machine, emission.world, emission.record, emission.failure));
    previous = step.state;
    before = step.state === null ? undefined : model.decode(step.state);
  }
  return views;
}

function describeStep(
  model: PModel,
  index: number,
  ordinal: number,
  before: World | undefined,
  machineId: number,
  after: World | undefined,
  record: StepRecord | undefined,
  failure: { kind: string; message: string; span: Span | undefined } | undefined,
): StepView {
  const { program, names } = model.ctx;
  const ir = program.model;
  const world = after ?? before;
  if (world !== undefined) names.use(world);
  const m0 = before?.machines[machineId];
  const m1 = after?.machines[machineId] ?? m0;
  const type = m1?.type ?? m0?.type ?? model.ctx.test.main;
  const machineIR = ir.machines[type];
  const stateName = (s: number | undefined) => (s === undefined ? "" : (machineIR.states[s]?.name ?? "?"));
  const show = (v: Value, t: Parameters<typeof formatValue>[1]) => formatValue(v, t, names);
  // A start run that has not begun: no operation done, nothing consumed, not waiting in a receive.
  const begun = (run: NonNullable<typeof m0>["run"]) => run !== null && (run.log.length > 0 || run.done > 0 || run.waiting !== null);
  const kind = before === undefined || m0 === undefined ? "start" : m0.status === RUNNING ? (m0.run?.kind === 0 && !begun(m0.run) ? "start" : "continue") : "event";
  const eventId = record !== undefined && record.event >= 0 ? record.event : undefined;
  const eventType = eventId === undefined ? undefined : ir.events[eventId]?.payload;
  const changes: VarChange[] = [];
  // A running machine's variables stay as they were when its handler began (see world.ts), so the
  // world shows the handler's changes at the step that completes it, and so does the trace.
  if (m0 !== undefined && m1 !== undefined && m1.status !== RUNNING && m1.status !== HALTED) {
    machineIR.vars.forEach((v, slot) => {
      const a = show(m0.vars[slot], v.type);
      const b = show(m1.vars[slot], v.type);
      if (a !== b) changes.push({ name: v.name, before: a, after: b });
    });
  } else if (m0 === undefined && m1 !== undefined && m1.status !== RUNNING && m1.status !== HALTED) {
    machineIR.vars.forEach((v, slot) => {
      const d = show(program.defaultOf(v.type), v.type);
      const b = show(m1.vars[slot], v.type);
      if (d !== b) changes.push({ name: v.name, before: d, after: b });
    });
  }
  const payloadOf = (event: number, p: Value) => {
    const t = ir.events[event]?.payload;
    return t === undefined ? undefined : show(p, t);
  };
  return {
    index,
    ordinal,
    machine: names.machineAt(machineId, type),
    machineId,
    stateBefore: kind === "start" ? stateName(machineIR.start) : stateName(m0?.status === RUNNING ? m0.run?.at : m0?.state),
    // A failing first step has no world before or after it: the machine was entering its start state.
    stateAfter:
      m1 === undefined ? stateName(machineIR.start) : m1.status === HALTED ? "halted" : stateName(m1.status === RUNNING ? m1.run?.at : m1.state),
    kind,
    event: eventId === undefined ? undefined : names.event(eventId),
    payload: eventId === undefined || eventType === undefined ? undefined : show(record!.payload, eventType),
    sends: (record?.sends ?? []).map((s) => ({
      to: names.machineAt(s.target, world?.machines[s.target]?.type ?? type),
      event: names.event(s.event),
      payload: payloadOf(s.event, s.payload),
    })),
    creates: (record?.creates ?? []).map((c) => names.machineAt(c.machine, c.type)),
    announces: (record?.announces ?? []).map((a) => ({ event: names.event(a.event), payload: payloadOf(a.event, a.payload) })),
    prints: record?.prints ?? [],
    changes,
    monitors: (record?.monitorEvents ?? []).map((e) => {
      const spec = ir.machines[model.ctx.test.specs[e.monitor]];
      const state = after?.monitors[e.monitor]?.state;
      return { monitor: spec.name, event: names.event(e.event), stateAfter: state === undefined ? "" : (spec.states[state]?.name ?? "?") };
    }),
    failure,
    // A failing step has no state after it, so nothing to say about how the machine is left.
    status:
      m1 === undefined || failure !== undefined
        ? undefined
        : m1.status === HALTED
          ? "halted"
          : m1.status === RUNNING
            ? m1.run?.waiting != null
              ? "blocked"
              : "running"
            : undefined,
  };
}
