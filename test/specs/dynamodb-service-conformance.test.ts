// The DynamoDB-compatible service (examples/dynamodb) against its model
// (specs/dynamodb-transactions): the generated types are what `pith gen ts` makes of the model, the
// storage node implements every handler (`pith link`), the traces of its storage nodes in runs
// through the AWS SDK conform to the model's tests (`pith conform`), crashes and recovery
// included, and a planted bug that breaks the protocol shows as the first line the model cannot
// take.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCleanLink, expectGeneratedCurrent } from "./linked.ts";
import { chooseTest, conformTrace } from "../../src/conform/conform.ts";
import { frontEnd, loadModel } from "../../src/driver.ts";
import { runConformance, type RunOptions } from "../../examples/dynamodb/conformance.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const EXAMPLE = "examples/dynamodb";
/** The model without its proof and bug variants: what the service implements. */
const MODEL = ["specs/dynamodb-transactions/PSrc", "specs/dynamodb-transactions/PSpec", "specs/dynamodb-transactions/PTst"];
const front = frontEnd(loadModel(MODEL, ROOT).files);

/** Runs the service and checks its trace against `test`: the verdict, and the first line the model cannot take. */
async function conform(options: RunOptions, test: string) {
  const trace = await runConformance(options);
  const report = conformTrace(front.ir!, chooseTest(front.ir!, test)!, trace, { model: MODEL, trace: "run.ndjson" }, { maxStates: 200_000, partitionBy: undefined });
  const verdict = report.partitions[0]?.check.verdict;
  if (verdict?.kind !== "mismatch") return { verdict: report.verdict };
  const line = JSON.parse(verdict.entry.text) as { kind: string; machine: string; event: string };
  return { verdict: report.verdict, line: `${line.machine} ${line.kind} ${line.event}` };
}

const basic = (nTx: number, nPartitions: number) => `Basic(nTx=${nTx},nPartitions=${nPartitions},failure=0,retry=false,reader=false,plain=false)`;
const CRASH = "Failures(nTx=1,nPartitions=2,failure=1,retry=false,reader=false,plain=false)";

describe("the DynamoDB-compatible service and its model", () => {
  it("implements the types 'pith gen ts' generates from the model", async () => {
    await expectGeneratedCurrent(ROOT, MODEL, `${EXAMPLE}/generated.ts`);
  });

  it("handles and records every event of the storage node (pith link)", async () => {
    await expectCleanLink(ROOT, MODEL, EXAMPLE);
  });

  it.each([
    [1, 1],
    [2, 1],
    [2, 2],
  ])("records traces that conform: %i transactions at once on %i storage nodes", async (transactions, partitions) => {
    expect(await conform({ transactions, partitions }, basic(transactions, partitions))).toEqual({ verdict: "conforms" });
  });

  it.each(["after-begin", "after-prepare", "after-decide", "after-first-ack"] as const)(
    "records a trace that conforms when a coordinator crashes %s and the other recovers",
    async (crash) => {
      expect(await conform({ transactions: 1, partitions: 2, crash }, CRASH)).toEqual({ verdict: "conforms" });
    },
  );

  it("shows the commit sent before the decision is recorded as a cancel the model cannot make", async () => {
    const found = await conform({ transactions: 1, partitions: 2, crash: "after-first-ack", bug: "commit-before-decision" }, CRASH);
    expect(found).toEqual({ verdict: "mismatch", line: "node-0 send eCancelResponse" });
  });
});
