// The journal's chain over the in-process network (examples/journal), under faults: frames lost,
// duplicated, reordered and held at partitions (the link layer makes each link reliable and FIFO
// again), and nodes crashing at any point, head, middle or tail. Each run is seeded, so a failure
// replays. After each run, what the model's monitors assert must hold of the implementation: every
// append is acknowledged once, at its own index, the indexes run without a gap, the logs of the
// live nodes are prefixes of one another along the chain, and a read returns every entry
// acknowledged before it began.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LocalCluster } from "../../examples/journal/cluster.ts";
import type { Faults } from "../../examples/journal/memory-network.ts";
import { JournalLog, type JournalEntry } from "../../examples/journal/log.ts";

const FAULTS: Faults = { loss: 0.2, duplication: 0.1, reordering: 0.2 };

interface Outcome {
  /** "client/request" -> the index it was acknowledged at. */
  readonly acked: Map<string, number>;
  /** What each client's read returned. */
  readonly reads: Map<string, JournalEntry[]>;
}

/** Each client appends `appends` entries, one at a time, then reads; `during` runs after `pause` network steps. */
async function workload(c: LocalCluster, appends: number, pause = 0, during?: () => Promise<void>): Promise<Outcome> {
  const acked = new Map<string, number>();
  const reads = new Map<string, JournalEntry[]>();
  const work = Promise.all(
    c.clients.map(async (client) => {
      for (let i = 1; i <= appends; i++) acked.set(`${client.id}/${i}`, await client.append(`${client.id} #${i}`));
      reads.set(client.id, await client.read());
    }),
  );
  if (during !== undefined) {
    for (let i = 0; i < pause; i++) await c.network.step();
    await during();
  }
  await c.until(work);
  await c.settle();
  return { acked, reads };
}

/** What the monitors of the model assert, checked on the implementation after a run. */
function checkRun(c: LocalCluster, outcome: Outcome, appends: number): void {
  expect(c.failures).toEqual([]);
  // Every append acknowledged, each at its own index, without a gap.
  const indexes = [...outcome.acked.values()].sort((a, b) => a - b);
  expect(indexes).toEqual(Array.from({ length: c.clients.length * appends }, (_, i) => i));
  // The chain as the master has it: each live node's log is a prefix of its predecessor's.
  const logs = c.master.machine.chain.map((id) => c.node(id).node.log.map((e) => `${e.client}/${e.id}`));
  for (let i = 1; i < logs.length; i++) expect(logs[i - 1].slice(0, logs[i].length)).toEqual(logs[i]);
  // The tail has every acknowledged entry at its index, and nothing twice.
  const tail = logs[logs.length - 1];
  for (const [entry, index] of outcome.acked) expect(tail[index]).toBe(entry);
  expect(new Set(tail).size).toBe(tail.length);
  // Each client read after its own appends were acknowledged: its read has them at their indexes,
  // and agrees with the tail on everything it returned.
  for (const [entry, index] of outcome.acked) {
    const read = outcome.reads.get(entry.split("/")[0])!;
    expect(`${read[index]?.client}/${read[index]?.id}`).toBe(entry);
  }
  for (const read of outcome.reads.values()) expect(read.map((e) => `${e.client}/${e.id}`)).toEqual(tail.slice(0, read.length));
}

describe("journal chain, in process", () => {
  it("acknowledges every append in order over a faulty network", async () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const c = await LocalCluster.start({ nodes: 3, clients: 3, seed, faults: FAULTS });
      checkRun(c, await workload(c, 4), 4);
      expect(c.network.stats.lost).toBeGreaterThan(0);
      await c.close();
    }
  });

  it("survives a crash of the head, a middle node or the tail at any point", async () => {
    for (const victim of [0, 1, 2]) {
      for (const seed of [11, 12, 13, 14, 15, 16]) {
        const c = await LocalCluster.start({ nodes: 3, clients: 2, seed, faults: FAULTS });
        const pause = c.network.random.below(40);
        const outcome = await workload(c, 3, pause, () => c.crash(c.nodes[victim].id));
        checkRun(c, outcome, 3);
        expect(c.master.machine.chain).not.toContain(c.nodes[victim].id);
        await c.close();
      }
    }
  });

  it("survives two crashes in a chain of four", async () => {
    for (const seed of [21, 22, 23, 24]) {
      const c = await LocalCluster.start({ nodes: 4, clients: 2, seed, faults: FAULTS });
      const [first, second] = [c.network.random.below(4), c.network.random.below(3)];
      const outcome = await workload(c, 3, c.network.random.below(30), async () => {
        const victim = c.nodes[first].id;
        await c.crash(victim);
        for (let i = 0; i < 10; i++) await c.network.step();
        await c.crash(c.master.machine.chain[second]);
      });
      checkRun(c, outcome, 3);
      expect(c.master.machine.chain).toHaveLength(2);
      await c.close();
    }
  });

  it("waits out a partition between two neighbours", async () => {
    const c = await LocalCluster.start({ nodes: 3, clients: 1, seed: 31, faults: FAULTS });
    const [a, b] = [c.nodes[0].id, c.nodes[1].id];
    c.network.partition(a, b);
    const [client] = c.clients;
    const appended = client.append("across the partition");
    for (let i = 0; i < 200; i++) if (!(await c.network.step())) c.network.tick();
    expect(client.busy).toBe(true);
    expect(c.node(b).node.log).toEqual([]);
    c.network.heal();
    expect(await c.until(appended)).toBe(0);
    await c.settle();
    expect(c.nodes.map((n) => n.node.log.length)).toEqual([1, 1, 1]);
  });

  it("keeps every node's log on its disk, as the node has it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journal-chain-"));
    const c = await LocalCluster.start({ nodes: 3, clients: 2, seed: 41, faults: FAULTS, dir });
    const outcome = await workload(c, 3, 15, () => c.crash(c.nodes[1].id));
    checkRun(c, outcome, 3);
    await c.close();
    for (const n of c.nodes) {
      const { log, recovery } = await JournalLog.open(join(dir, `${n.id}.log`));
      expect(recovery.entries).toEqual(n.node.log);
      expect(recovery.truncatedBytes).toBe(0);
      await log.close();
    }
  });

  it("drops an entry sent again to a new head that has it already", async () => {
    const c = await LocalCluster.start({ nodes: 3, clients: 1, seed: 51 });
    const [client] = c.clients;
    const appended = client.append("once");
    // The head forwards the entry, then crashes before any acknowledgement: the client sends it
    // again to the new head, which has it from the old one.
    await c.network.run(() => c.nodes[1].node.log.length === 1);
    await c.crash(c.nodes[0].id);
    expect(await c.until(appended)).toBe(0);
    await c.settle();
    expect(c.nodes.slice(1).map((n) => n.node.log.map((e) => e.data))).toEqual([["once"], ["once"]]);
  });
});
