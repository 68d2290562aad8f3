// Rendering diagnostics for people (`path:line:col: error PTH3002: message`, the source line and
// carets under the span) and for programs (a versioned JSON document).
import pc from "picocolors";
import { codeName } from "./codes.ts";
import type { Diagnostic } from "./diagnostic.ts";
import type { SourceSet, Span } from "./source.ts";

export interface RenderOptions {
  readonly color: boolean;
}

interface Located {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

function locate(span: Span, sources: SourceSet): Located {
  const file = sources.get(span.file);
  if (file === undefined) return { file: span.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const start = file.position(span.start);
  const end = file.position(span.end);
  return { file: span.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The source line of the span's start, with carets under the part of it that the span covers. */
function excerpt(span: Span, sources: SourceSet, color: boolean): string[] {
  const file = sources.get(span.file);
  if (file === undefined) return [];
  const { line, column } = file.position(span.start);
  const text = file.lineText(line).replace(/\t/g, " ");
  const end = file.position(span.end);
  const lastColumn = end.line === line ? end.column : text.length + 1;
  const width = Math.max(1, lastColumn - column);
  const gutter = String(line).length;
  const marks = " ".repeat(column - 1) + "^".repeat(width);
  return [
    `${" ".repeat(gutter)} |`,
    `${line} | ${text}`,
    `${" ".repeat(gutter)} | ${color ? pc.red(marks) : marks}`,
  ];
}

export function renderDiagnostic(d: Diagnostic, sources: SourceSet, options: RenderOptions): string {
  const at = locate(d.span, sources);
  const severity = options.color ? (d.severity === "error" ? pc.red(pc.bold("error")) : pc.yellow(pc.bold("warning"))) : d.severity;
  const head = `${at.file}:${at.line}:${at.column}: ${severity} ${codeName(d.code)}: ${d.message}`;
  const lines = [options.color ? head.replace(d.message, pc.bold(d.message)) : head, ...excerpt(d.span, sources, options.color)];
  for (const r of d.related) {
    const rel = locate(r.span, sources);
    lines.push(`  ${rel.file}:${rel.line}:${rel.column}: note: ${r.message}`);
  }
  return lines.join("\n");
}

/** Every diagnostic, in the order given, followed by a count line. */
export function renderText(list: readonly Diagnostic[], sources: SourceSet, options: RenderOptions): string {
  const blocks = list.map((d) => renderDiagnostic(d, sources, options));
  const errors = list.filter((d) => d.severity === "error").length;
  const warnings = list.length - errors;
  const summary = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  return [...blocks, summary].join("\n\n") + "\n";
}

export const DIAGNOSTICS_JSON_VERSION = 1;

export function diagnosticsToJson(list: readonly Diagnostic[], sources: SourceSet): object {
  return {
    version: DIAGNOSTICS_JSON_VERSION,
    diagnostics: list.map((d) => ({
      code: codeName(d.code),
      severity: d.severity,
      message: d.message,
      ...locate(d.span, sources),
      related: d.related.map((r) => ({ message: r.message, ...locate(r.span, sources) })),
    })),
    errors: list.filter((d) => d.severity === "error").length,
    warnings: list.filter((d) => d.severity === "warning").length,
  };
}
