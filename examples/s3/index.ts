// The metadata index (machine Index of the model, index.p) and its read replica (IndexReplica).
//
// The index is authoritative: key -> version. A PUT or DELETE is committed to the journal (which
// gives its sequence number), recorded at every witness, released once a write quorum of them
// has it, then applied, sent to the read replica, and answered. Writes are released in any order,
// so the index tracks what it has applied by sequence number (`upTo` and the `early` ones above
// it). Reads and lists wait until the index has applied what the front end's barrier asks for.
//
// The replica applies what the index sends it, behind the index, and serves LISTs once it has
// applied every sequence number up to the list barrier.
import type { Bug } from "./bugs.ts";
import type { Disposition, Machine, Outbox } from "./bus.ts";
import { ABSENT } from "./cache.ts";
import {
  dispatch,
  type EventName,
  type IndexHandlers,
  type IndexListPayload,
  type IndexReadPayload,
  type IndexReplicaHandlers,
  type IndexReplicaState,
  type IndexReplicatePayload,
  type IndexWritePayload,
  type JournalCommittedPayload,
  type MachineId,
  type tPendingList,
  type tPendingRead,
  type tPendingWrite,
  type tVersion,
  type WitnessRecordRespPayload,
} from "./generated.ts";

/** Applied versions and how far: every seqNo up to `upTo`, and the `early` ones above it. */
class Applied {
  readonly versions = new Map<number, tVersion>();
  upTo = 0;
  readonly early = new Set<number>();

  apply(key: number, version: tVersion): void {
    if (this.of(key).seqNo < version.seqNo) this.versions.set(key, version);
    this.early.add(version.seqNo);
    while (this.early.delete(this.upTo + 1)) this.upTo++;
  }

  of(key: number): tVersion {
    return this.versions.get(key) ?? ABSENT;
  }

  /** What a LIST returns: the keys that have an object, with their versions. */
  objects(): Map<number, tVersion> {
    return new Map([...this.versions].filter(([, v]) => !v.deleted));
  }

  /** Answers (with `answer`) the lists that `upTo` now satisfies; returns those still waiting. */
  answer(lists: readonly tPendingList[], answer: (l: tPendingList, objects: Map<number, tVersion>) => void): tPendingList[] {
    const waiting: tPendingList[] = [];
    for (const l of lists) {
      if (this.upTo >= l.atLeast) answer(l, this.objects());
      else waiting.push(l);
    }
    return waiting;
  }
}

export interface IndexConfig {
  readonly journal: MachineId;
  readonly witnesses: readonly MachineId[];
  readonly writeQuorum: number;
  readonly replica: MachineId | null;
}

export class Index implements IndexHandlers, Machine {
  readonly type = "Index" as const;
  readonly id: MachineId;
  readonly #out: Outbox;
  readonly #config: IndexConfig;
  readonly #bug: Bug | undefined;
  readonly #lateWitnessMs: number;
  readonly #applied = new Applied();
  readonly #writes = new Map<number, tPendingWrite>();
  #reads: tPendingRead[] = [];
  #lists: tPendingList[] = [];
  readonly #listed = (l: tPendingList, objects: Map<number, tVersion>) => this.#out.send(l.frontEnd, "eIndexListResp", { reqId: l.reqId, objects });

  constructor(id: MachineId, config: IndexConfig, out: Outbox, options: { bug?: Bug; lateWitnessMs?: number } = {}) {
    this.id = id;
    this.#config = config;
    this.#out = out;
    this.#bug = options.bug;
    this.#lateWitnessMs = options.lateWitnessMs ?? 20;
  }

  /** Applies what the journal held when the store started. */
  restore(key: number, version: tVersion): void {
    this.#applied.apply(key, version);
  }

  disposition(): Disposition {
    return "handle";
  }

  handle(event: EventName, payload: unknown): void {
    void dispatch("Index", this, event, payload);
  }

  onIndexWrite(w: IndexWritePayload): void {
    this.#out.send(this.#config.journal, "eJournalCommit", { index: this.id, frontEnd: w.frontEnd, reqId: w.reqId, write: w.write });
  }

  onJournalCommitted(c: JournalCommittedPayload): void {
    const record = () => {
      for (const witness of this.#config.witnesses) this.#out.send(witness, "eWitnessRecord", { index: this.id, key: c.key, seqNo: c.version.seqNo });
    };
    if (this.#bug === "witness-after-ack") {
      // The bug: applied and acknowledged now; the witnesses hear of it later.
      this.#apply(c.key, c.version);
      this.#out.send(c.frontEnd, "eIndexWriteResp", { reqId: c.reqId, key: c.key, seqNo: c.version.seqNo });
      setTimeout(record, this.#lateWitnessMs);
      return;
    }
    this.#writes.set(c.version.seqNo, { frontEnd: c.frontEnd, reqId: c.reqId, key: c.key, version: c.version, acks: 0 });
    record();
  }

  onWitnessRecordResp(r: WitnessRecordRespPayload): void {
    const w = this.#writes.get(r.seqNo);
    if (w === undefined) return;
    if (w.acks + 1 < this.#config.writeQuorum) {
      this.#writes.set(r.seqNo, { ...w, acks: w.acks + 1 });
      return;
    }
    this.#writes.delete(r.seqNo);
    this.#apply(w.key, w.version);
    this.#out.send(w.frontEnd, "eIndexWriteResp", { reqId: w.reqId, key: w.key, seqNo: w.version.seqNo });
  }

  onIndexRead(r: IndexReadPayload): void {
    if (this.#applied.of(r.key).seqNo >= r.atLeast) this.#out.send(r.frontEnd, "eIndexReadResp", { reqId: r.reqId, key: r.key, version: this.#applied.of(r.key) });
    else this.#reads.push(r);
  }

  onIndexList(l: IndexListPayload): void {
    this.#lists = this.#applied.answer([...this.#lists, l], this.#listed);
  }

  #apply(key: number, version: tVersion): void {
    this.#applied.apply(key, version);
    if (this.#config.replica !== null) this.#out.send(this.#config.replica, "eIndexReplicate", { key, version });
    const waiting: tPendingRead[] = [];
    for (const r of this.#reads) {
      if (this.#applied.of(r.key).seqNo >= r.atLeast) this.#out.send(r.frontEnd, "eIndexReadResp", { reqId: r.reqId, key: r.key, version: this.#applied.of(r.key) });
      else waiting.push(r);
    }
    this.#reads = waiting;
    this.#lists = this.#applied.answer(this.#lists, this.#listed);
  }

  snapshot() {
    const c = this.#config;
    const a = this.#applied;
    return {
      state: "Serving",
      vars: { journal: c.journal, witnesses: c.witnesses, writeQuorum: c.writeQuorum, replica: c.replica, applied: a.versions, upTo: a.upTo, early: a.early, writes: this.#writes, reads: this.#reads, lists: this.#lists },
    };
  }
}

export class IndexReplica implements IndexReplicaHandlers, Machine {
  readonly type = "IndexReplica" as const;
  readonly #out: Outbox;
  readonly #bug: Bug | undefined;
  readonly #lagMs: number;
  readonly #applied = new Applied();
  #state: IndexReplicaState = "Serving";
  /** Versions received and not yet applied, oldest first. */
  #backlog: IndexReplicatePayload[] = [];
  #lists: tPendingList[] = [];
  readonly #listed = (l: tPendingList, objects: Map<number, tVersion>) => this.#out.send(l.frontEnd, "eIndexListResp", { reqId: l.reqId, objects });

  /** `lagMs`: how long each version waits in the backlog before it is applied. */
  constructor(out: Outbox, options: { bug?: Bug; lagMs?: number } = {}) {
    this.#out = out;
    this.#bug = options.bug;
    this.#lagMs = options.lagMs ?? 0;
  }

  restore(key: number, version: tVersion): void {
    this.#applied.apply(key, version);
  }

  disposition(): Disposition {
    return "handle";
  }

  handle(event: EventName, payload: unknown): void {
    void dispatch("IndexReplica", this, event, payload);
  }

  onIndexReplicate(r: IndexReplicatePayload): void {
    this.#backlog.push(r);
    this.#state = "Behind";
    setTimeout(() => this.#applyOldest(), this.#lagMs);
  }

  onIndexList(l: IndexListPayload): void {
    // The bug: the list is answered from what is applied so far, however far behind.
    const list = this.#bug === "list-lagging-replica" ? { ...l, atLeast: 0 } : l;
    this.#lists = this.#applied.answer([...this.#lists, list], this.#listed);
  }

  /** The background step of state Behind (the model's `on null`): apply the oldest version of the backlog. */
  #applyOldest(): void {
    const r = this.#backlog.shift();
    if (r === undefined) return;
    this.#applied.apply(r.key, r.version);
    this.#lists = this.#applied.answer(this.#lists, this.#listed);
    if (this.#backlog.length === 0) this.#state = "Serving";
  }

  snapshot() {
    const a = this.#applied;
    return { state: this.#state, vars: { applied: a.versions, upTo: a.upTo, early: a.early, backlog: this.#backlog, lists: this.#lists } };
  }
}
