// Model-based tests of the DynamoDB-compatible service's storage nodes (examples/dynamodb/mbt.ts)
// against specs/dynamodb-transactions: the model's prepares become the service's faithfully; the
// tests pass with one and two transactions, a reader, plain operations and a coordinator crash;
// the planted bug that lives in the storage node is caught, with a short command list; and the
// place where the service and the model part ways (a cancel that overtakes its prepare) is
// pinned, with a short command list that shows it.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pith } from "../cli/helpers.ts";
import { loadSpec, mbtText, runCommands, runMbt, type MbtCommand } from "../../src/conform/mbt.ts";
import { BUGS, type Bug } from "../../examples/dynamodb/bugs.ts";
import { ABSTRACTION } from "../../examples/dynamodb/conformance.ts";
import { machineId, type tWrite } from "../../examples/dynamodb/generated.ts";
import { dynamodbTests, prepareRequest, type DynamoDbConfig } from "../../examples/dynamodb/mbt.ts";
import type { Item } from "../../examples/dynamodb/values.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const MODEL = ["specs/dynamodb-transactions/PSrc", "specs/dynamodb-transactions/PSpec", "specs/dynamodb-transactions/PTst"];
const SEED = 7;
const RUNS = 300;

/** The test whose parameters are `c`'s (its name picks the monitors; every test asserts the same ones). */
function testOf(name: string, c: DynamoDbConfig, retry: boolean): string {
  return `${name}(nTx=${c.transactions},nPartitions=${c.partitions},failure=${c.failure},retry=${retry},reader=${c.reader},plain=${c.plain})`;
}

const EVERYTHING: DynamoDbConfig = { partitions: 2, transactions: 1, failure: 1, reader: true, plain: true };
const EVERYTHING_TEST = testOf("LargeEverything", EVERYTHING, true);

async function run(name: string, config: DynamoDbConfig, retry = false) {
  const result = await runMbt(loadSpec(MODEL, { cwd: ROOT, test: testOf(name, config, retry) }), dynamodbTests(config), { runs: RUNS, seed: SEED });
  return { result, text: mbtText(result) };
}

describe("a model's prepare as the service's", () => {
  const item = (v: number): Item => ({ id: { N: "0" }, v: { N: String(v) } });
  const w = (action: tWrite["action"], value: number, condition: tWrite["condition"], expected = 0): tWrite => ({ item: 0, action, value, condition, expected });
  // The action, the item before it (undefined: absent), whether the condition holds, and the item after it.
  const cases: [tWrite, Item | undefined, boolean, { value: number; exists: boolean }][] = [
    [w("PUT", 5, "VALUE_IS", 3), item(3), true, { value: 5, exists: true }],
    [w("PUT", 5, "VALUE_IS", 3), item(4), false, { value: 5, exists: true }],
    [w("ADD", 2, "ITEM_EXISTS"), undefined, false, { value: 2, exists: true }],
    [w("ADD", 2, "NO_CONDITION"), item(3), true, { value: 5, exists: true }],
    [w("ADD", 2, "VALUE_IS", 3), item(3), true, { value: 5, exists: true }],
    [w("DELETE", 0, "ITEM_NOT_EXISTS"), item(3), false, { value: 0, exists: false }],
    [w("DELETE", 0, "NO_CONDITION"), item(3), true, { value: 0, exists: false }],
  ];

  it.each(cases)("%j on %j: condition %s, then %j", (write, before, holds, after) => {
    const request = prepareRequest({ coordinator: machineId("coordinator-0"), txId: 1, ts: 10, write });
    expect(ABSTRACTION.write(request.source)).toEqual(write);
    expect(request.condition?.(before) ?? true).toBe(holds);
    expect(ABSTRACTION.value(request.compute(before))).toEqual(after);
  });

  it("a ConditionCheck changes nothing and carries its condition", () => {
    const request = prepareRequest({ coordinator: machineId("coordinator-0"), txId: 1, ts: 10, write: w("CHECK", 0, "ITEM_NOT_EXISTS") });
    expect(request).toMatchObject({ kind: "check", tx: "1", ts: 10, key: 'Items/{"id":{"N":"0"}}' });
    expect([request.condition?.(undefined), request.condition?.(item(1))]).toEqual([true, false]);
  });
});

describe("the storage nodes against the model", () => {
  // With many more runs the search also finds a cancel overtaking its prepare, pinned below.
  it.each([
    ["LargeEverything", EVERYTHING],
    ["Failures", { partitions: 1, transactions: 1, failure: 1, reader: false, plain: false }],
    ["Basic", { partitions: 2, transactions: 2, failure: 0, reader: false, plain: false }],
    ["PlainOps", { partitions: 1, transactions: 1, failure: 0, reader: false, plain: true }],
  ] as const)("pass 300 runs against %s(...) with %j", async (name, config) => {
    const { result } = await run(name, config, name === "LargeEverything");
    expect(result).toMatchObject({ ok: true, runs: RUNS, seed: SEED });
  });

  it("run from 'pith conform --mbt'", async () => {
    const ran = await pith(ROOT, "conform", ...MODEL, "--mbt", "examples/dynamodb/mbt.ts", "--test", EVERYTHING_TEST, "--runs", "50", "--seed", "3");
    expect(ran.stdout).toBe(`model-based tests 'storage nodes (1 tx, 2 nodes, coordinator crash, reader, plain ops)' against ${EVERYTHING_TEST}: passed 50 runs (seed 3)\n`);
    expect(ran.code).toBe(0);
  });
});

/**
 * The planted bugs. Only write-on-prepared lives in the storage node; the others live in the
 * router (single-round-read), the ledger (unconditional-decision, token-ignored) or the
 * coordinator (commit-before-decision), which these tests stand in for with the model's own
 * machines: they are out of the storage nodes' reach (dynamodb-service*.test.ts catch them).
 */
const IN_THE_STORAGE_NODE: readonly Bug[] = ["write-on-prepared"];
const ELSEWHERE: readonly Bug[] = ["single-round-read", "unconditional-decision", "commit-before-decision", "token-ignored"];

describe("the planted bugs", () => {
  it("are each in the storage node or elsewhere", () => {
    expect([...IN_THE_STORAGE_NODE, ...ELSEWHERE].sort()).toEqual([...BUGS].sort());
  });

  it("catch write-on-prepared: a plain put accepted on a prepared item", async () => {
    const { result, text } = await run("LargeEverything", { ...EVERYTHING, bug: "write-on-prepared" }, true);
    expect(result).toMatchObject({ ok: false, runs: 17, failedAt: 9 });
    expect(result.commands).toHaveLength(9);
    expect(text).toContain("failed after 17 runs (seed 7, 15 shrinks)");
    expect(text).toContain(
      [
        "x At command 9:",
        "  node-1 sent what the model does not:",
        '    the implementation sent: ePutItemResponse {"item":1,"ok":true} to plain',
        '    the model sends:         ePutItemResponse {"item":1,"ok":false} to plain',
      ].join("\n"),
    );
    expect(text).toContain(`Replay it with --seed 7 --replay-path ${result.path}`);
  });
});

describe("where the service and the model differ", () => {
  // P's inbox takes a machine's messages in the order they were sent, whoever sent them; the
  // harness's network keeps only each pair's order, as a real one does. So the cancel from the
  // coordinator that recovers a crashed one's transaction can overtake the crashed one's prepare:
  // the model then prepares it and the item stays locked (nobody will decide that transaction
  // again), while the service remembers the cancel and refuses the prepare.
  it("a cancel that overtakes its prepare after a crash: the service refuses the late prepare, the model prepares it", async () => {
    const config: DynamoDbConfig = { partitions: 2, transactions: 1, failure: 1, reader: false, plain: false };
    const deliver = (pick: number): MbtCommand => ({ kind: "deliver", pick });
    const commands: MbtCommand[] = [
      { kind: "input", input: { op: "write", token: 1 } },
      ...[0, 0, 0].map(deliver),
      { kind: "crash", pick: 0 },
      ...[2, 2, 2, 2, 2].map(deliver),
      deliver(2), // coordinator-1's cancel reaches node-0 ...
      deliver(0), // ... before coordinator-0's prepare
    ];
    const spec = loadSpec(MODEL, { cwd: ROOT, test: testOf("Failures", config, false) });
    const outcome = await runCommands(spec, dynamodbTests(config), commands);
    expect(outcome.at).toBe(12);
    expect(outcome.log.filter((line) => !line.startsWith("       ")).slice(-2)).toEqual([
      ' 11. deliver coordinator-1 -> node-0: eCancel {"coordinator":"coordinator-1","txId":1,"item":0}',
      ' 12. deliver coordinator-0 -> node-0: ePrepare {"coordinator":"coordinator-0","txId":1,"ts":10,"write":{"item":0,"action":"ADD","value":1,"condition":"NO_CONDITION","expected":0}}',
    ]);
    expect(outcome.divergence?.message).toBe(
      [
        "node-0 sent what the model does not:",
        '  the implementation sent: ePrepareResponse {"txId":1,"item":0,"vote":"VOTE_CONFLICT"} to coordinator-0',
        '  the model sends:         ePrepareResponse {"txId":1,"item":0,"vote":"VOTE_YES"} to coordinator-0',
      ].join("\n"),
    );
  });

  it("the same under a false suspicion, found by the search", async () => {
    const { result, text } = await run("Failures", { partitions: 2, transactions: 1, failure: 2, reader: false, plain: false });
    expect(result).toMatchObject({ ok: false, failedAt: 13 });
    expect(text).toContain('12. deliver coordinator-1 -> node-1: eCancel {"coordinator":"coordinator-1","txId":1,"item":1}\n');
    expect(text).toContain('13. deliver coordinator-0 -> node-1: ePrepare {"coordinator":"coordinator-0","txId":1,"ts":10,');
    expect(text).toContain(
      [
        '    the implementation sent: ePrepareResponse {"txId":1,"item":1,"vote":"VOTE_CONFLICT"} to coordinator-0',
        '    the model sends:         ePrepareResponse {"txId":1,"item":1,"vote":"VOTE_YES"} to coordinator-0',
      ].join("\n"),
    );
  });
});
