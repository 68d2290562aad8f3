// The replicated journal's proof (specs/replicated-journal/proof): update propagation, durability
// and acknowledgements in order, proved with `pith prove` for a failure-free chain of any length
// and any number of writers, with the helper invariants the proof script uses. Each query Z3 needs for the proof
// takes milliseconds; the 5 s limit bounds the first attempts made with an invariant alone, which
// fail or time out before the attempt with all the helpers.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/driver.ts";
import { proveModel } from "./proofs.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const PROOF = "specs/replicated-journal/proof";

describe("replicated journal: pith prove", () => {
  it(
    "proves update propagation, durability and ordered acknowledgements for a failure-free chain of any length",
    async () => {
      const report = await proveModel(loadModel([PROOF], ROOT).files);
      expect(report.vacuity.status).toBe("proved");
      expect(report.results.map((r) => `${r.status} ${r.target}`)).toEqual([
        "proved lengths.length_nonnegative",
        "proved writes_routed.writes_to_head",
        "proved passes_routed.passes_down",
        "proved passes.pass_from_log",
        "proved head_longest.head_length",
        "proved head_longest.head_entries",
        "proved propagation.prefix_length",
        "proved propagation.prefix_entries",
        "proved durability.acked_everywhere",
        "proved durability.acks_agree",
        "proved ordering.tail_acked",
        "proved ordering.acks_gapless",
        "proved default",
      ]);
      // Durability rests on the prefix property.
      const durable = report.results.find((r) => r.target === "durability.acked_everywhere")!;
      expect(durable.helpers).toEqual(expect.arrayContaining(["propagation.prefix_length", "propagation.prefix_entries"]));
    },
    240_000,
  );
});
