// The index's journal: the replicated journal of examples/journal (a chain of nodes, their logs on
// disk when a folder is given), in this process over its in-process network. The store appends a
// record per change; `seq` is a record's position in the journal, from 1. Records that wait while
// every writer is busy go down the chain together, as one entry (group commit): each entry is a
// batch of records, and a record's seq counts the records of the entries before it.
//
// The in-process network moves only when it is run. A pump runs it while a request waits on the
// journal, a slice of steps at a time, yielding to the event loop between slices so that HTTP
// requests keep coming in. Faults are decided by the network's seeded generator.
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { LocalCluster, nodeId } from "../journal/cluster.ts";
import type { JournalClient } from "../journal/client.ts";
import { JournalLog } from "../journal/log.ts";
import type { Faults } from "../journal/memory-network.ts";
import type { Committed, JournalRecord } from "./records.ts";

export interface IndexJournalOptions {
  /** Nodes in the chain (default 3). */
  readonly nodes?: number;
  /** Appends that can be on their way down the chain at once (default 4). */
  readonly writers?: number;
  readonly seed?: number;
  /** Where the nodes keep their logs; memory when absent. */
  readonly dir?: string;
  /** With `dir`: fsync each append (default true). */
  readonly sync?: boolean;
  /** The journal's network faults (default: none, each endpoint's frames in the order sent). */
  readonly faults?: Faults;
}

/** Steps of the network between two turns of the event loop. */
const SLICE = 2_000;
/** The most records in one entry. */
const BATCH = 64;

interface Waiting {
  readonly record: JournalRecord;
  readonly resolve: (seq: number) => void;
  readonly reject: (error: unknown) => void;
}

export class IndexJournal {
  readonly cluster: LocalCluster;
  readonly #writers: readonly JournalClient[];
  readonly #reader: JournalClient;
  readonly #busy = new Set<JournalClient>();
  readonly #appends: Waiting[] = [];
  /** Appended entries whose records have no seq yet (an entry before them is on its way), by index. */
  readonly #appended = new Map<number, readonly Waiting[]>();
  /** The index of the next entry to give seqs to, and the seq of its first record. */
  #nextEntry = 0;
  #nextSeq = 1;
  /** The journal's records as last read from the tail, and how many entries that was. */
  #entries: Committed[] = [];
  #readEntries = 0;
  #reading: Promise<readonly Committed[]> | undefined;
  #waiting = 0;
  #pumping = false;
  #closed = false;

  private constructor(cluster: LocalCluster) {
    this.cluster = cluster;
    this.#writers = cluster.clients.slice(1);
    this.#reader = cluster.clients[0];
  }

  static async start(options: IndexJournalOptions = {}): Promise<IndexJournal> {
    if (options.dir !== undefined) await restoreLogs(options.dir, options.nodes ?? 3);
    const cluster = await LocalCluster.start({
      nodes: options.nodes ?? 3,
      clients: (options.writers ?? 4) + 1,
      seed: options.seed ?? 1,
      dir: options.dir,
      sync: options.sync,
      faults: options.faults ?? { order: "sent" },
    });
    const journal = new IndexJournal(cluster);
    await journal.read();
    journal.#nextEntry = journal.#readEntries;
    journal.#nextSeq = journal.#entries.length + 1;
    return journal;
  }

  /**
   * Appends `record`; resolves with its sequence number once the tail has it. Entries reach the
   * head in the order they were given to writers (each waits for an idle writer, and the network
   * takes each endpoint's frames in the order they were sent), so sequence numbers follow the
   * order of the calls.
   */
  append(record: JournalRecord): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.#appends.push({ record, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    for (const writer of this.#writers) {
      if (this.#appends.length === 0) return;
      if (this.#busy.has(writer)) continue;
      const batch = this.#appends.splice(0, BATCH);
      this.#busy.add(writer);
      this.#drive(writer.append(JSON.stringify(batch.map((w) => w.record)))).then(
        (index) => {
          this.#busy.delete(writer);
          this.#appended.set(index, batch);
          this.#number();
          this.#dispatch();
        },
        (error: unknown) => {
          this.#busy.delete(writer);
          for (const w of batch) w.reject(error);
          this.#dispatch();
        },
      );
    }
  }

  /** Gives seqs to the records of the appended entries, in the journal's order. */
  #number(): void {
    for (let batch = this.#appended.get(this.#nextEntry); batch !== undefined; batch = this.#appended.get(this.#nextEntry)) {
      this.#appended.delete(this.#nextEntry++);
      for (const w of batch) w.resolve(this.#nextSeq++);
    }
  }

  /** What the journal held when last read. */
  get entries(): readonly Committed[] {
    return this.#entries;
  }

  /** Reads the journal from the tail (reads asked for while one is on its way share the next). */
  read(): Promise<readonly Committed[]> {
    this.#reading ??= this.#drive(this.#reader.read()).then((log) => {
      this.#reading = undefined;
      for (; this.#readEntries < log.length; this.#readEntries++) {
        for (const record of JSON.parse(log[this.#readEntries].data) as JournalRecord[]) this.#entries.push({ seq: this.#entries.length + 1, record });
      }
      return this.#entries;
    });
    return this.#reading;
  }

  /** Node `i` of the chain (from 0, head first) crashes; the master repairs the chain. */
  crashNode(i: number): Promise<void> {
    return this.#drive(this.cluster.crash(nodeId(i)));
  }

  get liveNodes(): number {
    return this.cluster.nodes.filter((n) => !n.host.crashed).length;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.cluster.close();
  }

  /** Runs the network until `promise` settles. */
  #drive<T>(promise: Promise<T>): Promise<T> {
    this.#waiting++;
    const watched = promise.finally(() => {
      this.#waiting--;
    });
    void this.#pump();
    return watched;
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      const network = this.cluster.network;
      let idle = 0;
      while (this.#waiting > 0 && !this.#closed) {
        let steps = 0;
        // Timers (retransmissions, in virtual time) run only once the network has stayed idle
        // while a request waits: frames in flight or about to be sent come first.
        const quiet = () => idle < 2 && network.inFlight === 0;
        await network.run(() => this.#waiting === 0 || steps++ >= SLICE || quiet(), SLICE + 1);
        idle = network.inFlight === 0 ? idle + 1 : 0;
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.#pumping = false;
    }
  }
}

/**
 * Before a chain starts on the logs of an earlier run: nodes that had crashed hold a prefix of the
 * journal, and the longest log holds every acknowledged entry (each node's log is a prefix of its
 * predecessor's, and the tail acknowledged what it held). Every node starts from a copy of it, as
 * a node joining a chain copies its predecessor's log.
 */
async function restoreLogs(dir: string, nodes: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const paths = Array.from({ length: nodes }, (_, i) => join(dir, `${nodeId(i)}.log`));
  const logs: JournalLog[] = [];
  for (const path of paths) logs.push((await JournalLog.open(path)).log);
  const longest = logs.reduce((a, b) => (b.length > a.length ? b : a)).entries;
  for (const [i, log] of logs.entries()) {
    const behind = log.length < longest.length;
    await log.close();
    if (!behind) continue;
    await rm(paths[i]);
    const copy = (await JournalLog.open(paths[i])).log;
    for (const entry of longest) await copy.append(entry);
    await copy.close();
  }
}
