// The transaction ledger: one record per write transaction, on disk. Every change is a conditional
// write (the record must be in the expected state), appended to a file as one JSON line, so a
// coordinator that crashes and one that recovers its transaction can only ever push the same
// decision. A change counts once it is on disk: callers wait for `durable()` before they act on
// it. Changes are synced in groups: one fsync covers every line written before it started, so
// concurrent transactions share the cost. On open, the file is replayed; a torn last line (a
// crash mid-write) is cut off.
import { closeSync, fsync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import type { Bug } from "./bugs.ts";

export type Status = "PENDING" | "COMMITTED" | "CANCELLED";

/** What the client was told (or will be told) for a transaction. */
export type Outcome = { readonly committed: true } | { readonly committed: false; readonly reasons: readonly unknown[] };

export interface TxRecord {
  readonly tx: string;
  readonly status: Status;
  readonly ts: number;
  /** The items the transaction touches, as "partition/key". */
  readonly items: readonly string[];
  readonly token: string | undefined;
  /** A digest of the request, to tell a retry from a different request with the same token. */
  readonly request: string;
  /** The coordinator that drives the transaction, and how many times it changed hands. */
  readonly owner: string;
  readonly epoch: number;
  readonly heartbeat: number;
  readonly completed: boolean;
  readonly outcome: Outcome | undefined;
  readonly created: number;
}

export class LedgerConflict extends Error {}

export interface LedgerOptions {
  readonly file: string;
  /** fsync after every write (default true). */
  readonly sync?: boolean;
  readonly bug?: Bug;
}

export class Ledger {
  readonly #records = new Map<string, TxRecord>();
  readonly #byToken = new Map<string, string>();
  readonly #fd: number;
  readonly #sync: boolean;
  readonly #bug: Bug | undefined;
  readonly file: string;
  /** Lines written, and lines known to be on disk. */
  #written = 0;
  #synced = 0;
  #syncing: Promise<void> | undefined;

  constructor(options: LedgerOptions) {
    this.file = options.file;
    this.#sync = options.sync ?? true;
    this.#bug = options.bug;
    this.#fd = openSync(options.file, "a+");
    this.#replay(options.file);
  }

  #replay(file: string): void {
    const text = readFileSync(file, "utf8");
    let good = 0;
    for (const line of text.split("\n")) {
      if (line === "") break;
      let record: TxRecord;
      try {
        record = JSON.parse(line) as TxRecord;
      } catch {
        break;
      }
      this.#remember(record);
      good += Buffer.byteLength(line) + 1;
    }
    if (good < Buffer.byteLength(text)) truncateSync(file, good);
  }

  #remember(record: TxRecord): void {
    this.#records.set(record.tx, record);
    if (record.token !== undefined) this.#byToken.set(record.token, record.tx);
  }

  #write(record: TxRecord): TxRecord {
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
    this.#written++;
    this.#remember(record);
    return record;
  }

  /** Resolves once every change made before the call is on disk. */
  async durable(): Promise<void> {
    const target = this.#written;
    while (this.#sync && this.#synced < target) {
      if (this.#syncing === undefined) {
        const upTo = this.#written;
        this.#syncing = new Promise<void>((resolve, reject) =>
          fsync(this.#fd, (error) => {
            this.#syncing = undefined;
            if (error !== null) return reject(error);
            this.#synced = Math.max(this.#synced, upTo);
            resolve();
          }),
        );
      }
      await this.#syncing;
    }
  }

  get(tx: string): TxRecord | undefined {
    return this.#records.get(tx);
  }

  byToken(token: string): TxRecord | undefined {
    const tx = this.#byToken.get(token);
    return tx === undefined ? undefined : this.#records.get(tx);
  }

  /** Every record, oldest first. */
  records(): TxRecord[] {
    return [...this.#records.values()];
  }

  /** Creates a PENDING record; fails if the transaction exists. A token names its newest transaction. */
  begin(record: Omit<TxRecord, "status" | "completed" | "outcome" | "epoch">): TxRecord {
    if (this.#records.has(record.tx)) throw new LedgerConflict(`transaction ${record.tx} already exists`);
    return this.#write({ ...record, status: "PENDING", completed: false, outcome: undefined, epoch: 0 });
  }

  /**
   * Records the decision if the transaction is still PENDING; returns the record as it stands
   * after the call, whose status is the decision that holds.
   */
  decide(tx: string, decision: Exclude<Status, "PENDING">): TxRecord {
    const record = this.#required(tx);
    if (record.status !== "PENDING" && this.#bug !== "unconditional-decision") return record;
    return this.#write({ ...record, status: decision });
  }

  /** Takes over a transaction from an owner that stopped beating; fails if someone else did first. */
  takeOver(tx: string, owner: string, expectedEpoch: number, now: number): TxRecord {
    const record = this.#required(tx);
    if (record.epoch !== expectedEpoch) throw new LedgerConflict(`transaction ${tx} was taken over by ${record.owner}`);
    return this.#write({ ...record, owner, epoch: record.epoch + 1, heartbeat: now });
  }

  complete(tx: string, outcome: Outcome): TxRecord {
    const record = this.#required(tx);
    if (record.completed) return record;
    return this.#write({ ...record, completed: true, outcome });
  }

  #required(tx: string): TxRecord {
    const record = this.#records.get(tx);
    if (record === undefined) throw new LedgerConflict(`no transaction ${tx} in the ledger`);
    return record;
  }

  async close(): Promise<void> {
    await this.#syncing;
    closeSync(this.#fd);
  }
}
