// What the CI-facing reporters read: every model checked in one run, with its static diagnostics
// and its test outcomes. The GitHub, SARIF, JUnit and HTML reporters all take this one record, so
// that the CLI builds it once and hands it to whichever reporters were asked for.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceSet, Span } from "../diagnostics/source.ts";
import type { TestOutcome } from "../explore/check.ts";
import type { ModelIR } from "../ir/ir.ts";
import type { ImplementationMap } from "../conform/impl-map.ts";

/** One model checked. */
export interface ModelRun {
  /** How the user named it (folder or file). */
  readonly model: string;
  readonly sources: SourceSet;
  /** Static errors and warnings. */
  readonly diagnostics: readonly Diagnostic[];
  /** One per test configuration checked; empty when static errors stopped the run. */
  readonly outcomes: readonly TestOutcome[];
  /**
   * The lowered model, when there is one. With it, each step of a counterexample is located at the
   * handler that ran (SARIF code flows); without it, at the test declaration.
   */
  readonly ir?: ModelIR | undefined;
  /**
   * The link map, when the model is linked to its implementation: each step that handles an event
   * is also located at the method that handles it in the code.
   */
  readonly impl?: ImplementationMap | undefined;
}

export interface RunReport {
  readonly toolVersion: string;
  readonly runs: readonly ModelRun[];
}

/** A span as lines and columns, all 1-based; the end is the position of the span's last character. */
export interface Range {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Where `span` is, with an inclusive end (the last character, not the one after it), so that a
 * span ending with a line break does not reach onto the next line. An empty span covers its start.
 */
export function rangeOf(span: Span, sources: SourceSet): Range {
  const file = sources.get(span.file);
  if (file === undefined) return { file: span.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const start = file.position(span.start);
  let last = Math.max(span.start, span.end - 1);
  while (last > span.start && (file.text[last] === "\n" || file.text[last] === "\r")) last--;
  const end = file.position(last);
  return { file: span.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** Where a violation is shown: the failing statement when one failed, else the test declaration. */
export function violationSpan(outcome: TestOutcome): Span {
  return outcome.violation?.span ?? outcome.span;
}

/** Files of the standard library are named `std:NAME`: they are not files of the user's repository. */
export function isLibraryFile(path: string): boolean {
  return path.startsWith("std:");
}

/** The outcomes that found a violation, with the run they belong to, in report order. */
export function violations(report: RunReport): { run: ModelRun; outcome: TestOutcome }[] {
  return report.runs.flatMap((run) => run.outcomes.filter((o) => o.violation !== undefined).map((outcome) => ({ run, outcome })));
}

/** `1 test`, `2 tests`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const STOP_REASONS: Readonly<Record<string, string>> = {
  states: "the state budget ran out",
  depth: "the depth budget cut the search",
  time: "the time budget ran out",
  memory: "the memory budget ran out",
  aborted: "the check was interrupted",
};

/** Why an inconclusive test stopped, in words: `the state budget ran out`. */
export function stopReason(outcome: TestOutcome): string {
  return STOP_REASONS[outcome.reason ?? ""] ?? "the search stopped early";
}

/** `1 step that repeats forever`, `2 steps that repeat forever`: a liveness cycle. */
export function repeating(n: number): string {
  return `${plural(n, "step")} that repeat${n === 1 ? "s" : ""} forever`;
}

/** The tally line every reporter shows: `3 tests: 2 passed, 1 violated, 0 inconclusive`. */
export function tally(report: RunReport): { tests: number; passed: number; violated: number; inconclusive: number; errors: number; warnings: number } {
  const outcomes = report.runs.flatMap((r) => r.outcomes);
  const diagnostics = report.runs.flatMap((r) => r.diagnostics);
  return {
    tests: outcomes.length,
    passed: outcomes.filter((o) => o.verdict === "pass").length,
    violated: outcomes.filter((o) => o.verdict === "violation").length,
    inconclusive: outcomes.filter((o) => o.verdict === "inconclusive").length,
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
  };
}
