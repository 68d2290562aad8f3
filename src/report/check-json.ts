// The explorer's results for programs: a versioned JSON document with each test's verdict,
// statistics and counterexample steps.
import type { SourceSet } from "../diagnostics/source.ts";
import type { TestOutcome } from "../explore/check.ts";
import { location } from "./check-text.ts";

export const CHECK_JSON_VERSION = 1;

export function outcomesToJson(outcomes: readonly TestOutcome[], sources: SourceSet): object {
  return {
    version: CHECK_JSON_VERSION,
    tests: outcomes.map((o) => ({
      test: o.test,
      verdict: o.verdict,
      exhaustive: o.exhaustive,
      ...(o.reason === undefined ? {} : { reason: o.reason }),
      stats: o.stats,
      ...(o.violation === undefined
        ? {}
        : {
            violation: {
              kind: o.violation.kind,
              message: o.violation.message,
              location: location(o.violation.span, sources),
              monitor: o.violation.monitor,
              steps: o.violation.steps.map((s) => ({ ...s, failure: s.failure === undefined ? undefined : { kind: s.failure.kind, message: s.failure.message, location: location(s.failure.span, sources) } })),
              cycle: o.violation.cycle,
              ordinals: o.violation.ordinals,
            },
          }),
    })),
    passed: outcomes.filter((o) => o.verdict === "pass").length,
    violated: outcomes.filter((o) => o.verdict === "violation").length,
    inconclusive: outcomes.filter((o) => o.verdict === "inconclusive").length,
  };
}
