// `pith prove` end to end on models written for these tests: the lock server fails on its own
// (with its counterexample to induction pinned) and is proved with its helper invariants; two-phase
// commit is proved through its Proof script; unsupported constructs are named and located; the
// proof cache answers a second run, and ignores a corrupt entry.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pith } from "../cli/helpers.ts";

const MODELS = join(import.meta.dirname, "models");

/** The status line of each target, `status target`, in the order printed. */
function verdicts(stdout: string): string[] {
  return stdout
    .split("\n")
    .map((l) => /^(proved|FAILED|UNKNOWN)\s+(\S+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1].toLowerCase()} ${m[2]}`);
}

describe("pith prove: lock server", () => {
  it("fails mutual exclusion alone, with a counterexample to induction", async () => {
    const r = await pith(MODELS, "prove", "lock-server/lock-server.p", "--no-cache");
    expect(r.code).toBe(1);
    expect(verdicts(r.stdout)).toEqual(["failed mutual_exclusion", "failed default"]);
    const cti = r.stdout.slice(0, r.stdout.indexOf("FAILED   default"));
    expect(cti).toBe(
      [
        "FAILED   mutual_exclusion  lock-server/lock-server.p:45:1",
        "  not preserved by Client.Waiting on eGrant",
        "  counterexample to induction: 2 Client, 2 messages",
        "",
        "    before the step:",
        "      Client     state",
        "      Client(0)  Waiting",
        "      Client(1)  Holding",
        "      in flight: #1 eGrant to Client(0)",
        "",
        "    step: Client(0) runs Client.Waiting on eGrant, takes #1 eGrant",
        "      sends #2 eLeave to Client(0)",
        "",
        "    after the step (* changed):",
        "      Client     state",
        "      Client(0)  Holding *",
        "      Client(1)  Holding",
        "      in flight: #2 eLeave to Client(0)",
        "      delivered: #1 eGrant to Client(0)",
        "",
        "    broken: mutual_exclusion with c1 = Client(1), c2 = Client(0)",
        "",
        "",
      ].join("\n"),
    );
    expect(r.stdout).toContain("fails: no event in flight to Server in state Free that it cannot take (eRelease)");
    expect(r.stdout).toContain("Server(0) in Server.Free cannot take #1 eRelease");
    // The model has no test for the explorer: the report suggests searching an instance instead.
    expect(r.stdout.endsWith(
      "\nIs mutual_exclusion broken in a reachable state? The model has no test for the explorer to confirm it with; search one instance instead:\n" +
        "  pith prove lock-server/lock-server.p --bmc 10\n",
    )).toBe(true);
  });

  it("proves mutual exclusion with the helper invariants", async () => {
    const r = await pith(MODELS, "prove", "lock-server", "--no-cache");
    expect(r.stdout).toContain("19 proved, 0 failed, 0 unknown");
    expect(r.code).toBe(0);
    expect(verdicts(r.stdout)).toEqual([
      "proved one_server",
      "proved acquire_to_server",
      "proved release_to_server",
      "proved acquire_from_waiting",
      "proved one_acquire",
      "proved acquire_not_granted",
      "proved grant_to_waiting",
      "proved leave_to_holding",
      "proved taken_when_granted",
      "proved taken_when_holding",
      "proved taken_when_released",
      "proved one_grant",
      "proved one_release",
      "proved one_leave",
      "proved grant_not_holding",
      "proved release_not_holding",
      "proved release_not_granted",
      "proved mutual_exclusion",
      "proved default",
    ]);
    expect(r.stdout).toMatch(/proved {3}mutual_exclusion +using grant_not_holding\n/);
    expect(r.stdout).toMatch(/proved {3}one_server +on its own\n +note: no other proof used it\n/);
  });
});

describe("pith prove: two-phase commit", () => {
  it("proves atomicity through the Proof script, and the built-in obligations", async () => {
    const r = await pith(MODELS, "prove", "two-phase-commit", "--no-cache", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { verdict: string; results: { target: string; status: string; helpers: string[] }[]; vacuity: { status: string } };
    expect(doc.verdict).toBe("proved");
    expect(doc.vacuity.status).toBe("proved");
    expect(doc.results.map((x) => `${x.status} ${x.target}`)).toEqual([
      "proved wiring.one_coordinator",
      "proved wiring.all_participants",
      "proved wiring.votes_to_coordinator",
      "proved wiring.votes_from_participants",
      "proved decisions.commit_decided",
      "proved decisions.abort_decided",
      "proved decisions.committed_decided",
      "proved decisions.aborted_decided",
      "proved safety.atomicity",
      "proved default",
    ]);
    const atomicity = doc.results.find((x) => x.target === "safety.atomicity")!;
    expect(atomicity.helpers).toEqual(["decisions.commit_decided", "decisions.abort_decided", "decisions.committed_decided", "decisions.aborted_decided"]);
  });

  it("finds a broken loop invariant and a decision sent after the fact", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pith-prove-"));
    const text = readFileSync(join(MODELS, "two-phase-commit", "two-phase-commit.p"), "utf8").replace(
      "invariant forall new (e: event) :: e is eCommit;",
      "invariant forall new (e: event) :: e is eAbort;",
    );
    writeFileSync(join(dir, "bad.p"), text);
    const r = await pith(dir, "prove", "bad.p", "--no-cache");
    expect(r.code).toBe(1);
    expect(verdicts(r.stdout)).toContain("failed decisions.abort_decided");
    expect(verdicts(r.stdout)).toContain("failed default");
    expect(r.stdout).toContain("fails: loop invariant after an iteration in Coordinator.Collecting on eVote (bad.p:32:21)");
  });
});

describe("pith prove: unsupported constructs", () => {
  it("names each construct and where it is, and counts it as unknown", async () => {
    const r = await pith(MODELS, "prove", "unsupported", "--no-cache");
    expect(r.code).toBe(1);
    expect(verdicts(r.stdout)).toEqual(["unknown pongs_counted", "unknown pings_counted", "unknown default"]);
    expect(r.stdout).toContain(
      "preserved by Pinger.Start on ePong: unsupported construct: new (machines are not created in proofs: all machines exist from the start) at unsupported/unsupported.p:14:7",
    );
    expect(r.stdout).toContain("preserved by Ponger.Serve on ePing: unsupported construct: receive at unsupported/unsupported.p:25:7");
    expect(r.stdout).toContain("Unknown results are not proofs: the exit code is 1.");
  });
});

describe("pith prove: cache and command line", () => {
  it("answers a second run from the cache, and ignores a corrupt entry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pith-prove-"));
    cpSync(join(MODELS, "lock-server", "lock-server.p"), join(dir, "lock.p"));
    const first = await pith(dir, "prove", "lock.p", "--json");
    const stats1 = (JSON.parse(first.stdout) as { stats: { queries: number; cached: number } }).stats;
    expect(stats1.cached).toBe(0);
    const second = await pith(dir, "prove", "lock.p", "--json");
    const stats2 = (JSON.parse(second.stdout) as { stats: { queries: number; cached: number } }).stats;
    expect(stats2.cached).toBe(stats2.queries);
    const strip = (s: string) => JSON.stringify({ ...JSON.parse(s), stats: undefined });
    expect(strip(second.stdout)).toBe(strip(first.stdout));
    // A corrupt entry is a miss, and is written again.
    const folder = join(dir, ".pith-cache", "prove");
    const sub = readdirSync(folder)[0];
    const entry = join(folder, sub, readdirSync(join(folder, sub))[0]);
    writeFileSync(entry, "{ not json");
    const third = await pith(dir, "prove", "lock.p", "--json");
    const stats3 = (JSON.parse(third.stdout) as { stats: { queries: number; cached: number } }).stats;
    expect(stats3.cached).toBe(stats3.queries - 1);
    expect(JSON.parse(readFileSync(entry, "utf8"))).toHaveProperty("status");
    // Minimal cores are other answers: they are not taken from the plain runs' cache, and prove the same.
    const minimal = await pith(dir, "prove", "lock.p", "--json", "--minimal-cores");
    const stats4 = (JSON.parse(minimal.stdout) as { stats: { queries: number; cached: number } }).stats;
    expect(stats4.cached).toBe(0);
    const verdicts = (s: string) => (JSON.parse(s) as { results: { target: string; status: string }[] }).results.map((r) => `${r.status} ${r.target}`);
    expect(verdicts(minimal.stdout)).toEqual(verdicts(first.stdout));
  });

  it("rejects a bad timeout and reports static errors with exit code 2", async () => {
    const bad = await pith(MODELS, "prove", "lock-server", "--timeout", "soon");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--timeout takes a duration");
    const dir = mkdtempSync(join(tmpdir(), "pith-prove-"));
    writeFileSync(join(dir, "broken.p"), "machine M { start state S { entry { x = 1; } } }\n");
    const r = await pith(dir, "prove", "broken.p");
    expect(r.code).toBe(2);
  });
});
