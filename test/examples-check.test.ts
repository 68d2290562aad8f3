// `pith check` on every example, in process: each folder of examples/ checked as the command
// checks it (every test, every configuration, breadth-first, liveness on), with the verdicts and
// distinct-state counts pinned. The planted bugs (the tests under an example's bugs/ folder) are
// pinned with the kind and message of the violation and the length of the counterexample, which
// breadth-first search makes the shortest there is. The TLA+-style two-phase commit reproduces the
// state counts published for TLC (288, 1,568 and 8,832 states for 3, 4 and 5 resource managers).
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { frontEnd, loadModel } from "../src/driver.ts";
import { checkTests } from "../src/explore/check.ts";

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "examples");

interface Expected {
  readonly verdict: "pass" | "violation";
  readonly states: number;
  /** Violations: kind, message, counterexample length. */
  readonly kind?: string;
  readonly message?: string;
  readonly steps?: number;
}

const pass = (states: number): Expected => ({ verdict: "pass", states });

/** Every test configuration of every example, by folder, as `pith check <folder>` reports it. */
const expected: Record<string, Record<string, Expected>> = {
  "ping-pong": {
    PingPong: pass(8),
  },
  "lock-server": {
    "Contention(nClients=1)": pass(15),
    "Contention(nClients=2)": pass(150),
    "Contention(nClients=3)": pass(1_494),
  },
  "two-phase-commit": {
    "TwoParticipants(nTransactions=2)": pass(25_937),
    "ManyParticipants(nParticipants=2,participantCrash=false)": pass(1_789),
    "ManyParticipants(nParticipants=2,participantCrash=true)": pass(7_457),
    "ManyParticipants(nParticipants=3,participantCrash=false)": pass(22_870),
    "ManyParticipants(nParticipants=3,participantCrash=true)": pass(94_096),
    // bugs/commit-on-timeout: the coordinator commits when its timer fires before every vote is in.
    CommitOnTimeout: {
      verdict: "violation",
      states: 663,
      kind: "assertion",
      message: "transaction 1 is COMMIT at Participant(1) but ABORT elsewhere",
      steps: 16,
    },
  },
  "two-phase-commit-tla": {
    "tc(nRM=3)": pass(288),
    "tc(nRM=4)": pass(1_568),
    "tc(nRM=5)": pass(8_832),
  },
  // The model of the conformance example (docs/conformance.md).
  conformance: {
    "tcPrimaryBackup(nOps=3)": pass(1_243),
  },
  "client-server": {
    "KvClients(nKvClients=1)": pass(14),
    "KvClients(nKvClients=2)": pass(337),
    "KvClients(nKvClients=3)": pass(10_748),
    // bugs/stale-read: a GET does not see an acknowledged write still in the write buffer.
    StaleRead: {
      verdict: "violation",
      states: 10,
      kind: "assertion",
      message: "request 2 of KvClient(2) answered 0, but the right answer is 11",
      steps: 7,
    },
  },
};

function exampleFolders(): string[] {
  return readdirSync(examplesDir)
    .filter((name) => statSync(join(examplesDir, name)).isDirectory())
    // Folders of models; an implementation's folder (TypeScript only) is not one.
    .filter((name) => readdirSync(join(examplesDir, name), { recursive: true }).some((f) => String(f).endsWith(".p")))
    .sort();
}

describe("pith check examples/", () => {
  it("pins every example", () => {
    expect(Object.keys(expected).sort()).toEqual(exampleFolders());
  });

  describe.each(Object.keys(expected))("%s", (name) => {
    it("checks to the pinned verdicts, state counts and shortest counterexamples", async () => {
      const loaded = loadModel([name], examplesDir);
      expect(loaded.problems).toEqual([]);
      const ir = frontEnd(loaded.files).ir;
      expect(ir).toBeDefined();
      if (ir === undefined) return;
      const results = await checkTests(ir, ir.tests, { mode: "bfs", budget: {}, liveness: true });
      const actual = Object.fromEntries(
        results.map((r): [string, Expected] => {
          const base = { verdict: r.verdict as Expected["verdict"], states: r.stats.distinct };
          const v = r.violation;
          return [r.test, v === undefined ? base : { ...base, kind: v.kind, message: v.message, steps: v.steps.length }];
        }),
      );
      expect(actual).toEqual(expected[name]);
      // A pass means every reachable state was explored.
      expect(results.filter((r) => r.verdict === "pass").every((r) => r.exhaustive)).toBe(true);
    });
  });
});
