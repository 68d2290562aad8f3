// What the result cache holds, and the checks an entry's payload must pass before it is trusted
// (the checksum catches damage; these catch an entry of another shape).
import type { ProjectConfig } from "../config/config.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { TestOutcome } from "../explore/check.ts";
import type { TraceFile } from "../report/trace-json.ts";

/** What the cache keeps about a model's text: its diagnostics and its test configurations. */
export interface ModelIndex {
  readonly diagnostics: readonly Diagnostic[];
  readonly errors: boolean;
  /** A param that the model does not declare or of the wrong type. */
  readonly problem: string | null;
  /** In declaration order; `test` is the name of the test declaration. */
  readonly configurations: readonly { readonly name: string; readonly test: string }[];
}

/** The result of one test configuration, with its counterexample as a trace document. */
export interface CheckedConfiguration {
  readonly outcome: TestOutcome;
  readonly trace: TraceFile | null;
}

const VERDICTS = new Set(["pass", "violation", "inconclusive"]);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function isSpan(x: unknown): boolean {
  return isObject(x) && typeof x.file === "string" && typeof x.start === "number" && typeof x.end === "number";
}

export function isModelIndex(x: unknown): x is ModelIndex {
  if (!isObject(x)) return false;
  return (
    Array.isArray(x.diagnostics) &&
    x.diagnostics.every((d: unknown) => isObject(d) && typeof d.message === "string" && typeof d.code === "number" && isSpan(d.span) && Array.isArray(d.related)) &&
    typeof x.errors === "boolean" &&
    (x.problem === null || typeof x.problem === "string") &&
    Array.isArray(x.configurations) &&
    x.configurations.every((c: unknown) => isObject(c) && typeof c.name === "string" && typeof c.test === "string")
  );
}

export function isCheckedConfiguration(x: unknown): x is CheckedConfiguration {
  if (!isObject(x) || !isObject(x.outcome)) return false;
  const o = x.outcome;
  const stats = o.stats;
  const statsOk = isObject(stats) && ["distinct", "transitions", "maxDepth", "elapsedMs"].every((k) => typeof stats[k] === "number");
  const v = o.violation;
  const violationOk =
    v === undefined ||
    (isObject(v) && typeof v.kind === "string" && typeof v.message === "string" && Array.isArray(v.steps) && Array.isArray(v.ordinals));
  const traceOk = x.trace === null || (isObject(x.trace) && isObject(x.trace["#meta"]) && Array.isArray(x.trace.states));
  return (
    typeof o.test === "string" &&
    typeof o.verdict === "string" &&
    VERDICTS.has(o.verdict) &&
    typeof o.exhaustive === "boolean" &&
    isSpan(o.span) &&
    statsOk &&
    violationOk &&
    (o.verdict === "violation") === (v !== undefined) &&
    traceOk
  );
}

/** A configuration read and validated before (pith.json's text is part of the key). */
export function isProjectConfig(x: unknown): x is ProjectConfig {
  if (!isObject(x) || typeof x.file !== "string" || typeof x.root !== "string" || !isObject(x.profiles) || !Array.isArray(x.conformance)) return false;
  return (
    Array.isArray(x.models) &&
    x.models.every(
      (m: unknown) =>
        isObject(m) &&
        typeof m.name === "string" &&
        Array.isArray(m.paths) &&
        m.paths.every((p: unknown) => typeof p === "string") &&
        (m.tests === undefined || Array.isArray(m.tests)) &&
        isObject(m.params) &&
        isObject(m.profiles) &&
        isObject(m.expect) &&
        isObject(m.at) &&
        Array.isArray(m.testsAt),
    )
  );
}
