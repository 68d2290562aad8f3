// DynamoDB transactions (specs/dynamodb-transactions): the model checked to pinned verdicts and
// state counts, its six planted bugs found with their shortest counterexamples (breadth-first
// search), each pinned with the monitor that catches it, and the expectations of pith.json kept in
// step with these numbers. The proof is pinned in dynamodb-transactions-proof.test.ts.
//
// The configurations checked here are the small ones (10^2 to 10^4 states); the larger ones are in
// pith.json only: TwoTxFailures with a false suspicion in the model "dynamodb-transactions", and
// the Large* tests in "dynamodb-transactions-large".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Span } from "../../src/diagnostics/source.ts";
import { checkPinned, counterexample, loadShipped, pass, pithJsonExpect, pithJsonModel, ROOT, type Expected } from "./shipped.ts";

const MODEL = "specs/dynamodb-transactions";


const cfg = (test: string, nTx: number, nPartitions: number, failure: number, retry: boolean, reader: boolean, plain: boolean) =>
  `${test}(nTx=${nTx},nPartitions=${nPartitions},failure=${failure},retry=${retry},reader=${reader},plain=${plain})`;

/** The configurations the unit tests check, with what they give. */
const expected: Record<string, Expected> = {
  [cfg("Basic", 1, 1, 0, false, false, false)]: pass(142),
  [cfg("Basic", 1, 2, 0, false, false, false)]: pass(274),
  [cfg("Basic", 2, 1, 0, false, false, false)]: pass(10_900),
  [cfg("Basic", 2, 2, 0, false, false, false)]: pass(22_074),
  [cfg("Failures", 1, 1, 1, false, false, false)]: pass(268),
  [cfg("Failures", 1, 1, 1, true, false, false)]: pass(1_834),
  [cfg("Failures", 1, 1, 2, false, false, false)]: pass(1_577),
  [cfg("Failures", 1, 1, 2, true, false, false)]: pass(13_155),
  [cfg("Failures", 1, 2, 1, false, false, false)]: pass(538),
  [cfg("Failures", 1, 2, 1, true, false, false)]: pass(3_575),
  [cfg("Failures", 1, 2, 2, false, false, false)]: pass(3_102),
  [cfg("Failures", 1, 2, 2, true, false, false)]: pass(25_351),
  [cfg("Reads", 1, 1, 0, false, true, false)]: pass(3_446),
  [cfg("Reads", 1, 2, 0, false, true, false)]: pass(8_052),
  [cfg("PlainOps", 1, 1, 0, false, false, true)]: pass(1_382),
  [cfg("PlainOps", 1, 2, 0, false, false, true)]: pass(2_332),
  [cfg("TwoTxFailures", 2, 1, 1, false, false, false)]: pass(31_446),
  // bugs/commit-before-decision: the items are told to commit before the ledger says COMMITTED.
  [cfg("CommitBeforeDecision", 1, 1, 0, false, false, false)]: {
    verdict: "violation",
    states: 105,
    kind: "assertion",
    monitor: "Atomicity",
    message: "item 0 has the write of transaction 1, which is PENDING in the ledger",
    steps: 21,
  },
  // bugs/recovery-skips-pending: the sweeper's scan leaves PENDING records out.
  [cfg("RecoverySkipsPending", 1, 1, 1, false, false, false)]: {
    verdict: "violation",
    states: 143,
    kind: "liveness",
    monitor: "EventuallyDecided",
    message: "monitor EventuallyDecided is hot in a state where no step is possible",
    steps: 20,
  },
  // bugs/single-round-read: TransactGetItems without its second (LSN) round.
  [cfg("SingleRoundRead", 1, 2, 0, false, true, false)]: {
    verdict: "violation",
    states: 3_494,
    kind: "assertion",
    monitor: "SnapshotReads",
    message:
      "fractured read: item 1 read at timestamp 10 includes transaction 1 (timestamp 10), item 0 read at timestamp 0 does not",
    steps: 38,
  },
  // bugs/token-ignored: a retry with the same token starts a second transaction.
  [cfg("TokenIgnored", 1, 1, 0, true, false, false)]: {
    verdict: "violation",
    states: 3_901,
    kind: "assertion",
    monitor: "Idempotency",
    message: "token 1 applied twice: by transaction 1 and by transaction 2",
    steps: 44,
  },
  // bugs/unconditional-decision: decisions overwrite each other in the ledger.
  [cfg("UnconditionalDecision", 1, 1, 2, false, false, false)]: {
    verdict: "violation",
    states: 581,
    kind: "assertion",
    monitor: "Atomicity",
    message: "transaction 1 was CANCELLED in the ledger, and is now COMMITTED",
    steps: 29,
  },
  // bugs/write-on-prepared: a PutItem is accepted on an item a transaction has prepared.
  [cfg("WriteOnPrepared", 1, 1, 0, false, false, true)]: {
    verdict: "violation",
    states: 735,
    kind: "assertion",
    monitor: "SerializableWrites",
    message: "lost update: item 0 is (1, true) after ADD of transaction 1, but the serial history gives (item = 0, value = 8, exists = true)",
    steps: 29,
  },
};

/** The configurations that pith.json checks beyond these, by model, with their state counts. */
const pithJsonOnly: Record<string, Record<string, number>> = {
  "dynamodb-transactions": {
    [cfg("TwoTxFailures", 2, 1, 2, false, false, false)]: 265_700,
  },
  "dynamodb-transactions-large": {
    [cfg("LargeFailures", 2, 2, 1, false, false, false)]: 71_944,
    [cfg("LargeFailures", 2, 2, 2, false, false, false)]: 662_038,
    [cfg("LargeRetry", 2, 1, 0, true, false, false)]: 102_675,
    [cfg("LargeMixed", 2, 1, 0, false, true, false)]: 312_336,
    [cfg("LargeMixed", 2, 1, 0, false, false, true)]: 213_872,
    [cfg("LargeEverything", 1, 2, 1, true, true, true)]: 3_053_085,
  },
};

/** The monitor (spec) whose code holds the failing assertion. */
function monitorAt(span: Span | undefined): string | undefined {
  if (span === undefined) return undefined;
  const text = readFileSync(join(ROOT, span.file), "utf8").slice(0, span.start);
  const specs = [...text.matchAll(/^spec (\w+)/gm)];
  return specs.at(-1)?.[1];
}

const model = () => loadShipped(MODEL);

describe("DynamoDB transactions: pith check", () => {
  it("checks every configuration to its pinned verdict, state count and shortest counterexample", async () => {
    expect(await checkPinned(model().ir!, expected, (monitor, span) => monitor ?? monitorAt(span))).toEqual(expected);
  }, 120_000);

  it("has the configurations pith.json expects, and no others", () => {
    const ir = model().ir!;
    const all = [...Object.keys(expected), ...Object.values(pithJsonOnly).flatMap((m) => Object.keys(m))];
    expect(ir.tests.map((t) => t.name).sort()).toEqual(all.sort());
  });

  it("agrees with pith.json", () => {
    const main = pithJsonModel("dynamodb-transactions");
    expect(main?.paths).toEqual([MODEL]);
    expect(main?.expect).toEqual(pithJsonExpect(expected, pithJsonOnly["dynamodb-transactions"]));
    const large = pithJsonModel("dynamodb-transactions-large");
    expect(large?.paths).toEqual([MODEL]);
    expect(large?.expect).toEqual(pithJsonExpect({}, pithJsonOnly["dynamodb-transactions-large"]));
    // Each model runs its own tests only.
    const testsOf = (names: Iterable<string>) => [...new Set([...names].map((n) => n.slice(0, n.indexOf("("))))].sort();
    expect(main?.tests?.slice().sort()).toEqual(testsOf(Object.keys(main!.expect)));
    expect(large?.tests?.slice().sort()).toEqual(testsOf(Object.keys(large!.expect)));
  });

  it("shows the zombie's commit overwriting the recovery's cancellation", async () => {
    const ir = model().ir!;
    const steps = await counterexample(ir, "UnconditionalDecision");
    // Coordinator(4) has both yes votes; the false suspicion makes Coordinator(3) scan the ledger,
    // find the transaction PENDING and cancel it; then the zombie's COMMITTED lands over CANCELLED.
    expect(steps.slice(19)).toEqual([
      "StorageNode(1) ePrepare -> ePrepareResponse to Coordinator(4)",
      "Coordinator(4) ePrepareResponse",
      "FalseSuspicion(7) start -> eRecoverStalled to Coordinator(3)",
      "Coordinator(3) eRecoverStalled -> eLedgerScan to OverwritingLedger(2)",
      "OverwritingLedger(2) eLedgerScan -> eLedgerScanResponse to Coordinator(3)",
      "Coordinator(3) eLedgerScanResponse -> eLedgerDecide to OverwritingLedger(2)",
      "OverwritingLedger(2) eLedgerDecide",
      "OverwritingLedger(2) -> eLedgerDecideResponse to Coordinator(3)",
      "Coordinator(4) ePrepareResponse -> eLedgerDecide to OverwritingLedger(2)",
      "OverwritingLedger(2) eLedgerDecide",
    ]);
  });
});
