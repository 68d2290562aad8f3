// `pith check` and `pith replay` end to end: verdicts and exit codes, budgets, random runs,
// JSON, trace files and replaying them, and the errors for bad input.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { BIN, folder, pith, pithProcess } from "./helpers.ts";

const orderBug = `
event eReq: (client: machine, n: int);
event eResp: int;
machine Client {
  var server: machine;
  var got: seq[int];
  start state Init {
    entry {
      server = new Server();
      send server, eReq, (client = this, n = 1);
      send server, eReq, (client = this, n = 2);
    }
    on eResp do (n: int) {
      got += (sizeof(got), n);
      if (sizeof(got) == 2) { assert got[0] < got[1], format("responses out of order: {0}", got); }
    }
  }
}
machine Server {
  start state Serve {
    on eReq do (r: (client: machine, n: int)) {
      if ($) { send r.client, eResp, r.n; } else { send r.client, eResp, r.n * 10; }
    }
  }
}
test tc [main=Client]: { Client, Server };
`;

const counter = `
param limit: int;
event eTick;
machine Counter {
  var n: int;
  start state Run {
    entry { send this, eTick; }
    on eTick do { if (n < limit) { n = n + 1; send this, eTick; } }
  }
}
test param (limit in [3]) tc [main=Counter]: { Counter };
`;

describe("pith check", () => {
  it("exits 1 on a violation and prints the shortest counterexample", async () => {
    const dir = folder({ "model.p": orderBug });
    const r = await pith(dir, "check", "model.p");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("violation     tc: assertion: responses out of order: [10, 2]");
    expect(r.stdout).toContain("Counterexample (7 steps):");
    expect(r.stdout).toContain("  7. Client(0) in Init handles eResp 2");
    expect(r.stdout).toContain("x assertion: responses out of order: [10, 2] at model.p:15:31");
    expect(r.stdout).toContain("1 test: 0 passed, 1 violated, 0 inconclusive");
  });

  it("exits 0 when every test passes, with the exact state count", async () => {
    const dir = folder({ "model.p": counter });
    const r = await pith(dir, "check", "model.p");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("pass          tc(limit=3): 5 distinct states, 4 transitions, depth 4");
  });

  it("sets params from the command line", async () => {
    const dir = folder({ "model.p": counter });
    const r = await pith(dir, "check", "model.p", "--param", "limit=10");
    expect(r.stdout).toContain("tc(limit=10): 12 distinct states");
    expect(await pith(dir, "check", "model.p", "--param", "limt=2")).toMatchObject({ code: 2, stderr: expect.stringContaining("did you mean 'limit'?") });
    expect(await pith(dir, "check", "model.p", "--param", "limit=x")).toMatchObject({ code: 2 });
  });

  it("stops at a budget with an inconclusive verdict, failing only when asked", async () => {
    const dir = folder({ "model.p": counter });
    const r = await pith(dir, "check", "model.p", "--param", "limit=1000", "--max-states", "10");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/inconclusive  tc\(limit=1000\): the state budget ran out after 1[0-9] distinct states/);
    expect((await pith(dir, "check", "model.p", "--param", "limit=1000", "--max-depth", "5", "--fail-inconclusive")).code).toBe(3);
  });

  it("runs random walks reproducibly from a seed", async () => {
    const dir = folder({ "model.p": orderBug });
    const a = await pith(dir, "check", "model.p", "--mode", "random", "--seed", "7", "--runs", "50");
    const b = await pith(dir, "check", "model.p", "--mode", "random", "--seed", "7", "--runs", "50");
    expect(a.code).toBe(1);
    const untimed = (text: string) => text.replace(/\d+\.\d+ s/g, "T s");
    expect(untimed(a.stdout)).toBe(untimed(b.stdout));
    expect(a.stdout).toContain("seed 7");
    expect(await pith(dir, "check", "model.p", "--seed", "7")).toMatchObject({ code: 2, stderr: expect.stringContaining("--seed goes with --mode random") });
  });

  it("prints JSON with --json", async () => {
    const dir = folder({ "model.p": orderBug });
    const doc = JSON.parse((await pith(dir, "check", "model.p", "--json")).stdout);
    expect(doc).toMatchObject({ version: 1, passed: 0, violated: 1, inconclusive: 0 });
    expect(doc.tests[0].violation).toMatchObject({ kind: "assertion", location: "model.p:15:31" });
    expect(doc.tests[0].violation.steps).toHaveLength(7);
  });

  it("writes the counterexample for replay, which shows the same failure", async () => {
    const dir = folder({ "model.p": orderBug });
    const r = await pith(dir, "check", "model.p", "--trace-out", "bug.json", "--quiet");
    expect(r.code).toBe(1);
    const trace = JSON.parse(readFileSync(join(dir, "bug.json"), "utf8"));
    expect(trace["#meta"]).toMatchObject({ format: "ITF", tool: "pith", test: "tc", kind: "assertion", model: ["model.p"] });
    expect(trace.states).toHaveLength(7);
    const replayed = await pith(dir, "replay", "bug.json");
    expect(replayed.code).toBe(1);
    expect(replayed.stdout).toContain("tc: assertion: responses out of order: [10, 2]");
    expect(replayed.stdout).toContain("Counterexample (7 steps):");
  });

  it("tells when a replayed trace no longer fails", async () => {
    const dir = folder({ "model.p": orderBug });
    await pith(dir, "check", "model.p", "--trace-out", "bug.json");
    writeFileSync(join(dir, "model.p"), orderBug.replace("r.n * 10", "r.n"));
    const r = await pith(dir, "replay", "bug.json");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("no longer");
  });

  it("rejects bad trace files with a clear message", async () => {
    const dir = folder({ "model.p": orderBug, "broken.json": "{ not json", "other.json": '{"#meta": {"tool": "tlc"}}' });
    expect(await pith(dir, "replay", "broken.json")).toMatchObject({ code: 2, stderr: expect.stringContaining("not valid JSON") });
    expect(await pith(dir, "replay", "other.json")).toMatchObject({ code: 2, stderr: expect.stringContaining("not written by Pith") });
    expect(await pith(dir, "replay", "none.json")).toMatchObject({ code: 2, stderr: expect.stringContaining("no such file") });
  });

  it("reports static errors instead of checking, and unknown tests by name", async () => {
    const dir = folder({ "model.p": orderBug, "bad.p": "machine M { start state S { entry { x = 1; } } }" });
    expect(await pith(dir, "check", "bad.p")).toMatchObject({ code: 2, stdout: expect.stringContaining("PTH2001") });
    expect(await pith(dir, "check", "model.p", "--test", "tx")).toMatchObject({ code: 2, stderr: expect.stringContaining("no test named 'tx' (tests: tc)") });
    expect(await pith(dir, "check", "model.p", "--mode", "bfss")).toMatchObject({ code: 2 });
    expect(await pith(dir, "check", "model.p", "--time", "soon")).toMatchObject({ code: 2 });
  });

  it("stops cleanly on Ctrl-C, with the statistics so far", async () => {
    const dir = folder({ "model.p": counter });
    const child = spawn(process.execPath, [BIN, "check", "model.p", "--param", "limit=100000000", "--no-cache"], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    // Long enough for Pith to start and be searching, even on a slow, busy machine.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(130);
    expect(stdout).toMatch(/inconclusive {2}tc\(limit=100000000\): interrupted after [\d,]+ distinct states/);
  });

  it("runs as a real process", () => {
    const dir = folder({ "model.p": orderBug });
    const r = pithProcess(dir, "check", "model.p");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Counterexample (7 steps):");
  });
});
