// Shared helpers for the name-resolution and type-checker tests: check small inline programs and
// describe their diagnostics as `code@line:col`, so that tests pin codes and positions together.
import type { Node, Program } from "../../src/ast/nodes.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { SourceFile } from "../../src/diagnostics/source.ts";
import { parseProgram } from "../../src/syntax/parse.ts";
import { checkProgram } from "../../src/types/check.ts";
import type { CheckedProgram } from "../../src/types/program.ts";

/** Removes the first line break and the indentation common to all lines. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").replace(/\n\s*$/, "\n").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join("\n");
}

export interface Checked {
  readonly checked: CheckedProgram;
  readonly diagnostics: readonly Diagnostic[];
  readonly program: Program;
  readonly sources: readonly SourceFile[];
}

/** Parses (which must succeed without diagnostics) and checks the files of one model. */
export function checkFiles(files: Record<string, string>): Checked {
  const sources = Object.entries(files).map(([path, text]) => new SourceFile(path, dedent(text)));
  const parsed = parseProgram(sources);
  if (parsed.diagnostics.length > 0) {
    throw new Error(`parse errors: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  }
  const result = checkProgram(parsed.program);
  return { ...result, program: parsed.program, sources };
}

export function check(text: string): Checked {
  return checkFiles({ "test.p": text });
}

function where(sources: readonly SourceFile[], d: { span: Diagnostic["span"] }, withFile: boolean): string {
  const file = sources.find((s) => s.path === d.span.file);
  const p = file?.position(d.span.start) ?? { line: 0, column: 0 };
  return `${withFile ? `${d.span.file}:` : ""}${p.line}:${p.column}`;
}

/** `code@line:col` for every diagnostic of a one-file program. */
export function codes(text: string): string[] {
  const { diagnostics, sources } = check(text);
  return diagnostics.map((d) => `${d.code}@${where(sources, d, false)}`);
}

/** `code@line:col message` for every diagnostic of a one-file program. */
export function messages(text: string): string[] {
  const { diagnostics, sources } = check(text);
  return diagnostics.map((d) => `${d.code}@${where(sources, d, false)} ${d.message}`);
}

/** `code@file:line:col` for every diagnostic, with its related notes as `note@file:line:col`. */
export function codesInFiles(files: Record<string, string>): string[] {
  const { diagnostics, sources } = checkFiles(files);
  return diagnostics.map(
    (d) => `${d.code}@${where(sources, d, true)}${d.related.map((r) => ` note@${where(sources, r, true)}`).join("")}`,
  );
}

/** Every AST node (anything with a kind and an id) of the program, in source order. */
export function allNodes(program: Program): Node[] {
  const out: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (typeof record.kind === "string" && typeof record.id === "number") out.push(record as unknown as Node);
    for (const [key, v] of Object.entries(record)) if (key !== "span") visit(v);
  };
  visit(program.files);
  return out;
}

/** The nodes of one kind, optionally only those whose source text is `text`. */
export function nodesOf<K extends Node["kind"]>(c: Checked, kind: K, text?: string): Extract<Node, { kind: K }>[] {
  return allNodes(c.program).filter((n): n is Extract<Node, { kind: K }> => {
    if (n.kind !== kind) return false;
    if (text === undefined) return true;
    const source = c.sources.find((s) => s.path === n.span.file);
    return source?.text.slice(n.span.start, n.span.end) === text;
  });
}
