// The primary replica: orders writes, sends each to the backup, and commits and acknowledges a
// write once the backup has acknowledged it. Reads are served from the committed store.
import type { MachineId, PrimaryHandlers, PrimarySnapshot, ReadPayload, ReplicateAckPayload, tWrite, WritePayload } from "./generated.ts";
import type { PrimaryBug } from "./bugs.ts";
import type { Network } from "./network.ts";

export interface PrimaryOptions {
  readonly id: MachineId;
  readonly backup: MachineId;
  readonly network: Network;
  readonly bug?: PrimaryBug;
}

export class Primary implements PrimaryHandlers {
  readonly id: MachineId;
  readonly #backup: MachineId;
  readonly #network: Network;
  readonly #bug: PrimaryBug | undefined;
  readonly #store = new Map<number, number>();
  readonly #pending = new Map<number, tWrite>();
  /** Writes committed, by sequence number (only the ack-twice bug looks at them). */
  readonly #committed = new Map<number, tWrite>();
  #nextSeqNo = 1;

  constructor(options: PrimaryOptions) {
    this.id = options.id;
    this.#backup = options.backup;
    this.#network = options.network;
    this.#bug = options.bug;
  }

  onWrite(write: WritePayload): void {
    const seqNo = this.#nextSeqNo;
    this.#nextSeqNo += 1;
    this.#pending.set(seqNo, write);
    if (this.#bug === "ack-before-replicate") this.#commit(seqNo, write);
    this.#network.send(this.id, this.#backup, "eReplicate", { primary: this.id, seqNo, key: write.key, value: write.value });
  }

  onReplicateAck(ack: ReplicateAckPayload): void {
    const write = this.#pending.get(ack.seqNo);
    if (write === undefined) {
      const done = this.#committed.get(ack.seqNo);
      if (this.#bug === "ack-twice" && done !== undefined) this.#acknowledge(done);
      return;
    }
    if (this.#bug === "ack-before-replicate") {
      this.#pending.delete(ack.seqNo);
      return;
    }
    this.#commit(ack.seqNo, write);
  }

  onRead(read: ReadPayload): void {
    let value = this.#store.get(read.key);
    if (this.#bug === "read-uncommitted") {
      for (const w of this.#pending.values()) if (w.key === read.key) value = w.value;
    }
    this.#network.send(this.id, read.client, "eReadResult", {
      client: read.client,
      reqId: read.reqId,
      key: read.key,
      found: value !== undefined,
      value: value ?? 0,
    });
  }

  onRetransmit(): void {
    if (this.#bug === "no-retransmit") return;
    for (const [seqNo, write] of [...this.#pending].sort((a, b) => a[0] - b[0])) {
      this.#network.send(this.id, this.#backup, "eReplicate", { primary: this.id, seqNo, key: write.key, value: write.value });
    }
  }

  snapshot(): PrimarySnapshot {
    return {
      state: "Serving",
      vars: { backup: this.#backup, store: new Map(this.#store), nextSeqNo: this.#nextSeqNo, pending: new Map(this.#pending) },
    };
  }

  #commit(seqNo: number, write: tWrite): void {
    if (this.#bug !== "ack-before-replicate") this.#pending.delete(seqNo);
    this.#store.set(write.key, write.value);
    this.#committed.set(seqNo, write);
    this.#acknowledge(write);
  }

  #acknowledge(write: tWrite): void {
    this.#network.send(this.id, write.client, "eWriteAck", { client: write.client, reqId: write.reqId, key: write.key, value: write.value });
  }
}
