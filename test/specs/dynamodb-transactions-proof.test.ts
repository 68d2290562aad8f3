// DynamoDB transactions' proof (specs/dynamodb-transactions/proof): atomicity proved with
// `pith prove` for any number of transactions, items, storage nodes, coordinators, retries and
// recoveries, with the helper invariants the proof script uses. And the proof is not vacuous in
// the other sense either: the same model with the ledger's conditional write made unconditional
// (the bug of bugs/unconditional-decision) fails it.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../src/diagnostics/source.ts";
import { loadModel } from "../../src/driver.ts";
import { proveModel } from "./proofs.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const PROOF = "specs/dynamodb-transactions/proof";

describe("DynamoDB transactions: pith prove", () => {
  it(
    "proves atomicity for any number of transactions, items and storage nodes, with coordinators that stop and recover",
    async () => {
      const report = await proveModel(loadModel([PROOF], ROOT).files);
      expect(report.vacuity.status).toBe("proved");
      expect(report.results.map((r) => `${r.status} ${r.target}`)).toEqual([
        "proved routing.decide_to_ledger",
        "proved routing.prepare_to_shard",
        "proved routing.prepare_index",
        "proved routing.vote_index",
        "proved routing.commit_index",
        "proved routing.cancel_index",
        "proved routing.commit_ack_index",
        "proved routing.cancel_ack_index",
        "proved decisions_recorded.decided_on_record",
        "proved decisions_recorded.commits_on_record",
        "proved decisions_recorded.commit_acks_on_record",
        "proved decisions_recorded.cancels_on_record",
        "proved decisions_recorded.cancel_acks_on_record",
        "proved prepares_held.prepared_before",
        "proved prepares_held.yes_held",
        "proved prepares_held.commit_asked_held",
        "proved decisions.decisions_final",
        "proved atomicity.applied_committed",
        "proved atomicity.all_or_nothing",
        "proved default",
      ]);
      // All or nothing rests on the prepares being held until the decision.
      const all = report.results.find((r) => r.target === "atomicity.all_or_nothing")!;
      expect(all.helpers).toEqual(expect.arrayContaining(["prepares_held.commit_asked_held"]));
    },
    240_000,
  );

  it("fails when the ledger's decision write is unconditional", async () => {
    const loaded = loadModel([PROOF], ROOT);
    expect(loaded.files).toHaveLength(1);
    const file = loaded.files[0]!;
    const guard = "if (!(d.txn in committed) && !(d.txn in cancelled)) {";
    expect(file.text).toContain(guard);
    // Only the theorem it breaks is proved, to keep the test short.
    const script = file.text.slice(file.text.indexOf("\nProof {"));
    const text = file.text.replace(guard, "if (true) {").replace(script, "\nProof {\n    prove decisions;\n}\n");
    const report = await proveModel([new SourceFile(file.path, text)]);
    const failed = report.results.filter((r) => r.status === "failed").map((r) => r.target);
    expect(failed).toEqual(["decisions.decisions_final"]);
  }, 240_000);
});
