// The pipeline, read top to bottom: find the model's files, read them, parse, resolve and
// type-check. Each phase hands the next one typed record and its diagnostics; a phase runs only
// when the ones before it found no errors, so every message a user sees has one cause.
import { diagnostic, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { SourceFile, SourceSet } from "./diagnostics/source.ts";
import type { Program } from "./ast/nodes.ts";
import { findModel } from "./model-files.ts";
import { parseProgram } from "./syntax/parse.ts";
import { checkProgram } from "./types/check.ts";
import type { CheckedProgram } from "./types/program.ts";
import type { ModelIR } from "./ir/ir.ts";
import { lowerProgram } from "./ir/lower.ts";

export { MODEL_EXTENSION, standardLibrary } from "./model-files.ts";

export interface LoadResult {
  readonly files: SourceFile[];
  /** Problems with the paths themselves (missing, unreadable, no model files): usage errors. */
  readonly problems: string[];
}

/**
 * Reads the files of a model: each path is a `.p` file, a folder searched recursively for them
 * (like P's PSrc, PSpec and PTst folders), or `std:NAME` for a file of the standard library.
 * Files are read once each, in a sorted, stable order; paths are shown relative to `cwd`.
 */
export function loadModel(paths: readonly string[], cwd = process.cwd()): LoadResult {
  const found = findModel(paths, cwd, cwd);
  return { files: found.files.map((f) => new SourceFile(f.path, f.text)), problems: found.problems };
}

export interface FrontEndResult {
  readonly sources: SourceSet;
  readonly program: Program;
  /** Present when the program parsed without errors. */
  readonly checked: CheckedProgram | undefined;
  /** Present when the program has no errors: what the explorer and the prover consume. */
  readonly ir: ModelIR | undefined;
  /** Every diagnostic of every phase that ran, sorted by file and position. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses, checks and lowers a model. Type checking runs only on a program without syntax errors,
 * and lowering only on one without any error.
 */
export function frontEnd(files: readonly SourceFile[]): FrontEndResult {
  const sources = new SourceSet();
  for (const f of files) sources.add(f);
  const parsed = parseProgram(files);
  const syntaxErrors = parsed.diagnostics.some((d) => d.severity === "error");
  const typed = syntaxErrors ? undefined : checkDeepProgram(parsed.program, files);
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...(typed?.diagnostics ?? [])]);
  const ir = typed?.checked === undefined || hasErrors(diagnostics) ? undefined : lowerProgram(typed.checked);
  return { sources, program: parsed.program, checked: typed?.checked, ir, diagnostics };
}

/**
 * Type checking, with the stack exhausted by a pathologically deep expression (thousands of
 * chained operators) reported as a diagnostic on the model rather than thrown.
 */
function checkDeepProgram(
  program: Program,
  files: readonly SourceFile[],
): { checked: CheckedProgram | undefined; diagnostics: readonly Diagnostic[] } {
  try {
    return checkProgram(program);
  } catch (error) {
    if (!(error instanceof RangeError) || files.length === 0) throw error;
    return { checked: undefined, diagnostics: [diagnostic(3057, { file: files[0].path, start: 0, end: 0 })] };
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
