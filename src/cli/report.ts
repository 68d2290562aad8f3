// Writing the results of `pith check`: the text report (one section per model when checking a
// project), the JSON document, the GitHub annotations and job summary, SARIF and JUnit files, and
// the counterexample files (ITF traces and HTML pages). The reporters themselves live in
// src/report/; this file builds their input and sends their output where it was asked to go.
import { appendFileSync } from "node:fs";
import { writeTextFile } from "../files.ts";
import { join, relative, resolve } from "node:path";
import pc from "picocolors";
import { diagnosticsToJson, renderText } from "../diagnostics/render.ts";
import { SourceFile, SourceSet } from "../diagnostics/source.ts";
import type { TestOutcome } from "../explore/check.ts";
import type { ImplementationMap } from "../conform/impl-map.ts";
import { outcomesToJson } from "../report/check-json.ts";
import { checkText, traceText, verdictLine, statsLine } from "../report/check-text.ts";
import type { ModelRun, RunReport } from "../report/run-report.ts";
import type { TraceFile } from "../report/trace-json.ts";
import type { Output } from "./io.ts";
import type { Finding } from "./expectations.ts";
import { safeName, type OutputPlan } from "./output.ts";
import type { ModelResult } from "./project.ts";

export interface Reported {
  readonly results: readonly ModelResult[];
  readonly findings: readonly Finding[];
  /** Configurations whose violation pith.json expects, per model. */
  readonly expected: ReadonlyMap<string, ReadonlySet<string>>;
  /** pith.json as shown (cwd-relative), when checking a project. */
  readonly configShown: string | undefined;
  /** Checking a project (a section per model) rather than the paths given. */
  readonly project: boolean;
  readonly toolVersion: string;
  /** The link map of each linked model (by name) whose counterexamples are shown. */
  readonly impl?: ReadonlyMap<string, ImplementationMap>;
}

export interface ReportOptions {
  readonly io: Output;
  readonly color: boolean;
  readonly quiet: boolean;
}

export function sourcesOf(result: ModelResult): SourceSet {
  const sources = new SourceSet();
  for (const f of result.job.files) sources.add(new SourceFile(f.path, f.text));
  return sources;
}

/**
 * The reporters' input. `problemsOnly` leaves out the violations that pith.json expects (models
 * kept with a known bug): annotations and code-scanning alerts are for problems to fix.
 */
export function runReport(r: Reported, problemsOnly = false): RunReport {
  return {
    toolVersion: r.toolVersion,
    runs: r.results.map(
      (m): ModelRun => ({
        model: m.job.name,
        sources: sourcesOf(m),
        diagnostics: m.diagnostics,
        outcomes: problemsOnly ? m.outcomes.filter((o) => !isExpected(r, m, o)) : m.outcomes,
        ir: m.ir,
        impl: r.impl?.get(m.job.name),
      }),
    ),
  };
}

function hasErrors(m: ModelResult): boolean {
  return m.diagnostics.some((d) => d.severity === "error");
}

function isExpected(r: Reported, m: ModelResult, o: TestOutcome): boolean {
  return r.expected.get(m.job.name)?.has(o.test) === true;
}

/** The job summary's part about pith.json's expectations: violations it expects, results that differ. */
function expectationSummary(r: Reported): string {
  const expected = r.results.flatMap((m) => m.outcomes.filter((o) => isExpected(r, m, o)).map((o) => `| \`${m.job.name}\` | \`${o.test}\` | ${o.violation?.kind} |`));
  const lines: string[] = [];
  if (expected.length > 0) {
    lines.push("### Expected violations", "", "pith.json expects these violations (models kept with a known bug): they do not fail the check.", "");
    lines.push("| Model | Test | Kind |", "| --- | --- | --- |", ...expected, "");
  }
  if (r.findings.length > 0) {
    lines.push("### Results that differ from pith.json", "");
    for (const f of r.findings) lines.push(`- ${f.severity === "error" ? "❌" : "⚠️"} ${f.message.replace(/[<>*_`|]/g, (c) => `\\${c}`)} (\`${r.configShown}:${f.at.line}\`)`);
    lines.push("");
  }
  return lines.join("\n");
}

function paint(color: boolean) {
  const id = (s: string) => s;
  return color ? { ok: pc.green, bad: pc.red, warn: pc.yellow, dim: pc.dim, bold: pc.bold } : { ok: id, bad: id, warn: id, dim: id, bold: id };
}

/** The text report of a project: each model's results, the expectations that did not hold, a tally. */
export function projectText(r: Reported, color: boolean, quiet: boolean): string {
  const p = paint(color);
  const parts: string[] = [];
  for (const m of r.results) {
    const sources = sourcesOf(m);
    const errors = m.diagnostics.filter((d) => d.severity === "error");
    const head = `${p.bold(m.job.name)} ${p.dim(`(${m.job.files.length} file${m.job.files.length === 1 ? "" : "s"})`)}`;
    const body: string[] = [];
    if (errors.length > 0) body.push(renderText(quiet ? errors : m.diagnostics, sources, { color }).trimEnd());
    for (const problem of m.problems) body.push(`${p.bad("error")}: ${problem}`);
    for (const o of m.outcomes) {
      const expected = r.expected.get(m.job.name)?.has(o.test) === true;
      if (quiet && (o.verdict === "pass" || expected)) continue;
      const notes = [expected ? "expected" : "", m.cached.has(o.test) ? "from the cache" : ""].filter((n) => n !== "");
      body.push(verdictLine(o, p) + (notes.length > 0 ? p.dim(` (${notes.join(", ")})`) : ""));
      if (o.violation !== undefined && !expected) body.push(traceText(o.violation, sources, color, r.impl?.get(m.job.name)) + `  ${p.dim(statsLine(o))}`);
    }
    if (m.outcomes.length === 0 && errors.length === 0 && m.problems.length === 0 && !quiet) body.push(p.dim("no test configuration in this shard"));
    if (body.length > 0) parts.push(`${head}\n${body.join("\n")}`);
  }
  for (const f of r.findings) {
    const where = r.configShown === undefined ? "" : `${r.configShown}:${f.at.line}:${f.at.column}: `;
    parts.push(`${where}${f.severity === "error" ? p.bad("error") : p.warn("warning")}: ${f.message}`);
  }
  parts.push(tallyLine(r));
  return parts.join("\n\n") + "\n";
}

function tallyLine(r: Reported): string {
  const outcomes = r.results.flatMap((m) => m.outcomes.map((o) => ({ m, o })));
  const count = (v: TestOutcome["verdict"]) => outcomes.filter((x) => x.o.verdict === v).length;
  const expected = outcomes.filter((x) => r.expected.get(x.m.job.name)?.has(x.o.test) === true).length;
  const cached = outcomes.filter((x) => x.m.cached.has(x.o.test)).length;
  const broken = r.results.filter((m) => m.problems.length > 0 || m.diagnostics.some((d) => d.severity === "error")).length;
  const n = outcomes.length;
  return (
    `${r.results.length} model${r.results.length === 1 ? "" : "s"}, ${n} test${n === 1 ? "" : "s"}: ${count("pass")} passed, ` +
    `${count("violation")} violated${expected > 0 ? ` (${expected} as expected)` : ""}, ${count("inconclusive")} inconclusive` +
    (broken > 0 ? `; ${broken} model${broken === 1 ? "" : "s"} not checked` : "") +
    (cached > 0 ? `; ${cached} from the cache` : "")
  );
}

/** The JSON document of a project run. */
export function projectJson(r: Reported): object {
  const all = r.results.flatMap((m) => m.outcomes);
  return {
    version: 1,
    tool: r.toolVersion,
    models: r.results.map((m) => {
      const sources = sourcesOf(m);
      const doc = outcomesToJson(m.outcomes, sources, r.impl?.get(m.job.name)) as Record<string, unknown>;
      return {
        model: m.job.name,
        files: m.job.files.map((f) => f.path),
        problems: m.problems,
        diagnostics: (diagnosticsToJson(m.diagnostics, sources) as { diagnostics: unknown[] }).diagnostics,
        tests: doc.tests,
        cached: [...m.cached],
        parsed: m.parsed,
        expectedViolations: [...(r.expected.get(m.job.name) ?? [])],
      };
    }),
    expectations: r.findings.map((f) => ({ ...f, file: r.configShown })),
    passed: all.filter((o) => o.verdict === "pass").length,
    violated: all.filter((o) => o.verdict === "violation").length,
    inconclusive: all.filter((o) => o.verdict === "inconclusive").length,
  };
}

/** The GitHub workflow commands for pith.json's expectations (the reporters know nothing of them). */
function expectationAnnotations(r: Reported): string {
  if (r.configShown === undefined) return "";
  const esc = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const prop = (s: string) => esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return r.findings
    .map((f) => `::${f.severity} file=${prop(r.configShown!)},line=${f.at.line},col=${f.at.column},title=${prop(`Pith: ${f.model} ${f.configuration}`)}::${esc(f.message)}\n`)
    .join("");
}

async function documentText(reporter: "json" | "sarif" | "junit", r: Reported): Promise<string> {
  switch (reporter) {
    case "json": {
      if (r.project) return JSON.stringify(projectJson(r), null, 2) + "\n";
      // The document of one model named by its paths, as it has always been; static errors added.
      const m = r.results[0];
      const doc = outcomesToJson(m.outcomes, sourcesOf(m), r.impl?.get(m.job.name));
      const diagnostics = hasErrors(m) ? { diagnostics: (diagnosticsToJson(m.diagnostics, sourcesOf(m)) as { diagnostics: unknown[] }).diagnostics } : {};
      return JSON.stringify({ ...doc, ...diagnostics }, null, 2) + "\n";
    }
    case "sarif": {
      const { toSarif } = await import("../report/sarif.ts");
      return JSON.stringify(toSarif(runReport(r, true)), null, 2) + "\n";
    }
    case "junit": {
      const { toJunit } = await import("../report/junit.ts");
      return toJunit(runReport(r));
    }
  }
}

/** Prints and writes everything `plan` asks for. */
export async function writeReports(plan: OutputPlan, r: Reported, o: ReportOptions): Promise<void> {
  const { io } = o;
  const cwd = io.cwd;
  if (plan.stdout === "text" || plan.stdout === "github") {
    const m = r.results[0];
    if (r.project) io.out(projectText(r, o.color, o.quiet));
    else if (hasErrors(m)) io.out(renderText(o.quiet ? m.diagnostics.filter((d) => d.severity === "error") : m.diagnostics, sourcesOf(m), { color: o.color }));
    else {
      io.out(checkText(m.outcomes, sourcesOf(m), o.color, o.quiet, r.impl?.get(m.job.name)));
      if (m.cached.size > 0 && !o.quiet) io.out(paint(o.color).dim(`(${m.cached.size} of ${m.outcomes.length} from the cache; --no-cache runs them again)\n`));
    }
  } else io.out(await documentText(plan.stdout, r));
  if (plan.stdout === "github") {
    const { githubAnnotations } = await import("../report/github.ts");
    io.out(githubAnnotations(runReport(r, true)) + expectationAnnotations(r));
  }
  if (plan.summary) {
    const target = io.env.GITHUB_STEP_SUMMARY;
    if (target !== undefined && target !== "") {
      const { githubSummary } = await import("../report/github.ts");
      appendFileSync(resolve(cwd, target), githubSummary(runReport(r)) + "\n" + expectationSummary(r));
    }
  }
  for (const f of plan.files) writeTextFile(resolve(cwd, f.path), await documentText(f.reporter, r));
  await writeCounterexamples(plan, r, o);
}

interface Counterexample {
  readonly result: ModelResult;
  readonly outcome: TestOutcome;
  readonly trace: TraceFile;
}

async function writeCounterexamples(plan: OutputPlan, r: Reported, o: ReportOptions): Promise<void> {
  const found: Counterexample[] = r.results.flatMap((result) =>
    result.outcomes.flatMap((outcome) => {
      const trace = result.traces.get(outcome.test);
      return trace === undefined ? [] : [{ result, outcome, trace }];
    }),
  );
  if (found.length === 0) return;
  const cwd = o.io.cwd;
  const written: string[] = [];
  const label = (c: Counterexample) => (r.project ? `${c.result.job.name} ${c.outcome.test}` : c.outcome.test);
  if (plan.traceOut !== undefined) {
    for (const c of found) {
      const suffix = r.project ? `${safeName(c.result.job.name)}.${safeName(c.outcome.test)}` : safeName(c.outcome.test);
      const target = found.length === 1 ? plan.traceOut : plan.traceOut.replace(/(\.json)?$/, `.${suffix}.json`);
      writeTextFile(resolve(cwd, target), JSON.stringify(c.trace, null, 2) + "\n");
      if (!o.quiet) o.io.err(`counterexample of ${label(c)} written to ${target}\n`);
    }
  }
  const pages = plan.html !== undefined || plan.artifacts !== undefined;
  const html = pages ? (await import("../report/html.ts")).htmlTrace : undefined;
  const report = pages ? runReport(r) : undefined;
  for (const c of found) {
    const run = report?.runs[r.results.indexOf(c.result)];
    const base = `${safeName(c.result.job.name)}/${safeName(c.outcome.test)}`;
    if (plan.html !== undefined && html !== undefined && run !== undefined) {
      writeTextFile(resolve(cwd, plan.html, `${base}.html`), html(run, c.outcome, c.trace));
      written.push(join(plan.html, `${base}.html`));
    }
    if (plan.artifacts !== undefined && html !== undefined && run !== undefined) {
      writeTextFile(resolve(cwd, plan.artifacts, `${base}.json`), JSON.stringify(c.trace, null, 2) + "\n");
      writeTextFile(resolve(cwd, plan.artifacts, `${base}.html`), html(run, c.outcome, c.trace));
      written.push(join(plan.artifacts, `${base}.json`), join(plan.artifacts, `${base}.html`));
    }
  }
  if (written.length > 0 && !o.quiet) {
    o.io.err(`counterexample files: ${written.map((w) => relative(cwd, resolve(cwd, w)) || w).join(", ")}\n`);
  }
}
