// The DynamoDB-compatible service's command line.
//
//   node examples/dynamodb/cli.ts serve [--port 8000] [--dir DIR] [--partitions 3] [--coordinators 2]
//       [--no-sync] [--bug NAME]
//       serves DynamoDB's JSON API on 127.0.0.1 until Ctrl-C; point any AWS SDK at
//       http://127.0.0.1:PORT (any region and credentials).
//   node examples/dynamodb/cli.ts workload [--clients 4] [--operations 25] [--keys 3] [--seed 1]
//       [--history FILE] [--crash]
//       starts a service, runs concurrent SDK clients against it (optionally crashing a coordinator
//       now and then), writes their history to FILE (check it with
//       `pith history FILE --model txn-kv --strict`), and stops.
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { HistoryRecorder } from "../../src/history/recorder.ts";
import type { TxnOperations } from "../../src/history/format.ts";
import { BUGS, isBug } from "./bugs.ts";
import { Service } from "./service.ts";
import { runWorkload, TABLE_DEFINITION } from "./workload.ts";

function whole(text: string, name: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}, not "${text}"`);
  return n;
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: "8000" },
      dir: { type: "string" },
      partitions: { type: "string", default: "3" },
      coordinators: { type: "string", default: "2" },
      "no-sync": { type: "boolean", default: false },
      bug: { type: "string" },
    },
  });
  if (values.bug !== undefined && !isBug(values.bug)) throw new Error(`--bug takes one of ${BUGS.join(", ")}`);
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), "dynamodb-"));
  const service = await Service.start({
    dir,
    port: whole(values.port, "port", 0),
    partitions: whole(values.partitions, "partitions", 1),
    coordinators: whole(values.coordinators, "coordinators", 1),
    sync: !values["no-sync"],
    bug: values.bug as never,
  });
  process.stdout.write(`serving DynamoDB's JSON API at ${service.endpoint} (ledger in ${dir}); Ctrl-C stops\n`);
  await new Promise<void>((resolve) => process.once("SIGINT", resolve));
  await service.close();
  process.stdout.write(`stopped after ${service.requests} requests\n`);
  return 0;
}

async function workload(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      clients: { type: "string", default: "4" },
      operations: { type: "string", default: "25" },
      keys: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      history: { type: "string" },
      crash: { type: "boolean", default: false },
    },
  });
  const dir = mkdtempSync(join(tmpdir(), "dynamodb-"));
  const file = values.history ?? join(dir, "history.ndjson");
  const service = await Service.start({ dir, leaseMs: 50 });
  const history = new HistoryRecorder<TxnOperations>({ file });
  const crashes = values.crash
    ? setInterval(() => {
        const [tc] = service.coordinators;
        if (tc.crashed) tc.restart();
        else tc.crashAt("after-decide");
      }, 20)
    : undefined;
  try {
    const client = new DynamoDBClient({ endpoint: service.endpoint, region: "local", credentials: { accessKeyId: "cli", secretAccessKey: "cli" } });
    await client.send(new CreateTableCommand(TABLE_DEFINITION));
    client.destroy();
    await runWorkload({
      endpoint: service.endpoint,
      clients: whole(values.clients, "clients", 1),
      operations: whole(values.operations, "operations", 1),
      keys: whole(values.keys, "keys", 2),
      seed: whole(values.seed, "seed", 0),
      history,
    });
  } finally {
    clearInterval(crashes);
    await service.close();
  }
  process.stdout.write(`${history.events.length / 2} operations recorded in ${file}\ncheck them with: pith history ${file} --model txn-kv --strict\n`);
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<number>> = { serve, workload };
const run = command === undefined ? undefined : commands[command];
if (run === undefined) {
  process.stderr.write("usage: node examples/dynamodb/cli.ts serve|workload [options] (see the top of this file)\n");
  process.exitCode = 2;
} else {
  run(rest).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
