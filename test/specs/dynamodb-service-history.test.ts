// Histories of concurrent AWS SDK clients against the DynamoDB-compatible service, under network
// faults and coordinator crashes, checked for strict serializability by `pith history`'s checker;
// and each planted bug of examples/dynamodb/bugs.ts, switched on, caught by the history check or
// by the audit of the service's own state.
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  type TransactWriteItem,
} from "@aws-sdk/client-dynamodb";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { audit } from "../../examples/dynamodb/audit.ts";
import { Service, type ServiceOptions } from "../../examples/dynamodb/service.ts";
import { BUGS, type Bug } from "../../examples/dynamodb/bugs.ts";
import type { Delivery } from "../../examples/dynamodb/network.ts";
import { runWorkload, TABLE, TABLE_DEFINITION } from "../../examples/dynamodb/workload.ts";
import { checkHistory } from "../../src/history/check.ts";
import type { MicroOp, TxnOperations } from "../../src/history/format.ts";
import { txnKvModel } from "../../src/history/models/txn-kv.ts";
import { HistoryRecorder } from "../../src/history/recorder.ts";

let dir: string;
let service: Service;

async function start(options: Partial<ServiceOptions> = {}): Promise<Service> {
  service = await Service.start({ dir, sync: false, leaseMs: 40, ...options });
  const client = new DynamoDBClient({ endpoint: service.endpoint, region: "local", credentials: { accessKeyId: "t", secretAccessKey: "t" } });
  await client.send(new CreateTableCommand(TABLE_DEFINITION));
  client.destroy();
  return service;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dynamodb-history-"));
});

afterEach(async () => {
  await service?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("client histories of the DynamoDB-compatible service", () => {
  it("are strictly serializable under message delays, duplicates and coordinator crashes", async () => {
    await start({ faults: { seed: 7, maxDelayMs: 3, duplicate: 0.05 } });
    const history = new HistoryRecorder<TxnOperations>();
    const crashes = setInterval(() => {
      const [tc0] = service.coordinators;
      if (tc0.crashed) tc0.restart();
      else tc0.crashAt("after-decide");
    }, 15);
    await runWorkload({ endpoint: service.endpoint, clients: 4, operations: 25, keys: 3, seed: 1, history });
    clearInterval(crashes);
    const verdict = checkHistory(history.events, txnKvModel, { strict: true });
    expect(verdict.kind).toBe("checked");
    if (verdict.kind !== "checked") return;
    expect(verdict.failure?.explanation).toBeUndefined();
    expect(verdict.verdict).toBe("ok");
    expect(service.ledger.records().filter((r) => r.epoch > 0).length).toBeGreaterThan(0);
    // How many commit depends on timing (conflicts cancel transactions); enough must, for the check to mean something.
    expect(verdict.operations.ok).toBeGreaterThan(20);
    await new Promise((r) => setTimeout(r, 150));
    expect(audit(service)).toEqual([]);
  });
});

// ---- The planted bugs ----

const credentials = { accessKeyId: "t", secretAccessKey: "t" };
const item = (k: string, v: string) => ({ k: { S: k }, v: { S: v } });
const onKey = (event: string, k: string) => (d: Delivery) => d.event === event && JSON.stringify(d.payload).includes(`\\"k\\":{\\"S\\":\\"${k}\\"}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client whose every call is recorded in the history. */
class Client {
  readonly #sdk: DynamoDBClient;
  readonly #name: string;
  readonly #history: HistoryRecorder<TxnOperations>;
  constructor(name: string, history: HistoryRecorder<TxnOperations>) {
    this.#name = name;
    this.#history = history;
    this.#sdk = new DynamoDBClient({ endpoint: service.endpoint, region: "local", credentials });
  }

  async #record(ops: MicroOp[], send: () => Promise<MicroOp[]>): Promise<void> {
    const call = this.#history.invoke(this.#name, "txn", ops);
    try {
      call.ok(await send());
    } catch (error) {
      const name = (error as Error).name;
      if (name === "InternalServerError") call.info(name);
      else call.fail(name);
    }
  }

  put(k: string, v: string, expected?: string): Promise<void> {
    const condition = expected === undefined ? {} : { ConditionExpression: "v = :old", ExpressionAttributeValues: { ":old": { S: expected } } };
    const ops: MicroOp[] = [...(expected === undefined ? [] : [["check", k, expected] as const]), ["w", k, v]];
    return this.#record(ops, async () => (await this.#sdk.send(new PutItemCommand({ TableName: TABLE, Item: item(k, v), ...condition })), ops));
  }

  get(k: string): Promise<void> {
    return this.#record([["r", k, null]], async () => [["r", k, (await this.#sdk.send(new GetItemCommand({ TableName: TABLE, Key: { k: { S: k } } }))).Item?.v?.S ?? null]]);
  }

  /** Writes every pair, after checking `expected` values. */
  write(writes: Record<string, string>, expected: Record<string, string> = {}): Promise<void> {
    const ops: MicroOp[] = [...Object.entries(expected).map(([k, v]) => ["check", k, v] as const), ...Object.entries(writes).map(([k, v]) => ["w", k, v] as const)];
    const items: TransactWriteItem[] = Object.entries(writes).map(([k, v]) => ({
      Put: { TableName: TABLE, Item: item(k, v), ...(k in expected ? { ConditionExpression: "v = :old", ExpressionAttributeValues: { ":old": { S: expected[k] } } } : {}) },
    }));
    return this.#record(ops, async () => (await this.#sdk.send(new TransactWriteItemsCommand({ TransactItems: items })), ops));
  }

  read(keys: string[]): Promise<void> {
    return this.#record(
      keys.map((k) => ["r", k, null] as const),
      async () => {
        const out = await this.#sdk.send(new TransactGetItemsCommand({ TransactItems: keys.map((k) => ({ Get: { TableName: TABLE, Key: { k: { S: k } } } })) }));
        return keys.map((k, i) => ["r", k, out.Responses?.[i]?.Item?.v?.S ?? null] as const);
      },
    );
  }

  close(): void {
    this.#sdk.destroy();
  }
}

/** Each bug's scenario: the same steps run against the correct service and the one with the bug. */
const SCENARIOS: Record<Bug, (a: Client, b: Client) => Promise<void>> = {
  // A read transaction's second item is read after a write transaction commits both items.
  async "single-round-read"(a, b) {
    await a.write({ k0: "x0", k1: "y0" });
    const held = service.network.intercept({ match: onKey("eReadItem", "k1"), action: "hold" });
    const reading = b.read(["k0", "k1"]);
    while (held.caught === 0) await sleep(1);
    await a.write({ k0: "x1", k1: "y1" });
    held.release();
    await reading;
  },
  // A conditional write transaction is prepared when a plain write arrives for the same item.
  async "write-on-prepared"(a, b) {
    await a.put("k0", "x0");
    const held = service.network.intercept({ match: (d) => d.event === "eCommit", action: "hold" });
    const writing = a.write({ k0: "x1" }, { k0: "x0" });
    while (held.caught === 0) await sleep(1);
    await b.put("k0", "p");
    held.release();
    await writing;
    await b.get("k0");
  },
  // The coordinator crashes once the first item has acknowledged its decision.
  async "commit-before-decision"(a, b) {
    for (const c of service.coordinators) c.crashAt("after-first-ack");
    await a.write({ k0: "x1", k1: "y1" });
    await sleep(100);
    await b.read(["k0", "k1"]);
  },
  // The coordinator crashes after recording a commit; the client retries with the same token.
  async "token-ignored"(a, b) {
    await a.put("k0", "x0");
    service.coordinators[0].crashAt("after-decide");
    await a.write({ k0: "x1" }, { k0: "x0" });
    await sleep(100);
    await b.get("k0");
  },
  // The coordinator pauses after the votes, long enough for recovery to cancel the transaction.
  async "unconditional-decision"(a, b) {
    await a.write({ k0: "x0", k1: "y0" });
    for (const c of service.coordinators) c.pauseAt("after-prepare", 150);
    await a.write({ k0: "x1", k1: "y1" });
    await b.read(["k0", "k1"]);
  },
};

/** Runs a bug's scenario; returns what the history check and the audit found. */
async function scenario(bug: Bug | undefined, name: Bug): Promise<{ history: string; audit: string[] }> {
  await start({ bug, coordinators: 2, skewMs: [0, 0] });
  const history = new HistoryRecorder<TxnOperations>();
  const a = new Client("a", history);
  const b = new Client("b", history);
  try {
    await SCENARIOS[name](a, b);
    await sleep(100);
  } finally {
    a.close();
    b.close();
  }
  const verdict = checkHistory(history.events, txnKvModel, { strict: true });
  if (verdict.kind !== "checked") throw new Error(JSON.stringify(verdict.problems));
  return { history: verdict.verdict === "ok" ? "ok" : (verdict.failure?.explanation.join(" ") ?? verdict.verdict), audit: audit(service) };
}

describe("each planted bug in the DynamoDB-compatible service", () => {
  it.each(BUGS)("%s: its scenario passes on the correct service", async (bug) => {
    expect(await scenario(undefined, bug)).toEqual({ history: "ok", audit: [] });
  });

  // What catches each: the clients' history (not strictly serializable), the audit of the
  // service's state, or both.
  const CAUGHT_BY: Record<Bug, { history: boolean; audit: boolean }> = {
    "single-round-read": { history: true, audit: false },
    "write-on-prepared": { history: true, audit: false },
    "commit-before-decision": { history: true, audit: true },
    "token-ignored": { history: true, audit: false },
    "unconditional-decision": { history: false, audit: true },
  };

  it.each(BUGS)("%s: is caught by the history check or the audit", async (bug) => {
    const found = await scenario(bug, bug);
    expect({ history: found.history !== "ok", audit: found.audit.length > 0 }, JSON.stringify(found)).toEqual(CAUGHT_BY[bug]);
  });
});
