// The result cache in `.pith-cache/` at the project's root. An entry is found by a sha256 key made
// from Pith's own identity (its version and the hash of its sources), the settings that can change
// a result and the contents of every file of the model, so an unchanged model is answered without
// parsing it, and any change (to the model, to the options, to Pith) misses.
//
// Entries are never trusted blindly: each file is a header line with a checksum and the length of
// the payload that follows, and the caller checks the payload's shape; an entry that fails either
// test (truncated, corrupt, from another version) is ignored and rewritten. Writes go to a
// temporary file in the same folder and are renamed into place, which is atomic, so that processes
// running in parallel (CI shards, two hooks) can share one cache.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeFolder } from "../files.ts";
import { fileURLToPath } from "node:url";

export const CACHE_FOLDER = ".pith-cache";
const FORMAT = 1;

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** JSON text with non-finite numbers written as null, so that what is read back is what was hashed. */
function stringify(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v));
}

let identity: string | undefined;

/**
 * Pith's identity for cache keys: its version and a hash of its own sources and schema, so that a
 * changed checker never answers from results of another one.
 */
export function toolIdentity(): string {
  if (identity !== undefined) return identity;
  const root = new URL("../../", import.meta.url);
  const hash = createHash("sha256");
  const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { version: string };
  hash.update(pkg.version);
  const add = (url: URL) => {
    const folder = fileURLToPath(url);
    let entries;
    try {
      entries = readdirSync(folder, { recursive: true, withFileTypes: true });
    } catch {
      return;
    }
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
    for (const f of files) hash.update(f.slice(folder.length)).update("\0").update(readFileSync(f)).update("\0");
  };
  add(new URL("src/", root));
  add(new URL("schema/", root));
  identity = `${pkg.version}+${hash.digest("hex").slice(0, 16)}`;
  return identity;
}

export class ResultCache {
  readonly folder: string;
  private readonly tool: string;
  private prepared = false;
  /** Entries found unreadable and ignored in this run. */
  rejected = 0;
  hits = 0;
  misses = 0;

  constructor(root: string, tool = toolIdentity()) {
    this.folder = join(root, CACHE_FOLDER);
    this.tool = tool;
  }

  /** The key of an entry: a hash of the tool's identity and `parts`. */
  key(kind: string, parts: unknown): string {
    return sha256(stringify([FORMAT, this.tool, kind, parts]));
  }

  private path(kind: string, key: string): string {
    return join(this.folder, kind, `${key}.json`);
  }

  /** The payload stored under `key`, if there is a sound entry and `valid` accepts its shape. */
  get<T>(kind: string, key: string, valid: (payload: unknown) => payload is T): T | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path(kind, key));
    } catch {
      this.misses++;
      return undefined;
    }
    const payload = this.decode(bytes, kind, key);
    if (payload === undefined || !valid(payload)) {
      this.rejected++;
      this.misses++;
      return undefined;
    }
    this.hits++;
    return payload;
  }

  private decode(bytes: Buffer, kind: string, key: string): unknown {
    const eol = bytes.indexOf(10);
    if (eol < 0) return undefined;
    try {
      const header = JSON.parse(bytes.subarray(0, eol).toString("utf8")) as Record<string, unknown>;
      const body = bytes.subarray(eol + 1);
      if (header["pith-cache"] !== FORMAT || header.kind !== kind || header.key !== key) return undefined;
      if (header.length !== body.length || header.checksum !== sha256(body)) return undefined;
      return JSON.parse(body.toString("utf8")) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Stores `payload` under `key`. A cache that cannot be written is not an error: the run goes on. */
  put(kind: string, key: string, payload: unknown): void {
    const body = Buffer.from(stringify(payload), "utf8");
    const header = JSON.stringify({ "pith-cache": FORMAT, kind, key, length: body.length, checksum: sha256(body) });
    const target = this.path(kind, key);
    const temporary = `${target}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      this.prepare(kind);
      writeFileSync(temporary, Buffer.concat([Buffer.from(header + "\n", "utf8"), body]));
      renameSync(temporary, target);
    } catch {
      rmSync(temporary, { force: true });
    }
  }

  private prepare(kind: string): void {
    if (!this.prepared) {
      makeFolder(this.folder);
      // The cache is never committed, wherever the project's own .gitignore stands.
      writeFileSync(join(this.folder, ".gitignore"), "# Pith's result cache: safe to delete.\n*\n");
      this.prepared = true;
    }
    makeFolder(join(this.folder, kind));
  }
}
