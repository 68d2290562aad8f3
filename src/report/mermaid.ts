// A counterexample as a Mermaid sequence diagram, which GitHub draws in Markdown (job summaries,
// issues, pull requests): a participant per machine, an arrow per message sent or machine
// created, notes for state changes, the failing step in a red box, a liveness cycle in a loop.
import type { ViolationReport } from "../explore/check.ts";
import type { StepView } from "../explore/p/trace.ts";
import { movedState } from "./steps.ts";

/** Steps drawn at most; a longer counterexample is drawn from its end, where the failure is. */
export const MERMAID_MAX_STEPS = 60;

const NOTE_MAX = 90;

/**
 * Text safe inside a Mermaid label: `#` and `;` end a statement and `<`, `>` and backticks would
 * be taken as markup, so they become Mermaid's numeric entities (`#35;`); line breaks become spaces.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[#;<>`%]/g, (c) => `#${c.charCodeAt(0)};`)
    .trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface Diagram {
  readonly text: string;
  /** Steps left out at the start, when the counterexample was longer than the limit. */
  readonly omitted: number;
}

/**
 * `monitorStart` gives each monitor's start state, when known, so that a note shows a monitor only
 * when it changes state; without it, a monitor's first observation is shown too.
 */
export function sequenceDiagram(v: ViolationReport, monitorStart: ReadonlyMap<string, string> = new Map(), maxSteps = MERMAID_MAX_STEPS): Diagram {
  const cycle = v.cycle ?? [];
  const room = Math.max(maxSteps - cycle.length, Math.min(10, v.steps.length));
  const omitted = Math.max(0, v.steps.length - room);
  const shown = v.steps.slice(omitted);

  // Participants in order of appearance: who moved, who was created, who was sent to.
  const ids = new Map<string, string>();
  const see = (machine: string) => {
    if (!ids.has(machine)) ids.set(machine, `m${ids.size}`);
  };
  for (const step of [...shown, ...cycle]) {
    see(step.machine);
    step.creates.forEach(see);
    step.sends.forEach((s) => see(s.to));
  }
  const id = (machine: string) => ids.get(machine)!;
  const all = [...ids.values()];
  const overAll = all.length > 1 ? `${all[0]},${all[all.length - 1]}` : (all[0] ?? "m0");

  const lines = ["sequenceDiagram"];
  for (const [machine, alias] of ids) lines.push(`  participant ${alias} as ${mermaidText(machine)}`);
  if (omitted > 0) lines.push(`  Note over ${overAll}: ${omitted} earlier step${omitted === 1 ? "" : "s"} not shown`);
  const monitorStates = new Map(monitorStart);
  for (const step of v.steps.slice(0, omitted)) for (const m of step.monitors) monitorStates.set(m.monitor, m.stateAfter);
  const draw = (step: StepView, indent: string) => {
    const out: string[] = [];
    const notes = noteParts(step, monitorStates);
    const note = notes.length === 0 ? [] : [`Note over ${id(step.machine)}: ${mermaidText(clip(`${step.index}. ${notes.join(", ")}`, NOTE_MAX))}`];
    // A machine starts before it does anything; other state changes come at the end of the step.
    if (step.kind === "start") out.push(...note);
    for (const c of step.creates) out.push(`${id(step.machine)}-->>${id(c)}: new ${mermaidText(c)}`);
    for (const s of step.sends) {
      const label = s.payload === undefined ? s.event : `${s.event} ${s.payload}`;
      out.push(`${id(step.machine)}->>${id(s.to)}: ${mermaidText(clip(label, NOTE_MAX))}`);
    }
    if (step.kind !== "start") out.push(...note);
    // A step that shows nothing else still gets a line, so that every step can be found.
    if (out.length === 0 && step.failure === undefined) {
      const what = step.kind === "event" ? `handles ${step.event ?? "?"}` : "goes on";
      out.push(`Note over ${id(step.machine)}: ${mermaidText(`${step.index}. ${what}`)}`);
    }
    if (step.failure !== undefined) {
      const failure = `${step.index}. ✗ ${step.failure.kind}: ${step.failure.message}`;
      lines.push(`${indent}rect rgba(220, 38, 38, 0.18)`);
      for (const line of out) lines.push(`${indent}  ${line}`);
      lines.push(`${indent}  Note over ${id(step.machine)}: ${mermaidText(clip(failure, NOTE_MAX))}`);
      lines.push(`${indent}end`);
      return;
    }
    for (const line of out) lines.push(`${indent}${line}`);
  };
  for (const step of shown) draw(step, "  ");
  if (cycle.length > 0) {
    lines.push("  loop repeats forever");
    for (const step of cycle) draw(step, "    ");
    lines.push("  end");
  }
  if (!v.steps.some((s) => s.failure !== undefined) && !cycle.some((s) => s.failure !== undefined)) {
    const what = v.kind === "liveness" && v.monitor !== undefined ? `liveness (monitor ${v.monitor})` : v.kind;
    lines.push("  rect rgba(220, 38, 38, 0.18)");
    lines.push(`    Note over ${overAll}: ${mermaidText(clip(`✗ ${what}: ${v.message}`, NOTE_MAX * 2))}`);
    lines.push("  end");
  }
  return { text: lines.join("\n") + "\n", omitted };
}

/** What a step's note says: how it started or changed state, its variables, the monitors that moved. */
function noteParts(step: StepView, monitorStates: Map<string, string>): string[] {
  const parts: string[] = [];
  if (step.kind === "start") parts.push(`starts in ${step.stateBefore}`);
  if (movedState(step)) parts.push(step.kind === "start" ? `→ ${step.stateAfter}` : `${step.stateBefore} → ${step.stateAfter}`);
  for (const c of step.changes) parts.push(`${c.name} = ${c.after}`);
  for (const m of step.monitors) {
    if (monitorStates.get(m.monitor) !== m.stateAfter) parts.push(`${m.monitor} → ${m.stateAfter}`);
    monitorStates.set(m.monitor, m.stateAfter);
  }
  if (step.status === "halted") parts.push("halts");
  if (step.status === "blocked") parts.push("waits in a receive");
  return parts;
}
