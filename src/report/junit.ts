// JUnit XML, which every CI system shows as a test report: a test suite per model, a test case per
// test configuration (a failure with the counterexample when it is violated, skipped when a budget
// ran out), an error per static error, and the state counts as properties.
import { codeName } from "../diagnostics/codes.ts";
import { renderDiagnostic } from "../diagnostics/render.ts";
import type { TestOutcome } from "../explore/check.ts";
import { traceText } from "./check-text.ts";
import { rangeOf, stopReason, violationSpan, type ModelRun, type RunReport } from "./run-report.ts";

/** Characters XML 1.0 does not allow at all (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
function xmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

export function escapeText(text: string): string {
  return xmlChars(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An attribute value in double quotes; line breaks and tabs as character references so that they survive. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

type Attributes = Readonly<Record<string, string | number | undefined>>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join("");
}

/** An element: empty, with text, or with children (already indented lines). */
function element(indent: string, name: string, attrs: Attributes, body?: string | readonly string[]): string[] {
  const open = `${indent}<${name}${attributes(attrs)}`;
  if (body === undefined || body.length === 0) return [`${open}/>`];
  if (typeof body === "string") return [`${open}>${escapeText(body)}</${name}>`];
  return [`${open}>`, ...body, `${indent}</${name}>`];
}

function properties(indent: string, values: Readonly<Record<string, string | number | boolean>>): string[] {
  return element(
    indent,
    "properties",
    {},
    Object.entries(values).flatMap(([name, value]) => element(indent + "  ", "property", { name, value: String(value) })),
  );
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testCase(run: ModelRun, o: TestOutcome, indent: string): string[] {
  const at = rangeOf(o.span, run.sources);
  const s = o.stats;
  const body = [
    ...properties(indent + "  ", {
      verdict: o.verdict,
      distinctStates: s.distinct,
      transitions: s.transitions,
      depth: s.maxDepth,
      exhaustive: o.exhaustive,
      ...(s.seed === undefined ? {} : { seed: s.seed }),
    }),
  ];
  if (o.violation !== undefined) {
    const where = rangeOf(violationSpan(o), run.sources);
    body.push(
      ...element(
        indent + "  ",
        "failure",
        { type: o.violation.kind, message: `${o.violation.message} (at ${where.file}:${where.line}:${where.column})` },
        traceText(o.violation, run.sources, false, run.impl),
      ),
    );
  } else if (o.verdict === "inconclusive") {
    body.push(...element(indent + "  ", "skipped", { message: `inconclusive: ${stopReason(o)} after ${s.distinct} distinct states` }));
  }
  return element(indent, "testcase", { name: o.test, classname: run.model, file: at.file, line: at.line, time: seconds(s.elapsedMs) }, body);
}

function suite(run: ModelRun, indent: string, toolVersion: string): string[] {
  const errors = run.diagnostics.filter((d) => d.severity === "error");
  const warnings = run.diagnostics.filter((d) => d.severity === "warning");
  const cases = [
    ...errors.flatMap((d) => {
      const at = rangeOf(d.span, run.sources);
      return element(indent + "  ", "testcase", { name: `${codeName(d.code)} at ${at.file}:${at.line}:${at.column}`, classname: run.model, file: at.file, line: at.line, time: seconds(0) }, [
        ...element(indent + "    ", "error", { type: codeName(d.code), message: d.message }, renderDiagnostic(d, run.sources, { color: false })),
      ]);
    }),
    ...run.outcomes.flatMap((o) => testCase(run, o, indent + "  ")),
  ];
  const warningText = warnings.map((d) => renderDiagnostic(d, run.sources, { color: false })).join("\n\n");
  const time = run.outcomes.reduce((sum, o) => sum + o.stats.elapsedMs, 0);
  return element(
    indent,
    "testsuite",
    {
      name: run.model,
      tests: errors.length + run.outcomes.length,
      failures: run.outcomes.filter((o) => o.verdict === "violation").length,
      errors: errors.length,
      skipped: run.outcomes.filter((o) => o.verdict === "inconclusive").length,
      time: seconds(time),
    },
    [
      ...properties(indent + "  ", { "pith.version": toolVersion, "pith.warnings": warnings.length }),
      ...cases,
      ...(warningText === "" ? [] : element(indent + "  ", "system-err", {}, warningText)),
    ],
  );
}

/** The report as JUnit XML: `<testsuites>`, a `<testsuite>` per model, a `<testcase>` per test configuration. */
export function toJunit(report: RunReport): string {
  const outcomes = report.runs.flatMap((r) => r.outcomes);
  const errors = report.runs.flatMap((r) => r.diagnostics).filter((d) => d.severity === "error").length;
  const root = element(
    "",
    "testsuites",
    {
      name: "pith",
      tests: outcomes.length + errors,
      failures: outcomes.filter((o) => o.verdict === "violation").length,
      errors,
      skipped: outcomes.filter((o) => o.verdict === "inconclusive").length,
      time: seconds(outcomes.reduce((sum, o) => sum + o.stats.elapsedMs, 0)),
    },
    report.runs.flatMap((run) => suite(run, "  ", report.toolVersion)),
  );
  return ['<?xml version="1.0" encoding="UTF-8"?>', ...root].join("\n") + "\n";
}
