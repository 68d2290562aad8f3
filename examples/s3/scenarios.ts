// Runs of the metadata layer that record a trace for `pith conform`, each a run of a configuration
// of the model's tests (specs/s3-strong-consistency/PTst/tests.p): the machines the driver makes
// (witnesses, the read replica when there are LISTs, the index, the cache partitions, a front end
// per client), over the real replicated journal, with the clients' scripts of the model (a writer
// that PUTs then DELETEs, readers that GET then LIST; request ids from 101, 201, ...; each PUT's
// value its request id) and the faults the configuration allows, injected at set points.
import { IndexJournal } from "./index-journal.ts";
import { Random } from "../journal/memory-network.ts";
import type { Bug } from "./bugs.ts";
import { machineId, TraceRecorder, type EventName, type MachineId } from "./generated.ts";
import { MetadataLayer } from "./metadata.ts";
import { Catalog } from "./records.ts";

export interface Config {
  readonly nPartitions: number;
  readonly nWitnesses: number;
  readonly writeQuorum: number;
  readonly nKeys: number;
  readonly readers: number;
  readonly writes: number;
  readonly reads: number;
  readonly lists: number;
  readonly witnessFaults: number;
  readonly cacheFaults: number;
}

/** A fault, injected when the clients have had `after` answers. */
export interface Fault {
  readonly after: number;
  readonly fail: "witness" | "cache";
  readonly index: number;
}

export interface Scenario {
  /** The model's test whose configuration this is (P1, P2, ...). */
  readonly test: string;
  readonly config: Config;
  readonly faults: readonly Fault[];
  /**
   * Which client makes each request (0: the writer, 1...: the readers), one at a time, each once
   * the one before has been answered; by default the clients run side by side.
   */
  readonly turns?: readonly number[];
}

const BASE: Config = { nPartitions: 2, nWitnesses: 1, writeQuorum: 1, nKeys: 1, readers: 1, writes: 2, reads: 2, lists: 1, witnessFaults: 0, cacheFaults: 0 };

export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  "put-delete-get-list": { test: "NoFaults", config: BASE, faults: [] },
  // The reader's GET fills a partition, the writer's PUT is acknowledged, the witness fails, and
  // the reader's next GET meets it recovering.
  "witness-failure": { test: "WitnessFailure", config: { ...BASE, writes: 1, lists: 0, witnessFaults: 1 }, faults: [{ after: 2, fail: "witness", index: 0 }], turns: [1, 0, 1] },
  "cache-failure": { test: "CacheFailure", config: { ...BASE, writes: 1, lists: 0, cacheFaults: 1 }, faults: [{ after: 1, fail: "cache", index: 0 }] },
  "two-keys": { test: "TwoKeys", config: { ...BASE, nKeys: 2 }, faults: [] },
  "two-readers": { test: "TwoReaders", config: { ...BASE, nKeys: 2, readers: 2, reads: 1, lists: 0 }, faults: [] },
  "quorum": { test: "Quorum", config: { ...BASE, nWitnesses: 3, writeQuorum: 2, writes: 1, reads: 1, lists: 0 }, faults: [] },
  // A GET of the key before it is written, one after, and a LIST: a stale cache entry or a lagging
  // replica would answer these.
  "read-write-read-list": { test: "NoFaults", config: { ...BASE, writes: 1 }, faults: [], turns: [1, 0, 1, 1] },
};

/** The name of the model's configuration, as `pith conform --test` takes it. */
export function testName(scenario: Scenario): string {
  const c = scenario.config;
  const params = (Object.keys(c) as (keyof Config)[]).map((k) => `${k}=${c[k]}`).join(",");
  return `${scenario.test}(${params})`;
}

type Op = { readonly kind: "PUT" | "DELETE" | "GET" | "LIST"; readonly key: number };

function writerScript(c: Config): Op[] {
  return Array.from({ length: c.writes }, (_, i) => ({ kind: i < c.nKeys ? "PUT" : "DELETE", key: i % c.nKeys }));
}

function readerScript(c: Config): Op[] {
  return [...Array.from({ length: c.reads }, (_, i): Op => ({ kind: "GET", key: i % c.nKeys })), ...Array.from({ length: c.lists }, (): Op => ({ kind: "LIST", key: 0 }))];
}

export interface Recorded {
  /** The trace, NDJSON. */
  readonly trace: string;
  /** Each client's answers: event and payload, in order. */
  readonly answers: readonly { readonly client: string; readonly event: EventName; readonly payload: unknown }[];
}

/** Runs `scenario` (seed: the front ends' choices and the journal's network) and returns its trace. */
export async function recordScenario(scenario: Scenario, options: { seed?: number; bug?: Bug } = {}): Promise<Recorded> {
  const c = scenario.config;
  const seed = options.seed ?? 1;
  const lines: string[] = [];
  let tick = 0;
  const trace = new TraceRecorder((line) => lines.push(line), () => ++tick);
  const journal = await IndexJournal.start({ nodes: 3, seed });
  const catalog = new Catalog();
  for (let k = 0; k < c.nKeys; k++) catalog.keyId(String(k));
  const failures: unknown[] = [];
  const layer = new MetadataLayer(journal, catalog, {
    partitions: c.nPartitions,
    witnesses: c.nWitnesses,
    writeQuorum: c.writeQuorum,
    random: new Random(seed),
    replica: c.lists > 0,
    bug: options.bug,
    trace,
    onFailure: (_id, error) => failures.push(error),
  });
  const answers: { client: string; event: EventName; payload: unknown }[] = [];
  const faults = [...scenario.faults];
  const scripts = [{ script: writerScript(c), firstId: 101 }, ...Array.from({ length: c.readers }, (_, i) => ({ script: readerScript(c), firstId: 201 + 100 * i }))];
  const turns = [...(scenario.turns ?? [])];
  /** Clients waiting for their turn, by index. */
  const waiting = new Map<number, () => void>();
  const nextTurn = () => {
    const go = waiting.get(turns[0]);
    if (go === undefined) return;
    waiting.delete(turns.shift()!);
    go();
  };
  try {
    const runs = scripts
      .map((s, i) => ({ ...s, index: i }))
      .filter((s) => s.script.length > 0)
      .map((s, i) => ({ ...s, client: machineId(`client-${i + 1}`), frontEnd: layer.addFrontEnd().id }))
      .map(({ script, firstId, client, frontEnd, index }) =>
        runClient(layer, client, frontEnd, script, firstId, {
          answered: (event, payload) => {
            answers.push({ client, event, payload });
            while (faults.length > 0 && faults[0].after <= answers.length) inject(layer, faults.shift()!);
            nextTurn();
          },
          turn: scenario.turns === undefined ? (go) => go() : (go) => waiting.set(index, go),
        }),
      );
    nextTurn();
    await Promise.all(runs);
    if (failures.length > 0) throw failures[0];
    return { trace: lines.map((l) => l + "\n").join(""), answers };
  } finally {
    layer.bus.close();
    await journal.close();
  }
}

function inject(layer: MetadataLayer, fault: Fault): void {
  if (fault.fail === "witness") layer.failWitness(fault.index);
  else layer.failCache(fault.index);
}

interface ClientHooks {
  readonly answered: (event: EventName, payload: unknown) => void;
  /** Calls `go` when the client may make its next request. */
  readonly turn: (go: () => void) => void;
}

/** A client of the model: its requests one at a time, each once the last was answered. */
function runClient(layer: MetadataLayer, client: MachineId, frontEnd: MachineId, script: readonly Op[], firstId: number, hooks: ClientHooks): Promise<void> {
  return new Promise((resolve) => {
    let sent = 0;
    const next = () => {
      if (sent >= script.length) return resolve();
      hooks.turn(() => request(script[sent]));
    };
    const request = (op: Op) => {
      const reqId = firstId + sent++;
      const bus = layer.bus;
      if (op.kind === "PUT") bus.inject(client, frontEnd, "ePut", { client, reqId, key: op.key, value: reqId });
      else if (op.kind === "DELETE") bus.inject(client, frontEnd, "eDelete", { client, reqId, key: op.key });
      else if (op.kind === "GET") bus.inject(client, frontEnd, "eGet", { client, reqId, key: op.key });
      else bus.inject(client, frontEnd, "eList", { client, reqId });
    };
    layer.bus.external(client, (event, payload) => {
      next();
      hooks.answered(event, payload);
    });
    next();
  });
}
