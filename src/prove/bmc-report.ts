// The report of `pith prove --bmc` as text and as JSON: the instance checked, then either that no
// violation is reachable within the bound, or the shortest run to one (the initial state, each step
// with the state after it, changed cells marked), or the depth at which Z3 gave no answer.
import type { SourceSet } from "../diagnostics/source.ts";
import type { BmcResult, BmcTrace } from "./bmc.ts";
import { DEFAULT_PER_TYPE } from "./bmc.ts";
import { DEFAULT } from "./obligations.ts";
import { jsonSpan, message, table, where, type Colors } from "./report.ts";

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function steps(n: number): string {
  return `${n} step${n === 1 ? "" : "s"}`;
}

export function bmcText(r: BmcResult, sources: SourceSet, c: Colors): string {
  const lines: string[] = [];
  const chosen = r.defaulted.length === 0 ? "" : ` (${r.defaulted.join(", ")}: at most ${DEFAULT_PER_TYPE} each, as many as the init-conditions allow; set with --instance)`;
  lines.push(`bounded model checking of the instance ${r.instance}${chosen}, up to ${steps(r.bound)}`);
  lines.push("");
  const stats = `${r.queries} quer${r.queries === 1 ? "y" : "ies"}, ${r.cached} cached, ${seconds(r.ms)}`;
  switch (r.status) {
    case "none":
      lines.push(`${c.green("no violation")} within ${steps(r.bound)} for this instance (${stats})`);
      lines.push(c.dim("This covers runs of this instance only; `pith prove` without --bmc covers every instance."));
      break;
    case "unknown": {
      const at = where(r.span, sources);
      lines.push(`${c.yellow("UNKNOWN")}  depth ${r.depth}: ${r.reason}${at === undefined ? "" : ` at ${at}`}`);
      lines.push(r.depth === 0 ? `nothing was checked (${stats})` : `no violation within ${steps(r.depth - 1)} for this instance (${stats})`);
      break;
    }
    case "violation":
      lines.push(...traceText(r.trace, sources, c));
      lines.push("");
      lines.push(`violation after ${steps(r.trace.steps.length)}, the fewest possible in this instance (${stats})`);
      break;
  }
  return lines.join("\n") + "\n";
}

function traceText(t: BmcTrace, sources: SourceSet, c: Colors): string[] {
  const lines: string[] = [];
  const at = where(t.broken.span, sources);
  lines.push(`${c.red("VIOLATION")}  ${c.bold(t.broken.target)}${at === undefined ? "" : c.dim(`  ${at}`)}`);
  lines.push(`  ${t.broken.description}, after ${steps(t.steps.length)}:`);
  lines.push("");
  lines.push("  initial state:");
  for (const tb of t.initial) lines.push(...table(tb, "before").map((l) => `    ${l}`));
  lines.push("    in flight: nothing");
  t.steps.forEach((s, i) => {
    lines.push("");
    const takes = s.message === undefined ? "" : `, takes ${s.message} ${s.event ?? ""}`.trimEnd();
    const payload = s.payload === undefined ? "" : ` with payload ${s.payload}`;
    lines.push(`  step ${i + 1}: ${s.machine} runs ${s.handler}${takes}${payload}`);
    if (s.fails !== undefined) {
      lines.push(`    ${c.red("fails")}: ${s.fails}`);
      return;
    }
    for (const m of s.sends) lines.push(`    sends ${message(m)}`);
    for (const tb of s.tables) lines.push(...table(tb, "after").map((l) => `    ${l}`));
    lines.push(`    in flight: ${s.inflight.length === 0 ? "nothing" : s.inflight.map(message).join(", ")}`);
  });
  lines.push("");
  const witnesses = t.broken.witnesses.length === 0 ? "" : ` with ${t.broken.witnesses.map((w) => `${w.name} = ${w.value}`).join(", ")}`;
  const what = t.broken.target === DEFAULT ? `${t.broken.target}: ${t.broken.description}` : t.broken.target;
  lines.push(`  ${c.red("broken")}: ${what}${witnesses}`);
  return lines;
}

export function bmcJson(r: BmcResult, sources: SourceSet): unknown {
  return {
    version: 1,
    mode: "bmc",
    verdict: r.status,
    instance: Object.fromEntries(r.counts.map((x) => [x.machine, x.count])),
    defaulted: r.defaulted,
    bound: r.bound,
    ...(r.status === "unknown" ? { depth: r.depth, reason: r.reason, location: jsonSpan(r.span, sources) } : {}),
    ...(r.status === "violation"
      ? {
          depth: r.trace.steps.length,
          trace: { ...r.trace, broken: { ...r.trace.broken, span: undefined, location: jsonSpan(r.trace.broken.span, sources) } },
        }
      : {}),
    stats: { queries: r.queries, cached: r.cached, ms: Math.round(r.ms) },
  };
}
