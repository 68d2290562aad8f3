// The explorer's results for programs: a versioned JSON document with each test's verdict,
// statistics and counterexample steps.
import type { SourceSet } from "../diagnostics/source.ts";
import type { TestOutcome, ViolationReport } from "../explore/check.ts";
import { implJson, type ImplementationMap, type ImplLocation } from "../conform/impl-map.ts";
import { location } from "./check-text.ts";
import { stepImpls } from "./steps.ts";

export const CHECK_JSON_VERSION = 1;

/** `impl: {file, line, method}` for a step handled in linked code; nothing otherwise. */
function implField(at: ImplLocation | undefined): object {
  return at === undefined ? {} : { impl: implJson(at) };
}

function violationJson(v: ViolationReport, sources: SourceSet, impl: ImplementationMap | undefined): object {
  const impls = stepImpls([...v.steps, ...(v.cycle ?? [])], impl);
  return {
    kind: v.kind,
    message: v.message,
    location: location(v.span, sources),
    monitor: v.monitor,
    steps: v.steps.map((s, i) => ({
      ...s,
      failure: s.failure === undefined ? undefined : { kind: s.failure.kind, message: s.failure.message, location: location(s.failure.span, sources) },
      ...implField(impls[i]),
    })),
    cycle: v.cycle?.map((s, i) => ({ ...s, ...implField(impls[v.steps.length + i]) })),
    ordinals: v.ordinals,
  };
}

/** The document; with the link map, each step handled in the code has an `impl` field. */
export function outcomesToJson(outcomes: readonly TestOutcome[], sources: SourceSet, impl?: ImplementationMap): object {
  return {
    version: CHECK_JSON_VERSION,
    tests: outcomes.map((o) => ({
      test: o.test,
      verdict: o.verdict,
      exhaustive: o.exhaustive,
      ...(o.reason === undefined ? {} : { reason: o.reason }),
      stats: o.stats,
      ...(o.violation === undefined ? {} : { violation: violationJson(o.violation, sources, impl) }),
    })),
    passed: outcomes.filter((o) => o.verdict === "pass").length,
    violated: outcomes.filter((o) => o.verdict === "violation").length,
    inconclusive: outcomes.filter((o) => o.verdict === "inconclusive").length,
  };
}
