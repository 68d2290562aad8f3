// The mutation test: each deliberate bug of the example store (examples/conformance/impl/bugs.ts)
// must be caught, by model-based testing and, where a recorded scenario runs into it, by checking
// the scenario's trace; the correct store must pass both.
import { describe, expect, test } from "vitest";
import { conformTrace } from "../../src/conform/conform.ts";
import { conformText } from "../../src/conform/report.ts";
import { loadSpec, mbtText, runMbt } from "../../src/conform/mbt.ts";
import { BUGS, type Bug } from "../../examples/conformance/impl/bugs.ts";
import { storeTests } from "../../examples/conformance/impl/mbt.ts";
import { recordScenario, SCENARIOS } from "../../examples/conformance/impl/scenarios.ts";

const spec = loadSpec(["examples/conformance/model"], { cwd: `${import.meta.dirname}/../..` });

async function checkScenario(name: string, bug?: Bug) {
  const trace = await recordScenario(name, bug);
  return conformTrace(spec.ir, spec.test, trace, { model: ["model"], trace: `${name}.ndjson` }, { maxStates: 100_000, partitionBy: undefined });
}

/** What the model-based tests' report says for each bug. */
const MBT_REPORTS: Record<Bug, string> = {
  "ack-before-replicate": "the implementation's messages break spec AckedWritesAreReplicated",
  "read-uncommitted": "the implementation's messages break spec ReadsSeeAcknowledgedWrites",
  "no-retransmit": "primary sent what the model does not:\n    the implementation sent: nothing",
  "ack-twice": "the implementation's messages break spec OneAckPerWrite",
  "no-reack": "backup sent what the model does not:\n    the implementation sent: nothing\n    the model sends:         eReplicateAck",
  "out-of-order": "backup sent what the model does not:",
};

/** The scenarios whose traces show each bug, and what the report says. */
const TRACE_REPORTS: Partial<Record<Bug, { scenario: string; says: string }[]>> = {
  "ack-before-replicate": [
    { scenario: "write-then-read", says: "That line breaks spec AckedWritesAreReplicated" },
    { scenario: "retransmit", says: "That line breaks spec AckedWritesAreReplicated" },
  ],
  "no-retransmit": [{ scenario: "retransmit", says: '"kind":"handle","machine":"primary","event":"eRetransmit"' }],
  "ack-twice": [{ scenario: "retransmit", says: "That line breaks spec OneAckPerWrite" }],
  "no-reack": [{ scenario: "retransmit", says: "- backup sends eReplicateAck" }],
};

describe("every bug is caught", () => {
  test.each(BUGS)("%s", async (bug) => {
    const result = await runMbt(spec, storeTests(bug), { runs: 500, seed: 1 });
    expect(result.ok, `the model-based tests miss bug ${bug}`).toBe(false);
    const report = mbtText(result);
    expect(report).toContain(MBT_REPORTS[bug]);
    expect(report).toMatch(/^The shortest failing command list found/m);
    expect(report).toContain(`Replay it with --seed ${result.seed} --replay-path ${result.path}`);
    for (const { scenario, says } of TRACE_REPORTS[bug] ?? []) {
      const checked = await checkScenario(scenario, bug);
      expect(checked.verdict, `the trace of ${scenario} hides bug ${bug}`).toBe("mismatch");
      expect(conformText(checked, spec.sources)).toContain(says);
    }
  });

  test("and the correct store passes both", async () => {
    expect((await runMbt(spec, storeTests(), { runs: 300, seed: 1 })).ok).toBe(true);
    for (const name of Object.keys(SCENARIOS)) expect((await checkScenario(name)).verdict).toBe("conforms");
  });

  test("a failure replays from its seed and path", async () => {
    const first = await runMbt(spec, storeTests("out-of-order"), { runs: 500, seed: 1 });
    const again = await runMbt(spec, storeTests("out-of-order"), { seed: first.seed, path: first.path });
    expect(again.ok).toBe(false);
    expect(again.log).toEqual(first.log);
    expect(again.failure).toBe(first.failure);
  });
});
