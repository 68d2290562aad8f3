// The object store put together: the metadata layer (front ends, cache
// partitions, witnesses, the index and its read replica, metadata.ts) over the replicated journal
// of examples/journal, object bodies in a content-addressed store on disk, and the S3 API over
// HTTP on the loopback interface. Every choice (cache partition, the journal's network) comes from
// generators seeded by `seed`; faults are methods, so a test says when a cache partition fails, a
// witness fails (and restarts, recovering), or a journal node crashes.
import { join } from "node:path";
import { Random } from "../journal/memory-network.ts";
import { BlobStore } from "./blobs.ts";
import type { Bug } from "./bugs.ts";
import type { TraceRecorder } from "./generated.ts";
import { S3HttpServer } from "./http.ts";
import { IndexJournal } from "./index-journal.ts";
import { MetadataLayer, MetadataStore } from "./metadata.ts";
import { Catalog } from "./records.ts";

export interface S3ServiceOptions {
  /** Where the blobs and the journal's logs go. */
  readonly dir: string;
  readonly seed?: number;
  readonly bug?: Bug;
  readonly cachePartitions?: number;
  readonly witnesses?: number;
  readonly writeQuorum?: number;
  readonly journalNodes?: number;
  /** fsync the journal's appends (default true). */
  readonly sync?: boolean;
  /** How far behind the index the read replica runs (default 2 ms). */
  readonly replicaLagMs?: number;
  /** With the witness-after-ack bug: how long after the acknowledgement the witnesses hear of a write (default 20 ms). */
  readonly lateWitnessMs?: number;
  readonly maxBodyBytes?: number;
  readonly trace?: TraceRecorder;
  readonly onInternalError?: (error: unknown) => void;
}

export class S3Service {
  readonly journal: IndexJournal;
  readonly blobs: BlobStore;
  readonly metadata: MetadataStore;
  readonly http: S3HttpServer;
  #endpoint: string | undefined;

  private constructor(journal: IndexJournal, blobs: BlobStore, options: S3ServiceOptions) {
    this.journal = journal;
    this.blobs = blobs;
    const witnesses = options.witnesses ?? 3;
    const layer = new MetadataLayer(journal, new Catalog(), {
      partitions: options.cachePartitions ?? 2,
      witnesses,
      writeQuorum: options.writeQuorum ?? Math.floor(witnesses / 2) + 1,
      random: new Random((options.seed ?? 1) * 7919 + 1),
      bug: options.bug,
      replicaLagMs: options.replicaLagMs ?? 2,
      lateWitnessMs: options.lateWitnessMs,
      trace: options.trace,
      onFailure: (id, error) => options.onInternalError?.(new Error(`machine ${id} failed`, { cause: error })),
    });
    this.metadata = new MetadataStore(layer);
    this.http = new S3HttpServer({ metadata: this.metadata, blobs }, options);
  }

  static async start(options: S3ServiceOptions): Promise<S3Service> {
    const blobs = await BlobStore.open(join(options.dir, "blobs"));
    const journal = await IndexJournal.start({ nodes: options.journalNodes ?? 3, seed: options.seed, dir: join(options.dir, "journal"), sync: options.sync });
    return new S3Service(journal, blobs, options);
  }

  get layer(): MetadataLayer {
    return this.metadata.layer;
  }

  /** Serves HTTP on the loopback interface; resolves with the endpoint (http://127.0.0.1:PORT). */
  async listen(port = 0): Promise<string> {
    this.#endpoint = await this.http.listen(port);
    return this.#endpoint;
  }

  get endpoint(): string {
    if (this.#endpoint === undefined) throw new Error("the service is not listening");
    return this.#endpoint;
  }

  /** Cache partition `i` fails: it loses its entries and is bypassed. */
  failCache(i: number): void {
    this.layer.failCache(i);
  }

  /** Cache partition `i` comes back, empty. */
  restartCache(i: number): void {
    this.layer.partitions[i].restart();
  }

  /** Witness `i` fails and restarts at once, recovering until the journal has answered it. */
  failWitness(i: number): void {
    this.layer.failWitness(i);
  }

  /** Recovering witnesses wait (answering "unknown") until `releaseRebuilds`. */
  holdRebuilds(): void {
    this.layer.journal.hold();
  }

  releaseRebuilds(): void {
    this.layer.journal.release();
  }

  /** Node `i` of the journal's chain (head first) crashes; the chain is repaired. */
  crashJournalNode(i: number): Promise<void> {
    return this.journal.crashNode(i);
  }

  async close(): Promise<void> {
    if (this.#endpoint !== undefined) await this.http.close();
    this.layer.bus.close();
    await this.journal.close();
  }
}
