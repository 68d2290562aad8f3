// The TCP transport: frames as lines of JSON over connections on the loopback interface (or any
// host). A process binds one listening port for all its endpoints and knows the port of every
// other endpoint (the launcher tells it). Each frame goes over the connection to the process of its
// target, made when first needed; a connection that fails is dropped with what was written to it,
// and made again for the next frame: the link layer sends again what was not acknowledged.
import { createServer, connect, type Server, type Socket } from "node:net";
import type { Frame, Transport } from "./transport.ts";

export class TcpTransport implements Transport {
  readonly host: string;
  readonly #ports = new Map<string, number>();
  readonly #local = new Map<string, (frame: Frame) => void | Promise<void>>();
  readonly #connections = new Map<number, Socket>();
  /** The connections accepted, each with the endpoints whose frames came over it. */
  readonly #accepted = new Map<Socket, Set<string>>();
  #server: Server | undefined;
  #port = 0;
  #closed = false;

  constructor(options: { readonly host?: string } = {}) {
    this.host = options.host ?? "127.0.0.1";
  }

  /** Starts listening (on a free port unless one is given); resolves with the port. */
  bind(port = 0): Promise<number> {
    return new Promise((resolve, reject) => {
      const server = createServer((socket) => this.#accept(socket));
      server.once("error", reject);
      server.listen(port, this.host, () => {
        this.#server = server;
        const address = server.address();
        this.#port = typeof address === "object" && address !== null ? address.port : port;
        resolve(this.#port);
      });
    });
  }

  get port(): number {
    return this.#port;
  }

  /** Where endpoint `id` listens. */
  setPeer(id: string, port: number): void {
    this.#ports.set(id, port);
  }

  listen(id: string, receive: (frame: Frame) => void | Promise<void>): void {
    this.#local.set(id, receive);
  }

  unlisten(id: string): void {
    this.#local.delete(id);
  }

  send(frame: Frame): void {
    if (this.#closed) return;
    const local = this.#local.get(frame.to);
    if (local !== undefined) {
      // An endpoint of this process: no socket, but still asynchronous, as a network is.
      setImmediate(() => void local(frame));
      return;
    }
    const port = this.#ports.get(frame.to);
    if (port === undefined) return;
    let socket = this.#connections.get(port);
    if (socket === undefined || socket.destroyed) {
      socket = connect({ port, host: this.host });
      socket.setNoDelay(true);
      socket.on("error", () => socket!.destroy());
      socket.on("close", () => {
        if (this.#connections.get(port) === socket) this.#connections.delete(port);
      });
      this.#connections.set(port, socket);
    }
    socket.write(JSON.stringify(frame) + "\n");
  }

  /**
   * Resolves once every connection over which endpoint `peer` sent frames is closed, so that all
   * it sent has been read: the connections of a killed process close after what it wrote.
   */
  async closed(peer: string): Promise<void> {
    const open = [...this.#accepted].filter(([, from]) => from.has(peer)).map(([socket]) => socket);
    await Promise.all(open.map((socket) => new Promise((resolve) => (socket.destroyed ? resolve(undefined) : socket.once("close", resolve)))));
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const s of [...this.#connections.values(), ...this.#accepted.keys()]) s.destroy();
    this.#connections.clear();
    this.#accepted.clear();
    const server = this.#server;
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #accept(socket: Socket): void {
    socket.setNoDelay(true);
    this.#accepted.set(socket, new Set());
    socket.on("error", () => socket.destroy());
    socket.on("close", () => this.#accepted.delete(socket));
    this.#read(socket);
  }

  #read(socket: Socket): void {
    let buffered = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf("\n");
        let frame: Frame;
        try {
          frame = JSON.parse(line) as Frame;
        } catch {
          socket.destroy();
          return;
        }
        this.#accepted.get(socket)?.add(frame.from);
        void this.#local.get(frame.to)?.(frame);
      }
    });
  }
}
