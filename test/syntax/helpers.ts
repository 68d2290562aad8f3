// Shared helpers for the parser tests.
import { SourceFile } from "../../src/diagnostics/source.ts";
import { parseProgram, type ParseResult } from "../../src/syntax/parse.ts";

export function parse(text: string, path = "test.p"): ParseResult {
  return parseProgram([new SourceFile(path, text)]);
}

/** `code@line:col` for each diagnostic, so tests pin codes and positions together. */
export function codesAt(text: string): string[] {
  const file = new SourceFile("test.p", text);
  return parseProgram([file]).diagnostics.map((d) => {
    const p = file.position(d.span.start);
    return `${d.code}@${p.line}:${p.column}`;
  });
}
