// What conformance needs to know about a model's machines, read once from the IR: the events each
// machine handles (and where), the events it sends and announces, the payload its start state
// takes, and the names the generated TypeScript gives to handlers. `pith gen ts` writes these
// facts as types, and `pith link` holds the implementation against them.
import type { SourceSet, Span } from "../diagnostics/source.ts";
import { NULL_EVENT, type EventIR, type FunctionIR, type MachineIR, type ModelIR } from "../ir/ir.ts";
import { walkStmts } from "../ir/walk.ts";
import type { Type } from "../types/types.ts";

export interface HandledEvent {
  readonly event: EventIR;
  /** The states that handle it (by name), in state order. */
  readonly states: readonly string[];
  /** The first handler's code, or its state when the handler is a bare `goto`. */
  readonly span: Span;
}

export interface MachineFacts {
  readonly machine: MachineIR;
  /** Events handled in some state, with `do`, `goto` or a `receive` case, in event order. `null` is left out. */
  readonly handles: readonly HandledEvent[];
  /** Events its code may send (including through global functions it calls), in event order. */
  readonly sends: readonly EventIR[];
  readonly announces: readonly EventIR[];
  /** The payload type its start state's entry takes, if it takes one. */
  readonly startPayload: Type | undefined;
}

/** Facts about every machine of the model (not the specs), in model order. */
export function machineFacts(model: ModelIR): MachineFacts[] {
  return model.machines.filter((m) => m.kind === "machine").map((m) => factsOf(model, m));
}

function factsOf(model: ModelIR, m: MachineIR): MachineFacts {
  const handled = new Map<number, { states: string[]; span: Span }>();
  const note = (event: number, state: string, span: Span) => {
    if (event === NULL_EVENT) return;
    const h = handled.get(event);
    if (h === undefined) handled.set(event, { states: [state], span });
    else if (!h.states.includes(state)) h.states.push(state);
  };
  for (const s of m.states) {
    s.handlers.forEach((h, event) => {
      if (h === undefined) return;
      const fn = h.fn === undefined ? undefined : model.functions[h.fn];
      note(event, s.name, fn?.span ?? s.span);
    });
  }
  const sends = new Set<number>();
  const announces = new Set<number>();
  const visited = new Set<number>();
  const own = model.functions.filter((f) => f.machine === m.id);
  const walkFunction = (fn: FunctionIR) => {
    if (visited.has(fn.id)) return;
    visited.add(fn.id);
    walkStmts(fn.body, {
      stmt: (s) => {
        if ((s.k === "send" || s.k === "announce") && s.event.k === "const" && typeof s.event.value === "number") {
          (s.k === "send" ? sends : announces).add(s.event.value);
        }
        if (s.k !== "receive") return;
        for (const c of s.cases) {
          const caseFn = model.functions[c.fn];
          for (const e of c.events) note(e, "receive", caseFn?.span ?? fn.span);
          if (caseFn !== undefined) walkFunction(caseFn);
        }
      },
      expr: (e) => {
        const callee = e.k === "call" ? model.functions[e.fn] : undefined;
        if (callee !== undefined) walkFunction(callee);
      },
    });
  };
  for (const fn of own) walkFunction(fn);
  const byId = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b).map((id) => model.events[id]);
  const entry = m.states[m.start]?.entry;
  const entryFn = entry === undefined ? undefined : model.functions[entry];
  return {
    machine: m,
    handles: [...handled.entries()].sort((a, b) => a[0] - b[0]).map(([id, h]) => ({ event: model.events[id], states: h.states, span: h.span })),
    sends: byId(sends),
    announces: byId(announces),
    startPayload: entryFn !== undefined && entryFn.paramCount > 0 ? entryFn.locals[0].type : undefined,
  };
}

/**
 * The handler method of each event in the generated interfaces: `on` and the event's name without
 * P's customary `e` prefix (`eWrite` is handled by `onWrite`), or with it when two events would
 * otherwise share a method (`onEWrite`). `halt` is handled by `onHalt`.
 */
export function handlerMethodNames(model: ModelIR): Map<string, string> {
  const events = model.events.filter((e) => e.id !== NULL_EVENT);
  const short = (name: string) => "on" + capitalise(/^e[A-Z0-9_]/.test(name) ? name.slice(1) : name);
  const counts = new Map<string, number>();
  for (const e of events) counts.set(short(e.name), (counts.get(short(e.name)) ?? 0) + 1);
  return new Map(events.map((e) => [e.name, counts.get(short(e.name))! > 1 ? "on" + capitalise(e.name) : short(e.name)]));
}

/** The stem of the generated types of an event: `eWrite` gives `WritePayload`, `WriteMessage`. */
export function eventTypeStems(model: ModelIR): Map<string, string> {
  return new Map([...handlerMethodNames(model)].map(([event, method]) => [event, method.slice(2)]));
}

export function capitalise(name: string): string {
  return name.length === 0 ? name : name[0].toUpperCase() + name.slice(1);
}

/** `kv.p:41`: where a span starts, for reports. */
export function lineOf(span: Span, sources: SourceSet): string {
  const file = sources.get(span.file);
  return file === undefined ? span.file : `${span.file}:${file.position(span.start).line}`;
}

/** Events that may appear in traces: every event but `null`. */
export function traceEvents(model: ModelIR): EventIR[] {
  return model.events.filter((e) => e.id !== NULL_EVENT);
}
