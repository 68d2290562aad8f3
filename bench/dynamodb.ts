// The DynamoDB-compatible service (examples/dynamodb) under load: TransactWriteItems per second
// through the AWS SDK over HTTP on loopback, the ledger fsync'ed on every write, with sixteen
// clients each running two-item transactions one at a time. Without conflicts every client writes
// its own items; with conflicts all clients write the same four items, so transactions collide on
// prepared items and are cancelled (counted separately: a cancelled transaction is work done too,
// but not a commit). Each sample is a window of transactions on a service started once per
// variant, after one unmeasured window.
import { CreateTableCommand, DynamoDBClient, TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Service } from "../examples/dynamodb/service.ts";
import { TABLE, TABLE_DEFINITION } from "../examples/dynamodb/workload.ts";
import type { Benchmark, BenchmarkOptions, Figure } from "./run.ts";

const CLIENTS = 16;
const PER_CLIENT = 50;
const credentials = { accessKeyId: "bench", secretAccessKey: "bench" };

interface Window {
  readonly committed: number;
  readonly cancelled: number;
  readonly seconds: number;
}

async function measure(conflicts: boolean, runs: number): Promise<Window[]> {
  const dir = mkdtempSync(join(tmpdir(), "pith-bench-dynamodb-"));
  const service = await Service.start({ dir, partitions: 3, coordinators: 2 });
  const clients = Array.from({ length: CLIENTS }, () => new DynamoDBClient({ endpoint: service.endpoint, region: "local", credentials, maxAttempts: 1 }));
  const windows: Window[] = [];
  try {
    await clients[0].send(new CreateTableCommand(TABLE_DEFINITION));
    for (let window = 0; window <= runs; window++) {
      let committed = 0;
      let cancelled = 0;
      const started = performance.now();
      await Promise.all(
        clients.map(async (client, c) => {
          for (let i = 0; i < PER_CLIENT; i++) {
            const keys = conflicts ? [`hot${i % 4}`, `hot${(i + 1) % 4}`] : [`c${c}a`, `c${c}b`];
            const items = keys.map((k) => ({ Put: { TableName: TABLE, Item: { k: { S: k }, v: { S: `${c}.${window}.${i}` } } } }));
            try {
              await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
              committed++;
            } catch (error) {
              if ((error as Error).name !== "TransactionCanceledException") throw error;
              cancelled++;
            }
          }
        }),
      );
      if (window > 0) windows.push({ committed, cancelled, seconds: (performance.now() - started) / 1000 });
    }
  } finally {
    for (const client of clients) client.destroy();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return windows;
}

export const dynamodbBenchmark: Benchmark = {
  name: "dynamodb",
  description: `TransactWriteItems/s through the AWS SDK, 3 partitions, 2 coordinators, ledger fsync'ed, ${CLIENTS} clients`,
  async run(options: BenchmarkOptions): Promise<Figure[]> {
    const free = await measure(false, options.runs);
    const hot = await measure(true, options.runs);
    return [
      { name: "transactions/s, no conflicts", unit: "tx/s", samples: free.map((w) => w.committed / w.seconds), note: `${CLIENTS} clients x ${PER_CLIENT} transactions per sample` },
      { name: "transactions/s, conflicts (commits)", unit: "tx/s", samples: hot.map((w) => w.committed / w.seconds) },
      { name: "transactions/s, conflicts (cancelled)", unit: "tx/s", samples: hot.map((w) => w.cancelled / w.seconds), note: "all clients write 4 shared items" },
    ];
  },
};
