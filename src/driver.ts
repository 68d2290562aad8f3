// The pipeline, read top to bottom: find the model's files, read them, parse, resolve and
// type-check. Each phase hands the next one typed record and its diagnostics; a phase runs only
// when the ones before it found no errors, so every message a user sees has one cause.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { diagnostic, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { SourceFile, SourceSet } from "./diagnostics/source.ts";
import type { Program } from "./ast/nodes.ts";
import { parseProgram } from "./syntax/parse.ts";
import { checkProgram } from "./types/check.ts";
import type { CheckedProgram } from "./types/program.ts";
import type { ModelIR } from "./ir/ir.ts";
import { lowerProgram } from "./ir/lower.ts";

/** The file extension of models. */
export const MODEL_EXTENSION = ".p";

/** The standard library of environment machines shipped with Pith: `std:timer` names `lib/std/timer.p`. */
export const STD_FOLDER = fileURLToPath(new URL("../lib/std/", import.meta.url));
const STD_PREFIX = "std:";

/** The names of the standard library's files (`timer`, `failure-injector`, ...). */
export function standardLibrary(): string[] {
  try {
    return readdirSync(STD_FOLDER)
      .filter((f) => f.endsWith(MODEL_EXTENSION))
      .map((f) => f.slice(0, -MODEL_EXTENSION.length))
      .sort();
  } catch {
    return [];
  }
}

export interface LoadResult {
  readonly files: SourceFile[];
  /** Problems with the paths themselves (missing, unreadable, no model files): usage errors. */
  readonly problems: string[];
}

/**
 * Reads the files of a model: each path is a `.p` file, a folder searched recursively for them
 * (like P's PSrc, PSpec and PTst folders), or `std:NAME` for a file of the standard library.
 * Files are read once each, in a sorted, stable order.
 */
export function loadModel(paths: readonly string[], cwd = process.cwd()): LoadResult {
  const problems: string[] = [];
  const found: string[] = [];
  for (const path of paths) {
    if (path.startsWith(STD_PREFIX)) {
      const name = path.slice(STD_PREFIX.length);
      if (standardLibrary().includes(name)) found.push(join(STD_FOLDER, name + MODEL_EXTENSION));
      else problems.push(`${path}: the standard library has no '${name}' (it has: ${standardLibrary().join(", ") || "nothing"})`);
      continue;
    }
    const absolute = resolve(cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      problems.push(`${path}: no such file or folder`);
      continue;
    }
    if (isDirectory) {
      const inside = listModelFiles(absolute);
      if (inside.length === 0) problems.push(`${path}: no ${MODEL_EXTENSION} files in this folder`);
      found.push(...inside);
    } else found.push(absolute);
  }
  const unique = [...new Set(found)].sort();
  const files: SourceFile[] = [];
  for (const absolute of unique) {
    const shown = absolute.startsWith(STD_FOLDER)
      ? STD_PREFIX + absolute.slice(STD_FOLDER.length, -MODEL_EXTENSION.length)
      : relative(cwd, absolute) || absolute;
    try {
      files.push(new SourceFile(shown.split(sep).join("/"), readFileSync(absolute, "utf8")));
    } catch (error) {
      problems.push(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  return { files, problems };
}

function listModelFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...listModelFiles(full));
    else if (entry.name.endsWith(MODEL_EXTENSION)) out.push(full);
  }
  return out;
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
