// A witness replica (machine Witness of the model, witness.p): the latest sequence number it has
// been told of, per key, in memory only. The index records every write at a write quorum of
// witnesses before the write becomes visible; front ends ask a read quorum for the read barrier
// before trusting a cache entry, and the quorums intersect.
//
// A witness that fails restarts at once with nothing in memory: it is recovering, asks the journal
// for the latest sequence number of every key, answers barriers "unknown" until the journal has
// answered, and records writes meanwhile.
import type { Disposition, Machine, Outbox } from "./bus.ts";
import {
  dispatch,
  type EventName,
  type MachineId,
  type WitnessBarrierPayload,
  type WitnessHandlers,
  type WitnessListBarrierPayload,
  type WitnessRebuildRespPayload,
  type WitnessRecordPayload,
  type WitnessState,
} from "./generated.ts";

export class Witness implements WitnessHandlers, Machine {
  readonly type = "Witness" as const;
  readonly id: MachineId;
  readonly #out: Outbox;
  readonly #journal: MachineId;
  #state: WitnessState = "Serving";
  #latest = new Map<number, number>();
  /** The highest of #latest (the list barrier). */
  #most = 0;
  #attempt = 0;

  constructor(id: MachineId, journal: MachineId, out: Outbox) {
    this.id = id;
    this.#journal = journal;
    this.#out = out;
  }

  get state(): WitnessState {
    return this.#state;
  }

  /** Starts from what the journal held when the store started (as a rebuild would). */
  restore(latest: ReadonlyMap<number, number>): void {
    for (const [key, seqNo] of latest) this.#raise(key, seqNo);
  }

  disposition(event: EventName): Disposition {
    return event === "eWitnessRebuildResp" && this.#state === "Serving" ? "ignore" : "handle";
  }

  handle(event: EventName, payload: unknown): void {
    void dispatch("Witness", this, event, payload);
  }

  onWitnessRecord(r: WitnessRecordPayload): void {
    this.#raise(r.key, r.seqNo);
    this.#out.send(r.index, "eWitnessRecordResp", { witness: this.id, key: r.key, seqNo: r.seqNo });
  }

  onWitnessBarrier(b: WitnessBarrierPayload): void {
    const known = this.#state === "Serving";
    this.#out.send(b.frontEnd, "eWitnessBarrierResp", { reqId: b.reqId, known, seqNo: known ? (this.#latest.get(b.key) ?? 0) : 0 });
  }

  onWitnessListBarrier(b: WitnessListBarrierPayload): void {
    const known = this.#state === "Serving";
    this.#out.send(b.frontEnd, "eWitnessBarrierResp", { reqId: b.reqId, known, seqNo: known ? this.#most : 0 });
  }

  onWitnessFail(): void {
    this.#state = "Recovering";
    this.#latest = new Map();
    this.#most = 0;
    this.#attempt++;
    this.#out.send(this.#journal, "eWitnessRebuild", { witness: this.id, attempt: this.#attempt });
  }

  onWitnessRebuildResp(r: WitnessRebuildRespPayload): void {
    if (r.attempt !== this.#attempt) return;
    for (const [key, seqNo] of r.latest) this.#raise(key, seqNo);
    this.#state = "Serving";
  }

  #raise(key: number, seqNo: number): void {
    if ((this.#latest.get(key) ?? 0) < seqNo) this.#latest.set(key, seqNo);
    this.#most = Math.max(this.#most, seqNo);
  }

  snapshot() {
    return { state: this.#state, vars: { journal: this.#journal, latest: this.#latest, attempt: this.#attempt } };
  }
}
