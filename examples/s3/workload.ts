// Clients of the object store through the AWS SDK, recording what they observe as a history for
// `pith history` (src/history): each request is invoked and completed in the `kv` model's terms
// (put, get, delete, list over the keys of one bucket). A request the store answers with an error
// other than NoSuchKey is recorded as `info`: it may or may not have taken effect.
//
// `runWorkload` drives several such clients at once, each a seeded random sequence of requests,
// while faults are injected at seeded points: cache partitions fail and restart, witnesses fail
// (and stay recovering for a while before they rebuild), journal nodes crash.
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, paginateListObjectsV2 } from "@aws-sdk/client-s3";
import type { KvOperations } from "../../src/history/format.ts";
import type { HistoryRecorder } from "../../src/history/recorder.ts";
import { Random } from "../journal/memory-network.ts";
import type { S3Service } from "./service.ts";

/** An SDK client for the store at `endpoint`: path-style, any credentials, default checksums. */
export function s3Client(endpoint: string): S3Client {
  return new S3Client({ endpoint, forcePathStyle: true, region: "us-east-1", credentials: { accessKeyId: "pith", secretAccessKey: "pith" }, maxAttempts: 1 });
}

/** One client of one bucket, recording each request in `history` as process `process`. */
export class RecordingClient {
  readonly #s3: S3Client;
  readonly #bucket: string;
  readonly #history: HistoryRecorder<KvOperations>;
  readonly process: string;

  constructor(s3: S3Client, bucket: string, history: HistoryRecorder<KvOperations>, process: string) {
    this.#s3 = s3;
    this.#bucket = bucket;
    this.#history = history;
    this.process = process;
  }

  async put(key: string, value: string): Promise<void> {
    const call = this.#history.invoke(this.process, "put", { key, value });
    await this.#s3.send(new PutObjectCommand({ Bucket: this.#bucket, Key: key, Body: value })).then(() => call.ok(null), (e: unknown) => call.info(errorName(e)));
  }

  /** The value; null when the key is absent; undefined when the request failed. */
  async get(key: string): Promise<string | null | undefined> {
    const call = this.#history.invoke(this.process, "get", { key });
    try {
      const got = await this.#s3.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
      const value = await got.Body!.transformToString();
      call.ok(value);
      return value;
    } catch (e) {
      if (errorName(e) === "NoSuchKey") {
        call.ok(null);
        return null;
      }
      call.info(errorName(e));
      return undefined;
    }
  }

  async delete(key: string): Promise<void> {
    const call = this.#history.invoke(this.process, "delete", { key });
    await this.#s3.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key })).then(() => call.ok(null), (e: unknown) => call.info(errorName(e)));
  }

  /** Lists the keys under `prefix`, in one page (`pageSize` omitted) or following the pages. */
  async list(prefix: string, pageSize?: number): Promise<string[]> {
    const call = this.#history.invoke(this.process, "list", { prefix });
    try {
      const keys: string[] = [];
      if (pageSize === undefined) {
        const page = await this.#s3.send(new ListObjectsV2Command({ Bucket: this.#bucket, Prefix: prefix }));
        keys.push(...(page.Contents ?? []).map((c) => c.Key!));
      } else {
        for await (const page of paginateListObjectsV2({ client: this.#s3, pageSize }, { Bucket: this.#bucket, Prefix: prefix })) {
          keys.push(...(page.Contents ?? []).map((c) => c.Key!));
        }
      }
      call.ok(keys);
      return keys;
    } catch (e) {
      call.info(errorName(e));
      return [];
    }
  }
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : String(e);
}

export interface WorkloadOptions {
  readonly bucket: string;
  readonly clients: number;
  readonly opsPerClient: number;
  readonly keys: number;
  readonly seed: number;
  /** Inject faults (default true). */
  readonly faults?: boolean;
  /** Share of LISTs among the requests (default 0.1). */
  readonly listShare?: number;
  /** The chance of a fault after each request (default 0.08). */
  readonly faultRate?: number;
}

export interface WorkloadResult {
  readonly operations: number;
  readonly faults: readonly string[];
}

/**
 * Runs `clients` concurrent clients against `service`, each `opsPerClient` requests on `keys` keys,
 * recorded in `history`; between requests, a seeded generator sometimes injects a fault.
 */
export async function runWorkload(service: S3Service, history: HistoryRecorder<KvOperations>, options: WorkloadOptions): Promise<WorkloadResult> {
  const random = new Random(options.seed);
  const faults: string[] = [];
  let holding = false;
  let journalCrashes = 0;
  const injectFault = async () => {
    const what = random.below(4);
    if (what === 0) {
      const i = random.below(service.layer.partitions.length);
      if (service.layer.partitions[i].failed) {
        service.restartCache(i);
        faults.push(`restart cache-${i + 1}`);
      } else {
        service.failCache(i);
        faults.push(`fail cache-${i + 1}`);
      }
    } else if (what === 1) {
      // One witness or more, from the first: with a read quorum of them recovering, reads go to the index.
      const n = 1 + random.below(service.layer.witnesses.length);
      if (!holding) service.holdRebuilds();
      holding = true;
      for (let i = 0; i < n; i++) service.failWitness(i);
      faults.push(`fail witness-1..${n} (recovering)`);
    } else if (what === 2) {
      if (holding) faults.push("witnesses rebuild");
      service.releaseRebuilds();
      holding = false;
    } else if (journalCrashes < service.journal.cluster.nodes.length - 1) {
      const live = service.journal.cluster.nodes.map((n, i) => (n.host.crashed ? -1 : i)).filter((i) => i >= 0);
      const victim = live[random.below(live.length)];
      journalCrashes++;
      faults.push(`crash journal node-${victim + 1}`);
      await service.crashJournalNode(victim);
    }
  };
  const s3 = s3Client(service.endpoint);
  try {
    const clients = Array.from({ length: options.clients }, (_, c) => new RecordingClient(s3, options.bucket, history, `client-${c + 1}`));
    let operations = 0;
    await Promise.all(
      clients.map(async (client, c) => {
        const own = new Random(options.seed * 1000 + c + 1);
        for (let n = 1; n <= options.opsPerClient; n++) {
          const key = `k${own.below(options.keys)}`;
          const roll = own.next();
          if (roll < (options.listShare ?? 0.1)) await client.list("");
          else if (roll < 0.45) await client.put(key, `${client.process}-${n}`);
          else if (roll < 0.55) await client.delete(key);
          else await client.get(key);
          operations++;
          if (options.faults !== false && random.next() < (options.faultRate ?? 0.08)) await injectFault();
        }
      }),
    );
    service.releaseRebuilds();
    return { operations, faults };
  } finally {
    s3.destroy();
  }
}
