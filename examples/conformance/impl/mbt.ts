// Model-based tests of the store: fast-check sends writes, reads and retransmission ticks from two
// clients and a timer, and delivers, loses, duplicates and reorders the messages between the
// primary and the backup, and may crash the backup; after each step the implementation must have
// sent what the model sends and be in the model's state. Run them with
//   pith conform examples/conformance/model --mbt examples/conformance/impl/mbt.ts
// or from vitest (test/conform/example.test.ts). `storeTests(bug)` tests a version with a bug.
import fc from "fast-check";
import { defineMbt, type SystemUnderTest, type WireMessage } from "../../../src/conform/mbt.ts";
import { Backup, type Disk } from "./backup.ts";
import { isBackupBug, isPrimaryBug, type Bug } from "./bugs.ts";
import { dispatch, type EventName, type MachineId } from "./generated.ts";
import type { Hosted, Network } from "./network.ts";
import { Primary } from "./primary.ts";
import { BACKUP, PRIMARY } from "./store.ts";

/** A disk whose writes complete when fast-check's scheduler says, in the order it chooses. */
class ScheduledDisk implements Disk {
  readonly #scheduler: fc.Scheduler;
  readonly contents = new Map<string, number>();

  constructor(scheduler: fc.Scheduler) {
    this.#scheduler = scheduler;
  }

  async write(name: string, value: number): Promise<void> {
    await this.#scheduler.schedule(Promise.resolve(), `disk write ${name}=${value}`);
    this.contents.set(name, value);
  }
}

/** The store with a network the test harness owns: what the machines send waits in an outbox. */
class StoreUnderTest implements SystemUnderTest {
  readonly #outbox: WireMessage[] = [];
  readonly #machines = new Map<string, { type: "Primary" | "Backup"; machine: Hosted<"Primary"> | Hosted<"Backup"> }>();

  constructor(bug: Bug | undefined, scheduler: fc.Scheduler | undefined) {
    const network: Network = { send: (from, to, event, payload) => void this.#outbox.push({ from, to, event, payload }) };
    const disk = scheduler === undefined ? undefined : new ScheduledDisk(scheduler);
    const backup = new Backup({ id: BACKUP, network, disk, bug: isBackupBug(bug) ? bug : undefined });
    const primary = new Primary({ id: PRIMARY, backup: BACKUP, network, bug: isPrimaryBug(bug) ? bug : undefined });
    this.#machines.set(BACKUP, { type: "Backup", machine: backup });
    this.#machines.set(PRIMARY, { type: "Primary", machine: primary });
  }

  async deliver(message: WireMessage): Promise<void> {
    const target = this.#machines.get(message.to);
    if (target === undefined) throw new Error(`no machine ${message.to}`);
    await dispatch(target.type, target.machine, message.event as EventName, message.payload);
  }

  sent(): readonly WireMessage[] {
    return this.#outbox.splice(0);
  }

  snapshot(id: string): unknown {
    return this.#machines.get(id)?.machine.snapshot();
  }

  crash(id: string): void {
    // A crashed machine takes nothing more: the harness stops delivering to it.
    this.#machines.delete(id as MachineId);
  }
}

type StoreInput =
  | { readonly op: "write"; readonly client: string; readonly key: number; readonly value: number }
  | { readonly op: "read"; readonly client: string; readonly key: number }
  | { readonly op: "tick" };

const client = fc.constantFrom("client-1", "client-2");
const key = fc.integer({ min: 0, max: 2 });

export function storeTests(bug?: Bug) {
  return defineMbt<StoreInput>({
    name: bug === undefined ? "store" : `store with bug ${bug}`,
    machines: [
      { id: "backup", type: "Backup" },
      { id: "primary", type: "Primary", payload: "backup" },
      { id: "client-1", type: "Client", payload: "primary", external: true },
      { id: "client-2", type: "Client", payload: "primary", external: true },
      { id: "timer", type: "Ticker", payload: "primary", external: true },
    ],
    inputs: fc.oneof(
      fc.record({ op: fc.constant("write" as const), client, key, value: fc.integer({ min: 1, max: 9 }) }),
      fc.record({ op: fc.constant("read" as const), client, key }),
      fc.constant({ op: "tick" as const }),
    ),
    // Request ids count the inputs of a run, so each request of a client has its own.
    toMessage(input, n) {
      switch (input.op) {
        case "write":
          return { from: input.client, to: "primary", event: "eWrite", payload: { client: input.client, reqId: n, key: input.key, value: input.value } };
        case "read":
          return { from: input.client, to: "primary", event: "eRead", payload: { client: input.client, reqId: n, key: input.key } };
        case "tick":
          return { from: "timer", to: "primary", event: "eRetransmit" };
      }
    },
    faults: {
      loss: ["eReplicate", "eReplicateAck"],
      duplication: ["eReplicate", "eReplicateAck"],
      reordering: true,
      crash: ["backup"],
    },
    scheduler: true,
    system: ({ scheduler }) => new StoreUnderTest(bug, scheduler),
  });
}

export default storeTests();
