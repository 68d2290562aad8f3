// The metadata layer put together, as the model's test driver sets it up (PTst/tests.p): the
// journal, the witnesses, the index's read replica, the index, the cache partitions, and front
// ends, all on one bus. Requests come from the HTTP layer through `MetadataStore`: each takes an
// idle front end (a new one when all are busy) and waits for its answer. Keys and values are the
// catalog's integers; `get` and `list` give back names and metadata.
import type { Random } from "../journal/memory-network.ts";
import type { Bug } from "./bugs.ts";
import { Bus } from "./bus.ts";
import { CachePartition } from "./cache.ts";
import { FrontEnd } from "./frontend.ts";
import { machineId, type EventName, type FrontEndStartPayload, type MachineId, type TraceRecorder, type tVersion } from "./generated.ts";
import { Index, IndexReplica } from "./index.ts";
import type { IndexJournal } from "./index-journal.ts";
import { JournalEndpoint } from "./journal-endpoint.ts";
import { Catalog, type ObjectMeta } from "./records.ts";
import { Witness } from "./witness.ts";

export interface MetadataOptions {
  readonly partitions: number;
  readonly witnesses: number;
  readonly writeQuorum: number;
  readonly random: Random;
  /** Whether the index has a read replica for LISTs (default true; without, the index lists). */
  readonly replica?: boolean;
  readonly bug?: Bug;
  /** How far behind the index the read replica runs, in milliseconds. */
  readonly replicaLagMs?: number;
  /** With the witness-after-ack bug: how long after the acknowledgement the witnesses hear of a write. */
  readonly lateWitnessMs?: number;
  readonly trace?: TraceRecorder;
  readonly onFailure?: (id: string, error: unknown) => void;
}

/** A version with the metadata its value stands for. */
export interface Found {
  readonly version: tVersion;
  readonly meta: ObjectMeta | undefined;
}

export const JOURNAL = machineId("journal");
export const INDEX = machineId("index");
export const REPLICA = machineId("replica");
/** Where the HTTP layer's requests come from, and the fault injector. */
export const CLIENT = machineId("s3-client");
export const FAULTS = "fault-injector";

export class MetadataLayer {
  readonly bus: Bus;
  readonly catalog: Catalog;
  readonly journal: JournalEndpoint;
  readonly witnesses: readonly Witness[];
  readonly partitions: readonly CachePartition[];
  readonly partitionIds: readonly MachineId[];
  readonly index: Index;
  readonly replica: IndexReplica | undefined;
  readonly frontEnds: FrontEnd[] = [];
  readonly #config: FrontEndConfig;
  readonly #options: MetadataOptions;

  constructor(journal: IndexJournal, catalog: Catalog, options: MetadataOptions) {
    this.#options = options;
    this.catalog = catalog;
    this.bus = new Bus({ trace: options.trace, onFailure: options.onFailure });
    this.journal = new JournalEndpoint(JOURNAL, journal, catalog, this.bus);
    const witnessIds = Array.from({ length: options.witnesses }, (_, i) => machineId(`witness-${i + 1}`));
    this.witnesses = witnessIds.map((id) => this.#host(id, new Witness(id, JOURNAL, this.bus.outbox(id)), JOURNAL));
    this.replica = options.replica === false ? undefined : this.#host(REPLICA, new IndexReplica(this.bus.outbox(REPLICA), { bug: options.bug, lagMs: options.replicaLagMs }), undefined);
    const replica = this.replica === undefined ? null : REPLICA;
    const indexConfig = { journal: JOURNAL, witnesses: witnessIds, writeQuorum: options.writeQuorum, replica };
    this.index = this.#host(INDEX, new Index(INDEX, indexConfig, this.bus.outbox(INDEX), { bug: options.bug, lateWitnessMs: options.lateWitnessMs }), indexConfig);
    const partitionIds = Array.from({ length: options.partitions }, (_, i) => machineId(`cache-${i + 1}`));
    this.partitionIds = partitionIds;
    this.partitions = partitionIds.map((id) => this.#host(id, new CachePartition(this.bus.outbox(id), options.bug === "blind-cache-install"), undefined));
    this.#config = { partitions: new Set(partitionIds), witnesses: witnessIds, readQuorum: options.witnesses - options.writeQuorum + 1, index: INDEX, replica };
    // What the journal held when the store started is committed and released.
    const latest = new Map<number, number>();
    for (const { seq, record } of journal.entries) {
      catalog.learn(record);
      const key = catalog.keyId(record.key);
      const version = { seqNo: seq, value: record.value, deleted: record.deleted };
      this.index.restore(key, version);
      this.replica?.restore(key, version);
      latest.set(key, seq);
    }
    for (const w of this.witnesses) w.restore(latest);
  }

  /** Witness `i` fails (a message from the fault injector): it restarts at once, recovering. */
  failWitness(i: number): void {
    this.bus.inject(FAULTS, this.witnesses[i].id, "eWitnessFail", undefined);
  }

  /** Cache partition `i` fails (a message from the fault injector). */
  failCache(i: number): void {
    this.bus.inject(FAULTS, this.partitionIds[i], "eCacheFail", undefined);
  }

  /** A new front end (the model makes one per client). */
  addFrontEnd(): FrontEnd {
    const id = machineId(`frontend-${this.frontEnds.length + 1}`);
    const fe = this.#host(id, new FrontEnd(id, this.#config, this.bus.outbox(id), this.#options.random, this.#options.bug), this.#config);
    this.frontEnds.push(fe);
    return fe;
  }

  #host<T extends Witness | IndexReplica | Index | CachePartition | FrontEnd>(id: MachineId, machine: T, start: unknown): T {
    this.bus.host(id, machine, start);
    return machine;
  }
}

/** A front end's start payload; the replica is null when there is none, as in the model. */
export type FrontEndConfig = Omit<FrontEndStartPayload, "replica"> & { readonly replica: MachineId | null };

type Answer = { readonly event: EventName; readonly payload: unknown };

/** Requests to the metadata layer, one front end each. */
export class MetadataStore {
  readonly layer: MetadataLayer;
  readonly #free: FrontEnd[] = [];
  readonly #waiting = new Map<number, (answer: Answer) => void>();

  constructor(layer: MetadataLayer) {
    this.layer = layer;
    layer.bus.external(CLIENT, (event, payload) => {
      const reqId = (payload as { reqId: number }).reqId;
      this.#waiting.get(reqId)?.({ event, payload });
      this.#waiting.delete(reqId);
    });
  }

  async get(key: string): Promise<Found> {
    const { payload } = await this.#request((fe, reqId) => this.layer.bus.inject(CLIENT, fe, "eGet", { client: CLIENT, reqId, key: this.layer.catalog.keyId(key) }));
    const version = (payload as { version: tVersion }).version;
    return { version, meta: version.deleted ? undefined : this.layer.catalog.meta(version.value) };
  }

  async put(key: string, meta: ObjectMeta): Promise<number> {
    // The value is the PUT's request id, which stands for the metadata.
    const value = this.layer.catalog.newValue(meta);
    const { payload } = await this.#request((fe) => this.layer.bus.inject(CLIENT, fe, "ePut", { client: CLIENT, reqId: value, key: this.layer.catalog.keyId(key), value }), value);
    return (payload as { seqNo: number }).seqNo;
  }

  async delete(key: string): Promise<number> {
    const { payload } = await this.#request((fe, reqId) => this.layer.bus.inject(CLIENT, fe, "eDelete", { client: CLIENT, reqId, key: this.layer.catalog.keyId(key) }));
    return (payload as { seqNo: number }).seqNo;
  }

  /** Every object (and bucket marker) by name. */
  async list(): Promise<Map<string, Found>> {
    const { payload } = await this.#request((fe, reqId) => this.layer.bus.inject(CLIENT, fe, "eList", { client: CLIENT, reqId }));
    const objects = (payload as { objects: ReadonlyMap<number, tVersion> }).objects;
    const catalog = this.layer.catalog;
    return new Map([...objects].map(([key, version]) => [catalog.keyName(key), { version, meta: catalog.meta(version.value) }]));
  }

  async #request(send: (fe: MachineId, reqId: number) => void, reqId = this.layer.catalog.newValue(undefined)): Promise<Answer> {
    const fe = this.#free.pop() ?? this.layer.addFrontEnd();
    try {
      return await new Promise<Answer>((resolve) => {
        this.#waiting.set(reqId, resolve);
        send(fe.id, reqId);
      });
    } finally {
      this.#free.push(fe);
    }
  }
}
