// A journal of separate processes on one machine, over TCP on the loopback interface: one process
// per node (`cli.ts node`), and the launcher, which hosts the master and the clients. The launcher
// is the deployment's failure detector: when a node's process exits (killed, or crashed), it tells
// every process to stop sending to the node, waits until each has read what the node sent, and
// then tells the master, which reconfigures the chain.
//
// Start-up: each node process binds a port and reports it (over the IPC channel of child_process);
// when all have, the launcher sends everyone the ports of every endpoint, waits for each to be
// ready, and starts the master, which configures the chain.
//
// Restart: the launcher starts a killed node's process again over the same log file. The process
// recovers the log (cutting a torn last record), binds a new port, which the launcher passes to
// every process; then the node takes the model's eCrash (nothing left of its last life but the log)
// and eRestart, asks the master to join, and rejoins the chain after the tail.
//
// Traces (`trace: true`): each process writes its own file, each line with a synchronous write
// before the message it records leaves, so a killed process's file has every step whose messages
// went out. A restarted node appends to its file. The launcher records the creation of the nodes
// and of the master, in the order of the model's driver. `pith conform` merges the files (see
// src/conform/trace-merge.ts).
import { fork, type ChildProcess } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
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
type ToNode =
  | { readonly kind: "peers"; readonly ports: Record<string, number> }
  | { readonly kind: "forget"; readonly id: string }
  | { readonly kind: "restarted"; readonly id: string; readonly port: number }
  | { readonly kind: "status" };
type FromNode =
  | { readonly kind: "listening"; readonly port: number }
  | { readonly kind: "ready" }
  | { readonly kind: "recovered"; readonly entries: number; readonly truncatedBytes: number }
  /** Whether the node is idle and every message it sent has been acknowledged. */
  | { readonly kind: "status"; readonly quiet: boolean };

export interface ProcessClusterOptions {
  readonly nodes: number;
  readonly clients: number;
  /** Folder of the nodes' logs (and traces). */
  readonly dir: string;
  /** fsync each append (default true). */
  readonly sync?: boolean;
  /**
   * Record a trace per process in `dir` (node-1.trace.ndjson, ..., launcher.trace.ndjson, see
   * traceFiles), with the nodes' snapshots without their logs.
   */
  readonly trace?: boolean;
  readonly bug?: Bug;
}

interface NodeProcess {
  readonly id: MachineId;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

/** The next message of `kind` from a node's process; rejects if the process exits first. */
function nextMessage<K extends FromNode["kind"]>(child: ChildProcess, kind: K): Promise<Extract<FromNode, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromNode) => {
      if (m.kind !== kind) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(m as Extract<FromNode, { kind: K }>);
    };
    const onExit = () => {
      child.off("message", onMessage);
      reject(new Error(`a node process exited while the launcher waited for '${kind}'`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** Sends `message` to a node's process and resolves once it is ready again. */
function request(child: ChildProcess, message: ToNode): Promise<unknown> {
  const ready = nextMessage(child, "ready");
  child.send(message);
  return ready;
}

/** The files of a cluster's traces in `dir`: one per node, and the launcher's (master). */
export function traceFiles(dir: string, nodes: number): string[] {
  return [...Array.from({ length: nodes }, (_, i) => join(dir, `${nodeId(i)}.trace.ndjson`)), join(dir, "launcher.trace.ndjson")];
}

/** A recorder that writes each line to `path` (appending) before it returns, and the function that closes the file. */
function fileRecorder(path: string): { recorder: TraceRecorder; close: () => void } {
  const fd = openSync(path, "a");
  return { recorder: new TraceRecorder((line) => void writeSync(fd, line + "\n")), close: () => closeSync(fd) };
}

export class ProcessCluster {
  readonly clients: readonly JournalClient[];
  readonly master: ConfigurationManager;
  readonly #options: ProcessClusterOptions;
  readonly #masterHost: Host;
  readonly #transport: TcpTransport;
  readonly #ports: Record<string, number>;
  readonly #links: Link[];
  readonly #nodes: NodeProcess[];
  readonly #closeTrace: () => void;
  #closing = false;

  private constructor(
    options: ProcessClusterOptions,
    parts: { clients: JournalClient[]; master: ConfigurationManager; masterHost: Host; transport: TcpTransport; ports: Record<string, number>; links: Link[]; nodes: NodeProcess[]; closeTrace: () => void },
  ) {
    this.#options = options;
    this.clients = parts.clients;
    this.master = parts.master;
    this.#masterHost = parts.masterHost;
    this.#transport = parts.transport;
    this.#ports = parts.ports;
    this.#links = parts.links;
    this.#nodes = parts.nodes;
    this.#closeTrace = parts.closeTrace;
  }

  static async start(options: ProcessClusterOptions): Promise<ProcessCluster> {
    const chain = Array.from({ length: options.nodes }, (_, i) => nodeId(i));
    const clientIds = Array.from({ length: options.clients }, (_, i) => clientId(i));
    const transport = new TcpTransport();
    const ports: Record<string, number> = {};
    const launcherPort = await transport.bind();
    for (const id of [MASTER, ...clientIds]) ports[id] = launcherPort;
    const started = chain.map((id) => spawnNode(id, options, false));
    const nodes = started.map((s) => s.node);
    const listening = await Promise.all(started.map((s) => s.listening));
    chain.forEach((id, i) => (ports[id] = listening[i]));
    for (const [id, port] of Object.entries(ports)) transport.setPeer(id, port);
    await Promise.all(nodes.map((n) => request(n.child, { kind: "peers", ports })));

    const trace = options.trace === true ? fileRecorder(join(options.dir, "launcher.trace.ndjson")) : undefined;
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
    // The model's driver creates the nodes, head first, then the master.
    for (const id of chain) trace?.recorder.create("Node", id, undefined);
    const masterHost = new Host({ id: MASTER, type: "Master", transmit: (m) => masterLink.send(m), trace: trace?.recorder });
    const master = new ConfigurationManager({ chain, clients: clientIds, out: masterHost });
    masterHost.start(master, { chain, clients: clientIds });
    masterLink.onMessage((m) => masterHost.deliver(m));
    const cluster = new ProcessCluster(options, { clients, master, masterHost, transport, ports, links, nodes, closeTrace: trace?.close ?? (() => undefined) });
    for (const n of nodes) cluster.#watch(n);
    master.start();
    return cluster;
  }

  /** The process ids of the nodes, by node id. */
  get pids(): ReadonlyMap<MachineId, number> {
    return new Map(this.#nodes.map((n) => [n.id, n.child.pid ?? -1]));
  }

  /** Kills node `id`'s process (SIGKILL by default) and resolves once the master has reconfigured the chain. */
  async kill(id: MachineId, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const n = this.#node(id);
    n.child.kill(signal);
    await n.exited;
    while (this.master.chain.includes(id)) await new Promise((r) => setTimeout(r, 5));
  }

  /**
   * Resolves once the cluster is quiet: every machine is between handlers and every message has
   * reached its receiver. A node killed then dies between two steps, with nothing on its way.
   */
  async quiet(): Promise<void> {
    for (;;) {
      const live = this.#nodes.filter((n) => n.child.exitCode === null && n.child.signalCode === null);
      const statuses = await Promise.all(
        live.map((n) => {
          const status = nextMessage(n.child, "status");
          n.child.send({ kind: "status" } satisfies ToNode);
          return status;
        }),
      );
      const here = this.#masterHost.idle && this.#links.every((l) => l.unacknowledged === 0);
      if (here && statuses.every((s) => s.quiet)) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /**
   * Starts killed node `id` again over its log, and resolves once the master has added it after the
   * tail (it serves as the tail once it has caught up; requests sent to it wait until then).
   */
  async restart(id: MachineId): Promise<void> {
    const old = this.#node(id);
    if (old.child.exitCode === null && old.child.signalCode === null) throw new Error(`${id} is running: kill it first`);
    while (this.master.chain.includes(id)) await new Promise((r) => setTimeout(r, 5));
    const started = spawnNode(id, this.#options, true);
    const port = await started.listening;
    this.#ports[id] = port;
    this.#transport.setPeer(id, port);
    for (const l of this.#links) l.remember(id);
    const live = this.#nodes.filter((n) => n.id !== id && n.child.exitCode === null && n.child.signalCode === null);
    await Promise.all(live.map((n) => request(n.child, { kind: "restarted", id, port })));
    this.#nodes[this.#nodes.indexOf(old)] = started.node;
    this.#watch(started.node);
    await request(started.node.child, { kind: "peers", ports: this.#ports });
    while (!this.master.chain.includes(id)) await new Promise((r) => setTimeout(r, 5));
  }

  async close(): Promise<void> {
    this.#closing = true;
    for (const n of this.#nodes) if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill("SIGTERM");
    await Promise.all(this.#nodes.map((n) => n.exited));
    for (const l of this.#links) l.close();
    await this.#transport.close();
    this.#closeTrace();
  }

  #node(id: MachineId): NodeProcess {
    const n = this.#nodes.find((x) => x.id === id);
    if (n === undefined) throw new Error(`no node ${id}`);
    return n;
  }

  #watch(n: NodeProcess): void {
    void n.exited.then(() => this.#exited(n.id));
  }

  /**
   * The failure detector: a node's process is gone. Every process stops sending to it and reads
   * what it sent before it died; then the master hears of the crash. So what the node sent
   * reaches each machine before the reconfiguration the crash causes, as in the model, where
   * a machine's inbox keeps the order in which messages were sent.
   */
  async #exited(id: MachineId): Promise<void> {
    if (this.#closing) return;
    for (const l of this.#links) l.forget(id);
    const live = this.#nodes.filter((n) => n.id !== id && n.child.connected);
    await Promise.all([this.#transport.closed(id), ...live.map((n) => request(n.child, { kind: "forget", id }).catch(() => undefined))]);
    if (this.#closing) return;
    await this.#masterHost.deliver({ from: DETECTOR, to: MASTER, event: "eCrashed", payload: id });
  }
}

/** Starts node `id`'s process (`restart`: over the log of a killed one); `listening` resolves with its port. */
function spawnNode(id: MachineId, options: ProcessClusterOptions, restart: boolean): { node: NodeProcess; listening: Promise<number> } {
  const args = ["node", "--id", id, "--log", join(options.dir, `${id}.log`)];
  if (options.sync === false) args.push("--no-sync");
  if (options.trace === true) args.push("--trace", join(options.dir, `${id}.trace.ndjson`));
  if (options.bug !== undefined) args.push("--bug", options.bug);
  if (restart) args.push("--restart");
  const child = fork(CLI, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { node: { id, child, exited }, listening: nextMessage(child, "listening").then((m) => m.port) };
}

export interface NodeProcessOptions {
  readonly id: string;
  readonly log: string;
  readonly sync: boolean;
  readonly trace: string | undefined;
  readonly bug: Bug | undefined;
  /** The process of a killed node, started again: it takes eCrash and eRestart, and rejoins the chain. */
  readonly restart?: boolean;
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
  const trace = options.trace === undefined ? undefined : fileRecorder(options.trace);
  const link = new Link({ id, transport });
  // Snapshots without the log, whose length grows with the run (the announcements have it).
  const host = new Host({ id, type: "Node", transmit: (m) => link.send(m), trace: trace?.recorder, snapshotVars: ["acked", "pred", "succ", "isTail", "succEpoch"] });
  const node = new JournalNode({ id, storage: log, out: host, bug: options.bug });
  // The launcher records the node's creation.
  host.attach(node);
  link.onMessage((m) => host.deliver(m));
  process.on("message", (m: ToNode) => {
    void (async () => {
      if (m.kind === "peers") {
        for (const [peer, port] of Object.entries(m.ports)) transport.setPeer(peer, port);
        if (options.restart === true) {
          await host.deliver({ from: DETECTOR, to: id, event: "eCrash", payload: undefined });
          await host.deliver({ from: DETECTOR, to: id, event: "eRestart", payload: MASTER });
        }
        send({ kind: "ready" });
      } else if (m.kind === "status") {
        send({ kind: "status", quiet: host.idle && link.unacknowledged === 0 });
      } else if (m.kind === "restarted") {
        transport.setPeer(m.id, m.port);
        link.remember(m.id);
        send({ kind: "ready" });
      } else {
        link.forget(m.id);
        await transport.closed(m.id);
        send({ kind: "ready" });
      }
    })();
  });
  return async () => {
    link.close();
    await transport.close();
    await log.close();
    trace?.close();
  };
}
