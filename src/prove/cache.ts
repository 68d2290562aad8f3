// The proof cache: answers of queries, keyed by a hash of the query's text, its assumptions, the
// values it asks for and the Z3 version, one file each under `.pith-cache/prove/`. Only definite
// answers (sat, unsat) are kept; a timeout is worth trying again. Files are written to a temporary
// name and renamed, so a reader never sees half an entry; an entry that does not parse is ignored.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeFolder } from "../files.ts";
import type { Solver, SolverAnswer, SolverQuery } from "./solver.ts";

export const CACHE_FOLDER = join(".pith-cache", "prove");

export function queryHash(query: SolverQuery, version: string): string {
  const h = createHash("sha256");
  h.update(version + "\n");
  h.update(query.script);
  h.update("\n(check-sat-assuming (" + query.assumptions.join(" ") + "))\n");
  h.update("(get-value (" + query.values.join(" ") + "))\n");
  return h.digest("hex");
}

function valid(x: unknown): x is SolverAnswer {
  if (x === null || typeof x !== "object") return false;
  const a = x as Record<string, unknown>;
  if (typeof a.ms !== "number") return false;
  if (a.status === "unsat") return Array.isArray(a.core) && a.core.every((c) => typeof c === "string");
  if (a.status === "sat") return a.values === undefined || typeof a.values === "string";
  return false;
}

export class CachedSolver implements Solver {
  private readonly inner: Solver;
  private readonly folder: string;
  private readonly version: string;
  hits = 0;
  misses = 0;

  constructor(inner: Solver, root: string, version: string) {
    this.inner = inner;
    this.folder = join(root, CACHE_FOLDER);
    this.version = version;
  }

  private path(hash: string): string {
    return join(this.folder, hash.slice(0, 2), `${hash}.json`);
  }

  read(hash: string): SolverAnswer | undefined {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.path(hash), "utf8"));
      return valid(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  private write(hash: string, answer: SolverAnswer): void {
    try {
      const path = this.path(hash);
      makeFolder(join(this.folder, hash.slice(0, 2)));
      const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, JSON.stringify(answer));
      renameSync(temporary, path);
    } catch {
      // A cache that cannot be written costs time, never a result.
    }
  }

  async check(query: SolverQuery): Promise<SolverAnswer & { cached?: boolean }> {
    const hash = queryHash(query, this.version);
    const hit = this.read(hash);
    if (hit !== undefined) {
      this.hits++;
      return { ...hit, cached: true };
    }
    this.misses++;
    const answer = await this.inner.check(query);
    if (answer.status === "sat" || answer.status === "unsat") this.write(hash, answer);
    return answer;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
