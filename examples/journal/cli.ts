// The journal's command line.
//
//   node examples/journal/cli.ts cluster --nodes 3 [--appends 5] [--kill node-2 [--restart]] [--dir DIR] [--trace]
//       starts a local cluster (one process per node, over TCP on the loopback interface), appends
//       entries through a client, optionally kills a node with SIGKILL half way (the master
//       reconfigures the chain) and, with --restart, starts it again after the appends (it
//       recovers its log and rejoins the chain as its tail), reads the journal back, and stops.
//       With --trace, each process records a trace in DIR; `pith conform` checks them together.
//   node examples/journal/cli.ts node --id ID --log FILE [--no-sync] [--trace FILE] [--bug NAME] [--restart]
//       one node's process, as `cluster` starts it (it talks to the launcher over IPC).
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isBug } from "./bugs.ts";
import { machineId } from "./generated.ts";
import { ProcessCluster, runNodeProcess } from "./process-cluster.ts";

async function cluster(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      nodes: { type: "string", default: "3" },
      appends: { type: "string", default: "5" },
      kill: { type: "string" },
      restart: { type: "boolean", default: false },
      dir: { type: "string" },
      trace: { type: "boolean", default: false },
    },
  });
  const nodes = Number(values.nodes);
  const appends = Number(values.appends);
  if (!Number.isInteger(nodes) || nodes < 1 || !Number.isInteger(appends) || appends < 0) {
    process.stderr.write("cluster: --nodes and --appends take whole numbers (at least 1 node)\n");
    return 2;
  }
  if (values.kill !== undefined && !/^node-[1-9]\d*$/.test(values.kill)) {
    process.stderr.write(`cluster: --kill takes a node id, node-1 to node-${nodes}, not '${values.kill}'\n`);
    return 2;
  }
  if (values.kill !== undefined && Number(values.kill.slice("node-".length)) > nodes) {
    process.stderr.write(`cluster: there is no ${values.kill} in a cluster of ${nodes} nodes\n`);
    return 2;
  }
  if (values.restart && values.kill === undefined) {
    process.stderr.write("cluster: --restart restarts the node that --kill kills: give --kill NODE\n");
    return 2;
  }
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), "journal-"));
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const c = await ProcessCluster.start({ nodes, clients: 1, dir, trace: values.trace });
  process.stdout.write(`started ${nodes} node processes (pids ${[...c.pids.values()].join(", ")}), logs in ${dir}\n`);
  const [client] = c.clients;
  try {
    for (let i = 1; i <= appends; i++) {
      if (values.kill !== undefined && i === Math.floor(appends / 2) + 1) {
        // Between two steps of every machine, so that the run's traces can be checked.
        await c.quiet();
        await c.kill(machineId(values.kill));
        process.stdout.write(`killed ${values.kill} (SIGKILL); chain now ${c.master.chain.join(" -> ")}\n`);
      }
      const index = await client.append(`entry ${i}`);
      process.stdout.write(`appended "entry ${i}" at index ${index}\n`);
    }
    if (values.restart) {
      await c.restart(machineId(values.kill!));
      process.stdout.write(`restarted ${values.kill}; chain now ${c.master.chain.join(" -> ")}\n`);
    }
    const log = await client.read();
    const shown = log.length <= 10 ? log : [...log.slice(0, 5), undefined, ...log.slice(-5)];
    process.stdout.write(`read ${log.length} entries from the tail: ${shown.map((e) => (e === undefined ? "..." : JSON.stringify(e.data))).join(", ")}\n`);
    process.stdout.write(`done in ${Math.round(performance.now() - started)} ms\n`);
    return 0;
  } finally {
    await c.close();
  }
}

async function node(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      id: { type: "string" },
      log: { type: "string" },
      "no-sync": { type: "boolean", default: false },
      trace: { type: "string" },
      bug: { type: "string" },
      restart: { type: "boolean", default: false },
    },
  });
  if (values.id === undefined || values.log === undefined) {
    process.stderr.write("node: --id and --log are required\n");
    return 2;
  }
  if (values.bug !== undefined && !isBug(values.bug)) {
    process.stderr.write(`node: no bug '${values.bug}'\n`);
    return 2;
  }
  const stop = await runNodeProcess({ id: values.id, log: values.log, sync: !values["no-sync"], trace: values.trace, bug: values.bug, restart: values.restart });
  await new Promise<void>((resolve) => process.once("SIGTERM", () => resolve()));
  await stop();
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<number>> = { cluster, node };
const run = command === undefined ? undefined : commands[command];
if (run === undefined) {
  process.stderr.write("usage: cli.ts cluster [--nodes N] [--appends N] [--kill NODE [--restart]] [--dir DIR] [--trace]\n       cli.ts node --id ID --log FILE\n");
  process.exitCode = 2;
} else {
  process.exitCode = await run(rest).catch((error: unknown) => {
    // parseArgs refuses unknown options and missing values with a message worth showing as it is.
    process.stderr.write(`${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  });
  if (command === "node") process.exit();
}
