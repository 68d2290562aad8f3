// A journal in one process, over the in-process network: nodes, the master and clients, each with
// its link, as the model's driver sets them up (specs/replicated-journal/PTst/tests.p): the nodes,
// head first, then the master, which configures them. Tests drive it step by step through the
// network (seeded, with faults), crash nodes, and record traces for `pith conform`.
import { join } from "node:path";
import type { Bug } from "./bugs.ts";
import { JournalClient } from "./client.ts";
import { machineId, type MachineId, type TraceRecorder } from "./generated.ts";
import { Host } from "./host.ts";
import { Link } from "./link.ts";
import { JournalLog } from "./log.ts";
import { ConfigurationManager } from "./master.ts";
import { MemoryNetwork, type Faults } from "./memory-network.ts";
import { JournalNode, MemoryStorage, type Storage } from "./node.ts";

export interface LocalClusterOptions {
  readonly nodes: number;
  readonly clients: number;
  readonly seed?: number;
  readonly faults?: Faults;
  /** Where the nodes keep their logs: a folder (one file per node), or memory (the default). */
  readonly dir?: string;
  /** With `dir`: fsync each append (default true). */
  readonly sync?: boolean;
  readonly trace?: TraceRecorder;
  readonly bug?: Bug;
}

export interface ClusterNode {
  readonly id: MachineId;
  readonly node: JournalNode;
  readonly host: Host;
  readonly link: Link;
  readonly log: JournalLog | undefined;
}

export const MASTER = machineId("master");
export const DETECTOR = machineId("detector");

export function nodeId(i: number): MachineId {
  return machineId(`node-${i + 1}`);
}

export function clientId(i: number): MachineId {
  return machineId(`client-${i + 1}`);
}

export class LocalCluster {
  readonly network: MemoryNetwork;
  readonly nodes: readonly ClusterNode[];
  readonly master: { readonly machine: ConfigurationManager; readonly host: Host; readonly link: Link };
  readonly clients: readonly JournalClient[];
  readonly #links: Link[];

  private constructor(network: MemoryNetwork, nodes: ClusterNode[], master: LocalCluster["master"], clients: JournalClient[], links: Link[]) {
    this.network = network;
    this.nodes = nodes;
    this.master = master;
    this.clients = clients;
    this.#links = links;
  }

  static async start(options: LocalClusterOptions): Promise<LocalCluster> {
    const network = new MemoryNetwork({ seed: options.seed ?? 1, faults: options.faults });
    const links: Link[] = [];
    const link = (id: MachineId) => {
      const l = new Link({ id, transport: network, clock: network.clock });
      links.push(l);
      return l;
    };
    const chain = Array.from({ length: options.nodes }, (_, i) => nodeId(i));
    const clientIds = Array.from({ length: options.clients }, (_, i) => clientId(i));
    const nodes: ClusterNode[] = [];
    for (const id of chain) {
      let log: JournalLog | undefined;
      let storage: Storage;
      if (options.dir !== undefined) {
        log = (await JournalLog.open(join(options.dir, `${id}.log`), { sync: options.sync })).log;
        storage = log;
      } else storage = new MemoryStorage();
      const l = link(id);
      const host = new Host({ id, type: "Node", transmit: (m) => l.send(m), trace: options.trace });
      const node = new JournalNode({ id, storage, out: host, bug: options.bug });
      host.start(node, undefined);
      l.onMessage((m) => host.deliver(m));
      nodes.push({ id, node, host, link: l, log });
    }
    const clients = clientIds.map((id) => {
      const l = link(id);
      const client = new JournalClient({ id, chain, send: (m) => l.send(m), bug: options.bug, pick: (n) => network.random.below(n) });
      l.onMessage((m) => client.receive(m));
      return client;
    });
    const masterLink = link(MASTER);
    const masterHost = new Host({ id: MASTER, type: "Master", transmit: (m) => masterLink.send(m), trace: options.trace });
    const machine = new ConfigurationManager({ chain, clients: clientIds, out: masterHost });
    masterHost.start(machine, { chain, clients: clientIds });
    masterLink.onMessage((m) => masterHost.deliver(m));
    machine.start();
    return new LocalCluster(network, nodes, { machine, host: masterHost, link: masterLink }, clients, links);
  }

  node(id: MachineId | number): ClusterNode {
    const n = typeof id === "number" ? this.nodes[id] : this.nodes.find((x) => x.id === id);
    if (n === undefined) throw new Error(`no node ${id}`);
    return n;
  }

  /**
   * Node `id` crashes: it stops at once, and the failure detector tells the master (and every
   * endpoint, which stops sending to it).
   */
  async crash(id: MachineId): Promise<void> {
    const n = this.node(id);
    n.host.crash();
    n.link.crash();
    for (const l of this.#links) l.forget(id);
    await this.master.host.deliver({ from: DETECTOR, to: MASTER, event: "eCrashed", payload: id });
  }

  /** Runs the network until `promise` settles; fails if the network stops first. */
  async until<T>(promise: Promise<T>, maxSteps?: number): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => {
      settled = true;
    });
    await this.network.run(() => settled, maxSteps);
    if (!settled) await new Promise((r) => setImmediate(r));
    if (!settled) throw new Error("the journal stopped before the request was answered");
    return watched;
  }

  /** Runs the network until nothing is left to deliver. */
  async settle(maxSteps?: number): Promise<void> {
    await this.network.run(() => false, maxSteps);
  }

  /** Errors raised inside machines (none, normally). */
  get failures(): unknown[] {
    return [...this.nodes.map((n) => n.host.failure), this.master.host.failure].filter((f) => f !== undefined);
  }

  async close(): Promise<void> {
    for (const l of this.#links) l.close();
    for (const n of this.nodes) await n.log?.close();
  }
}
