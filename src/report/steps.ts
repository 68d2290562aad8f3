// Counterexample steps in one line each, for the reporters that have no room for the numbered
// block that `pith check` prints: annotations, SARIF code flows, chart labels. Also where a step's
// code is, found through the lowered model: the handler that ran, or the state it ran in.
import type { Span } from "../diagnostics/source.ts";
import type { ModelIR } from "../ir/ir.ts";
import type { StepView } from "../explore/p/trace.ts";
import { implText, type ImplementationMap, type ImplLocation } from "../conform/impl-map.ts";

const withPayload = (event: string, payload: string | undefined) => (payload === undefined ? event : `${event} ${payload}`);

/** `Client(0) starts in Init`, `Client(0) in Init handles eResp 10`, `Client(0) in Init goes on`. */
export function stepTitle(step: StepView): string {
  switch (step.kind) {
    case "start":
      return `${step.machine} starts in ${step.stateBefore}`;
    case "continue":
      return `${step.machine} in ${step.stateBefore} goes on`;
    case "event":
      return `${step.machine} in ${step.stateBefore} handles ${withPayload(step.event ?? "?", step.payload)}`;
  }
}

/** What the step did besides its title, each as a short phrase, in the order `pith check` prints them. */
export function stepEffects(step: StepView): string[] {
  const out: string[] = [];
  for (const c of step.creates) out.push(`creates ${c}`);
  for (const s of step.sends) out.push(`sends ${withPayload(s.event, s.payload)} to ${s.to}`);
  for (const a of step.announces) out.push(`announces ${withPayload(a.event, a.payload)}`);
  for (const m of step.monitors) out.push(`monitor ${m.monitor} observes ${m.event} -> ${m.stateAfter}`);
  for (const c of step.changes) out.push(`${c.name}: ${c.before} -> ${c.after}`);
  for (const p of step.prints) out.push(`print: ${p}`);
  if (movedState(step)) out.push(`goes to ${step.stateAfter}`);
  if (step.status === "blocked") out.push("waits in a receive");
  if (step.status === "halted") out.push("halts");
  if (step.failure !== undefined) out.push(`fails: ${step.failure.kind}: ${step.failure.message}`);
  return out;
}

/** Whether the step ended in another state than it started in (a machine that halts goes to no state). */
export function movedState(step: StepView): boolean {
  return step.stateAfter !== step.stateBefore && step.stateAfter !== "" && step.status !== "halted";
}

/** The title and the effects in one line: `Server(1) in Serve handles eReq 1; sends eResp 10 to Client(0)`. */
export function stepSentence(step: StepView): string {
  return [stepTitle(step), ...stepEffects(step)].join("; ");
}

/**
 * The code that ran in each step: the failing statement if it failed; the handler of the event it
 * handled; the entry of its start state when it started; the handler its machine was already in
 * when it went on part way through one; else the state it was in. Undefined where the model does
 * not say (a machine or state not found by name).
 */
export function stepSpans(steps: readonly StepView[], ir: ModelIR): (Span | undefined)[] {
  const running = new Map<string, Span | undefined>();
  return steps.map((step) => {
    const code = step.kind === "continue" && running.has(step.machine) ? running.get(step.machine) : codeOf(step, ir);
    running.set(step.machine, code);
    return step.failure?.span ?? code;
  });
}

/** The machine type of the step's machine: `Client` for `Client(0)`. */
function machineType(step: StepView): string {
  return step.machine.replace(/\(\d+\)$/, "");
}

/**
 * Where the implementation handles each step, by the link map: the method for the event a step
 * handled, and for a step that goes on part way through a handler, that handler's method.
 * Undefined for a start (the code's constructor is not linked) and where the code has no method.
 */
export function stepImpls(steps: readonly StepView[], impl: ImplementationMap | undefined): (ImplLocation | undefined)[] {
  if (impl === undefined) return steps.map(() => undefined);
  const running = new Map<string, ImplLocation | undefined>();
  return steps.map((step) => {
    const at = step.kind === "event" ? impl.of(machineType(step), step.event ?? "") : step.kind === "continue" ? running.get(step.machine) : undefined;
    running.set(step.machine, at);
    return at;
  });
}

/** `  [impl: src/server.ts:42]`, the note that follows a step handled in linked code; empty otherwise. */
export function implNote(at: ImplLocation | undefined): string {
  return at === undefined ? "" : `  [impl: ${implText(at)}]`;
}

function codeOf(step: StepView, ir: ModelIR): Span | undefined {
  const machine = ir.machines.find((m) => m.name === machineType(step));
  if (machine === undefined) return undefined;
  if (step.kind === "start") {
    const start = machine.states[machine.start];
    const entry = start?.entry === undefined ? undefined : ir.functions[start.entry];
    return entry?.span ?? start?.span ?? machine.span;
  }
  const state = machine.states.find((s) => s.name === step.stateBefore);
  if (state === undefined) return machine.span;
  if (step.kind === "event") {
    const event = ir.events.find((e) => e.name === step.event);
    const handler = event === undefined ? undefined : state.handlers[event.id];
    const fn = handler?.fn === undefined ? undefined : ir.functions[handler.fn];
    if (fn !== undefined) return fn.span;
  }
  return state.span;
}

/** The start state of each monitor asserted by the test named `test` (a configuration's name works too). */
export function monitorStartStates(ir: ModelIR, test: string): Map<string, string> {
  const config = ir.tests.find((t) => t.name === test) ?? ir.tests.find((t) => t.test === test.replace(/\(.*\)$/, ""));
  const out = new Map<string, string>();
  for (const spec of config?.specs ?? []) {
    const m = ir.machines[spec];
    out.set(m.name, m.states[m.start]?.name ?? "");
  }
  return out;
}
