// A workload of concurrent clients against the service, through the AWS SDK, recorded as a
// history of transactions for `pith history --model txn-kv`. Every value written is unique (the
// client and a sequence number), so the checker can name the anomaly it finds.
//
// Each client, in turn, picks one of: a write transaction over two items; a conditional write
// transaction (the first item must still hold the value this client last saw); a read transaction
// over two items; a GetItem; a PutItem; a conditional PutItem; a DeleteItem. The picks come from a
// seeded generator; what the service answers is recorded as it comes.
import {
  DynamoDBClient,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
  type TransactWriteItem,
} from "@aws-sdk/client-dynamodb";
import type { HistoryRecorder } from "../../src/history/recorder.ts";
import type { JsonValue, MicroOp, TxnOperations } from "../../src/history/format.ts";
import { Prng } from "../../src/explore/engine/prng.ts";

export const TABLE = "Items";

export interface WorkloadOptions {
  readonly endpoint: string;
  readonly clients: number;
  /** Operations per client. */
  readonly operations: number;
  readonly keys: number;
  readonly seed: number;
  readonly history: HistoryRecorder<TxnOperations>;
}

const credentials = { accessKeyId: "workload", secretAccessKey: "workload" };

/** The table the workload uses: items keyed by `k`, with their value in `v`. */
export const TABLE_DEFINITION = {
  TableName: TABLE,
  KeySchema: [{ AttributeName: "k", KeyType: "HASH" as const }],
  AttributeDefinitions: [{ AttributeName: "k", AttributeType: "S" as const }],
  BillingMode: "PAY_PER_REQUEST" as const,
};

/** Errors after which the request certainly had no effect. */
const REFUSED = new Set(["TransactionCanceledException", "ConditionalCheckFailedException", "TransactionConflictException", "ValidationException"]);

export async function runWorkload(options: WorkloadOptions): Promise<void> {
  await Promise.all(Array.from({ length: options.clients }, (_, i) => runClient(options, i)));
}

async function runClient(options: WorkloadOptions, index: number): Promise<void> {
  const random = new Prng(options.seed * 1000 + index);
  const name = `c${index}`;
  // Transactions carry a token, so the SDK's retries are safe; plain writes are not retried.
  const transactions = new DynamoDBClient({ endpoint: options.endpoint, region: "local", credentials });
  const plain = new DynamoDBClient({ endpoint: options.endpoint, region: "local", credentials, maxAttempts: 1 });
  const seen = new Map<string, string | null>();
  try {
    for (let n = 0; n < options.operations; n++) {
      const k1 = `k${random.below(options.keys)}`;
      const k2 = `k${(Number(k1.slice(1)) + 1 + random.below(options.keys - 1)) % options.keys}`;
      const value = `${name}.${n}`;
      const old = seen.get(k1) ?? null;
      const choice = random.below(7);
      let ops: MicroOp[];
      let send: () => Promise<MicroOp[]>;
      if (choice === 0 || choice === 1) {
        ops = [...(choice === 1 ? [["check", k1, old] as const] : []), ["w", k1, value], ["w", k2, `${value}b`]];
        const items: TransactWriteItem[] = [
          { Put: { TableName: TABLE, Item: item(k1, value), ...(choice === 1 ? condition(old) : {}) } },
          { Put: { TableName: TABLE, Item: item(k2, `${value}b`) } },
        ];
        send = async () => (await transactions.send(new TransactWriteItemsCommand({ TransactItems: items })), ops);
      } else if (choice === 2) {
        ops = [["r", k1, null], ["r", k2, null]];
        send = async () => {
          const out = await transactions.send(new TransactGetItemsCommand({ TransactItems: [k1, k2].map((k) => ({ Get: { TableName: TABLE, Key: { k: { S: k } } } })) }));
          return [["r", k1, valueOf(out.Responses?.[0]?.Item)], ["r", k2, valueOf(out.Responses?.[1]?.Item)]];
        };
      } else if (choice === 3) {
        ops = [["r", k1, null]];
        send = async () => [["r", k1, valueOf((await plain.send(new GetItemCommand({ TableName: TABLE, Key: { k: { S: k1 } }, ConsistentRead: true }))).Item)]];
      } else if (choice === 6) {
        ops = [["w", k1, null]];
        send = async () => (await plain.send(new DeleteItemCommand({ TableName: TABLE, Key: { k: { S: k1 } } })), ops);
      } else {
        const conditional = choice === 5;
        ops = [...(conditional ? [["check", k1, old] as const] : []), ["w", k1, value]];
        send = async () => (await plain.send(new PutItemCommand({ TableName: TABLE, Item: item(k1, value), ...(conditional ? condition(old) : {}) })), ops);
      }
      const call = options.history.invoke(name, "txn", ops);
      try {
        const result = await send();
        call.ok(result);
        for (const [kind, key, v] of result) if (kind !== "check") seen.set(key, v as string | null);
      } catch (error) {
        const errorName = error instanceof Error ? error.name : String(error);
        if (REFUSED.has(errorName)) call.fail(errorName);
        else call.info(errorName);
      }
    }
  } finally {
    transactions.destroy();
    plain.destroy();
  }
}

function item(k: string, v: string): Record<string, AttributeValue> {
  return { k: { S: k }, v: { S: v } };
}

function condition(old: string | null) {
  return old === null
    ? { ConditionExpression: "attribute_not_exists(k)" }
    : { ConditionExpression: "v = :old", ExpressionAttributeValues: { ":old": { S: old } } };
}

function valueOf(item: Record<string, AttributeValue> | undefined): JsonValue {
  return item?.v?.S ?? null;
}
