// The files a model is made of, found and read: a .p file, a folder searched recursively for .p
// files (skipping hidden folders and node_modules), or `std:NAME` for the standard library, from
// one of two trees: the working tree, or the git index (what is staged). It loads nothing of the
// parser, so that finding and hashing a model for the result cache stays cheap.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const MODEL_EXTENSION = ".p";
const STD_PREFIX = "std:";
const STD_FOLDER = fileURLToPath(new URL("../lib/std/", import.meta.url));

/** A file of a model: its path as shown to the user and its text. */
export interface ModelFile {
  readonly path: string;
  readonly text: string;
}

/** Where files are looked for: the working tree, or a snapshot such as the git index. */
export interface FileTree {
  /** true for a folder, false for a file, undefined when there is nothing at `absolute`. */
  kind(absolute: string): "file" | "folder" | undefined;
  /** The model files under `folder`, recursively, as absolute paths in sorted order. */
  modelFiles(folder: string): string[];
  /** The texts of `files` (absolute paths that `kind` says are files). */
  read(files: readonly string[]): Map<string, string>;
  /** How to say that a path is missing. */
  readonly missing: string;
}

export const workingTree: FileTree = {
  kind(absolute) {
    try {
      return statSync(absolute).isDirectory() ? "folder" : "file";
    } catch {
      return undefined;
    }
  },
  modelFiles(folder) {
    const out: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) out.push(...this.modelFiles(full));
      else if (entry.name.endsWith(MODEL_EXTENSION)) out.push(full);
    }
    return out;
  },
  read(files) {
    const texts = new Map<string, string>();
    for (const f of files) {
      try {
        texts.set(f, readFileSync(f, "utf8"));
      } catch {
        // reported by the caller as a file that cannot be read
      }
    }
    return texts;
  },
  missing: "no such file or folder",
};

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

export interface FoundModel {
  readonly files: ModelFile[];
  /** Problems with the paths (missing, no model files in a folder): the model cannot be checked. */
  readonly problems: string[];
  /** Absolute paths of the model's files outside the standard library. */
  readonly absolute: string[];
}

/**
 * Finds and reads the files of a model whose `paths` are relative to `base`, in `tree`; paths are
 * shown relative to `cwd`.
 */
export function findModel(paths: readonly string[], base: string, cwd: string, tree: FileTree = workingTree): FoundModel {
  const problems: string[] = [];
  const found: string[] = [];
  const std: string[] = [];
  for (const path of paths) {
    if (path.startsWith(STD_PREFIX)) {
      const name = path.slice(STD_PREFIX.length);
      if (standardLibrary().includes(name)) std.push(join(STD_FOLDER, name + MODEL_EXTENSION));
      else problems.push(`${path}: the standard library has no '${name}' (it has: ${standardLibrary().join(", ") || "nothing"})`);
      continue;
    }
    const absolute = resolve(base, path);
    const kind = tree.kind(absolute);
    if (kind === undefined) problems.push(`${path}: ${tree.missing}`);
    else if (kind === "folder") {
      const inside = tree.modelFiles(absolute);
      if (inside.length === 0) problems.push(`${path}: no ${MODEL_EXTENSION} files in this folder`);
      found.push(...inside);
    } else found.push(absolute);
  }
  const own = [...new Set(found)];
  if (problems.length > 0) return { files: [], problems, absolute: own };
  const texts = new Map([...tree.read(own), ...workingTree.read([...new Set(std)])]);
  const files: ModelFile[] = [];
  for (const absolute of [...new Set([...own, ...std])].sort()) {
    const shown = (
      absolute.startsWith(STD_FOLDER) ? STD_PREFIX + absolute.slice(STD_FOLDER.length, -MODEL_EXTENSION.length) : relative(cwd, absolute) || absolute
    )
      .split(sep)
      .join("/");
    const text = texts.get(absolute);
    if (text === undefined) problems.push(`${shown}: cannot be read`);
    else files.push({ path: shown, text });
  }
  return { files, problems, absolute: own };
}
