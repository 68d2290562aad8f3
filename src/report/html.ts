// A counterexample as one self-contained HTML page: a message sequence chart (a lifeline per
// machine and per monitor, an arrow per message at the step that sends it, the failing step in
// red) drawn as inline SVG, and a side panel that shows the whole state after the step clicked.
// The page makes no request at all (inline CSS and script, system fonts, a Content Security
// Policy that forbids loading anything), so it works from file:// and as a CI artifact.
import type { TestOutcome } from "../explore/check.ts";
import type { StepView } from "../explore/p/trace.ts";
import { VIEWER_SCRIPT, VIEWER_STYLE } from "./html-assets.ts";
import { plural, repeating, rangeOf, violationSpan, type ModelRun } from "./run-report.ts";
import { movedState, stepEffects, stepImpls, stepTitle } from "./steps.ts";
import { implText } from "../conform/impl-map.ts";
import type { TraceFile } from "./trace-json.ts";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** JSON that can sit inside a `<script>` element: no `<` at all, so no `</script>` or `<!--`. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

// Chart geometry, in pixels.
const GUTTER = 64;
const COLUMN = 200;
const HEADER = 16;
const BOX = 24;
const LINE = 22;
/** Characters that fit in one pixel of label, roughly, at the chart's 12px font. */
const CHAR = 6.8;

interface Lane {
  readonly name: string;
  readonly monitor: boolean;
  readonly x: number;
}

interface Arrow {
  readonly to: string;
  readonly label: string;
  readonly style: "send" | "create" | "observe";
}

function clip(text: string, width: number): string {
  const max = Math.max(4, Math.floor(width / CHAR));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The lifelines: machines in the order they were created, then the monitors. */
function lanes(steps: readonly StepView[], trace: TraceFile): Lane[] {
  const machines: string[] = [];
  const monitors: string[] = [];
  const add = (list: string[], name: string) => {
    if (!list.includes(name)) list.push(name);
  };
  for (const state of trace.states) {
    for (const m of (state.machines as { id: string }[] | undefined) ?? []) add(machines, m.id);
    for (const m of (state.monitors as { monitor: string }[] | undefined) ?? []) add(monitors, m.monitor);
  }
  for (const s of steps) {
    add(machines, s.machine);
    s.creates.forEach((c) => add(machines, c));
    s.sends.forEach((x) => add(machines, x.to));
    s.monitors.forEach((m) => add(monitors, m.monitor));
  }
  const byId = (name: string) => Number(/\((\d+)\)$/.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);
  machines.sort((a, b) => byId(a) - byId(b));
  return [...machines.map((name) => ({ name, monitor: false })), ...monitors.map((name) => ({ name, monitor: true }))].map((l, i) => ({
    ...l,
    x: GUTTER + COLUMN * i + COLUMN / 2,
  }));
}

function arrowsOf(step: StepView): Arrow[] {
  return [
    ...step.creates.map((c) => ({ to: c, label: `new ${c}`, style: "create" as const })),
    ...step.sends.map((s) => ({ to: s.to, label: s.payload === undefined ? s.event : `${s.event} ${s.payload}`, style: "send" as const })),
    ...step.monitors.map((m) => ({ to: m.monitor, label: `${m.event} → ${m.stateAfter}`, style: "observe" as const })),
  ];
}

/** The text in a step's box: what it handled, and the state it went to. */
function boxLabel(step: StepView): string {
  const what = step.kind === "start" ? `start: ${step.stateBefore}` : step.kind === "continue" ? "goes on" : step.payload === undefined ? (step.event ?? "?") : `${step.event} ${step.payload}`;
  return movedState(step) ? `${what} ⇒ ${step.stateAfter}` : what;
}

function stepSvg(step: StepView, y: number, width: number, lane: Map<string, Lane>, cycle: boolean): { svg: string; height: number } {
  const actor = lane.get(step.machine)!;
  const arrows = arrowsOf(step);
  const failed = step.failure !== undefined;
  const height = 14 + BOX + arrows.length * LINE + (failed ? LINE : 0) + 12;
  const parts: string[] = [];
  const title = escapeHtml([stepTitle(step), ...stepEffects(step)].join("\n"));
  parts.push(`<rect class="band" x="0" y="${y}" width="${width}" height="${height}"/>`);
  parts.push(`<text class="num" x="${GUTTER - 14}" y="${y + 10 + BOX / 2 + 4}" text-anchor="end">${step.index}</text>`);
  const boxWidth = COLUMN - 20;
  parts.push(`<rect class="box" x="${actor.x - boxWidth / 2}" y="${y + 10}" width="${boxWidth}" height="${BOX}" rx="5"/>`);
  parts.push(`<text class="box-label" x="${actor.x}" y="${y + 10 + BOX / 2 + 4}" text-anchor="middle">${escapeHtml(clip(boxLabel(step), boxWidth - 12))}</text>`);
  arrows.forEach((a, i) => {
    const target = lane.get(a.to)!;
    const ay = y + 14 + BOX + i * LINE + 14;
    if (target === actor) {
      // A message to itself: a loop on the right of the lifeline.
      const x = actor.x;
      parts.push(`<path class="arrow ${a.style}" d="M ${x} ${ay - 6} h 28 v 10 h -24" marker-end="url(#head)"/>`);
      parts.push(`<text class="arrow-label" x="${x + 34}" y="${ay + 2}">${escapeHtml(clip(a.label, width - x - 50))}</text>`);
      return;
    }
    const dir = target.x > actor.x ? 1 : -1;
    const x1 = actor.x + dir * 4;
    const x2 = target.x - dir * 6;
    parts.push(`<line class="arrow ${a.style}" x1="${x1}" y1="${ay}" x2="${x2}" y2="${ay}" marker-end="url(#head)"/>`);
    // The label has its line to itself, so it may reach past the arrow's ends, as far as the chart's edges.
    const middle = (x1 + x2) / 2;
    const room = 2 * Math.min(middle - GUTTER, width - middle) - 16;
    parts.push(`<text class="arrow-label" x="${middle}" y="${ay - 5}" text-anchor="middle">${escapeHtml(clip(a.label, room))}</text>`);
  });
  if (failed) {
    const fy = y + 14 + BOX + arrows.length * LINE + 14;
    parts.push(`<text class="failure-label" x="${actor.x - boxWidth / 2}" y="${fy}">✗ ${escapeHtml(clip(`${step.failure!.kind}: ${step.failure!.message}`, width - actor.x))}</text>`);
  }
  const classes = ["step", failed ? "failed" : "", cycle ? "cycle" : ""].filter((c) => c !== "").join(" ");
  const svg =
    `<g class="${classes}" id="step-${step.index}" data-index="${step.index}" tabindex="0" role="button" aria-label="step ${step.index}: ${escapeHtml(stepTitle(step))}">` +
    `<title>${title}</title>${parts.join("")}</g>`;
  return { svg, height };
}

function chart(steps: readonly StepView[], cycleFrom: number, endNote: string | undefined, trace: TraceFile): { header: string; svg: string } {
  const all = lanes(steps, trace);
  const lane = new Map(all.map((l) => [l.name, l]));
  // The note that ends a counterexample without a failing step is not cut: the chart widens for it.
  const width = Math.max(GUTTER + COLUMN * all.length + 16, endNote === undefined ? 0 : GUTTER + Math.ceil((endNote.length + 4) * CHAR * 1.1) + 40);
  let y = HEADER;
  const rows: string[] = [];
  steps.forEach((step, i) => {
    if (i === cycleFrom) {
      rows.push(`<text class="cycle-label" x="8" y="${y + 14}">then, forever:</text>`);
      y += 22;
    }
    const { svg, height } = stepSvg(step, y, width, lane, i >= cycleFrom);
    rows.push(svg);
    y += height;
  });
  if (endNote !== undefined) {
    rows.push(`<g class="end"><rect class="end-box" x="${GUTTER}" y="${y + 8}" width="${width - GUTTER - 16}" height="30" rx="5"/>`);
    rows.push(`<text class="failure-label" x="${GUTTER + 10}" y="${y + 28}">✗ ${escapeHtml(endNote)}</text></g>`);
    y += 46;
  }
  const height = y + 16;
  const lifelines = all.map((l) => `<line class="lifeline${l.monitor ? " monitor" : ""}" x1="${l.x}" y1="0" x2="${l.x}" y2="${height}"/>`).join("");
  const svg =
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>` +
    `${lifelines}${rows.join("")}</svg>`;
  const header =
    `<div class="lanes" style="width:${width}px;padding-left:${GUTTER}px">` +
    all.map((l) => `<div class="lane${l.monitor ? " monitor" : ""}" style="width:${COLUMN}px" title="${l.monitor ? "monitor" : "machine"} ${escapeHtml(l.name)}">${escapeHtml(l.name)}</div>`).join("") +
    `</div>`;
  return { header, svg };
}

/**
 * The page for one violation of `run`. `trace` is the violation's trace document (`traceDocument`
 * or `violationTrace`): its `states` are the state after each step, shown when a step is clicked.
 */
export function htmlTrace(run: ModelRun, outcome: TestOutcome, trace: TraceFile): string {
  const v = outcome.violation;
  if (v === undefined) throw new Error(`htmlTrace: test ${outcome.test} has no violation`);
  const steps = [...v.steps, ...(v.cycle ?? [])];
  const hasFailingStep = steps.some((s) => s.failure !== undefined);
  const what = v.kind === "liveness" && v.monitor !== undefined ? `liveness (monitor ${v.monitor})` : v.kind;
  const at = rangeOf(violationSpan(outcome), run.sources);
  const where = `${at.file}:${at.line}:${at.column}`;
  const { header, svg } = chart(steps, v.steps.length, hasFailingStep ? undefined : `${what}: ${v.message}`, trace);
  const impls = stepImpls(steps, run.impl);
  const data = {
    test: outcome.test,
    steps: steps.map((s, i) => ({
      index: s.index,
      machine: s.machine,
      title: stepTitle(s),
      effects: stepEffects(s),
      impl: impls[i] === undefined ? null : `${implText(impls[i])} (${impls[i].method})`,
      failure: s.failure === undefined ? null : `${s.failure.kind}: ${s.failure.message}`,
      cycle: s.index > v.steps.length,
    })),
    states: trace.states,
  };
  const stats = outcome.stats;
  const summary = [
    plural(v.steps.length, "step") + (v.cycle === undefined ? "" : `, then ${repeating(v.cycle.length)}`),
    `${stats.distinct.toLocaleString("en-US")} distinct states explored`,
    `depth ${stats.maxDepth}`,
  ].join(" · ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${outcome.test}: ${v.kind} · Pith counterexample`)}</title>
<style>${VIEWER_STYLE}</style>
</head>
<body>
<header class="top">
<h1><span class="verdict">✗ ${escapeHtml(what)}</span> in test <code>${escapeHtml(outcome.test)}</code></h1>
<p class="message">${escapeHtml(v.message)}</p>
<p class="meta">at <code>${escapeHtml(where)}</code> · model <code>${escapeHtml(run.model)}</code> · ${escapeHtml(summary)}</p>
<p class="hint">Click a step, or use the arrow keys, to see the state after it.</p>
</header>
<main>
<section class="scroll" aria-label="message sequence chart">
${header}
${svg}
</section>
<aside id="panel" aria-live="polite"></aside>
</main>
<script type="application/json" id="pith-data">${scriptJson(data)}</script>
<script>${VIEWER_SCRIPT}</script>
</body>
</html>
`;
}
