// A partition of the metadata cache (machine CachePartition of the model, cache.p): key -> the
// version it last installed. A fill replaces an entry only with a newer version, so a slow fill
// cannot undo a newer one. A failed partition has lost its entries and answers every lookup "not
// available"; the front end then bypasses it. Beyond the model: `restart` brings a failed
// partition back, empty.
import type { Disposition, Machine, Outbox } from "./bus.ts";
import { dispatch, type CacheFillPayload, type CacheLookupPayload, type CachePartitionHandlers, type CachePartitionState, type EventName, type tVersion } from "./generated.ts";

/** The version of a key never written: a 404. */
export const ABSENT: tVersion = { seqNo: 0, value: 0, deleted: true };

export class CachePartition implements CachePartitionHandlers, Machine {
  readonly type = "CachePartition" as const;
  readonly #out: Outbox;
  readonly #blind: boolean;
  #state: CachePartitionState = "Serving";
  #entries = new Map<number, tVersion>();

  /** `blind`: the blind-cache-install control, every fill installed. */
  constructor(out: Outbox, blind = false) {
    this.#out = out;
    this.#blind = blind;
  }

  get failed(): boolean {
    return this.#state === "Failed";
  }

  disposition(event: EventName): Disposition {
    if (this.#state === "Failed" && event !== "eCacheLookup") return "ignore";
    return "handle";
  }

  handle(event: EventName, payload: unknown): void {
    void dispatch("CachePartition", this, event, payload);
  }

  onCacheLookup(l: CacheLookupPayload): void {
    const entry = this.#state === "Serving" ? this.#entries.get(l.key) : undefined;
    this.#out.send(l.frontEnd, "eCacheLookupResp", { reqId: l.reqId, key: l.key, available: this.#state === "Serving", hit: entry !== undefined, version: entry ?? ABSENT });
  }

  onCacheFill(f: CacheFillPayload): void {
    const old = this.#entries.get(f.key);
    if (old === undefined || old.seqNo < f.version.seqNo || this.#blind) this.#entries.set(f.key, f.version);
  }

  onCacheFail(): void {
    this.#state = "Failed";
    this.#entries = new Map();
  }

  /** The partition comes back, empty (not in the model, whose failed partitions stay failed). */
  restart(): void {
    this.#state = "Serving";
  }

  snapshot() {
    return { state: this.#state, vars: { entries: this.#entries } };
  }
}
