// The verdict for people (a summary, and the minimal failing sub-history as a timeline with the
// explanation) and for machines (a versioned JSON document). Renderers decide nothing.
import { describeOperation, describeResult, operationWord, type HistoryVerdict } from "./check.ts";
import type { JsonValue } from "./format.ts";
import type { Operation, SequentialModel } from "./model.ts";
import type { HistoryProblem } from "./read.ts";

const CONSISTENCY_WORDS = { linearizable: "linearizable", serializable: "serializable", "strict-serializable": "strictly serializable" } as const;

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** One bar per operation over the ranks of the sub-history's events: `[---]`, or `[--->` when it never returned. */
function bars(ops: readonly Operation[]): string[] {
  const events = [...new Set(ops.flatMap((o) => [o.invokeEvent, o.returnEvent]).filter((e) => Number.isFinite(e)))].sort((a, b) => a - b);
  const column = (e: number) => events.indexOf(e) * 3;
  const width = Math.max(0, (events.length - 1) * 3) + 2;
  return ops.map((o) => {
    const start = column(o.invokeEvent);
    if (!Number.isFinite(o.returnEvent)) return " ".repeat(start) + "[" + "-".repeat(Math.max(0, width - start - 2)) + ">";
    const end = column(o.returnEvent);
    return " ".repeat(start) + "[" + "-".repeat(Math.max(0, end - start - 1)) + "]";
  });
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The timeline of a sub-history: one line per operation, numbered #1... in the order of invocation. */
export function timeline(ops: readonly Operation[], model: SequentialModel): string[] {
  const bar = bars(ops);
  const rows = ops.map((o, i) => [
    `#${i + 1}`,
    String(o.process),
    describeOperation(model, o),
    describeResult(model, o),
    String(o.invokeTime),
    Number.isFinite(o.returnTime) ? String(o.returnTime) : "-",
    o.invokeLine === undefined ? "" : `${o.invokeLine}-${o.returnLine ?? ""}`,
    bar[i],
  ]);
  return table(["", "process", "operation", "result", "invoked", "returned", "lines", ""], rows);
}

export function historyText(file: string, verdict: HistoryVerdict, model: SequentialModel): string {
  const word = CONSISTENCY_WORDS[verdict.consistency];
  const { ok, fail, info } = verdict.operations;
  const total = ok + fail + info;
  const parts = verdict.partitions.length;
  const summary = `${operationWord(model, total)} (${count(ok)} ok, ${count(fail)} fail, ${count(info)} info) in ${count(parts)} partition${parts === 1 ? "" : "s"}`;
  if (verdict.verdict === "ok") return `${file}: ${word} (${verdict.model}): ${summary}\n`;
  if (verdict.verdict === "inconclusive") {
    const gaveUp = verdict.partitions.filter((p) => p.verdict === "inconclusive").map((p) => p.name);
    return `${file}: inconclusive (${verdict.model}): ${summary}; the search gave up on ${gaveUp.join("; ")} (raise --max-steps)\n`;
  }
  const failure = verdict.failure!;
  const failing = verdict.partitions.filter((p) => p.verdict === "violation");
  const lines = [
    `${file}: NOT ${word} (${verdict.model}): ${summary}`,
    `${failing.length === 1 ? "It fails" : `${failing.length} partitions fail; the first`} on ${failure.partition}. A minimal failing sub-history, ${failure.operations.length} of its ${operationWord(model, failure.considered)}:`,
    "",
    ...timeline(failure.operations, model).map((l) => `  ${l}`),
    "",
    ...failure.explanation,
    ...(failure.anomaly === undefined ? [] : [`${failure.anomaly.name} (${failure.anomaly.title}). ${failure.anomaly.lines[0]}`, ...failure.anomaly.lines.slice(1)]),
  ];
  if (failing.length > 1) lines.push(`Also failing: ${failing.slice(1).map((p) => p.name).join("; ")}.`);
  return lines.join("\n") + "\n";
}

function operationJson(o: Operation, i: number) {
  return {
    n: i + 1,
    id: o.id,
    process: o.process,
    op: o.op,
    args: o.args,
    status: o.status,
    ...(o.status === "ok" ? { result: o.result } : {}),
    ...(o.error === undefined ? {} : { error: o.error }),
    invokeTime: o.invokeTime,
    returnTime: Number.isFinite(o.returnTime) ? o.returnTime : null,
    invokeLine: o.invokeLine ?? null,
    returnLine: o.returnLine ?? null,
  };
}

export function historyJson(file: string, verdict: HistoryVerdict) {
  const failure = verdict.failure;
  return {
    version: 1,
    file,
    model: verdict.model,
    consistency: verdict.consistency,
    verdict: verdict.verdict,
    operations: verdict.operations,
    partitions: verdict.partitions,
    failure:
      failure === undefined
        ? null
        : {
            partition: failure.partition,
            considered: failure.considered,
            operations: failure.operations.map(operationJson),
            longestOrder: failure.deepest.order.map((o) => failure.operations.indexOf(o) + 1),
            explanation: failure.explanation,
            anomaly:
              failure.anomaly === undefined
                ? null
                : { name: failure.anomaly.name, title: failure.anomaly.title, operations: failure.anomaly.operations.map((o) => failure.operations.indexOf(o) + 1), lines: failure.anomaly.lines },
          },
  };
}

/** Bad lines shown in text; the rest are counted (the JSON document lists them all). */
const PROBLEMS_SHOWN = 20;

export function problemsText(file: string, problems: readonly HistoryProblem[]): string {
  const shown = problems.slice(0, PROBLEMS_SHOWN).map((p) => `${file}:${p.line}: ${p.message}\n`);
  const more = problems.length - PROBLEMS_SHOWN;
  return shown.join("") + (more > 0 ? `${file}: ... and ${more} more bad line${more === 1 ? "" : "s"} (--json lists them all)\n` : "");
}

export function problemsJson(file: string, problems: readonly HistoryProblem[]) {
  return { version: 1, file, verdict: "invalid", problems: problems.map((p) => ({ line: p.line, message: p.message })) };
}
