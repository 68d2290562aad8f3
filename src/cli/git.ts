// What is staged in git, for the pre-commit hook: which files changed in the index, and the index
// itself as a file tree, so that the hook checks the contents about to be committed and not the
// working tree (an unstaged edit must not change what the hook says). Plumbing commands only:
// `git diff --cached`, `git ls-files -s`, and `git cat-file --batch` to read many blobs with one
// process.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { MODEL_EXTENSION, type FileTree } from "../model-files.ts";

export class GitError extends Error {}

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  const r = spawnSync("git", args, { cwd, input, maxBuffer: 1 << 30 });
  if (r.error !== undefined) throw new GitError(`git could not be run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}): --staged needs git`);
  if (r.status !== 0) throw new GitError(`git ${args[0]} failed: ${r.stderr.toString().trim()}`);
  return r.stdout;
}

function nulList(out: Buffer): string[] {
  return out
    .toString("utf8")
    .split("\0")
    .filter((s) => s !== "");
}

/** The top folder of the repository that holds `folder`, written from `folder` (symbolic links kept). */
export function repositoryRoot(folder: string): string {
  const prefix = git(folder, ["rev-parse", "--show-prefix"]).toString("utf8").trim();
  const depth = prefix === "" ? 0 : prefix.replace(/\/$/, "").split("/").length;
  return resolve(folder, ...Array<string>(depth).fill(".."));
}

/** Absolute paths of the files whose staged contents differ from HEAD (added, changed, removed). */
export function stagedChanges(root: string): string[] {
  return nulList(git(root, ["diff", "--cached", "--name-only", "--no-renames", "-z"])).map((p) => resolve(root, p));
}

interface IndexEntry {
  readonly blob: string;
}

/** The git index of the repository at `root` as a file tree. */
export function indexTree(root: string): FileTree {
  const entries = new Map<string, IndexEntry>();
  const folders = new Set<string>();
  for (const line of nulList(git(root, ["ls-files", "-s", "-z"]))) {
    const m = /^(\d+) ([0-9a-f]+) (\d)\t(.*)$/s.exec(line);
    if (m === null || m[3] !== "0" || m[1] === "160000") continue;
    const absolute = resolve(root, m[4]);
    entries.set(absolute, { blob: m[2] });
    for (let i = absolute.lastIndexOf("/"); i > 0; i = absolute.lastIndexOf("/", i - 1)) {
      const folder = absolute.slice(0, i);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  return {
    kind: (absolute) => (entries.has(absolute) ? "file" : folders.has(absolute) ? "folder" : undefined),
    modelFiles(folder) {
      const prefix = folder.endsWith("/") ? folder : folder + "/";
      return [...entries.keys()]
        .filter((p) => p.startsWith(prefix) && p.endsWith(MODEL_EXTENSION))
        .filter((p) => !p.slice(prefix.length).split("/").some((part) => part.startsWith(".") || part === "node_modules"))
        .sort();
    },
    read(files) {
      const wanted = files.flatMap((f) => {
        const e = entries.get(f);
        return e === undefined ? [] : [{ file: f, blob: e.blob }];
      });
      return readBlobs(root, wanted);
    },
    missing: "no such file or folder in the git index (is it staged?)",
  };
}

/** The texts of many blobs, read by one `git cat-file --batch`. */
function readBlobs(root: string, wanted: readonly { file: string; blob: string }[]): Map<string, string> {
  const texts = new Map<string, string>();
  if (wanted.length === 0) return texts;
  const out = git(root, ["cat-file", "--batch"], wanted.map((w) => w.blob).join("\n") + "\n");
  let at = 0;
  for (const w of wanted) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString("utf8").split(" ");
    if (header[1] !== "blob") throw new GitError(`git cat-file could not read ${w.file} from the index`);
    const size = Number(header[2]);
    texts.set(w.file, out.subarray(eol + 1, eol + 1 + size).toString("utf8"));
    at = eol + 1 + size + 1;
  }
  return texts;
}
