// The replicated journal (examples/journal) under load: appends per second through a chain of
// three node processes over TCP on the loopback interface, each append fsync'ed by every node
// before it goes on, with sixteen clients appending one entry at a time each. Measured without and
// with trace recording (each process writes its trace lines to a file, the nodes' snapshots without
// their logs). Each sample is a window of appends on a cluster started once per variant, after one
// unmeasured window.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProcessCluster } from "../examples/journal/process-cluster.ts";
import type { Benchmark, BenchmarkOptions, Figure } from "./run.ts";

const NODES = 3;
const CLIENTS = 16;
const PER_CLIENT = 100;

/** Appends per second, one sample per window, on a fresh cluster. */
async function measure(trace: boolean, runs: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "pith-bench-journal-"));
  const cluster = await ProcessCluster.start({ nodes: NODES, clients: CLIENTS, dir, trace });
  const samples: number[] = [];
  try {
    for (let window = 0; window <= runs; window++) {
      const started = performance.now();
      await Promise.all(
        cluster.clients.map(async (client) => {
          for (let i = 0; i < PER_CLIENT; i++) await client.append(`window ${window} append ${i} from ${client.id}`);
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      if (window > 0) samples.push((CLIENTS * PER_CLIENT) / seconds);
    }
  } finally {
    await cluster.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return samples;
}

export const journalBenchmark: Benchmark = {
  name: "journal",
  description: `appends/s through a chain of ${NODES} node processes over TCP on loopback, fsync per node, ${CLIENTS} clients`,
  async run(options: BenchmarkOptions): Promise<Figure[]> {
    const plain = await measure(false, options.runs);
    const traced = await measure(true, options.runs);
    const note = `${CLIENTS} clients x ${PER_CLIENT} appends per sample`;
    return [
      { name: "appends/s, no trace", unit: "appends/s", samples: plain, note },
      { name: "appends/s, trace recorded", unit: "appends/s", samples: traced },
    ];
  },
};
