// Building small histories for tests with the recorder, and checking them.
import { checkHistory, type CheckOptions, type HistoryVerdict } from "../../src/history/check.ts";
import type { HistoryEvent } from "../../src/history/format.ts";
import type { SequentialModel } from "../../src/history/model.ts";

/** Checks events that must be a valid history, and returns the verdict. */
export function check(events: readonly HistoryEvent[], model: SequentialModel, options: CheckOptions = {}): HistoryVerdict {
  const verdict = checkHistory(events, model, options);
  if (verdict.kind === "invalid") throw new Error(`invalid history: ${JSON.stringify(verdict.problems)}`);
  return verdict;
}

/** The ids of the minimal failing sub-history, or undefined when the history passed. */
export function minimalIds(verdict: HistoryVerdict): (string | number)[] | undefined {
  return verdict.failure?.operations.map((o) => o.id);
}
