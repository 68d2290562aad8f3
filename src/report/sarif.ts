// SARIF 2.1.0, the format GitHub code scanning and most CI dashboards read: one run of the tool
// `pith`, a rule per diagnostic code and per kind of violation, a result per static problem and
// per violation, the counterexample as a code flow, and fingerprints that survive re-runs.
import { createHash } from "node:crypto";
import { codeName, lookupCode } from "../diagnostics/codes.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Span } from "../diagnostics/source.ts";
import type { TestOutcome } from "../explore/check.ts";
import type { StepView } from "../explore/p/trace.ts";
import { isLibraryFile, rangeOf, stopReason, violationSpan, type ModelRun, type RunReport } from "./run-report.ts";
import { stepImpls, stepSentence, stepSpans } from "./steps.ts";
import { implText, type ImplLocation } from "../conform/impl-map.ts";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** The `uriBaseId` of the user's files (relative to where Pith ran) and of the standard library. */
export const SRCROOT = "%SRCROOT%";
export const PITH_STD = "PITH_STD";

/** What each kind of violation means, for the rules of the run. */
const VIOLATION_RULES: Readonly<Record<string, string>> = {
  assertion: "An assert statement fails in some reachable behaviour of the model.",
  "unhandled-event": "A machine takes an event from its inbox that its current state neither handles, defers nor ignores.",
  runtime: "A runtime error: a missing map key, an index out of range, a failed cast, a choice from an empty collection, a division by zero or a null reference.",
  deadlock: "No step is possible and the state is not an acceptable end: a machine waits in a receive for an event that never comes.",
  liveness: "A monitor can stay in a hot state forever: on a fair cycle of steps, or in a state where nothing can move.",
};

const ruleIdOfKind = (kind: string) => `pith/${kind}`;

/** A path as a relative URI: each segment percent-encoded. Library files are relative to PITH_STD. */
function artifactLocation(file: string): { uri: string; uriBaseId: string } {
  if (isLibraryFile(file)) return { uri: `${encodeURIComponent(file.slice("std:".length))}.p`, uriBaseId: PITH_STD };
  return { uri: file.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

/** A SARIF location for `span`; the region's end column is the one after the last character, as SARIF counts it. */
function location(span: Span, run: ModelRun, message?: string): object {
  const r = rangeOf(span, run.sources);
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(r.file),
      region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn + 1 },
    },
    ...(message === undefined ? {} : { message: { text: message } }),
  };
}

/**
 * A fingerprint that stays the same from run to run while the problem stays: the rule, the file,
 * the test, and the message with its numbers blanked (they name values and sizes that change
 * with unrelated edits). Line numbers are left out for the same reason.
 */
export function fingerprint(ruleId: string, file: string, test: string, message: string): string {
  const stable = [ruleId, file, test, message.replace(/\d+/g, "#")].join("\u0000");
  return createHash("sha256").update(stable).digest("hex").slice(0, 32);
}

const FINGERPRINT_KEY = "pith/v1";

function diagnosticResult(run: ModelRun, d: Diagnostic, ruleIndex: number): object {
  const ruleId = codeName(d.code);
  return {
    ruleId,
    ruleIndex,
    level: d.severity,
    message: { text: d.message },
    locations: [location(d.span, run)],
    ...(d.related.length === 0 ? {} : { relatedLocations: d.related.map((r, i) => ({ id: i, ...location(r.span, run, r.message) })) }),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(ruleId, d.span.file, "", d.message) },
    properties: { model: run.model },
  };
}

function threadFlowLocation(run: ModelRun, step: StepView, span: Span): object {
  const state: Record<string, { text: string }> = {};
  if (step.stateAfter !== "") state[`${step.machine}.state`] = { text: step.stateAfter };
  for (const c of step.changes) state[`${step.machine}.${c.name}`] = { text: c.after };
  for (const m of step.monitors) state[`${m.monitor}.state`] = { text: m.stateAfter };
  return {
    location: location(span, run, `${step.index}. ${stepSentence(step)}`),
    executionOrder: step.index,
    ...(Object.keys(state).length === 0 ? {} : { state }),
    ...(step.failure === undefined ? {} : { importance: "essential", kinds: ["danger"] }),
  };
}

/** A SARIF location at a method of the implementation (its line: the link map knows no columns). */
function implLocation(at: ImplLocation, message: string, id?: number): object {
  return {
    ...(id === undefined ? {} : { id }),
    physicalLocation: { artifactLocation: artifactLocation(at.file), region: { startLine: at.line } },
    message: { text: message },
  };
}

/**
 * With the link map, the counterexample in the code: a second thread flow whose locations are the
 * methods that handled the steps (the steps the code handles), and a related location per method.
 */
function implementationFlow(steps: readonly StepView[], impls: readonly (ImplLocation | undefined)[]): { threadFlows: object[]; relatedLocations: object[] } {
  const located = steps.flatMap((step, i) => (impls[i] === undefined ? [] : [{ step, at: impls[i] }]));
  if (located.length === 0) return { threadFlows: [], relatedLocations: [] };
  const methods = new Map<string, { at: ImplLocation; steps: number[] }>();
  for (const { step, at } of located) {
    const entry = methods.get(implText(at)) ?? { at, steps: [] };
    entry.steps.push(step.index);
    methods.set(implText(at), entry);
  }
  return {
    threadFlows: [
      {
        message: { text: "The same steps in the implementation: the methods that handle them" },
        locations: located.map(({ step, at }) => ({ location: implLocation(at, `${step.index}. ${stepSentence(step)} (${at.method})`), executionOrder: step.index })),
      },
    ],
    relatedLocations: [...methods.values()].map((m, i) =>
      implLocation(m.at, `${m.at.method}, the implementation's handler of step${m.steps.length === 1 ? "" : "s"} ${m.steps.join(", ")}`, i),
    ),
  };
}

function violationResult(run: ModelRun, o: TestOutcome, ruleIndex: number): object {
  const v = o.violation!;
  const ruleId = ruleIdOfKind(v.kind);
  const span = violationSpan(o);
  const steps = [...v.steps, ...(v.cycle ?? [])];
  const spans = run.ir === undefined ? steps.map((s) => s.failure?.span) : stepSpans(steps, run.ir);
  const impl = implementationFlow(steps, stepImpls(steps, run.impl));
  const flowMessage = `Counterexample of ${steps.length} step${steps.length === 1 ? "" : "s"}${v.cycle === undefined ? "" : ` (the last ${v.cycle.length} repeat${v.cycle.length === 1 ? "s" : ""} forever)`}`;
  return {
    ruleId,
    ruleIndex,
    level: "error",
    message: { text: `${v.message} (test ${o.test})` },
    locations: [location(span, run)],
    ...(impl.relatedLocations.length === 0 ? {} : { relatedLocations: impl.relatedLocations }),
    codeFlows: [
      {
        message: { text: flowMessage },
        threadFlows: [{ locations: steps.map((s, i) => threadFlowLocation(run, s, spans[i] ?? o.span)) }, ...impl.threadFlows],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(ruleId, span.file, o.test, v.message) },
    properties: {
      model: run.model,
      test: o.test,
      ...(v.monitor === undefined ? {} : { monitor: v.monitor }),
      distinctStates: o.stats.distinct,
      transitions: o.stats.transitions,
      depth: o.stats.maxDepth,
    },
  };
}

/** The whole report as one SARIF 2.1.0 log. */
export function toSarif(report: RunReport): object {
  const codes = [...new Set(report.runs.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort((a, b) => a - b);
  const kinds = [...new Set(report.runs.flatMap((r) => r.outcomes.flatMap((o) => (o.violation === undefined ? [] : [o.violation.kind]))))].sort();
  const rules = [
    ...codes.map((c) => {
      const entry = lookupCode(c);
      return {
        id: codeName(c),
        shortDescription: { text: entry?.explain ?? codeName(c) },
        ...(entry === undefined ? {} : { fullDescription: { text: entry.message } }),
        defaultConfiguration: { level: entry?.severity ?? "error" },
      };
    }),
    ...kinds.map((k) => ({
      id: ruleIdOfKind(k),
      shortDescription: { text: VIOLATION_RULES[k] ?? `A ${k} violation.` },
      defaultConfiguration: { level: "error" },
    })),
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: object[] = [];
  for (const run of report.runs) {
    for (const o of run.outcomes) if (o.violation !== undefined) results.push(violationResult(run, o, ruleIndex.get(ruleIdOfKind(o.violation.kind))!));
    for (const d of run.diagnostics) results.push(diagnosticResult(run, d, ruleIndex.get(codeName(d.code))!));
  }
  const notifications = report.runs.flatMap((run) =>
    run.outcomes
      .filter((o) => o.verdict === "inconclusive")
      .map((o) => ({
        level: "warning",
        message: { text: `test ${o.test} of ${run.model} is inconclusive: ${stopReason(o)} after ${o.stats.distinct} distinct states` },
        locations: [location(o.span, run)],
      })),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "pith", version: report.toolVersion, semanticVersion: report.toolVersion, rules } },
        invocations: [{ executionSuccessful: true, ...(notifications.length === 0 ? {} : { toolExecutionNotifications: notifications }) }],
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: "The folder Pith ran in: model paths are relative to it." } },
          [PITH_STD]: { description: { text: "Pith's standard library of environment machines (std:NAME)." } },
        },
        // Columns count UTF-16 code units, as JavaScript strings do.
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}
