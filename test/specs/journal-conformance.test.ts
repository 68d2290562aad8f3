// The journal's implementation (examples/journal) against its model (specs/replicated-journal):
// the generated types are what `pith gen ts` makes of the model, every handler of the model has its
// method (`pith link`), the traces recorded from runs conform (`pith conform`), the model-based
// tests pass, and each planted bug, switched on by its flag, is caught: by a trace, by the
// model-based tests, or both. The recorded traces are committed in examples/journal/traces
// (PITH_UPDATE_GOLDEN=1 records them again).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../golden.ts";
import { expectCleanLink, expectGeneratedCurrent } from "./linked.ts";
import { pith } from "../cli/helpers.ts";
import { chooseTest, conformTrace } from "../../src/conform/conform.ts";
import { loadSpec, mbtText, runCommands, runMbt } from "../../src/conform/mbt.ts";
import { frontEnd, loadModel } from "../../src/driver.ts";
import { BUGS, type Bug } from "../../examples/journal/bugs.ts";
import { LocalCluster } from "../../examples/journal/cluster.ts";
import { TraceRecorder } from "../../examples/journal/generated.ts";
import { journalTests } from "../../examples/journal/mbt.ts";
import { recordScenario, SCENARIOS } from "../../examples/journal/scenarios.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const EXAMPLE = "examples/journal";
/** The model without its proof and bug variants: what the implementation implements. */
const MODEL = ["specs/replicated-journal/PSrc", "specs/replicated-journal/PSpec", "specs/replicated-journal/PTst"];
/** The configuration the model-based tests run against: two clients and one crash, as the tests' crash budget. */
const MBT_TEST = "ConcurrentCrash(nNodes=3,nClients=2,nCrashes=1,appends=1,reads=1)";
const MBT_RUNS = 1000;

const front = frontEnd(loadModel(MODEL, ROOT).files);

/** Checks a trace against the model's configuration `test`: the verdict, and where and why it leaves the model. */
function conform(trace: string, test: string) {
  const report = conformTrace(front.ir!, chooseTest(front.ir!, test)!, trace, { model: MODEL, trace: "run.ndjson" }, { maxStates: 200_000, partitionBy: undefined });
  const verdict = report.partitions[0]?.check.verdict;
  if (verdict === undefined || verdict.kind === "conforms" || verdict.kind === "error") return { verdict: report.verdict };
  if (verdict.kind !== "mismatch" && verdict.kind !== "violation") return { verdict: report.verdict };
  const line = JSON.parse(verdict.entry.text) as { kind: string; machine: string; event: string };
  const spec = verdict.kind === "violation" ? verdict.failure.spec : verdict.spec?.spec;
  return { verdict: report.verdict, line: `${line.machine} ${line.kind} ${line.event}`, spec };
}

describe("the journal's implementation and its model", () => {
  it("implements the types 'pith gen ts' generates from the model", async () => {
    await expectGeneratedCurrent(ROOT, MODEL, `${EXAMPLE}/generated.ts`);
  });

  it("handles every event of the nodes and the master (pith link)", async () => {
    await expectCleanLink(ROOT, MODEL, EXAMPLE);
  });

  for (const name of Object.keys(SCENARIOS)) {
    it(`records a trace of scenario ${name} that conforms`, async () => {
      const path = `${EXAMPLE}/traces/${name}.ndjson`;
      const recorded = await recordScenario(name, 1);
      expect(recorded.completed).toBe(true);
      expectGolden(join(ROOT, path), recorded.trace);
      const ran = await pith(ROOT, "conform", ...MODEL, "--trace", path, "--test", SCENARIOS[name].test);
      expect(ran.stdout).toMatch(/: conforms \(\d+ lines, \d+ states searched\)\n$/);
      expect(ran.code).toBe(0);
      // Other interleavings of the same run conform too.
      for (const seed of [2, 3, 4]) expect(conform((await recordScenario(name, seed)).trace, SCENARIOS[name].test)).toEqual({ verdict: "conforms" });
    });
  }

  it("passes the model-based tests, with crashes", async () => {
    const spec = loadSpec(MODEL, { cwd: ROOT, test: MBT_TEST });
    expect(await runMbt(spec, journalTests(), { runs: MBT_RUNS, seed: 7 })).toMatchObject({ ok: true, runs: MBT_RUNS });
  });

  it("crashes as the model does, within the crash budget, and repairs the chain on both sides", async () => {
    const spec = loadSpec(MODEL, { cwd: ROOT, test: MBT_TEST });
    const deliver = { kind: "deliver", pick: 0 } as const;
    const run = await runCommands(spec, journalTests(), [
      { kind: "crash", pick: 0 },
      { kind: "crash", pick: 0 },
      deliver,
      deliver,
      deliver,
      deliver,
      { kind: "input", input: { op: "append", client: "client-1", node: "node-2" } },
      deliver,
    ]);
    expect(run.divergence).toBeUndefined();
    expect(run.log).toEqual([
      "  1. crash node-1",
      '       announce eNodeCrashed "node-1"',
      '       crash-injector sends eCrashed "node-1" to master',
      "  2. crash: no machine left that may crash",
      '  3. deliver master -> node-1: eConfigure {"pred":null,"succ":"node-2"}',
      "       (dropped: node-1 has crashed)",
      '  4. deliver master -> node-2: eConfigure {"pred":"node-1","succ":"node-3"}',
      '  5. deliver master -> node-3: eConfigure {"pred":"node-2","succ":null}',
      '  6. deliver crash-injector -> master: eCrashed "node-1"',
      '       master sends eNewPred {"pred":null,"epoch":1} to node-2',
      '       master sends eView ["node-2","node-3"] to client-1',
      '       master sends eView ["node-2","node-3"] to client-2',
      '  7. input client-1 -> node-2: eAppend {"client":"client-1","id":1}',
      // node-2 kept the append (deferred) until it became the head.
      '  8. deliver master -> node-2: eNewPred {"pred":null,"epoch":1}',
      '       node-2 sends eForward {"from":"node-2","index":0,"item":{"client":"client-1","id":1}} to node-3',
    ]);
  });

  it("needs a crash to catch no-resend, and prints the shrunk command list with its seed", async () => {
    const withCrashes = await runMbt(loadSpec(MODEL, { cwd: ROOT, test: MBT_TEST }), journalTests({ bug: "no-resend" }), { runs: MBT_RUNS, seed: 7 });
    const text = mbtText(withCrashes);
    expect(text).toContain("failed after 929 runs (seed 7, 9 shrinks)");
    expect(text).toContain("    1. crash node-2\n         announce eNodeCrashed \"node-2\"\n         crash-injector sends eCrashed \"node-2\" to master\n");
    expect(text).toContain(`Replay it with --seed 7 --replay-path ${withCrashes.path}`);
    const concurrent = "Concurrent(nNodes=3,nClients=2,nCrashes=0,appends=1,reads=1)";
    const withoutCrashes = await runMbt(loadSpec(MODEL, { cwd: ROOT, test: concurrent }), journalTests({ bug: "no-resend", crashes: 0 }), { runs: MBT_RUNS, seed: 7 });
    expect(withoutCrashes).toMatchObject({ ok: true, runs: MBT_RUNS });
  });

  it("leaves the model when the network reorders the messages of two senders", async () => {
    // P's inboxes take messages in the order they were sent, whoever sent them; a network keeps
    // the order of each link only. Here the master's promotion of node-2 to head overtakes the last
    // entry the crashed head forwarded to node-2: the implementation copes (node-2 drops the late
    // entry and the client sends it again), but the model never lets the promotion go first.
    const lines: string[] = [];
    let time = 0;
    const c = await LocalCluster.start({ nodes: 3, clients: 1, seed: 2, faults: { loss: 0.2, duplication: 0.1, reordering: 0.2 }, trace: new TraceRecorder((l) => lines.push(l), () => ++time) });
    const [client] = c.clients;
    const first = client.append("x");
    for (let i = 0; i < 4; i++) await c.network.step();
    await c.crash(c.nodes[0].id);
    await c.until(first.then(() => client.append("y")).then(() => client.read()));
    await c.settle();
    expect(c.failures).toEqual([]);
    expect(conform(lines.join("\n") + "\n", "OneCrash(nNodes=3,nClients=1,nCrashes=1,appends=2,reads=1)")).toEqual({
      verdict: "mismatch",
      line: "node-2 handle eNewPred",
      spec: undefined,
    });
  });
});

/** How each bug is caught: the scenario whose trace leaves the model, where, and the spec its line breaks. */
const CAUGHT: Record<Bug, { scenario: string; line: string; spec: string | undefined; mbt: number | undefined }> = {
  // The head's acknowledgement is a line the model cannot take, and it breaks AckedDurable.
  "head-acks-early": { scenario: "two-clients", line: "node-1 send eAppended", spec: "AckedDurable", mbt: 2 },
  // The acknowledgement comes before the tail's append: the same messages, in another order, so
  // only the trace (with the announcement of the append) tells.
  "tail-acks-before-append": { scenario: "two-clients", line: "node-3 send eAppended", spec: "AckedDurable", mbt: undefined },
  // The head, introduced to the tail after the middle node crashed, sends it nothing (and the
  // journal is stuck); the model-based tests find the same after a crash of the middle node.
  "no-resend": { scenario: "crash-middle", line: "node-1 handle eIntroduce", spec: undefined, mbt: 7 },
  // A read served by the middle node; the model-based tests find the head answering a read.
  "read-any-replica": { scenario: "two-clients", line: "node-2 send eReadReply", spec: undefined, mbt: 2 },
};

describe("the planted bugs, switched on in the implementation", () => {
  it("covers every bug", () => {
    expect(Object.keys(CAUGHT).sort()).toEqual([...BUGS].sort());
  });

  for (const bug of BUGS) {
    it(`catches ${bug}`, async () => {
      const expected = CAUGHT[bug];
      const recorded = await recordScenario(expected.scenario, 1, bug);
      expect(conform(recorded.trace, SCENARIOS[expected.scenario].test)).toEqual({ verdict: "mismatch", line: expected.line, spec: expected.spec });
      const spec = loadSpec(MODEL, { cwd: ROOT, test: MBT_TEST });
      const result = await runMbt(spec, journalTests({ bug }), { runs: MBT_RUNS, seed: 7 });
      expect(result.ok).toBe(expected.mbt === undefined);
      expect(result.commands?.length).toBe(expected.mbt);
    });
  }
});

