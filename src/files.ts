// Writing the files commands produce (generated modules, reports, counterexamples, new projects,
// caches), and saying in words why the file system refused. Folders are made one level at a time
// from the deepest one that exists: Node's own recursive mkdir never returns on a path it cannot
// create in some file systems (a missing folder under /proc spins forever).
import { mkdirSync, statSync, writeFileSync, type WriteFileOptions } from "node:fs";
import { dirname } from "node:path";

/** Makes `folder` and the folders above it that are missing. */
export function makeFolder(folder: string): void {
  const missing: string[] = [];
  for (let f = folder; !exists(f); f = dirname(f)) {
    if (dirname(f) === f) break;
    missing.push(f);
  }
  for (let i = missing.length - 1; i >= 0; i--) mkdirSync(missing[i]);
}

/** Writes `text` to `path`, making its folder first. */
export function writeTextFile(path: string, text: string | Uint8Array, options?: WriteFileOptions): void {
  makeFolder(dirname(path));
  writeFileSync(path, text, options);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** An error of the file system (it has an errno code and names a path). */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && typeof (error as NodeJS.ErrnoException).path === "string";
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  EEXIST: "it already exists (as a file where a folder is needed, or the other way round)",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "no space is left on the device",
};

/** What the file system refused, in words: `cannot mkdir /dev/null: it already exists (...) [EEXIST]`. */
export function describeFileSystemError(error: NodeJS.ErrnoException & { path: string }): string {
  const what = error.syscall === undefined ? "cannot use" : `cannot ${error.syscall}`;
  const reason = REASONS[error.code ?? ""] ?? error.message;
  return `${what} ${error.path}: ${reason} [${error.code}]`;
}
