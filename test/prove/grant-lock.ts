// The small lock server of models/grant-lock, and its planted bugs (the server grants the lock and
// stays Free; a client asserts it is never granted), written to a temporary folder for the tests
// of --bmc and --confirm.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const MODELS = join(import.meta.dirname, "models");
export const GRANT_LOCK = join(MODELS, "grant-lock", "grant-lock.p");

/** A temporary folder holding `bug.p`, the grant lock with its planted bug. */
export function plantedBug(): string {
  const dir = mkdtempSync(join(tmpdir(), "pith-grant-lock-"));
  const text = readFileSync(GRANT_LOCK, "utf8").replace("on eAcquire goto Taken with (c: Client) {", "on eAcquire do (c: Client) {");
  if (!text.includes("on eAcquire do (c: Client) {")) throw new Error("the planted bug no longer applies to grant-lock.p");
  writeFileSync(join(dir, "bug.p"), text);
  return dir;
}

/** Adds to `bug.p` in `dir` an assertion that fails when a client takes its grant. */
export function plantAssertion(dir: string): void {
  const path = join(dir, "bug.p");
  writeFileSync(path, readFileSync(path, "utf8").replace("    on eGrant goto Holding;", '    on eGrant goto Holding with { assert false, "granted"; }'));
}
