// Model-based tests of the journal: fast-check sends appends and reads from two clients (reads to
// any node: a client's view of the chain can be old) and delivers the messages between the
// machines in any order that keeps each pair's messages in order; after each delivery, the node or
// master that took the message must have sent what the model's sends, in the same order, and be in
// the model's state (snapshot). Run them with
//   pith conform specs/replicated-journal/PSrc specs/replicated-journal/PSpec specs/replicated-journal/PTst \
//     --mbt examples/journal/mbt.ts --test "Concurrent(nNodes=3,nClients=2,nCrashes=0,appends=1,reads=1)"
// or from vitest (test/specs/journal-conformance.test.ts). `journalTests(bug)` tests a version with a bug.
//
// The harness delivers messages straight to the machines (the link layer is not under test here),
// and crashes are left out: a crash in the model is a node's halt together with the crash
// injector's report to the master, which the harness's crash command does not make. Crashes are
// covered by the recorded traces (scenarios.ts).
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

type JournalInput = { readonly op: "append"; readonly client: MachineId } | { readonly op: "read"; readonly client: MachineId; readonly node: MachineId };

const client = fc.constantFrom(...CLIENTS);

export function journalTests(bug?: Bug) {
  return defineMbt<JournalInput>({
    name: bug === undefined ? "journal" : `journal with bug ${bug}`,
    machines: [
      ...NODES.map((id) => ({ id, type: "Node" })),
      { id: MASTER, type: "Master", payload: { chain: NODES, clients: CLIENTS } },
      ...CLIENTS.map((id) => ({ id, type: "Client", payload: { chain: NODES, appends: 0, reads: 0 }, external: true })),
    ],
    inputs: fc.oneof(
      client.map((c) => ({ op: "append" as const, client: c })),
      fc.record({ op: fc.constant("read" as const), client, node: fc.constantFrom(...NODES) }),
    ),
    // Request numbers count the run's inputs, so every request is new.
    toMessage: (input, n) =>
      input.op === "append"
        ? { from: input.client, to: NODES[0], event: "eAppend", payload: { client: input.client, id: n } }
        : { from: input.client, to: input.node, event: "eRead", payload: { client: input.client, id: n } },
    maxCommands: 25,
    system: () => new JournalUnderTest(bug),
  });
}

export default journalTests();
