// Comparing results with the verdicts and state counts that pith.json expects. A different verdict
// is an error: the model's behaviour changed. A different number of distinct states after an
// exhaustive search is a warning: nothing is wrong yet, but the state space changed, which is
// often the first sign of a modelling mistake (a guard that no longer holds, a message never sent).
import type { ConfigPosition, Expectation } from "../config/config.ts";
import type { TestOutcome } from "../explore/check.ts";
import { suggestName } from "../names/suggest.ts";

/** `an assertion`, `a deadlock`. */
function article(kind: string | undefined): string {
  return kind === undefined ? "a" : `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}

export interface Finding {
  readonly model: string;
  readonly configuration: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  /** Where the expectation is written in pith.json. */
  readonly at: ConfigPosition;
}

export interface Comparison {
  readonly findings: Finding[];
  /** Configurations whose violation pith.json expects: not failures. */
  readonly expectedViolations: Set<string>;
}

/**
 * Compares `outcomes` with `expect`. `configurations` are all the model's configurations, to tell
 * an expectation about one that was not run from one about a name the model does not have.
 */
export function compare(
  model: string,
  expect: Readonly<Record<string, Expectation>>,
  outcomes: readonly TestOutcome[],
  configurations: readonly string[],
): Comparison {
  const findings: Finding[] = [];
  const expectedViolations = new Set<string>();
  const add = (configuration: string, severity: Finding["severity"], at: ConfigPosition, message: string) =>
    findings.push({ model, configuration, severity, message, at });
  for (const [name, e] of Object.entries(expect)) {
    if (configurations.includes(name)) continue;
    const guess = suggestName(name, [...configurations]);
    add(
      name,
      "warning",
      e.at,
      `pith.json expects a result of "${name}", but model ${model} has no such test configuration` +
        (guess !== undefined ? `; did you mean "${guess}"?` : ` (it has: ${configurations.join(", ") || "none"})`),
    );
  }
  for (const o of outcomes) {
    const e = expect[o.test];
    if (e === undefined) continue;
    const where = `${model} ${o.test}`;
    if (o.verdict === "violation") {
      if (e.verdict === "pass") add(o.test, "error", e.at, `${where}: the verdict changed: pith.json expects pass, and ${article(o.violation?.kind)} violation was found`);
      else if (e.kind !== undefined && e.kind !== o.violation?.kind)
        add(o.test, "error", e.at, `${where}: pith.json expects ${article(e.kind)} violation, and ${article(o.violation?.kind)} violation was found`);
      else if (e.verdict === "violation") expectedViolations.add(o.test);
    } else if (o.verdict === "pass" && o.exhaustive) {
      if (e.verdict === "violation")
        add(o.test, "error", e.at, `${where}: the verdict changed: pith.json expects a violation, and every reachable state passed`);
      if (e.states !== undefined && e.states !== o.stats.distinct) {
        const change = ((o.stats.distinct - e.states) / e.states) * 100;
        add(
          o.test,
          "warning",
          e.at,
          `${where}: ${o.stats.distinct.toLocaleString("en-US")} distinct states where pith.json expects ${e.states.toLocaleString("en-US")} ` +
            `(${change > 0 ? "+" : ""}${change.toFixed(1)}%): the state space changed. If that is intended, set "states" to ${o.stats.distinct}.`,
        );
      }
    }
    // An inconclusive result, or a pass of random runs, says nothing either way.
  }
  return { findings, expectedViolations };
}
