// Model-based tests of the journal: fast-check sends appends and reads from two clients (to any
// node: a client's view of the chain can be old), crashes nodes, and delivers the messages between
// the machines in any order that keeps each pair's messages in order; after each delivery, the node
// or master that took the message must have sent what the model's sends, in the same order, and be
// in the model's state (snapshot). Run them with
//   pith conform specs/replicated-journal/PSrc specs/replicated-journal/PSpec specs/replicated-journal/PTst \
//     --mbt examples/journal/mbt.ts --test "ConcurrentCrash(nNodes=3,nClients=2,nCrashes=1,appends=1,reads=1)"
// or from vitest (test/specs/journal-conformance.test.ts). `journalTests({ bug })` tests a version
// with a bug; `journalTests({ crashes: 0 })` one without crashes.
//
// A crash is the model's: the crash injector announces it to the monitors (eNodeCrashed), the node
// halts, and the injector reports it to the master (eCrashed), a message that waits in the pool
// like the others. In the implementation the node's host stops at once: what waits in its inbox is
// lost and it takes nothing more. What it sent before still arrives, as in the model. The harness
// delivers messages straight to the machines (the link layer is not under test here).
import fc from "fast-check";
import { defineMbt, type SystemUnderTest, type WireMessage } from "../../src/conform/mbt.ts";
import type { Bug } from "./bugs.ts";
import { clientId, MASTER, nodeId } from "./cluster.ts";
import type { MachineId } from "./generated.ts";
import { Host, toModel } from "./host.ts";
import { ConfigurationManager } from "./master.ts";
import { JournalNode, MemoryStorage } from "./node.ts";
import type { Message } from "./transport.ts";

const NODES = [0, 1, 2].map(nodeId);
const CLIENTS = [0, 1].map(clientId);
/** The crash injector of the model: an external machine, whose report of a crash the master takes. */
const INJECTOR = "crash-injector";

/** The journal with a network the test harness owns: what the machines send waits in an outbox. */
class JournalUnderTest implements SystemUnderTest {
  readonly #outbox: Message[] = [];
  readonly #hosts = new Map<string, { host: Host; machine: JournalNode | ConfigurationManager }>();

  constructor(bug: Bug | undefined) {
    const transmit = (m: Message) => void this.#outbox.push(m);
    for (const id of NODES) {
      const host = new Host({ id, type: "Node", transmit });
      const node = new JournalNode({ id, storage: new MemoryStorage(), out: host, bug });
      host.start(node, undefined);
      this.#hosts.set(id, { host, machine: node });
    }
    const host = new Host({ id: MASTER, type: "Master", transmit });
    const master = new ConfigurationManager({ chain: NODES, clients: CLIENTS, out: host });
    host.start(master, { chain: NODES, clients: CLIENTS });
    this.#hosts.set(MASTER, { host, machine: master });
    master.start();
  }

  async deliver(message: WireMessage): Promise<void> {
    const target = this.#hosts.get(message.to);
    if (target === undefined) throw new Error(`no machine ${message.to}`);
    await target.host.deliver({ from: message.from, to: message.to, event: message.event, payload: withData(message.payload) });
    if (target.host.failure !== undefined) throw target.host.failure;
  }

  sent(): readonly WireMessage[] {
    return this.#outbox.splice(0).map((m) => ({ from: m.from, to: m.to, event: m.event, payload: toModel(m.payload) }));
  }

  crash(id: string): void {
    const target = this.#hosts.get(id);
    if (target === undefined) throw new Error(`no machine ${id}`);
    target.host.crash();
  }

  snapshot(id: string): unknown {
    const target = this.#hosts.get(id);
    return target === undefined ? undefined : toModel(target.machine.snapshot());
  }
}

/** An entry from the environment gets data (the model's entries have none). */
function withData(payload: unknown): unknown {
  if (typeof payload === "object" && payload !== null && !Array.isArray(payload)) {
    const keys = Object.keys(payload);
    if (keys.length === 2 && "client" in payload && "id" in payload) {
      const e = payload as { client: string; id: number };
      if (typeof e.id === "number" && e.client.startsWith("client-")) return { client: e.client, id: e.id, data: `${e.client} #${e.id}` };
    }
  }
  return payload;
}

type JournalInput = { readonly op: "append" | "read"; readonly client: MachineId; readonly node: MachineId };

export interface JournalTestOptions {
  readonly bug?: Bug;
  /** How many nodes may crash in a run: the crash budget (nCrashes) of the test the runs are checked against (default 1). */
  readonly crashes?: number;
}

export function journalTests(options: JournalTestOptions = {}) {
  const { bug, crashes = 1 } = options;
  return defineMbt<JournalInput>({
    name: bug === undefined ? "journal" : `journal with bug ${bug}`,
    machines: [
      ...NODES.map((id) => ({ id, type: "Node" })),
      { id: MASTER, type: "Master", payload: { chain: NODES, clients: CLIENTS } },
      ...CLIENTS.map((id) => ({ id, type: "Client", payload: { chain: NODES, appends: 0, reads: 0 }, external: true })),
      { id: INJECTOR, type: "CrashInjector", payload: { targets: NODES, budget: crashes, master: MASTER, restarts: 0 }, external: true },
    ],
    // The model's driver announces the chain it built.
    announce: [{ event: "eChainBuilt", payload: NODES }],
    inputs: fc.record({ op: fc.constantFrom("append" as const, "read" as const), client: fc.constantFrom(...CLIENTS), node: fc.constantFrom(...NODES) }),
    // Request numbers count the run's inputs, so every request is new.
    toMessage: (input, n) => ({ from: input.client, to: input.node, event: input.op === "append" ? "eAppend" : "eRead", payload: { client: input.client, id: n } }),
    faults: {
      crash: crashes > 0 ? NODES : [],
      maxCrashes: crashes,
      onCrash: (id) => ({
        announce: [{ event: "eNodeCrashed", payload: id }],
        send: [{ from: INJECTOR, to: MASTER, event: "eCrashed", payload: id }],
      }),
    },
    maxCommands: 25,
    system: () => new JournalUnderTest(bug),
  });
}

export default journalTests();
