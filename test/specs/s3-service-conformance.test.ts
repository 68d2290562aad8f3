// The object store's metadata layer (examples/s3) against its model (specs/s3-strong-consistency):
// the generated types are what `pith gen ts` makes of the model, every handler of the model has its
// method (`pith link`), the traces recorded from runs over the real journal conform (`pith
// conform`), and each bug of bugs.ts, switched on, makes a trace leave the model, while the
// control the model says is masked conforms. A recorded trace of each scenario is committed in
// examples/s3/traces for the command line (PITH_UPDATE_GOLDEN=1 records them again); runs differ
// in when the read replica applies what it was sent, so fresh recordings are checked, not compared.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { UPDATE_GOLDEN } from "../golden.ts";
import { pith } from "../cli/helpers.ts";
import { expectCleanLink, expectGeneratedCurrent } from "./linked.ts";
import { chooseTest, conformTrace } from "../../src/conform/conform.ts";
import { loadSpec, runMbt } from "../../src/conform/mbt.ts";
import { frontEnd, loadModel } from "../../src/driver.ts";
import { metadataTests } from "../../examples/s3/mbt.ts";
import type { Bug } from "../../examples/s3/bugs.ts";
import { recordScenario, SCENARIOS, testName } from "../../examples/s3/scenarios.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const EXAMPLE = "examples/s3";
/** The model without its bug variants and proof: what the implementation implements. */
const MODEL = ["specs/s3-strong-consistency/PSrc", "specs/s3-strong-consistency/PSpec", "specs/s3-strong-consistency/PTst"];

const front = frontEnd(loadModel(MODEL, ROOT).files);
/** The configuration whose specs the model-based tests run: a writer and a reader, a witness that may fail. */
const MBT_TEST = "WitnessFailure(nPartitions=2,nWitnesses=1,writeQuorum=1,nKeys=1,readers=1,writes=1,reads=2,lists=0,witnessFaults=1,cacheFaults=0)";

/** Checks a trace against a configuration of the model: the verdict, and the line it leaves the model at. */
function conform(trace: string, test: string): { verdict: string; line?: string } {
  const report = conformTrace(front.ir!, chooseTest(front.ir!, test)!, trace, { model: MODEL, trace: "run.ndjson" }, { maxStates: 200_000, partitionBy: undefined });
  const verdict = report.partitions[0]?.check.verdict;
  if (verdict === undefined || (verdict.kind !== "mismatch" && verdict.kind !== "violation")) return { verdict: report.verdict };
  const line = JSON.parse(verdict.entry.text) as { kind: string; machine: string; event: string };
  return { verdict: report.verdict, line: `${line.machine} ${line.kind} ${line.event}` };
}

/**
 * For each bug, a run whose trace it makes leave the model, and the first line the model cannot
 * take. The seed picks the partitions: for cache-without-witness, both GETs must pick the same one.
 */
const CAUGHT: Record<Exclude<Bug, "blind-cache-install">, { scenario: string; seed: number; line: string }> = {
  // The second GET is answered from the cached 404 before the witness has answered.
  "cache-without-witness": { scenario: "read-write-read-list", seed: 5, line: "frontend-2 send eGetResp" },
  // The index applies the write (and sends it to the replica) before any witness has it.
  "witness-after-ack": { scenario: "read-write-read-list", seed: 1, line: "index send eIndexReplicate" },
  // A GET takes the recovering witness's "unknown" as a barrier and serves the cache.
  "unknown-as-fresh": { scenario: "witness-failure", seed: 1, line: "frontend-2 handle eWitnessBarrierResp" },
  // The replica answers the LIST before it has applied the PUT acknowledged before it.
  "list-lagging-replica": { scenario: "read-write-read-list", seed: 1, line: "replica send eIndexListResp" },
};

describe("the object store's metadata layer and its model", () => {
  it("implements the types 'pith gen ts' generates from the model", async () => {
    await expectGeneratedCurrent(ROOT, MODEL, `${EXAMPLE}/generated.ts`);
  });

  it("handles and records every event of the machines it implements (pith link)", async () => {
    await expectCleanLink(ROOT, MODEL, EXAMPLE);
  });

  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    it(`records a trace of scenario ${name} that conforms`, async () => {
      const path = `${EXAMPLE}/traces/${name}.ndjson`;
      const recorded = await recordScenario(scenario, { seed: 1 });
      expect(recorded.answers.length).toBe(scenario.config.writes + scenario.config.readers * (scenario.config.reads + scenario.config.lists));
      if (UPDATE_GOLDEN) writeFileSync(join(ROOT, path), recorded.trace);
      const ran = await pith(ROOT, "conform", ...MODEL, "--trace", path, "--test", testName(scenario));
      expect(ran.stdout).toMatch(/: conforms \(\d+ lines, [\d,]+ states searched\)\n$/);
      expect(ran.code).toBe(0);
      // This run, and others (other choices of partition, another journal network), conform too.
      expect(conform(recorded.trace, testName(scenario))).toEqual({ verdict: "conforms" });
      for (const seed of [2]) expect(conform((await recordScenario(scenario, { seed })).trace, testName(scenario))).toEqual({ verdict: "conforms" });
    });
  }

  for (const [bug, { scenario, seed, line }] of Object.entries(CAUGHT)) {
    it(`catches ${bug}: the trace of ${scenario} leaves the model`, async () => {
      const recorded = await recordScenario(SCENARIOS[scenario], { seed, bug: bug as Bug });
      expect(conform(recorded.trace, testName(SCENARIOS[scenario]))).toEqual({ verdict: "mismatch", line });
    });
  }

  it("lets blind-cache-install through, as the model says the barrier masks it", async () => {
    for (const scenario of Object.values(SCENARIOS)) {
      const recorded = await recordScenario(scenario, { seed: 1, bug: "blind-cache-install" });
      expect(conform(recorded.trace, testName(scenario))).toEqual({ verdict: "conforms" });
    }
  });

  it("passes the model-based tests, with witness and cache failures and a journal node crash", async () => {
    const spec = loadSpec(MODEL, { cwd: ROOT, test: MBT_TEST });
    expect(await runMbt(spec, metadataTests(), { runs: 300, seed: 7 })).toMatchObject({ ok: true, runs: 300 });
  });

  it("catches witness-after-ack and unknown-as-fresh in the model-based tests", async () => {
    const spec = loadSpec(MODEL, { cwd: ROOT, test: MBT_TEST });
    const late = await runMbt(spec, metadataTests({ bug: "witness-after-ack" }), { runs: 1000, seed: 7 });
    expect(late.ok).toBe(false);
    expect(late.failure).toContain("the implementation sent: eIndexWriteResp");
    const fresh = await runMbt(spec, metadataTests({ bug: "unknown-as-fresh" }), { runs: 1000, seed: 7 });
    expect(fresh.ok).toBe(false);
    expect(fresh.failure).toContain("after frontend-1 handled eWitnessBarrierResp");
  });
});
