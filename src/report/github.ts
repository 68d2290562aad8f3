// GitHub Actions: workflow commands that put annotations on the spec lines (`::error file=...`),
// and the Markdown job summary (`$GITHUB_STEP_SUMMARY`) with a table of every test and, for each
// violation, its message and a sequence diagram of the counterexample.
import { codeName } from "../diagnostics/codes.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Span } from "../diagnostics/source.ts";
import type { TestOutcome } from "../explore/check.ts";
import type { StepView } from "../explore/p/trace.ts";
import { traceText } from "./check-text.ts";
import { sequenceDiagram } from "./mermaid.ts";
import { isLibraryFile, plural, repeating, rangeOf, stopReason, tally, violationSpan, type ModelRun, type Range, type RunReport } from "./run-report.ts";
import { implNote, monitorStartStates, stepImpls, stepSentence } from "./steps.ts";

/** GitHub shows at most this many error annotations, and as many warnings, per step. */
export const GITHUB_ANNOTATION_LIMIT = 10;

/** Steps of a counterexample quoted in an annotation: the last ones, where the failure is. */
const ANNOTATION_STEPS = 20;

/** A workflow command's message: `%`, CR and LF are percent-encoded (as @actions/core does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: as `escapeData`, and `:` and `,` too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

interface Annotation {
  readonly level: "error" | "warning";
  readonly span: Span | undefined;
  readonly run: ModelRun;
  readonly title: string;
  readonly message: string;
}

function command(a: Annotation): string {
  const props: string[] = [];
  let message = a.message;
  if (a.span !== undefined) {
    const r: Range = rangeOf(a.span, a.run.sources);
    if (isLibraryFile(r.file)) message = `${r.file}:${r.line}:${r.column}: ${message}`;
    else {
      props.push(`file=${escapeProperty(r.file)}`, `line=${r.line}`);
      // GitHub takes columns only for an annotation on a single line.
      if (r.endLine === r.line) props.push(`col=${r.column}`, `endLine=${r.endLine}`, `endColumn=${r.endColumn}`);
      else props.push(`endLine=${r.endLine}`);
    }
  }
  props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level} ${props.join(",")}::${escapeData(message)}`;
}

function violationAnnotation(run: ModelRun, o: TestOutcome): Annotation {
  const v = o.violation!;
  const steps = [...v.steps];
  const impls = stepImpls([...v.steps, ...(v.cycle ?? [])], run.impl);
  const line = (s: StepView, i: number) => `${String(s.index).padStart(3)}. ${stepSentence(s)}${implNote(impls[i])}`;
  const first = Math.max(0, steps.length - ANNOTATION_STEPS);
  const lines = [`${v.kind}: ${v.message}`, "", `Test ${o.test} of ${run.model}: counterexample of ${plural(steps.length, "step")}${v.cycle === undefined ? "" : `, then ${repeating(v.cycle.length)}`}:`];
  if (first > 0) lines.push(`  ... ${plural(first, "earlier step")} not shown`);
  for (let i = first; i < steps.length; i++) lines.push(line(steps[i], i));
  if (v.cycle !== undefined) {
    lines.push("  then, forever:");
    v.cycle.forEach((s, i) => lines.push(line(s, steps.length + i)));
  }
  return { level: "error", span: violationSpan(o), run, title: `Pith: ${v.kind} in test ${o.test}`, message: lines.join("\n") };
}

function inconclusiveAnnotation(run: ModelRun, o: TestOutcome): Annotation {
  const message = `Test ${o.test} of ${run.model} is inconclusive: ${stopReason(o)} after ${o.stats.distinct.toLocaleString("en-US")} distinct states, before every state was explored.`;
  return { level: "warning", span: o.span, run, title: `Pith: test ${o.test} inconclusive`, message };
}

function diagnosticAnnotation(run: ModelRun, d: Diagnostic): Annotation {
  const notes = d.related.map((r) => {
    const at = rangeOf(r.span, run.sources);
    return `note: ${at.file}:${at.line}:${at.column}: ${r.message}`;
  });
  return { level: d.severity, span: d.span, run, title: `Pith ${codeName(d.code)}`, message: [d.message, ...notes].join("\n") };
}

/**
 * One workflow command per static diagnostic and per violation (warnings for static warnings and
 * inconclusive tests). GitHub shows only the first ten errors and ten warnings of a step, so the
 * most important come first (violations, then static errors; inconclusive tests, then static
 * warnings), and a final `::notice` says how many were left out.
 */
export function githubAnnotations(report: RunReport): string {
  const errors: Annotation[] = [];
  const warnings: Annotation[] = [];
  for (const run of report.runs) {
    for (const o of run.outcomes) if (o.violation !== undefined) errors.push(violationAnnotation(run, o));
  }
  for (const run of report.runs) for (const d of run.diagnostics) if (d.severity === "error") errors.push(diagnosticAnnotation(run, d));
  for (const run of report.runs) for (const o of run.outcomes) if (o.verdict === "inconclusive") warnings.push(inconclusiveAnnotation(run, o));
  for (const run of report.runs) for (const d of run.diagnostics) if (d.severity === "warning") warnings.push(diagnosticAnnotation(run, d));
  // The same file can belong to several models (the standard library): say each thing once.
  const unique = (list: Annotation[]) => [...new Set(list.map(command))];
  const errorLines = unique(errors);
  const warningLines = unique(warnings);
  const lines = [...errorLines.slice(0, GITHUB_ANNOTATION_LIMIT), ...warningLines.slice(0, GITHUB_ANNOTATION_LIMIT)];
  const moreErrors = Math.max(0, errorLines.length - GITHUB_ANNOTATION_LIMIT);
  const moreWarnings = Math.max(0, warningLines.length - GITHUB_ANNOTATION_LIMIT);
  if (moreErrors + moreWarnings > 0) {
    const parts = [moreErrors > 0 ? plural(moreErrors, "error") : "", moreWarnings > 0 ? plural(moreWarnings, "warning") : ""].filter((p) => p !== "");
    const message = `${parts.join(" and ")} more than GitHub shows as annotations (${GITHUB_ANNOTATION_LIMIT} of each per step): see the job summary or the log for all of them.`;
    lines.push(`::notice title=${escapeProperty("Pith: more problems")}::${escapeData(message)}`);
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// The job summary.

/** Text safe in Markdown, table cells included: punctuation that Markdown or HTML would act on is escaped. */
export function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>|~#&]/g, (c) => `\\${c}`);
}

/**
 * A code span that holds any text: the fence is one backtick longer than the longest run inside.
 * In a table cell a `|` must be escaped even there (GitHub's Markdown reads the row first).
 */
function code(text: string, inTable = false): string {
  const flat = text.replace(/[\r\n]+/g, " ").replace(/\|/g, inTable ? "\\|" : "|");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return longest === 0 ? `${fence}${flat}${fence}` : `${fence} ${flat} ${fence}`;
}

/** A fenced block that holds any text. */
function fenced(text: string, info: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}\n${text.endsWith("\n") ? text : text + "\n"}${fence}`;
}

const VERDICTS: Record<TestOutcome["verdict"], string> = {
  pass: "✅ pass",
  violation: "❌ violation",
  inconclusive: "⚠️ inconclusive",
};

const count = (n: number) => n.toLocaleString("en-US");

function where(span: Span | undefined, run: ModelRun): string {
  if (span === undefined) return "";
  const r = rangeOf(span, run.sources);
  return `${r.file}:${r.line}:${r.column}`;
}

function testRow(run: ModelRun, o: TestOutcome): string {
  const verdict =
    o.verdict === "violation" ? `${VERDICTS.violation} (${o.violation?.kind})` : o.verdict === "inconclusive" ? `${VERDICTS.inconclusive}: ${stopReason(o)}` : VERDICTS[o.verdict];
  const s = o.stats;
  return `| ${code(run.model, true)} | ${code(o.test, true)} | ${verdict} | ${count(s.distinct)} | ${count(s.transitions)} | ${s.maxDepth} | ${(s.elapsedMs / 1000).toFixed(2)} s |`;
}

function staticRow(run: ModelRun): string | undefined {
  const errors = run.diagnostics.filter((d) => d.severity === "error").length;
  if (errors === 0 && run.outcomes.length > 0) return undefined;
  const verdict = errors > 0 ? `❌ ${plural(errors, "static error")}` : "⚠️ no test checked";
  return `| ${code(run.model, true)} | | ${verdict} | | | | |`;
}

function diagnosticsSection(run: ModelRun): string[] {
  if (run.diagnostics.length === 0) return [];
  const errors = run.diagnostics.filter((d) => d.severity === "error").length;
  const heading = errors > 0 ? `### ❌ ${code(run.model)}: ${plural(errors, "static error")}` : `### ⚠️ ${code(run.model)}: ${plural(run.diagnostics.length, "warning")}`;
  const items = run.diagnostics.map((d) => `- ${code(where(d.span, run))} ${d.severity} ${codeName(d.code)}: ${markdownText(d.message)}`);
  return [heading, "", ...items, ""];
}

function violationSection(run: ModelRun, o: TestOutcome): string[] {
  const v = o.violation!;
  const what = v.kind === "liveness" && v.monitor !== undefined ? `liveness (monitor ${v.monitor})` : v.kind;
  const at = where(violationSpan(o), run);
  const diagram = sequenceDiagram(v, run.ir === undefined ? new Map() : monitorStartStates(run.ir, o.test));
  const total = v.steps.length + (v.cycle?.length ?? 0);
  const lines = [
    `### ❌ ${code(o.test)}: ${markdownText(what)}`,
    "",
    `**${markdownText(v.message)}** at ${code(at)} (model ${code(run.model)})`,
    "",
    `Counterexample: ${plural(v.steps.length, "step")}${v.cycle === undefined ? "" : `, then ${repeating(v.cycle.length)}`}.` +
      (diagram.omitted > 0 ? ` The chart shows the last ${total - diagram.omitted}; the text below has them all.` : ""),
    "",
    fenced(diagram.text, "mermaid"),
    "",
    "<details><summary>Counterexample as text</summary>",
    "",
    fenced(traceText(v, run.sources, false, run.impl), "text"),
    "",
    "</details>",
    "",
  ];
  return lines;
}

/** The job summary: the verdict of every test in a table, then each violation and each model's static problems. */
export function githubSummary(report: RunReport): string {
  const t = tally(report);
  const headline =
    t.errors > 0 || t.violated > 0
      ? `❌ ${[t.violated > 0 ? `${t.violated} violated` : "", t.errors > 0 ? plural(t.errors, "static error") : ""].filter((p) => p !== "").join(", ")}`
      : t.inconclusive > 0
        ? `⚠️ ${t.inconclusive} inconclusive`
        : "✅ all tests pass";
  const lines = [`## Pith check: ${headline}`, ""];
  const rows = report.runs.flatMap((run) => [staticRow(run), ...run.outcomes.map((o) => testRow(run, o))].filter((r) => r !== undefined));
  if (rows.length > 0) {
    lines.push("| Model | Test | Verdict | Distinct states | Transitions | Depth | Time |", "| --- | --- | --- | ---: | ---: | ---: | ---: |", ...rows, "");
  }
  lines.push(
    `${plural(t.tests, "test")}: ${t.passed} passed, ${t.violated} violated, ${t.inconclusive} inconclusive; ${plural(t.errors, "static error")}, ${plural(t.warnings, "warning")}.`,
    "",
  );
  for (const run of report.runs) for (const o of run.outcomes) if (o.violation !== undefined) lines.push(...violationSection(run, o));
  for (const run of report.runs) lines.push(...diagnosticsSection(run));
  lines.push(`<sub>Pith ${markdownText(report.toolVersion)}</sub>`, "");
  return lines.join("\n");
}
