// Running the CLI in tests: in-process through `run` (fast, output captured), or as a real
// process through bin/pith.js (what users run), in temporary folders and git repositories.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { memoryOutput } from "../../src/cli/io.ts";
import { run } from "../../src/cli/main.ts";

export const BIN = join(import.meta.dirname, "..", "..", "bin", "pith.js");

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function pith(cwd: string, ...args: string[]): Promise<Ran> {
  return pithWith(cwd, {}, ...args);
}

/** In-process, with `env` as the environment the command sees. */
export async function pithWith(cwd: string, env: Record<string, string | undefined>, ...args: string[]): Promise<Ran> {
  const io = memoryOutput(cwd, env);
  const code = await run(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

export function pithProcess(cwd: string, ...args: string[]): Ran {
  return pithProcessWith(cwd, {}, ...args).ran;
}

/** As a real process with extra environment variables; also says how long it took. */
export function pithProcessWith(cwd: string, env: Record<string, string>, ...args: string[]): { ran: Ran; ms: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: "", ...env } });
  const ms = performance.now() - start;
  return { ran: { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }, ms };
}

/** Writes `files` (path to contents; folders are made as needed) into `dir`. */
export function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** A fresh folder holding `files` (name to contents). */
export function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "pith-cli-"));
  write(dir, files);
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

/** A fresh git repository holding `files`, all committed, with a user configured in the repository. */
export function repository(files: Record<string, string>): string {
  const dir = folder(files);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "pith-tests@example.com");
  git(dir, "config", "user.name", "Pith tests");
  git(dir, "config", "commit.gpgsign", "false");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "first");
  return dir;
}
