// The backup replica: applies writes in sequence order, persisting each to its disk before it
// acknowledges it; acknowledges again a write it has applied before; drops a write that arrives
// too early (the primary sends it again).
import type { BackupHandlers, BackupSnapshot, MachineId, ReplicatePayload } from "./generated.ts";
import type { BackupBug } from "./bugs.ts";
import type { Network } from "./network.ts";

/** Where the backup persists what it applies. Writes may complete in any order. */
export interface Disk {
  write(name: string, value: number): Promise<void>;
}

/** A disk that holds everything in memory and completes every write at once. */
export class MemoryDisk implements Disk {
  readonly contents = new Map<string, number>();

  async write(name: string, value: number): Promise<void> {
    this.contents.set(name, value);
  }
}

export interface BackupOptions {
  readonly id: MachineId;
  readonly network: Network;
  readonly disk?: Disk;
  readonly bug?: BackupBug;
}

export class Backup implements BackupHandlers {
  readonly id: MachineId;
  readonly #network: Network;
  readonly #disk: Disk;
  readonly #bug: BackupBug | undefined;
  readonly #store = new Map<number, number>();
  #applied = 0;

  constructor(options: BackupOptions) {
    this.id = options.id;
    this.#network = options.network;
    this.#disk = options.disk ?? new MemoryDisk();
    this.#bug = options.bug;
  }

  async onReplicate(write: ReplicatePayload): Promise<void> {
    const next = this.#bug === "out-of-order" ? write.seqNo > this.#applied : write.seqNo === this.#applied + 1;
    if (next) {
      // The value and the sequence number are written side by side; the acknowledgement waits for both.
      await Promise.all([this.#disk.write(`key:${write.key}`, write.value), this.#disk.write("applied", write.seqNo)]);
      this.#store.set(write.key, write.value);
      this.#applied = write.seqNo;
      this.#ack(write);
    } else if (write.seqNo <= this.#applied && this.#bug !== "no-reack") {
      this.#ack(write);
    }
  }

  snapshot(): BackupSnapshot {
    return { state: "Replicating", vars: { store: new Map(this.#store), applied: this.#applied } };
  }

  #ack(write: ReplicatePayload): void {
    this.#network.send(this.id, write.primary, "eReplicateAck", { seqNo: write.seqNo, key: write.key, value: write.value });
  }
}
