// The journal as separate processes over TCP on the loopback interface (examples/journal): three
// node processes with fsync'ed logs, the master and the clients in this process. A node is killed
// with SIGKILL in the middle of the appends; the master takes it out of the chain and the appends go
// on; the journal read back at the end has every entry acknowledged, once, in order, the logs of
// the live nodes on disk are the journal, and the killed node's agrees with it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JournalLog } from "../../examples/journal/log.ts";
import { ProcessCluster } from "../../examples/journal/process-cluster.ts";
import { nodeId } from "../../examples/journal/cluster.ts";

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
