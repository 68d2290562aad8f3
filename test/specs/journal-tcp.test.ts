// The journal as separate processes over TCP on the loopback interface (examples/journal): three
// node processes with fsync'ed logs, the master and the clients in this process. A node is killed
// with SIGKILL in the middle of the appends; the master takes it out of the chain and the appends go
// on; the journal read back at the end has every entry acknowledged, once, in order, the logs of
// the live nodes on disk are the journal, and the killed node's agrees with it.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JournalLog } from "../../examples/journal/log.ts";
import { ProcessCluster, traceFiles } from "../../examples/journal/process-cluster.ts";
import { nodeId } from "../../examples/journal/cluster.ts";
import { pith } from "../cli/helpers.ts";

async function readLog(path: string) {
  const { log, recovery } = await JournalLog.open(path);
  await log.close();
  return recovery.entries.map((e) => `${e.client}/${e.id}`);
}

describe("journal over TCP, one process per node", () => {
  for (const victim of [0, 1, 2]) {
    it(`goes on after ${["the head", "the middle node", "the tail"][victim]} is killed`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "journal-tcp-"));
      const cluster = await ProcessCluster.start({ nodes: 3, clients: 2, dir });
      const killed = nodeId(victim);
      const acked = new Map<string, number>();
      try {
        const appendSome = (from: number, to: number) =>
          Promise.all(
            cluster.clients.map(async (client) => {
              for (let i = from; i <= to; i++) acked.set(`${client.id}/${i}`, await client.append(`${client.id} entry ${i}`));
            }),
          );
        await appendSome(1, 3);
        // Killed while the next appends are on their way.
        const more = appendSome(4, 8);
        await new Promise((r) => setTimeout(r, 5));
        await cluster.kill(killed);
        expect(cluster.master.chain).toEqual([0, 1, 2].filter((i) => i !== victim).map(nodeId));
        await more;
        const [first] = cluster.clients;
        const read = (await first.read()).map((e) => `${e.client}/${e.id}`);
        expect([...acked.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i));
        for (const [entry, index] of acked) expect(read[index]).toBe(entry);
        expect(read).toHaveLength(16);
      } finally {
        await cluster.close();
      }
      const tail = await readLog(join(dir, `${cluster.master.chain.at(-1)}.log`));
      expect(tail).toHaveLength(16);
      for (const i of [0, 1, 2]) {
        const log = await readLog(join(dir, `${nodeId(i)}.log`));
        if (nodeId(i) !== killed) {
          expect(log).toEqual(tail);
          continue;
        }
        // The killed node's log agrees with the journal, except that a killed head may end with
        // entries it never forwarded (never acknowledged: their clients sent them again).
        const agreed = log.findIndex((e, k) => tail[k] !== e);
        const kept = agreed < 0 ? log.length : agreed;
        expect(tail.slice(0, kept)).toEqual(log.slice(0, kept));
        if (kept < log.length) expect(victim).toBe(0);
        for (const e of log.slice(kept)) expect(acked.get(e)).not.toBe(log.indexOf(e));
      }
    });
  }
});

// A killed node started again: it recovers its log from disk, rejoins the chain after the tail
// (keeping the entries its log shares with the journal, copying the rest), and serves as the
// tail. Each process records its trace; `pith conform` merges the four files (causal order) and
// finds the run a behaviour of the model's Restart configuration.
describe("journal over TCP, a killed node restarted", () => {
  const RESTART = "Restart(nNodes=3,nClients=1,nCrashes=1,nRestarts=1,appends=2,reads=1)";
  const MODEL = ["specs/replicated-journal/PSrc", "specs/replicated-journal/PSpec", "specs/replicated-journal/PTst"];
  const ROOT = join(import.meta.dirname, "..", "..");

  for (const victim of [0, 1, 2]) {
    it(`rejoins after ${["the head", "the middle node", "the tail"][victim]} is killed and restarted, and the traces conform`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "journal-restart-"));
      const cluster = await ProcessCluster.start({ nodes: 3, clients: 1, dir, trace: true });
      const killed = nodeId(victim);
      const [client] = cluster.clients;
      try {
        expect(await client.append("first")).toBe(0);
        // Killed between two of its steps: a step cut short can have recorded a message that never
        // left the process, which no run of the model does.
        await cluster.quiet();
        await cluster.kill(killed);
        expect(await client.append("second")).toBe(1);
        await cluster.restart(killed);
        expect(cluster.master.chain).toEqual([...[0, 1, 2].filter((i) => i !== victim).map(nodeId), killed]);
        // Served by the restarted node, the new tail, once it has caught up.
        expect((await client.read()).map((e) => e.data)).toEqual(["first", "second"]);
      } finally {
        await cluster.close();
      }
      expect(await readLog(join(dir, `${killed}.log`))).toEqual(["client-1/1", "client-1/2"]);
      const restarted = readFileSync(join(dir, `${killed}.trace.ndjson`), "utf8");
      // It kept the first entry, which it recovered from its log, and copied the second.
      expect(restarted).toMatch(/"kind":"handle","machine":"node-\d","event":"eCatchUp","payload":\{"from":"node-\d","keep":1,"entries":\[\{"client":"client-1","id":2\}\],"acked":2\}/);
      const traces = traceFiles(dir, 3).flatMap((f) => ["--trace", f]);
      const ran = await pith(ROOT, "conform", ...MODEL, ...traces, "--test", RESTART);
      expect(ran.stdout).toMatch(/ against Restart\(.*\): conforms \(\d+ lines, [\d,]+ states searched\)\n$/);
      expect(ran.code).toBe(0);
    });
  }
});
