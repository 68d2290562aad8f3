// `pith prove --confirm INV` on the small lock server of models/grant-lock. Mutual exclusion alone
// is not inductive: the failed proof offers the command, and the explorer shows that no reachable
// state of the test breaks it (a helper invariant is missing). With the planted bug the same
// counterexample is a real bug: the explorer prints its shortest trace. Invariants are evaluated
// on the messages in flight, on machines not yet started, with each configuration's params; a
// test that fails for another reason says so; what cannot be evaluated, or a model without tests,
// is a usage error.
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pith } from "../cli/helpers.ts";
import { GRANT_LOCK, MODELS, plantAssertion, plantedBug } from "./grant-lock.ts";

const ONE_GRANT = "\ninvariant one_grant: forall (g1: eGrant, g2: eGrant) :: inflight g1 && inflight g2 ==> g1 == g2;\n";

describe("pith prove --confirm", () => {
  it("offers the command after a failed proof", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pith-confirm-"));
    copyFileSync(GRANT_LOCK, join(dir, "grant lock.p"));
    const r = await pith(dir, "prove", "grant lock.p");
    expect(r.code).toBe(1);
    // The test's driver creates the machines: proofs leave it out, so nothing is unknown.
    expect(r.stdout).toContain("0 proved, 2 failed, 0 unknown");
    expect(r.stdout.endsWith(
      "\nIs mutual_exclusion broken in a reachable state, or is a helper invariant missing? The explorer can tell on the model's tests:\n" +
        "  pith prove 'grant lock.p' --confirm mutual_exclusion\n",
    )).toBe(true);
    // The same as data (the proof's answers come from the cache this time).
    const json = await pith(dir, "prove", "grant lock.p", "--json");
    expect((JSON.parse(json.stdout) as { next: string }).next).toBe("pith prove 'grant lock.p' --confirm mutual_exclusion");
  });

  it("finds no reachable violation when a helper invariant is missing", async () => {
    const r = await pith(MODELS, "prove", "grant-lock/grant-lock.p", "--confirm", "mutual_exclusion");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("holds     TwoClients: no reachable state breaks mutual_exclusion (18 states, every reachable state explored)\n");
    expect(r.stdout).toContain("No reachable state of these tests breaks mutual_exclusion: the counterexample to induction is most likely unreachable.\n");
  });

  it("prints the shortest trace to a reachable violation: a real bug", async () => {
    const dir = plantedBug();
    const r = await pith(dir, "prove", "bug.p", "--confirm", "mutual_exclusion");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("REAL BUG  TwoClients: mutual_exclusion is false with c1 = Client(2), c2 = Client(3), reachable at step 9 (21 states explored)\n");
    expect(r.stdout).toContain(
      [
        "    8. Server(1) in Free handles eAcquire Client(3)",
        "         sends eGrant to Client(3)",
        "    9. Client(3) in Waiting handles eGrant",
        "         goes to Holding",
        "    x invariant: mutual_exclusion is false with c1 = Client(2), c2 = Client(3) at bug.p:44:1",
      ].join("\n"),
    );
    expect(r.stdout).toContain("mutual_exclusion is broken in a reachable state: a real bug, not a missing helper invariant.\n");
  });

  it("evaluates invariants over the messages in flight", async () => {
    const dir = plantedBug();
    appendFileSync(join(dir, "bug.p"), ONE_GRANT);
    const r = await pith(dir, "prove", "bug.p", "--confirm", "one_grant,mutual_exclusion", "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { mode: string; results: { invariant: string; verdict: string; messagesInFlightOnly: boolean; tests: { verdict: string; depth?: number; message?: string }[] }[] };
    expect(doc.mode).toBe("confirm");
    expect(doc.results.map((x) => [x.invariant, x.verdict, x.messagesInFlightOnly, x.tests[0].depth])).toEqual([
      ["one_grant", "violated", true, 7],
      ["mutual_exclusion", "violated", false, 9],
    ]);
    expect(doc.results[0].tests[0].message).toBe("one_grant is false with g1 = eGrant in flight to Client(2), g2 = eGrant in flight to Client(3)");
    const correct = await pith(MODELS, "prove", "grant-lock/grant-lock.p", "--confirm", "mutual_exclusion");
    expect(correct.code).toBe(0);
  });

  it("evaluates states where a machine has not started, as proofs have them", async () => {
    const dir = plantedBug();
    appendFileSync(join(dir, "bug.p"), "\ninvariant started: forall (c: Client) :: !(c is Idle);\n");
    const r = await pith(dir, "prove", "bug.p", "--confirm", "started");
    expect(r.code).toBe(1);
    // Once the driver has created both clients (step 3), neither has run its start entry.
    expect(r.stdout).toContain("REAL BUG  TwoClients: started is false with c = Client(2), reachable at step 3 (3 states explored)\n");
  });

  it("evaluates the global params of each test configuration", async () => {
    const dir = plantedBug();
    const path = join(dir, "bug.p");
    const text = readFileSync(path, "utf8")
      .replace("      var s: Server;\n", "      var s: Server;\n      var i: int;\n")
      .replace("      new Client(s);\n      new Client(s);\n", "      while (i < nClients) {\n        new Client(s);\n        i = i + 1;\n      }\n")
      .replace("test TwoClients [main=Main]: { Main, Server, Client };", "param nClients: int;\ntest param (nClients in [1, 3]) Clients [main=Main]: { Main, Server, Client };");
    writeFileSync(path, `${text}\ninvariant few: forall (c: Client) :: nClients < 3;\n`);
    const r = await pith(dir, "prove", "bug.p", "--confirm", "few");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("holds     Clients(nClients=1): no reachable state breaks few (5 states, every reachable state explored)\n");
    expect(r.stdout).toContain("REAL BUG  Clients(nClients=3): few is false with c = Client(2), reachable at step 4 (6 states explored)\n");
  });

  it("says so when a test fails for another reason first", async () => {
    const dir = plantedBug();
    plantAssertion(dir);
    const r = await pith(dir, "prove", "bug.p", "--confirm", "mutual_exclusion");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("FAILS     TwoClients: the test stops at another violation first, assertion: granted; fix it first (pith check)\n");
    expect(r.stdout).toContain("A test fails for another reason before mutual_exclusion could be checked on all its states.\n");
  });

  it("rejects what it cannot confirm", async () => {
    const dir = plantedBug();
    appendFileSync(join(dir, "bug.p"), "\npure boss(): Server;\ninvariant the_boss: forall (s: Server) :: s == boss();\n");
    const pure = await pith(dir, "prove", "bug.p", "--confirm", "the_boss");
    expect(pure.code).toBe(2);
    expect(pure.stderr).toContain("--confirm: the_boss uses pure function boss, which has no body, which cannot be evaluated on the explorer's states (bug.p:");
    const unknown = await pith(dir, "prove", "bug.p", "--confirm", "mutex");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--confirm: 'mutex' is not an invariant of the model; its invariants are mutual_exclusion, the_boss");
    const noTests = await pith(MODELS, "prove", "lock-server", "--confirm", "mutual_exclusion");
    expect(noTests.code).toBe(2);
    expect(noTests.stderr).toContain("--confirm explores the model's tests, and the model declares none");
  });
});
