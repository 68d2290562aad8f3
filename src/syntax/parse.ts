// Parsing: source text to AST. (Implementation in progress; the signatures are the contract.)
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile } from "../diagnostics/source.ts";
import type { FileNode, Program } from "../ast/nodes.ts";

export interface ParseResult {
  readonly program: Program;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses the files of one model; node ids are unique across all of them. */
export function parseProgram(files: readonly SourceFile[]): ParseResult {
  void files;
  throw new Error("not yet implemented");
}

export type { FileNode };
