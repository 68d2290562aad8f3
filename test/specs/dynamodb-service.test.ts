// The DynamoDB-compatible service of examples/dynamodb, driven through the official AWS SDK:
// every operation and its errors as DynamoDB gives them, transactions with condition checks,
// idempotent retries, and coordinator crashes recovered from the ledger.
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  IdempotentParameterMismatchException,
  ListTablesCommand,
  PutItemCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  TransactGetItemsCommand,
  TransactionCanceledException,
  TransactionConflictException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { audit } from "../../examples/dynamodb/audit.ts";
import { Service, type ServiceOptions } from "../../examples/dynamodb/service.ts";

let dir: string;
let service: Service;
let client: DynamoDBClient;

async function start(options: Partial<ServiceOptions> = {}): Promise<void> {
  service = await Service.start({ dir, sync: false, leaseMs: 40, ...options });
  client = new DynamoDBClient({ endpoint: service.endpoint, region: "local", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  await client.send(
    new CreateTableCommand({
      TableName: "Accounts",
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
}

const key = (id: string) => ({ id: { S: id } });
const balance = async (id: string) => (await client.send(new GetItemCommand({ TableName: "Accounts", Key: key(id) }))).Item?.balance?.N;
const put = (id: string, amount: number) => client.send(new PutItemCommand({ TableName: "Accounts", Item: { ...key(id), balance: { N: String(amount) } } }));

function transfer(from: string, to: string, amount: number, token?: string) {
  const value = { ":x": { N: String(amount) } };
  return new TransactWriteItemsCommand({
    ClientRequestToken: token,
    TransactItems: [
      { Update: { TableName: "Accounts", Key: key(from), UpdateExpression: "SET balance = balance - :x", ConditionExpression: "balance >= :x", ExpressionAttributeValues: value } },
      { Update: { TableName: "Accounts", Key: key(to), UpdateExpression: "SET balance = balance + :x", ExpressionAttributeValues: value } },
    ],
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dynamodb-"));
});

afterEach(async () => {
  client?.destroy();
  await service?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the DynamoDB-compatible service through the AWS SDK", () => {
  it("creates, describes and lists tables, and refuses what DynamoDB refuses", async () => {
    await start();
    const described = await client.send(new DescribeTableCommand({ TableName: "Accounts" }));
    expect(described.Table?.TableStatus).toBe("ACTIVE");
    expect(described.Table?.KeySchema).toEqual([{ AttributeName: "id", KeyType: "HASH" }]);
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual(["Accounts"]);
    await expect(
      client.send(new CreateTableCommand({ TableName: "Accounts", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }] })),
    ).rejects.toBeInstanceOf(ResourceInUseException);
    await expect(client.send(new GetItemCommand({ TableName: "Missing", Key: key("a") }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("puts, gets, updates and deletes items, with conditions and return values", async () => {
    await start();
    await put("a", 10);
    expect(await balance("a")).toBe("10");
    const old = await client.send(new PutItemCommand({ TableName: "Accounts", Item: { ...key("a"), balance: { N: "12" } }, ReturnValues: "ALL_OLD" }));
    expect(old.Attributes).toEqual({ ...key("a"), balance: { N: "10" } });
    const updated = await client.send(
      new UpdateItemCommand({ TableName: "Accounts", Key: key("a"), UpdateExpression: "ADD balance :one SET #n = :n", ExpressionAttributeNames: { "#n": "name" }, ExpressionAttributeValues: { ":one": { N: "1" }, ":n": { S: "Ada" } }, ReturnValues: "ALL_NEW" }),
    );
    expect(updated.Attributes).toEqual({ ...key("a"), balance: { N: "13" }, name: { S: "Ada" } });
    await expect(client.send(new PutItemCommand({ TableName: "Accounts", Item: key("a"), ConditionExpression: "attribute_not_exists(id)" }))).rejects.toBeInstanceOf(
      ConditionalCheckFailedException,
    );
    await client.send(new DeleteItemCommand({ TableName: "Accounts", Key: key("a"), ConditionExpression: "balance = :b", ExpressionAttributeValues: { ":b": { N: "13" } } }));
    expect((await client.send(new GetItemCommand({ TableName: "Accounts", Key: key("a") }))).Item).toBeUndefined();
  });

  it("rejects malformed requests with ValidationException", async () => {
    await start();
    const invalid = [
      new PutItemCommand({ TableName: "Accounts", Item: { other: { S: "x" } } }),
      new GetItemCommand({ TableName: "Accounts", Key: { id: { N: "1" } } }),
      new PutItemCommand({ TableName: "Accounts", Item: key("a"), ConditionExpression: "balance >" }),
      new PutItemCommand({ TableName: "Accounts", Item: key("a"), ExpressionAttributeValues: { ":unused": { S: "x" } }, ConditionExpression: "attribute_exists(id)" }),
      new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: "Accounts", Item: key("a") } }, { Delete: { TableName: "Accounts", Key: key("a") } }] }),
    ];
    for (const command of invalid) {
      await expect(client.send(command as never)).rejects.toMatchObject({ name: "ValidationException" });
    }
  });

  it("commits a transaction all together, or cancels it with DynamoDB's reasons", async () => {
    await start();
    await put("a", 10);
    await put("b", 0);
    await client.send(transfer("a", "b", 4));
    expect([await balance("a"), await balance("b")]).toEqual(["6", "4"]);
    const error = await client.send(transfer("a", "b", 50)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons).toEqual([
      { Code: "ConditionalCheckFailed", Message: "The conditional request failed" },
      { Code: "None" },
    ]);
    expect([await balance("a"), await balance("b")]).toEqual(["6", "4"]);
    const read = await client.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: "Accounts", Key: key("a") } }, { Get: { TableName: "Accounts", Key: key("b") } }] }));
    expect(read.Responses?.map((r) => r.Item?.balance?.N)).toEqual(["6", "4"]);
    expect(audit(service)).toEqual([]);
  });

  it("applies a retried request token once, and refuses the token for another request", async () => {
    await start();
    await put("a", 10);
    await put("b", 0);
    await client.send(transfer("a", "b", 3, "token-1"));
    await client.send(transfer("a", "b", 3, "token-1"));
    expect([await balance("a"), await balance("b")]).toEqual(["7", "3"]);
    await expect(client.send(transfer("a", "b", 5, "token-1"))).rejects.toBeInstanceOf(IdempotentParameterMismatchException);
  });

  it("refuses a plain write to an item a transaction has prepared", async () => {
    await start();
    await put("a", 10);
    await put("b", 0);
    const held = service.network.intercept({ match: (d) => d.event === "eCommit", action: "hold" });
    const running = client.send(transfer("a", "b", 1));
    while (held.caught === 0) await new Promise((r) => setTimeout(r, 1));
    await expect(put("a", 100)).rejects.toBeInstanceOf(TransactionConflictException);
    held.release();
    await running;
    expect([await balance("a"), await balance("b")]).toEqual(["9", "1"]);
  });

  it("finishes the transaction of a coordinator that crashed, and the client's retry gets its outcome", async () => {
    await start({ coordinators: 2 });
    await put("a", 10);
    await put("b", 0);
    // Recovery cancels a transaction with no decision on record, and carries out a recorded one.
    const expected = { "after-begin": "cancelled", "after-prepare": "cancelled", "after-decide": "committed", "after-first-ack": "committed" };
    let moved = 0;
    for (const [point, outcome] of Object.entries(expected)) {
      for (const c of service.coordinators) c.crashAt(point as keyof typeof expected);
      const result = await client.send(transfer("a", "b", 1)).then(
        (r) => ({ outcome: "committed", attempts: r.$metadata.attempts }),
        (e: TransactionCanceledException) => ({ outcome: "cancelled", attempts: e.$metadata.attempts }),
      );
      expect(service.coordinators.filter((c) => c.crashed)).toHaveLength(1);
      expect(result).toEqual({ outcome, attempts: 2 });
      if (outcome === "committed") moved++;
      expect([await balance("a"), await balance("b")]).toEqual([String(10 - moved), String(moved)]);
      service.restartCoordinators();
    }
    expect(audit(service)).toEqual([]);
  });
});
