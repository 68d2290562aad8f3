// A front end, the request router (machine FrontEnd of the model, front-end.p): one request at a
// time, as the model has one per client connection; the store keeps a pool of them.
//
// - GET: look the key up in a cache partition (any: the choice is the router's) and ask every
//   witness for the key's barrier; once the partition and a read quorum have answered, serve a hit
//   at least as new as the barrier, or read through to the index at least that new and fill the
//   partition. When a witness answers "unknown" (recovering) or the partition has failed, read
//   the index as it is, without filling: slower, never stale.
// - PUT, DELETE: the index commits, releases and applies the write, then answers.
// - LIST: take the list barrier of a read quorum, and list the read replica once it has applied
//   that far (the index itself when a witness answered "unknown").
//
// Answers beyond the quorum, to an earlier request, are told apart by request id. The bugs of
// bugs.ts each change one step.
import type { Random } from "../journal/memory-network.ts";
import type { Bug } from "./bugs.ts";
import type { Disposition, Machine, Outbox } from "./bus.ts";
import type { FrontEndConfig } from "./metadata.ts";
import {
  dispatch,
  type CacheLookupRespPayload,
  type DeletePayload,
  type EventName,
  type FrontEndHandlers,
  type FrontEndState,
  type GetPayload,
  type IndexListRespPayload,
  type IndexReadRespPayload,
  type IndexWriteRespPayload,
  type ListPayload,
  type MachineId,
  type PutPayload,
  type tVersion,
  type WitnessBarrierRespPayload,
} from "./generated.ts";

/** What each state takes (front-end.p); anything else waits in the inbox. */
const STATES: Readonly<Record<FrontEndState, Readonly<Partial<Record<EventName, Disposition>>>>> = {
  Init: {},
  Idle: { ePut: "handle", eDelete: "handle", eGet: "handle", eList: "handle", eWitnessBarrierResp: "ignore" },
  Writing: { eIndexWriteResp: "handle", eWitnessBarrierResp: "ignore" },
  Getting: { eCacheLookupResp: "handle", eWitnessBarrierResp: "handle" },
  ReadingThrough: { eIndexReadResp: "handle", eWitnessBarrierResp: "ignore" },
  Listing: { eWitnessBarrierResp: "handle" },
  ListingIndex: { eIndexListResp: "handle", eWitnessBarrierResp: "ignore" },
};

export class FrontEnd implements FrontEndHandlers, Machine {
  readonly type = "FrontEnd" as const;
  readonly id: MachineId;
  readonly #out: Outbox;
  readonly #config: FrontEndConfig;
  readonly #partitions: readonly MachineId[];
  readonly #random: Random;
  readonly #bug: Bug | undefined;
  #state: FrontEndState = "Idle";
  #client: MachineId | null = null;
  #reqId = 0;
  #key = 0;
  #deleting = false;
  #partition: MachineId | null = null;
  #looked = false;
  /** As the model starts it: P's default value (not a 404). */
  #lookup: { available: boolean; hit: boolean; version: tVersion } = { available: false, hit: false, version: { seqNo: 0, value: 0, deleted: false } };
  #answers = 0;
  #unknown = false;
  #barrier = 0;
  #fill = false;

  constructor(id: MachineId, config: FrontEndConfig, out: Outbox, random: Random, bug?: Bug) {
    this.id = id;
    this.#config = config;
    this.#partitions = [...config.partitions];
    this.#out = out;
    this.#random = random;
    this.#bug = bug;
  }

  /** Whether it can take a request now. */
  get idle(): boolean {
    return this.#state === "Idle";
  }

  disposition(event: EventName): Disposition {
    return STATES[this.#state][event] ?? "defer";
  }

  handle(event: EventName, payload: unknown): void {
    void dispatch("FrontEnd", this, event, payload);
  }

  onPut(p: PutPayload): void {
    this.#begin(p.client, p.reqId, p.key);
    this.#deleting = false;
    this.#out.send(this.#config.index, "eIndexWrite", { frontEnd: this.id, reqId: p.reqId, write: { key: p.key, value: p.value, deleted: false } });
    this.#state = "Writing";
  }

  onDelete(d: DeletePayload): void {
    this.#begin(d.client, d.reqId, d.key);
    this.#deleting = true;
    this.#out.send(this.#config.index, "eIndexWrite", { frontEnd: this.id, reqId: d.reqId, write: { key: d.key, value: 0, deleted: true } });
    this.#state = "Writing";
  }

  onGet(g: GetPayload): void {
    this.#begin(g.client, g.reqId, g.key);
    this.#partition = this.#partitions[this.#random.below(this.#partitions.length)];
    this.#out.send(this.#partition, "eCacheLookup", { frontEnd: this.id, reqId: g.reqId, key: g.key });
    for (const w of this.#config.witnesses) this.#out.send(w, "eWitnessBarrier", { frontEnd: this.id, reqId: g.reqId, key: g.key });
    this.#state = "Getting";
  }

  onList(l: ListPayload): void {
    this.#begin(l.client, l.reqId, -1);
    for (const w of this.#config.witnesses) this.#out.send(w, "eWitnessListBarrier", { frontEnd: this.id, reqId: l.reqId });
    this.#state = "Listing";
  }

  onIndexWriteResp(r: IndexWriteRespPayload): void {
    this.#out.send(this.#client!, this.#deleting ? "eDeleteResp" : "ePutResp", { reqId: this.#reqId, key: this.#key, seqNo: r.seqNo });
    this.#state = "Idle";
  }

  onCacheLookupResp(r: CacheLookupRespPayload): void {
    this.#looked = true;
    this.#lookup = { available: r.available, hit: r.hit, version: r.version };
    // The bug: a hit is served without waiting for the barrier.
    if (this.#bug === "cache-without-witness" && r.available && r.hit) return this.#answer(r.version);
    this.#decide();
  }

  onWitnessBarrierResp(b: WitnessBarrierRespPayload): void {
    if (b.reqId !== this.#reqId) return;
    this.#count(b.known, b.seqNo);
    if (this.#state === "Getting") return this.#decide();
    if (this.#answers < this.#config.readQuorum) return;
    if (this.#unknown || this.#config.replica === null) {
      this.#out.send(this.#config.index, "eIndexList", { frontEnd: this.id, reqId: this.#reqId, atLeast: 0 });
    } else {
      this.#out.send(this.#config.replica, "eIndexList", { frontEnd: this.id, reqId: this.#reqId, atLeast: this.#barrier });
    }
    this.#state = "ListingIndex";
  }

  onIndexReadResp(r: IndexReadRespPayload): void {
    if (this.#fill) this.#out.send(this.#partition!, "eCacheFill", { key: this.#key, version: r.version });
    this.#answer(r.version);
  }

  onIndexListResp(r: IndexListRespPayload): void {
    this.#out.send(this.#client!, "eListResp", { reqId: this.#reqId, objects: r.objects });
    this.#state = "Idle";
  }

  #begin(client: MachineId, reqId: number, key: number): void {
    this.#client = client;
    this.#reqId = reqId;
    this.#key = key;
    this.#looked = false;
    this.#answers = 0;
    this.#unknown = false;
    this.#barrier = 0;
  }

  #count(known: boolean, seqNo: number): void {
    this.#answers++;
    // The bug: a witness that cannot answer is taken as one with nothing newer.
    if (!known && this.#bug !== "unknown-as-fresh") this.#unknown = true;
    else if (seqNo > this.#barrier) this.#barrier = seqNo;
  }

  /** Once the partition and a read quorum have answered: serve the hit, or read through. */
  #decide(): void {
    if (!this.#looked || this.#answers < this.#config.readQuorum) return;
    const index = this.#config.index;
    if (this.#unknown || !this.#lookup.available) {
      this.#fill = false;
      this.#out.send(index, "eIndexRead", { frontEnd: this.id, reqId: this.#reqId, key: this.#key, atLeast: 0 });
      this.#state = "ReadingThrough";
      return;
    }
    if (this.#lookup.hit && this.#lookup.version.seqNo >= this.#barrier) return this.#answer(this.#lookup.version);
    this.#fill = true;
    this.#out.send(index, "eIndexRead", { frontEnd: this.id, reqId: this.#reqId, key: this.#key, atLeast: this.#barrier });
    this.#state = "ReadingThrough";
  }

  #answer(version: tVersion): void {
    this.#out.send(this.#client!, "eGetResp", { reqId: this.#reqId, key: this.#key, version });
    this.#state = "Idle";
  }

  snapshot() {
    const c = this.#config;
    return {
      state: this.#state,
      vars: {
        partitions: c.partitions,
        witnesses: c.witnesses,
        readQuorum: c.readQuorum,
        index: c.index,
        replica: c.replica,
        client: this.#client,
        reqId: this.#reqId,
        key: this.#key,
        deleting: this.#deleting,
        partition: this.#partition,
        looked: this.#looked,
        lookup: this.#lookup,
        answers: this.#answers,
        unknown: this.#unknown,
        barrier: this.#barrier,
        fill: this.#fill,
      },
    };
  }
}
