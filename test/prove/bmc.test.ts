// `pith prove --bmc K` on the small lock server of models/grant-lock: a planted bug (the server
// grants without taking the lock) is found at its shortest depth, six steps; the correct server
// has no violation within the same bound; a failing assertion ends the run at its step; a message
// its target cannot take is found; the default instance is the largest the init-conditions allow;
// an unsupported construct makes the search unknown at the depth that needs it; and bad options
// are usage errors.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pith } from "../cli/helpers.ts";
import { GRANT_LOCK, MODELS, plantAssertion, plantedBug } from "./grant-lock.ts";

describe("pith prove --bmc", () => {
  it("finds the planted bug at its shortest depth, with the trace", async () => {
    const r = await pith(plantedBug(), "prove", "bug.p", "--bmc", "8", "--instance", "Server=1", "--no-cache");
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(
      "bounded model checking of the instance 1 Server, 2 Client (Client: at most 2 each, as many as the init-conditions allow; set with --instance), up to 8 steps",
    );
    expect(lines.filter((l) => /^ {2}step \d/.test(l)).map((l) => l.replace(/Client\(\d\)/g, "C").replace(/#\d/g, "#"))).toEqual([
      "  step 1: C runs Client starting in Idle with payload Server(0)",
      "  step 2: Server(0) runs Server.Free on eAcquire, takes # eAcquire with payload C",
      "  step 3: C runs Client.Waiting on eGrant, takes # eGrant",
      "  step 4: C runs Client starting in Idle with payload Server(0)",
      "  step 5: Server(0) runs Server.Free on eAcquire, takes # eAcquire with payload C",
      "  step 6: C runs Client.Waiting on eGrant, takes # eGrant",
    ]);
    expect(r.stdout).toContain("VIOLATION  mutual_exclusion  bug.p:44:1\n  mutual_exclusion is false, after 6 steps:\n");
    expect(r.stdout).toMatch(/ {2}broken: mutual_exclusion with c1 = Client\((0|1)\), c2 = Client\((0|1)\)\n/);
    expect(r.stdout).toContain("    Client     state\n    Client(0)  Holding *\n    Client(1)  Holding\n    in flight: nothing\n\n  broken");
    expect(r.stdout).toMatch(/violation after 6 steps, the fewest possible in this instance \(8 queries, 0 cached, [\d.]+ s\)\n$/);
  });

  it("finds no violation of the correct lock within the same bound", async () => {
    const r = await pith(MODELS, "prove", "grant-lock/grant-lock.p", "--bmc", "6", "--instance", "Client=2,Server=1", "--no-cache", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { mode: string; verdict: string; instance: Record<string, number>; defaulted: string[]; bound: number; stats: { queries: number } };
    expect(doc).toMatchObject({ mode: "bmc", verdict: "none", instance: { Server: 1, Client: 2 }, defaulted: [], bound: 6, stats: { queries: 1 } });
  });

  it("finds a failing assertion, and stops the run at the step that fails", async () => {
    const dir = plantedBug();
    plantAssertion(dir);
    const r = await pith(dir, "prove", "bug.p", "--bmc", "3", "--instance", "Server=1,Client=1");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("VIOLATION  default  bug.p:26:35\n  assertion: granted fails, after 3 steps:\n");
    expect(r.stdout).toContain(
      "  step 3: Client(0) runs Client.Waiting on eGrant, takes #2 eGrant\n    fails: assertion: granted\n\n  broken: default: assertion: granted fails\n",
    );
    // The same run again, as data: every query answered by the cache.
    const again = await pith(dir, "prove", "bug.p", "--bmc", "3", "--instance", "Server=1,Client=1", "--json");
    expect(again.code).toBe(1);
    const doc = JSON.parse(again.stdout) as {
      verdict: string;
      depth: number;
      trace: { steps: { machine: string; handler: string; message?: string; fails?: string }[]; broken: { target: string; location: { line: number } } };
      stats: { queries: number; cached: number };
    };
    expect(doc.verdict).toBe("violation");
    expect(doc.depth).toBe(3);
    expect(doc.trace.steps.map((x) => `${x.machine} ${x.handler}${x.message === undefined ? "" : ` ${x.message}`}${x.fails === undefined ? "" : ` fails: ${x.fails}`}`)).toEqual([
      "Client(0) Client starting in Idle",
      "Server(0) Server.Free on eAcquire #1",
      "Client(0) Client.Waiting on eGrant #2 fails: assertion: granted",
    ]);
    expect(doc.trace.broken).toMatchObject({ target: "default", location: { line: 26 } });
    expect(doc.stats).toEqual({ queries: 5, cached: 5, ms: expect.any(Number) });
  });

  it("finds a message in flight that its target cannot take", async () => {
    const dir = plantedBug();
    const path = join(dir, "bug.p");
    writeFileSync(path, readFileSync(GRANT_LOCK, "utf8").replace("      send c, eGrant;\n", "      send c, eGrant;\n      send c, eGrant;\n"));
    const r = await pith(dir, "prove", "bug.p", "--bmc", "3", "--instance", "Server=1,Client=1", "--no-cache");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("VIOLATION  default  bug.p:29:3\n  an event in flight to Client in state Holding that it cannot take (eGrant), after 3 steps:\n");
    expect(r.stdout).toMatch(/ {2}broken: default: an event in flight to Client in state Holding that it cannot take \(eGrant\) with machine = Client\(0\), message = #[23]\n/);
  });

  it("chooses the largest default instance the init-conditions allow", async () => {
    const r = await pith(MODELS, "prove", "lock-server", "--bmc", "0", "--no-cache");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("bounded model checking of the instance 1 Server, 2 Client (Server, Client: at most 2 each");
    expect(r.stdout).toMatch(/no violation within 0 steps for this instance \(1 query, 0 cached/);
    const two = await pith(MODELS, "prove", "lock-server", "--bmc", "3", "--instance", "Server=2", "--no-cache");
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("the init-conditions and axioms allow no initial state for 2 Server with 1 to 2 of each of Client; choose another one with --instance");
  });

  it("is unknown at the depth where a step needs an unsupported construct", async () => {
    const r = await pith(MODELS, "prove", "unsupported", "--bmc", "3", "--no-cache");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("UNKNOWN  depth 1: unsupported construct: new (machines are not created in proofs: all machines exist from the start) at unsupported/unsupported.p:14:7\n");
    expect(r.stdout).toContain("no violation within 0 steps for this instance");
  });

  it("rejects bad options", async () => {
    const cases: [string[], string][] = [
      [["--bmc", "ten"], "--bmc takes the most steps a run may take, such as 10, not 'ten'"],
      [["--instance", "Client=1"], "--instance goes with --bmc"],
      [["--bmc", "2", "--instance", "Cleint=1"], "'Cleint' is not a machine type of the model; its machine types are Server, Client"],
      [["--bmc", "2", "--instance", "Client"], "--instance takes TYPE=N pairs separated by commas, such as Server=2,Client=2, not 'Client'"],
      [["--bmc", "2", "--instance", "Client=0"], "--instance: Client needs at least one machine"],
      [["--bmc", "2", "--confirm", "mutual_exclusion"], "--confirm and --bmc are two different checks"],
    ];
    for (const [args, message] of cases) {
      const r = await pith(MODELS, "prove", "grant-lock/grant-lock.p", ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it("says only what is wrong with the option, also for a model that declares no invariant", async () => {
    const lockServer = join(import.meta.dirname, "..", "..", "examples", "lock-server");
    const r = await pith(MODELS, "prove", lockServer, "--bmc", "x");
    expect(r).toMatchObject({ code: 2, stderr: "pith prove: --bmc takes the most steps a run may take, such as 10, not 'x'\n" });
  });
});
