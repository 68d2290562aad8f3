// The explorer's results for people: one line per test with its verdict and statistics, and for
// a violation the numbered counterexample (the machine that moved, its state, the event it
// handled, what it sent and created, how its variables changed, what the monitors saw).
import pc from "picocolors";
import type { SourceSet, Span } from "../diagnostics/source.ts";
import type { TestOutcome, ViolationReport } from "../explore/check.ts";
import type { StepView } from "../explore/p/trace.ts";
import type { ImplementationMap, ImplLocation } from "../conform/impl-map.ts";
import { implNote, stepImpls } from "./steps.ts";

type Paint = (s: string) => string;

interface Palette {
  readonly ok: Paint;
  readonly bad: Paint;
  readonly warn: Paint;
  readonly dim: Paint;
  readonly bold: Paint;
}

function palette(color: boolean): Palette {
  const id: Paint = (s) => s;
  return color
    ? { ok: pc.green, bad: pc.red, warn: pc.yellow, dim: pc.dim, bold: pc.bold }
    : { ok: id, bad: id, warn: id, dim: id, bold: id };
}

export function location(span: Span | undefined, sources: SourceSet): string | undefined {
  if (span === undefined) return undefined;
  const file = sources.get(span.file);
  if (file === undefined) return span.file;
  const p = file.position(span.start);
  return `${span.file}:${p.line}:${p.column}`;
}

/** As TLC prints it: an order of magnitude, or below 1e-18. */
function collision(p: number): string {
  return p < 1e-18 ? "< 1e-18" : `~${p.toExponential(0)}`;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

export function statsLine(o: TestOutcome): string {
  const s = o.stats;
  const parts = [
    `${count(s.distinct)} distinct states`,
    `${count(s.transitions)} transitions`,
    `depth ${s.maxDepth}`,
    `${(s.elapsedMs / 1000).toFixed(2)} s`,
  ];
  if (s.seed !== undefined) parts.push(`seed ${s.seed}`, `${count(s.runs ?? 0)} runs`);
  else if (o.exhaustive) parts.push(`fingerprint collision probability ${collision(s.collisionProbability)}`);
  return parts.join(", ");
}

const REASONS: Record<string, string> = {
  states: "the state budget ran out",
  depth: "the depth budget cut the search",
  time: "the time budget ran out",
  memory: "the memory budget ran out",
  aborted: "interrupted",
};

export function verdictLine(o: TestOutcome, p: Palette): string {
  switch (o.verdict) {
    case "pass":
      return `${p.ok("pass")}          ${o.test}: ${statsLine(o)}${o.exhaustive ? "" : p.dim(" (not exhaustive: random runs)")}`;
    case "violation":
      return `${p.bad("violation")}     ${o.test}: ${o.violation?.kind}: ${o.violation?.message}`;
    case "inconclusive":
      return `${p.warn("inconclusive")}  ${o.test}: ${REASONS[o.reason ?? ""] ?? "stopped early"} after ${statsLine(o)}`;
  }
}

function stepLines(step: StepView, impl: ImplLocation | undefined, p: Palette): string[] {
  const head =
    step.kind === "start"
      ? `${step.machine} starts in ${step.stateBefore}`
      : step.kind === "continue"
        ? `${step.machine} in ${step.stateBefore} goes on`
        : `${step.machine} in ${step.stateBefore} handles ${step.event}${step.payload === undefined ? "" : ` ${step.payload}`}`;
  const lines = [`${String(step.index).padStart(3)}. ${p.bold(head)}${p.dim(implNote(impl))}`];
  const detail = (s: string) => lines.push(`       ${s}`);
  for (const c of step.creates) detail(`creates ${c}`);
  for (const s of step.sends) detail(`sends ${s.event}${s.payload === undefined ? "" : ` ${s.payload}`} to ${s.to}`);
  for (const a of step.announces) detail(`announces ${a.event}${a.payload === undefined ? "" : ` ${a.payload}`}`);
  for (const m of step.monitors) detail(p.dim(`monitor ${m.monitor} observes ${m.event} -> ${m.stateAfter}`));
  for (const c of step.changes) detail(`${c.name}: ${c.before} -> ${c.after}`);
  for (const s of step.prints) detail(p.dim(`print: ${s}`));
  if (step.stateAfter !== step.stateBefore && step.stateAfter !== "" && step.status !== "halted") {
    detail(`goes to ${step.stateAfter}`);
  }
  if (step.status === "blocked") detail("waits in a receive");
  if (step.status === "halted") detail("halts");
  if (step.status === "running") detail(p.dim("(part way through the handler)"));
  return lines;
}

/** The numbered counterexample; with the link map, each step handled in the code says where (`[impl: file:line]`). */
export function traceText(v: ViolationReport, sources: SourceSet, color: boolean, impl?: ImplementationMap): string {
  const p = palette(color);
  const lines: string[] = [`Counterexample (${v.steps.length} step${v.steps.length === 1 ? "" : "s"}):`];
  const impls = stepImpls([...v.steps, ...(v.cycle ?? [])], impl);
  v.steps.forEach((step, i) => lines.push(...stepLines(step, impls[i], p)));
  if (v.cycle !== undefined) {
    lines.push(`  then, repeated forever (${v.cycle.length} step${v.cycle.length === 1 ? "" : "s"}):`);
    v.cycle.forEach((step, i) => lines.push(...stepLines(step, impls[v.steps.length + i], p)));
  }
  const at = location(v.span, sources);
  const what = v.kind === "liveness" && v.monitor !== undefined ? `${v.kind} (monitor ${v.monitor})` : v.kind;
  lines.push(`  ${p.bad("x")} ${what}: ${v.message}${at === undefined ? "" : ` at ${at}`}`);
  return lines.join("\n") + "\n";
}

/** All results (with `quiet`, only those that did not pass), each violation followed by its counterexample, and a summary line. */
export function checkText(outcomes: readonly TestOutcome[], sources: SourceSet, color: boolean, quiet = false, impl?: ImplementationMap): string {
  const p = palette(color);
  const parts: string[] = [];
  for (const o of outcomes) {
    if (quiet && o.verdict === "pass") continue;
    parts.push(verdictLine(o, p));
    if (o.violation !== undefined) parts.push(traceText(o.violation, sources, color, impl) + `  ${p.dim(statsLine(o))}`);
  }
  const tally = (v: string) => outcomes.filter((o) => o.verdict === v).length;
  parts.push(
    `${outcomes.length} test${outcomes.length === 1 ? "" : "s"}: ${tally("pass")} passed, ${tally("violation")} violated, ${tally("inconclusive")} inconclusive`,
  );
  return parts.join("\n") + "\n";
}
