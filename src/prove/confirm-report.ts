// The report of `pith prove --confirm` as text and JSON: per test, whether a reachable state breaks
// the invariant (with the explorer's shortest trace to it), and what that says about the failed
// proof.
import type { SourceSet } from "../diagnostics/source.ts";
import { traceText } from "../report/check-text.ts";
import type { Confirmation, TestConfirmation } from "./confirm.ts";
import { jsonSpan, where, type Colors } from "./report.ts";

export type ConfirmVerdict = "violated" | "other-violation" | "inconclusive" | "holds";

export function confirmVerdict(c: Confirmation): ConfirmVerdict {
  const has = (v: TestConfirmation["verdict"]) => c.tests.some((t) => t.verdict === v);
  return has("violated") ? "violated" : has("other-violation") ? "other-violation" : has("inconclusive") ? "inconclusive" : "holds";
}

export function confirmText(c: Confirmation, sources: SourceSet, p: Colors, color: boolean): string {
  const lines: string[] = [];
  const at = where(c.span, sources);
  lines.push(`confirming ${p.bold(c.invariant)}${at === undefined ? "" : p.dim(`  ${at}`)} on the reachable states of the model's tests`);
  lines.push(
    p.dim("The explorer evaluates the invariant on every reachable state of each test's small instance. The state before the step of a"),
    p.dim("counterexample to induction need not be among them: a violation here is a real bug; none means the proof needs a helper invariant."),
  );
  if (c.messagesInFlightOnly) lines.push(p.dim("The explorer keeps only the messages in flight: `sent e` and quantifiers over messages see those alone."));
  lines.push("");
  for (const t of c.tests) {
    switch (t.verdict) {
      case "violated": {
        lines.push(`${p.red("REAL BUG")}  ${t.test}: ${t.message}, reachable at step ${t.steps.length} (${t.states} states explored)`);
        const text = traceText({ kind: "invariant", message: t.message, span: c.span, steps: t.steps, cycle: undefined, monitor: undefined, ordinals: [] }, sources, color);
        lines.push(...text.trimEnd().split("\n").map((l) => `  ${l}`));
        break;
      }
      case "holds":
        lines.push(`${p.green("holds")}     ${t.test}: no reachable state breaks ${c.invariant} (${t.states} states, every reachable state explored)`);
        break;
      case "inconclusive":
        lines.push(`${p.yellow("stopped")}   ${t.test}: no violation among ${t.states} states, but the search stopped (${t.reason ?? "budget"}) before it explored every state`);
        break;
      case "other-violation": {
        lines.push(`${p.red("FAILS")}     ${t.test}: the test stops at another violation first, ${t.kind}: ${t.message}; fix it first (pith check)`);
        break;
      }
    }
  }
  lines.push("");
  switch (confirmVerdict(c)) {
    case "violated":
      lines.push(`${c.invariant} is broken in a reachable state: a real bug, not a missing helper invariant.`);
      break;
    case "holds":
      lines.push(
        `No reachable state of these tests breaks ${c.invariant}: the counterexample to induction is most likely unreachable.`,
        "Add a helper invariant that rules out its state before the step, and prove again.",
      );
      break;
    case "inconclusive":
      lines.push(`No violation was found, but not every reachable state was explored: nothing is confirmed.`);
      break;
    case "other-violation":
      lines.push(`A test fails for another reason before ${c.invariant} could be checked on all its states.`);
      break;
  }
  return lines.join("\n") + "\n";
}

export function confirmJson(c: Confirmation, sources: SourceSet): unknown {
  return {
    invariant: c.invariant,
    location: jsonSpan(c.span, sources),
    verdict: confirmVerdict(c),
    messagesInFlightOnly: c.messagesInFlightOnly,
    tests: c.tests.map((t) => ({
      test: t.test,
      verdict: t.verdict,
      states: t.states,
      ...(t.verdict === "violated" || t.verdict === "other-violation" ? { message: t.message, depth: t.steps.length, steps: t.steps.map((s) => ({ ...s, failure: undefined })) } : {}),
      ...(t.verdict === "other-violation" ? { kind: t.kind } : {}),
      ...(t.verdict === "inconclusive" ? { reason: t.reason } : {}),
    })),
  };
}
