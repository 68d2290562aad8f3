// A ConformanceReport as text for a person and as a versioned JSON document. Formatting only: the
// verdicts are decided in conform.ts and search.ts.
import type { SourceSet, Span } from "../diagnostics/source.ts";
import { conformCodeName, conformCodes, conformMessage } from "./codes.ts";
import type { ConformanceReport, PartitionReport } from "./conform.ts";
import type { SpecFailure } from "./search.ts";
import type { TraceEntry } from "./trace-file.ts";
import { implJson, implText, type ImplLocation } from "./impl-map.ts";

/** With the link map: the method of the implementation that handled a `handle` line of the trace. */
export type ImplOf = (e: TraceEntry) => ImplLocation | undefined;

const noImpl: ImplOf = () => undefined;

function where(span: Span | undefined, sources: SourceSet): string {
  if (span === undefined) return "";
  const file = sources.get(span.file);
  if (file === undefined) return ` (${span.file})`;
  const p = file.position(span.start);
  return ` (${span.file}:${p.line}:${p.column})`;
}

function quoted(e: TraceEntry, implOf: ImplOf, width = 160): string {
  const text = e.text.length > width ? e.text.slice(0, width - 3) + "..." : e.text;
  const impl = implOf(e);
  return `  ${e.line} | ${text}${impl === undefined ? "" : `\n       handled in the implementation at ${implText(impl)} (${impl.method})`}`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

function specText(f: SpecFailure, sources: SourceSet): string {
  return `${f.spec === undefined ? "" : `spec ${f.spec}: `}${f.kind}: ${f.message}${where(f.span, sources)}`;
}

function partitionText(p: PartitionReport, sources: SourceSet, indent: string, implOf: ImplOf): string[] {
  const c = p.check;
  const v = c.verdict;
  const stats = `${plural(c.lines, "line")}, ${plural(c.states, "state")} searched`;
  switch (v.kind) {
    case "conforms":
      return [`conforms (${stats})`];
    case "inconclusive":
      return [
        `inconclusive: ${conformMessage(6103, [v.maxStates.toLocaleString("en-US"), v.entry?.line ?? "?"])}`,
        ...(v.entry === undefined ? [] : [indent + quoted(v.entry, implOf)]),
      ];
    case "error":
      return [`error: ${v.message}`];
    case "violation":
      return [
        `does not conform: line ${v.entry.line} breaks ${v.failure.spec === undefined ? "the model" : `spec ${v.failure.spec}`} (${stats})`,
        indent + quoted(v.entry, implOf),
        `${indent}  ${specText(v.failure, sources)}`,
      ];
    case "mismatch": {
      const out = [`does not conform: line ${v.entry.line} is not a behaviour of the model (${stats})`, indent + quoted(v.entry, implOf)];
      if (v.alternatives.length === 0) out.push(`${indent}  The model can record nothing more at this point.`);
      else {
        out.push(`${indent}  Where the trace has this line, the model could instead (after the lines before it):`);
        for (const a of v.alternatives) out.push(`${indent}    - ${a}`);
      }
      if (v.spec !== undefined) {
        out.push(`${indent}  That line breaks ${specText(v.spec, sources)}`);
      }
      return out;
    }
  }
}

/** The report as text. */
export function conformText(report: ConformanceReport, sources: SourceSet, implOf: ImplOf = noImpl): string {
  const lines: string[] = [];
  const errors = report.problems.filter((p) => conformCodes[p.code].severity === "error");
  for (const p of report.problems) {
    const severity = conformCodes[p.code].severity;
    lines.push(`${report.trace}${p.line === undefined ? "" : `:${p.line}`}: ${severity} ${conformCodeName(p.code)}: ${p.message}`);
    if (p.text !== undefined) lines.push(`  ${p.line} | ${p.text.length > 160 ? p.text.slice(0, 157) + "..." : p.text}`);
  }
  if (report.verdict === "bad-trace") {
    lines.push(`${report.trace}: not a trace that can be checked (${plural(errors.length, "error")})`);
    return lines.join("\n") + "\n";
  }
  const head = `${report.trace} against ${report.test}`;
  if (report.partitionBy === undefined) {
    const [only] = report.partitions;
    lines.push(`${head}: ${partitionText(only, sources, "", implOf).join("\n")}`);
  } else {
    const bad = report.partitions.filter((p) => p.check.verdict.kind !== "conforms").length;
    lines.push(`${head}, partitioned by ${report.partitionBy}: ${plural(report.partitions.length, "partition")}, ${bad} not conforming`);
    for (const p of report.partitions) {
      lines.push(`  ${report.partitionBy} = ${p.key}: ${partitionText(p, sources, "  ", implOf).join("\n")}`);
    }
  }
  return lines.join("\n") + "\n";
}

function entryJson(e: TraceEntry | undefined, implOf: ImplOf): object | null {
  if (e === undefined) return null;
  const impl = implOf(e);
  return { line: e.line, seq: e.seq, text: e.text, ...(impl === undefined ? {} : { impl: implJson(impl) }) };
}

function spanJson(span: Span | undefined, sources: SourceSet): object | null {
  if (span === undefined) return null;
  const file = sources.get(span.file);
  const p = file?.position(span.start);
  return { file: span.file, line: p?.line ?? null, column: p?.column ?? null };
}

function specJson(f: SpecFailure, sources: SourceSet): object {
  return { spec: f.spec ?? null, kind: f.kind, message: f.message, location: spanJson(f.span, sources) };
}

/** The report as a JSON document (version 1). */
export function conformJson(report: ConformanceReport, sources: SourceSet, implOf: ImplOf = noImpl): object {
  return {
    version: 1,
    kind: "trace",
    model: report.model,
    test: report.test,
    trace: report.trace,
    partitionBy: report.partitionBy ?? null,
    verdict: report.verdict,
    problems: report.problems.map((p) => ({
      code: conformCodeName(p.code),
      severity: conformCodes[p.code].severity,
      line: p.line ?? null,
      message: p.message,
      text: p.text ?? null,
    })),
    partitions: report.partitions.map((p) => {
      const v = p.check.verdict;
      const base = { key: p.key ?? null, verdict: v.kind, lines: p.check.lines, matched: p.check.matched, states: p.check.states };
      switch (v.kind) {
        case "conforms":
          return base;
        case "error":
          return { ...base, message: v.message };
        case "inconclusive":
          return { ...base, at: entryJson(v.entry, implOf), maxStates: v.maxStates };
        case "violation":
          return { ...base, at: entryJson(v.entry, implOf), failure: specJson(v.failure, sources) };
        case "mismatch":
          return {
            ...base,
            at: entryJson(v.entry, implOf),
            alternatives: v.alternatives,
            spec: v.spec === undefined ? null : { ...specJson(v.spec, sources), at: entryJson(v.spec.entry, implOf) },
          };
      }
    }),
  };
}
