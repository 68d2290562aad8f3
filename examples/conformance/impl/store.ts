// The store put together: a backup and a primary on a network, clients that write and read, and
// the retransmission timer. Machine ids are fixed, so recorded traces are the same from run to run.
import { Backup, type Disk } from "./backup.ts";
import { isBackupBug, isPrimaryBug, type Bug } from "./bugs.ts";
import { machineId, type MachineId, type ReadResultPayload, type TraceRecorder, type WriteAckPayload } from "./generated.ts";
import { InMemoryNetwork } from "./network.ts";
import { Primary } from "./primary.ts";

export const PRIMARY = machineId("primary");
export const BACKUP = machineId("backup");
export const TIMER = machineId("timer");

export interface StoreOptions {
  readonly trace?: TraceRecorder;
  readonly bug?: Bug;
  readonly disk?: Disk;
}

export class Store {
  readonly network: InMemoryNetwork;
  readonly primary: Primary;
  readonly backup: Backup;

  constructor(options: StoreOptions = {}) {
    this.network = new InMemoryNetwork(options.trace);
    this.backup = new Backup({ id: BACKUP, network: this.network, disk: options.disk, bug: isBackupBug(options.bug) ? options.bug : undefined });
    this.network.host("Backup", BACKUP, this.backup, undefined);
    this.primary = new Primary({ id: PRIMARY, backup: BACKUP, network: this.network, bug: isPrimaryBug(options.bug) ? options.bug : undefined });
    this.network.host("Primary", PRIMARY, this.primary, BACKUP);
  }

  /** A client of the store, named `id`. */
  client(id: string): Client {
    return new Client(machineId(id), this.network);
  }

  /** The retransmission timer fires. */
  tick(): void {
    this.network.send(TIMER, PRIMARY, "eRetransmit", undefined);
  }
}

/** A client: sends requests, numbered from 1, and keeps the answers. */
export class Client {
  readonly id: MachineId;
  readonly #network: InMemoryNetwork;
  #reqId = 0;
  readonly acks: WriteAckPayload[] = [];
  readonly results: ReadResultPayload[] = [];

  constructor(id: MachineId, network: InMemoryNetwork) {
    this.id = id;
    this.#network = network;
    network.listen(id, (m) => {
      if (m.event === "eWriteAck") this.acks.push(m.payload as WriteAckPayload);
      if (m.event === "eReadResult") this.results.push(m.payload as ReadResultPayload);
    });
  }

  write(key: number, value: number): number {
    this.#reqId += 1;
    this.#network.send(this.id, PRIMARY, "eWrite", { client: this.id, reqId: this.#reqId, key, value });
    return this.#reqId;
  }

  read(key: number): number {
    this.#reqId += 1;
    this.#network.send(this.id, PRIMARY, "eRead", { client: this.id, reqId: this.#reqId, key });
    return this.#reqId;
  }
}
