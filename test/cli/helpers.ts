// Running the CLI in tests: in-process through `run` (fast, output captured), or as a real
// process through bin/pith.js (what users run).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryOutput } from "../../src/cli/io.ts";
import { run } from "../../src/cli/main.ts";

export const BIN = join(import.meta.dirname, "..", "..", "bin", "pith.js");

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function pith(cwd: string, ...args: string[]): Promise<Ran> {
  const io = memoryOutput(cwd);
  const code = await run(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

export function pithProcess(cwd: string, ...args: string[]): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder holding `files` (name to contents). */
export function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "pith-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
