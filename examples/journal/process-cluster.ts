// A journal of separate processes on one machine, over TCP on the loopback interface: one process
// per node (`cli.ts node`), and the launcher, which hosts the master and the clients. The launcher
// is the deployment's failure detector: when a node's process exits (killed, or crashed), it tells
// the master, which reconfigures the chain, and tells every process to stop sending to the node.
//
// Start-up: each node process binds a port and reports it (over the IPC channel of child_process);
// when all have, the launcher sends everyone the ports of every endpoint, waits for each to be
// ready, and starts the master, which configures the chain.
import { fork, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Bug } from "./bugs.ts";
import { JournalClient } from "./client.ts";
import { clientId, DETECTOR, MASTER, nodeId } from "./cluster.ts";
import { machineId, TraceRecorder, type MachineId } from "./generated.ts";
import { Host } from "./host.ts";
import { Link } from "./link.ts";
import { JournalLog } from "./log.ts";
import { ConfigurationManager } from "./master.ts";
import { JournalNode } from "./node.ts";
import { TcpTransport } from "./tcp.ts";

const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));

/** Messages between the launcher and a node process. */
type ToNode = { readonly kind: "peers"; readonly ports: Record<string, number> } | { readonly kind: "forget"; readonly id: string };
type FromNode = { readonly kind: "listening"; readonly port: number } | { readonly kind: "ready" } | { readonly kind: "recovered"; readonly entries: number; readonly truncatedBytes: number };

export interface ProcessClusterOptions {
  readonly nodes: number;
  readonly clients: number;
  /** Folder of the nodes' logs (and traces). */
  readonly dir: string;
  /** fsync each append (default true). */
  readonly sync?: boolean;
  /**
   * Record a trace per process in `dir` (node-1.trace.ndjson, ..., launcher.trace.ndjson), with
   * the nodes' snapshots without their logs.
   */
  readonly trace?: boolean;
  readonly bug?: Bug;
}

interface NodeProcess {
  readonly id: MachineId;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

export class ProcessCluster {
  readonly clients: readonly JournalClient[];
  readonly master: ConfigurationManager;
  readonly #masterHost: Host;
  readonly #transport: TcpTransport;
  readonly #links: Link[];
  readonly #nodes: NodeProcess[];
  readonly #trace: WriteStream | undefined;
  #closing = false;

  private constructor(clients: JournalClient[], master: ConfigurationManager, masterHost: Host, transport: TcpTransport, links: Link[], nodes: NodeProcess[], trace: WriteStream | undefined) {
    this.clients = clients;
    this.master = master;
    this.#masterHost = masterHost;
    this.#transport = transport;
    this.#links = links;
    this.#nodes = nodes;
    this.#trace = trace;
  }

  static async start(options: ProcessClusterOptions): Promise<ProcessCluster> {
    const chain = Array.from({ length: options.nodes }, (_, i) => nodeId(i));
    const clientIds = Array.from({ length: options.clients }, (_, i) => clientId(i));
    const transport = new TcpTransport();
    const ports: Record<string, number> = {};
    const launcherPort = await transport.bind();
    for (const id of [MASTER, ...clientIds]) ports[id] = launcherPort;
    const nodes: NodeProcess[] = [];
    const listening: Promise<void>[] = [];
    const ready: Promise<void>[] = [];
    for (const id of chain) {
      const args = ["node", "--id", id, "--log", join(options.dir, `${id}.log`)];
      if (options.sync === false) args.push("--no-sync");
      if (options.trace === true) args.push("--trace", join(options.dir, `${id}.trace.ndjson`));
      if (options.bug !== undefined) args.push("--bug", options.bug);
      const child = fork(CLI, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      listening.push(
        new Promise((resolve, reject) => {
          child.on("message", (m: FromNode) => {
            if (m.kind === "listening") {
              ports[id] = m.port;
              resolve();
            }
          });
          child.once("exit", () => reject(new Error(`${id} exited while starting`)));
        }),
      );
      ready.push(new Promise((resolve) => child.on("message", (m: FromNode) => m.kind === "ready" && resolve())));
      nodes.push({ id, child, exited });
    }
    await Promise.all(listening);
    for (const [id, port] of Object.entries(ports)) transport.setPeer(id, port);
    for (const n of nodes) n.child.send({ kind: "peers", ports } satisfies ToNode);
    await Promise.all(ready);

    const trace = options.trace === true ? createWriteStream(join(options.dir, "launcher.trace.ndjson")) : undefined;
    const recorder = trace === undefined ? undefined : new TraceRecorder((line) => trace.write(line + "\n"));
    const links: Link[] = [];
    const clients = clientIds.map((id) => {
      const link = new Link({ id, transport });
      links.push(link);
      const client = new JournalClient({ id, chain, send: (m) => link.send(m), bug: options.bug });
      link.onMessage((m) => client.receive(m));
      return client;
    });
    const masterLink = new Link({ id: MASTER, transport });
    links.push(masterLink);
    const masterHost = new Host({ id: MASTER, type: "Master", transmit: (m) => masterLink.send(m), trace: recorder });
    const master = new ConfigurationManager({ chain, clients: clientIds, out: masterHost });
    masterHost.start(master, { chain, clients: clientIds });
    masterLink.onMessage((m) => masterHost.deliver(m));
    const cluster = new ProcessCluster(clients, master, masterHost, transport, links, nodes, trace);
    for (const n of nodes) void n.exited.then(() => cluster.#exited(n.id));
    master.start();
    return cluster;
  }

  /** The process ids of the nodes, by node id. */
  get pids(): ReadonlyMap<MachineId, number> {
    return new Map(this.#nodes.map((n) => [n.id, n.child.pid ?? -1]));
  }

  /** Kills node `id`'s process (SIGKILL by default) and resolves once the master has reconfigured the chain. */
  async kill(id: MachineId, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const n = this.#nodes.find((x) => x.id === id);
    if (n === undefined) throw new Error(`no node ${id}`);
    n.child.kill(signal);
    await n.exited;
    while (this.master.chain.includes(id)) await new Promise((r) => setTimeout(r, 5));
  }

  async close(): Promise<void> {
    this.#closing = true;
    for (const n of this.#nodes) if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill("SIGTERM");
    await Promise.all(this.#nodes.map((n) => n.exited));
    for (const l of this.#links) l.close();
    await this.#transport.close();
    await new Promise<void>((resolve) => (this.#trace === undefined ? resolve() : this.#trace.end(() => resolve())));
  }

  /** The failure detector: a node's process is gone. */
  async #exited(id: MachineId): Promise<void> {
    if (this.#closing) return;
    for (const l of this.#links) l.forget(id);
    for (const n of this.#nodes) if (n.id !== id && n.child.connected) n.child.send({ kind: "forget", id } satisfies ToNode);
    await this.#masterHost.deliver({ from: DETECTOR, to: MASTER, event: "eCrashed", payload: id });
  }
}

export interface NodeProcessOptions {
  readonly id: string;
  readonly log: string;
  readonly sync: boolean;
  readonly trace: string | undefined;
  readonly bug: Bug | undefined;
}

/**
 * The body of a node's process (`cli.ts node`): recovers its log, then serves the chain. Resolves
 * with a function that shuts the node down.
 */
export async function runNodeProcess(options: NodeProcessOptions): Promise<() => Promise<void>> {
  const send = (m: FromNode) => process.send?.(m);
  const id = machineId(options.id);
  const { log, recovery } = await JournalLog.open(options.log, { sync: options.sync });
  send({ kind: "recovered", entries: recovery.entries.length, truncatedBytes: recovery.truncatedBytes });
  const transport = new TcpTransport();
  send({ kind: "listening", port: await transport.bind() });
  const traceFile = options.trace === undefined ? undefined : createWriteStream(options.trace);
  const recorder = traceFile === undefined ? undefined : new TraceRecorder((line) => traceFile.write(line + "\n"));
  const link = new Link({ id, transport });
  // Snapshots without the log, whose length grows with the run (the announcements have it).
  const host = new Host({ id, type: "Node", transmit: (m) => link.send(m), trace: recorder, snapshotVars: ["acked", "pred", "succ", "isTail", "succEpoch"] });
  const node = new JournalNode({ id, storage: log, out: host, bug: options.bug });
  host.start(node, undefined);
  link.onMessage((m) => host.deliver(m));
  process.on("message", (m: ToNode) => {
    if (m.kind === "peers") {
      for (const [peer, port] of Object.entries(m.ports)) transport.setPeer(peer, port);
      send({ kind: "ready" });
    } else link.forget(m.id);
  });
  return async () => {
    link.close();
    await transport.close();
    await log.close();
    await new Promise<void>((resolve) => (traceFile === undefined ? resolve() : traceFile.end(() => resolve())));
  };
}
