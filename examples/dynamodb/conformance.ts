// Runs of the service that `pith conform` checks against a test of specs/dynamodb-transactions.
// A run sets the service up as the test's driver sets the model up: two items (keys 0 and 1 of
// table Items, their value in the number attribute `v`), item i on storage node i % partitions,
// two coordinators whose clocks start at 10 and 20, and the test's transactions sent through the
// AWS SDK:
//
// - T1 (ClientRequestToken "1"): ADD 1 to both items;
// - T2 (ClientRequestToken "2"): PUT 5 in item 0, on the condition that item 1 does not exist.
//
// The trace (trace.ts) records the storage nodes in the model's terms. The abstraction below is
// what makes that possible: it knows this table, and the forms of request the run sends.
//
//   node examples/dynamodb/conformance.ts OUT.ndjson [--partitions 1|2] [--transactions 1|2] [--crash POINT]
import { CreateTableCommand, DynamoDBClient, TransactWriteItemsCommand, type TransactWriteItem } from "@aws-sdk/client-dynamodb";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Bug } from "./bugs.ts";
import { CounterClock, CRASH_POINTS, type CrashPoint } from "./coordinator.ts";
import { TraceRecorder, type tCondition, type tWrite } from "./generated.ts";
import { Service } from "./service.ts";
import { ServiceTrace, type Abstraction } from "./trace.ts";
import type { AttributeValue, Item } from "./values.ts";

const TABLE = "Items";
const credentials = { accessKeyId: "conformance", secretAccessKey: "conformance" };

export interface RunOptions {
  /** Storage nodes: 1 or 2 (the model's nPartitions). */
  readonly partitions: number;
  /** 1 (T1 alone) or 2 (T1 and T2, sent at once). */
  readonly transactions: number;
  /** Make coordinator 0 crash at this point of its first transaction. */
  readonly crash?: CrashPoint;
  readonly bug?: Bug;
}

const key = (n: number) => ({ id: { N: String(n) } });
const number = (v: AttributeValue | undefined): number => Number(v !== undefined && "N" in v ? v.N : 0);

/** T1: item 0 += 1, item 1 += 1. */
const ADD_TO_BOTH: TransactWriteItem[] = [0, 1].map((n) => ({
  Update: { TableName: TABLE, Key: key(n), UpdateExpression: "ADD v :d", ExpressionAttributeValues: { ":d": { N: "1" } } },
}));

/** T2: item 0 := 5 if item 1 does not exist. */
const PUT_IF_ABSENT: TransactWriteItem[] = [
  { Put: { TableName: TABLE, Item: { ...key(0), v: { N: "5" } } } },
  { ConditionCheck: { TableName: TABLE, Key: key(1), ConditionExpression: "attribute_not_exists(id)" } },
];

const CONDITIONS: Record<string, tCondition> = {
  "attribute_exists(id)": "ITEM_EXISTS",
  "attribute_not_exists(id)": "ITEM_NOT_EXISTS",
  "v = :expected": "VALUE_IS",
};

/** The model's view of this run's table and requests. */
export const ABSTRACTION: Abstraction = {
  item(itemKey) {
    // The service keys an item as `Items/{"id":{"N":"0"}}`.
    return Number((JSON.parse(itemKey.slice(TABLE.length + 1)) as { id: { N: string } }).id.N);
  },
  write(source) {
    const entry = source as Record<string, Record<string, unknown>>;
    const [kind] = Object.keys(entry);
    const body = entry[kind];
    const keyOf = (body.Key ?? body.Item) as Item;
    const values = (body.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
    const condition = body.ConditionExpression === undefined ? "NO_CONDITION" : CONDITIONS[String(body.ConditionExpression)];
    if (condition === undefined) throw new Error(`the condition ${String(body.ConditionExpression)} has no form in the model`);
    const common = { item: number(keyOf.id), condition, expected: number(values[":expected"]) };
    if (kind === "Put") return { ...common, action: "PUT", value: number((body.Item as Item).v) };
    if (kind === "Delete") return { ...common, action: "DELETE", value: 0 };
    if (kind === "ConditionCheck") return { ...common, action: "CHECK", value: 0 };
    if (body.UpdateExpression !== "ADD v :d") throw new Error(`the update ${String(body.UpdateExpression)} has no form in the model`);
    return { ...common, action: "ADD", value: number(values[":d"]) } satisfies tWrite;
  },
  value(item) {
    return item === undefined ? { value: 0, exists: false } : { value: number(item.v), exists: true };
  },
};

/** Runs the scenario against a fresh service and returns its trace, one NDJSON line per entry. */
export async function runConformance(options: RunOptions): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "dynamodb-conformance-"));
  const lines: string[] = [];
  const trace = new ServiceTrace(new TraceRecorder((line) => lines.push(line)), ABSTRACTION);
  const service = await Service.start({
    dir,
    sync: false,
    partitions: options.partitions,
    coordinators: 2,
    clocks: [new CounterClock(10), new CounterClock(20)],
    placement: (_table, hashKey) => number(hashKey),
    leaseMs: 40,
    bug: options.bug,
    trace,
  });
  const client = new DynamoDBClient({ endpoint: service.endpoint, region: "local", credentials });
  try {
    await client.send(
      new CreateTableCommand({ TableName: TABLE, KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "N" }] }),
    );
    const held = new Map(service.nodes.map((n, p) => [n.id, [0, 1].filter((i) => i % options.partitions === p)]));
    trace.created(held);
    if (options.crash !== undefined) service.coordinators[0].crashAt(options.crash);
    const requests = [ADD_TO_BOTH, PUT_IF_ABSENT].slice(0, options.transactions);
    await Promise.all(
      requests.map((items, i) =>
        client.send(new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: String(i + 1) })).catch((error: Error) => {
          if (error.name !== "TransactionCanceledException") throw error;
        }),
      ),
    );
    // A crashed coordinator's transaction is finished by the other's sweeper.
    while (service.ledger.records().some((r) => !r.completed)) await new Promise((r) => setTimeout(r, 10));
  } finally {
    client.destroy();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.map((l) => `${l}\n`).join("");
}

if (import.meta.main) {
  const usage = "usage: node examples/dynamodb/conformance.ts OUT.ndjson [--partitions 1|2] [--transactions 1|2] [--crash POINT]";
  const oneOrTwo = (name: string, text: string) => {
    if (text !== "1" && text !== "2") throw new Error(`--${name} takes 1 or 2 (the model's tests have one or two), not "${text}"`);
    return Number(text);
  };
  try {
    const { values, positionals } = parseArgs({
      options: { partitions: { type: "string", default: "2" }, transactions: { type: "string", default: "2" }, crash: { type: "string" } },
      allowPositionals: true,
    });
    const [out] = positionals;
    if (out === undefined || positionals.length > 1) throw new Error(usage);
    const crash = values.crash;
    if (crash !== undefined && !(CRASH_POINTS as readonly string[]).includes(crash)) {
      throw new Error(`--crash takes one of ${CRASH_POINTS.join(", ")}, not "${crash}"`);
    }
    const text = await runConformance({
      partitions: oneOrTwo("partitions", values.partitions),
      transactions: oneOrTwo("transactions", values.transactions),
      crash: crash as CrashPoint | undefined,
    });
    writeFileSync(out, text);
    process.stdout.write(`wrote ${text.split("\n").length - 1} lines to ${out}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
