// S3 strong consistency (specs/s3-strong-consistency): the witness-gated metadata cache checked to
// pinned verdicts and state counts, its four planted bugs found with their shortest
// counterexamples (breadth-first search), the control that passes, and the expectations of
// pith.json kept in step with these numbers. The proof is pinned in
// s3-strong-consistency-proof.test.ts.
//
// The configurations checked here are the small ones (10^3 to 10^5 states); the larger ones
// (a witness or cache failure, two readers, three witnesses) are in pith.json, for `npm run check:specs` in CI.
import { describe, expect, it } from "vitest";
import { checkPinned, counterexample, loadShipped, pass, pithJsonExpect, pithJsonModel, type Expected } from "./shipped.ts";

const MODEL = "specs/s3-strong-consistency";



/** One writer, one reader, two partitions, one witness: the configuration of the bugs. */
const small = (test: string, changes: Record<string, number>): string => {
  const params: Record<string, number> = {
    nPartitions: 2, nWitnesses: 1, writeQuorum: 1, nKeys: 1, readers: 1,
    writes: 1, reads: 2, lists: 0, witnessFaults: 0, cacheFaults: 0, ...changes,
  };
  return `${test}(${Object.entries(params).map(([k, v]) => `${k}=${v}`).join(",")})`;
};

const staleGet = "GET 202 of key 0 returned version (seqNo = 0, value = 0, deleted = true), older than write 1, acknowledged before the GET began";

/** The configurations the unit tests check, with what they give. */
const expected: Record<string, Expected> = {
  [small("NoFaults", {})]: pass(3_709),
  [small("NoFaults", { lists: 1 })]: pass(11_000),
  [small("NoFaults", { writes: 2 })]: pass(12_291),
  [small("TwoKeys", { nKeys: 2, writes: 2, lists: 1 })]: pass(49_073),
  // bugs/blind-cache-install (control): fills race and an older version overwrites a newer one,
  // which the barrier masks.
  [small("BlindCacheInstall", { nPartitions: 1, readers: 2 })]: pass(157_138),
  // bugs/cache-without-witness: a hit is served without the barrier.
  [small("CacheWithoutWitness", {})]: { verdict: "violation", states: 2_851, kind: "assertion", message: staleGet, steps: 37 },
  // bugs/witness-after-ack: the index acknowledges before the witness records.
  [small("WitnessAfterAck", {})]: { verdict: "violation", states: 4_973, kind: "assertion", message: staleGet, steps: 37 },
  // bugs/unknown-as-fresh: a recovering witness's "unknown" counts as "nothing newer".
  [small("UnknownAsFresh", { witnessFaults: 1 })]: { verdict: "violation", states: 52_812, kind: "assertion", message: staleGet, steps: 44 },
  // bugs/list-lagging-replica: the replica lists without catching up with the barrier.
  [small("ListFromLaggingReplica", { reads: 0, lists: 1 })]: {
    verdict: "violation",
    states: 548,
    kind: "assertion",
    message: "LIST 201 left out key 0, whose version 1 was acknowledged or read before the LIST began, and which no later DELETE removed",
    steps: 30,
  },
};

/** The configurations that pith.json checks beyond these (CI only), with their state counts. */
const ciOnly: Record<string, number> = {
  [small("NoFaults", { writes: 2, lists: 1 })]: 75_815,
  [small("WitnessFailure", { witnessFaults: 1 })]: 76_013,
  [small("CacheFailure", { cacheFaults: 1 })]: 61_265,
  [small("TwoReaders", { readers: 2, reads: 1 })]: 72_819,
  [small("TwoReaders", { nKeys: 2, readers: 2, writes: 2, reads: 1 })]: 214_965,
  [small("Quorum", { nWitnesses: 3, writeQuorum: 2, reads: 1 })]: 84_469,
};

const model = () => loadShipped(MODEL);

const counterexampleOf = (test: string) => counterexample(model().ir!, test);

describe("S3 strong consistency: pith check", () => {
  it("checks every configuration to its pinned verdict, state count and shortest counterexample", async () => {
    expect(await checkPinned(model().ir!, expected)).toEqual(expected);
  }, 120_000);

  it("has the configurations pith.json expects, and no others", () => {
    const ir = model().ir!;
    expect(ir.tests.map((t) => t.name).sort()).toEqual([...Object.keys(expected), ...Object.keys(ciOnly)].sort());
  });

  it("agrees with pith.json", () => {
    const entry = pithJsonModel("s3-strong-consistency");
    expect(entry?.paths).toEqual([MODEL]);
    expect(entry?.expect).toEqual(pithJsonExpect(expected, ciOnly));
  });

  it("serves the 404 cached by a read that raced the PUT, when the hit skips the barrier", async () => {
    const steps = await counterexampleOf("CacheWithoutWitness");
    // The reader's first GET misses and reads the index before the PUT is released; the PUT is
    // acknowledged; the GET's fill of the 404 lands after the acknowledgement; the second GET hits
    // it and answers without waiting for the witness.
    expect(steps.slice(-13)).toEqual([
      "TrustingFrontEnd(8) eWitnessBarrierResp -> eIndexRead to Index(3)",
      "Witness(2) eWitnessRecord -> eWitnessRecordResp to Index(3)",
      "Index(3) eIndexRead -> eIndexReadResp to TrustingFrontEnd(8)",
      "Index(3) eWitnessRecordResp -> eIndexWriteResp to TrustingFrontEnd(6)",
      "TrustingFrontEnd(6) eIndexWriteResp -> ePutResp to Client(7)",
      "TrustingFrontEnd(8) eIndexReadResp -> eCacheFill to CachePartition(4)",
      "CachePartition(4) eCacheFill",
      "TrustingFrontEnd(8) -> eGetResp to Client(9)",
      "Client(9) eGetResp -> eGet to TrustingFrontEnd(8)",
      "TrustingFrontEnd(8) eGet -> eCacheLookup to CachePartition(4)",
      "CachePartition(4) eCacheLookup -> eCacheLookupResp to TrustingFrontEnd(8)",
      "TrustingFrontEnd(8) -> eWitnessBarrier to Witness(2)",
      "TrustingFrontEnd(8) eCacheLookupResp -> eGetResp to Client(9)",
    ]);
  });

  it("takes a recovering witness's unknown for a fresh barrier", async () => {
    const steps = await counterexampleOf("UnknownAsFresh");
    // After the acknowledgement and the stale fill, the witness fails while the second GET is in
    // progress, and answers its barrier "unknown".
    expect(steps.slice(-8)).toEqual([
      "FaultInjector(10) start",
      "FaultInjector(10) null",
      "FaultInjector(10) -> eWitnessFail to Witness(2)",
      "Witness(2) eWitnessFail -> eWitnessRebuild to Journal(1)",
      "OptimisticFrontEnd(8) -> eWitnessBarrier to Witness(2)",
      "Witness(2) eWitnessBarrier -> eWitnessBarrierResp to OptimisticFrontEnd(8)",
      "OptimisticFrontEnd(8) eCacheLookupResp",
      "OptimisticFrontEnd(8) eWitnessBarrierResp -> eGetResp to Client(9)",
    ]);
  });

  it("lists from the replica while the acknowledged PUT waits in its backlog", async () => {
    const steps = await counterexampleOf("ListFromLaggingReplica");
    expect(steps.slice(-11)).toEqual([
      "Index(4) eWitnessRecordResp -> eIndexReplicate to LaggingIndexReplica(3)",
      "LaggingIndexReplica(3) eIndexReplicate",
      "Index(4) -> eIndexWriteResp to FrontEnd(7)",
      "FrontEnd(7) eIndexWriteResp -> ePutResp to Client(8)",
      "FrontEnd(9) start",
      "Client(10) start -> eList to FrontEnd(9)",
      "FrontEnd(9) eList -> eWitnessListBarrier to Witness(2)",
      "Witness(2) eWitnessListBarrier -> eWitnessBarrierResp to FrontEnd(9)",
      "FrontEnd(9) eWitnessBarrierResp -> eIndexList to LaggingIndexReplica(3)",
      "LaggingIndexReplica(3) eIndexList -> eIndexListResp to FrontEnd(9)",
      "FrontEnd(9) eIndexListResp -> eListResp to Client(10)",
    ]);
  });
});
