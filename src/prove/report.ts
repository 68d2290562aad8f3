// The proof report as text and as JSON. Text: one line per target (proved, with the helpers its
// proof used; failed, with a counterexample to induction laid out as tables; unknown, with the
// reason and the place of an unsupported construct), then a summary. JSON: the same, with spans as
// file, line and column.
import type { Span } from "../diagnostics/source.ts";
import type { SourceSet } from "../diagnostics/source.ts";
import type { Cti, CtiMessage, CtiTable, ProofReport, TargetResult } from "./result.ts";

export interface Colors {
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

export function where(span: Span | undefined, sources: SourceSet): string | undefined {
  if (span === undefined) return undefined;
  const file = sources.get(span.file);
  if (file === undefined) return span.file;
  const p = file.position(span.start);
  return `${span.file}:${p.line}:${p.column}`;
}

export function proofText(report: ProofReport, sources: SourceSet, c: Colors, quiet: boolean): string {
  const lines: string[] = [];
  const width = Math.max(...report.results.map((r) => r.target.length), 8);
  for (const r of report.results) {
    if (quiet && r.status === "proved") continue;
    lines.push(...targetText(r, sources, c, width));
  }
  if (report.vacuity.status !== "proved") {
    lines.push(`${report.vacuity.status === "failed" ? c.red("FAILED ") : c.yellow("UNKNOWN")}  ${"vacuity".padEnd(width)}  ${report.vacuity.reason ?? ""}`);
  }
  const count = (s: string) => report.results.filter((r) => r.status === s).length;
  const s = report.stats;
  lines.push("");
  lines.push(
    `${count("proved")} proved, ${count("failed")} failed, ${count("unknown")} unknown ` +
      `(${s.obligations} obligations, ${s.queries} queries, ${s.cached} cached, ${(s.ms / 1000).toFixed(1)} s)`,
  );
  if (count("unknown") > 0) lines.push("Unknown results are not proofs: the exit code is 1.");
  return lines.join("\n") + "\n";
}

function targetText(r: TargetResult, sources: SourceSet, c: Colors, width: number): string[] {
  const at = where(r.span, sources);
  const place = at === undefined ? "" : c.dim(`  ${at}`);
  const lines: string[] = [];
  if (r.status === "proved") {
    const using = r.helpers.length === 0 ? "on its own" : `using ${r.helpers.join(", ")}`;
    lines.push(`${c.green("proved ")}  ${r.target.padEnd(width)}  ${using}`);
    for (const n of r.notes) lines.push(`         ${" ".repeat(width)}  ${c.dim(`note: ${n}`)}`);
    return lines;
  }
  const label = r.status === "failed" ? c.red("FAILED ") : c.yellow("UNKNOWN");
  lines.push(`${label}  ${c.bold(r.target)}${place}`);
  for (const f of r.failures) {
    const fat = where(f.span, sources);
    lines.push(`  ${f.description.startsWith("preserved") ? "not " : "fails: "}${f.description}${fat === undefined ? "" : ` (${fat})`}`);
    if (f.cti !== undefined) lines.push(...ctiText(f.cti, r.target === "default" ? f.description : r.target, c).map((l) => (l === "" ? "" : `  ${l}`)));
    else if (f.ctiMissing !== undefined) lines.push(`    ${c.dim(f.ctiMissing)}`);
  }
  for (const u of r.unknowns) {
    const uat = where(u.span, sources);
    lines.push(`  ${u.description}: ${u.reason}${uat === undefined ? "" : ` at ${uat}`}`);
  }
  for (const n of r.notes) lines.push(`  ${c.dim(`note: ${n}`)}`);
  lines.push("");
  return lines;
}

/** A counterexample to induction: the state before, the step, the state after (changed cells marked). */
export function ctiText(cti: Cti, target: string, c: Colors): string[] {
  const lines: string[] = [];
  lines.push(`${cti.single ? "counterexample" : "counterexample to induction"}: ${cti.size}`);
  lines.push("");
  lines.push(cti.single ? "  state:" : "  before the step:");
  for (const t of cti.tables) lines.push(...table(t, "before").map((l) => `    ${l}`));
  lines.push(...messageLines(cti.messages.filter((m) => !m.isNew), "before"));
  for (const p of cti.pures) lines.push(`    ${p.name} = ${p.value}`);
  if (cti.step !== undefined) {
    lines.push("");
    const takes = cti.step.message === undefined ? "" : ` takes ${cti.step.message}${cti.step.event === undefined ? "" : ` ${cti.step.event}`}`;
    const payload = cti.step.payload === undefined ? "" : ` with payload ${cti.step.payload}`;
    const event = cti.messages.find((m) => m.id === cti.step!.message)?.event;
    if (cti.step.kind === "unhandled") lines.push(`  ${cti.step.machine} in ${cti.step.handler} cannot take ${cti.step.message ?? "the message"}${event === undefined ? "" : ` ${event}`}`);
    else lines.push(`  step: ${cti.step.machine} runs ${cti.step.handler}${takes ? "," : ""}${takes}${payload}`);
    const sent = cti.messages.filter((m) => m.isNew);
    for (const m of sent) lines.push(`    sends ${message(m)}`);
  }
  if (!cti.single) {
    lines.push("");
    lines.push("  after the step (* changed):");
    for (const t of cti.tables) lines.push(...table(t, "after").map((l) => `    ${l}`));
    lines.push(...messageLines(cti.messages, "after"));
  }
  lines.push("");
  const witnesses = cti.witnesses.length === 0 ? "" : ` with ${cti.witnesses.map((w) => `${w.name} = ${w.value}`).join(", ")}`;
  lines.push(`  ${c.red("broken")}: ${target}${witnesses}`);
  return lines;
}

export function message(m: CtiMessage): string {
  const payload = m.payload === undefined ? "" : m.payload.startsWith("(") ? m.payload : `(${m.payload})`;
  return `${m.id} ${m.event}${payload} to ${m.target}`;
}

function messageLines(messages: readonly CtiMessage[], when: "before" | "after"): string[] {
  const flying = messages.filter((m) => (when === "before" ? m.inflight : m.inflightAfter === true));
  const taken = messages.filter((m) => !(when === "before" ? m.inflight : m.inflightAfter === true));
  const out: string[] = [];
  out.push(`    in flight: ${flying.length === 0 ? "nothing" : flying.map(message).join(", ")}`);
  if (taken.length > 0) out.push(`    delivered: ${taken.map(message).join(", ")}`);
  return out;
}

export function table(t: CtiTable, when: "before" | "after"): string[] {
  const header = [t.machineType, ...t.columns];
  const rows = t.rows.map((r) => {
    const cells = when === "before" ? r.before : (r.after ?? r.before);
    return [r.id, ...cells.map((x, i) => (when === "after" && r.changed?.[i] ? `${x} *` : x))];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((x, i) => x.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}

// -- JSON -------------------------------------------------------------------------------------------

export function jsonSpan(span: Span | undefined, sources: SourceSet): { file: string; line: number; column: number } | undefined {
  if (span === undefined) return undefined;
  const file = sources.get(span.file);
  if (file === undefined) return { file: span.file, line: 0, column: 0 };
  const p = file.position(span.start);
  return { file: span.file, line: p.line, column: p.column };
}

export function proofJson(report: ProofReport, sources: SourceSet): unknown {
  return {
    version: 1,
    verdict: report.results.every((r) => r.status === "proved") && report.vacuity.status === "proved" ? "proved" : report.results.some((r) => r.status === "failed") || report.vacuity.status === "failed" ? "failed" : "unknown",
    results: report.results.map((r) => ({
      target: r.target,
      status: r.status,
      location: jsonSpan(r.span, sources),
      obligations: r.obligations,
      helpers: r.helpers,
      failures: r.failures.map((f) => ({ description: f.description, location: jsonSpan(f.span, sources), cti: f.cti, ctiMissing: f.ctiMissing })),
      unknowns: r.unknowns.map((u) => ({ description: u.description, reason: u.reason, construct: u.construct, location: jsonSpan(u.span, sources) })),
      notes: r.notes,
    })),
    vacuity: report.vacuity,
    stats: { ...report.stats, ms: Math.round(report.stats.ms), solverMs: Math.round(report.stats.solverMs) },
  };
}
