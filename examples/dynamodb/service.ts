// The transactional key-value service, put together: storage nodes (one per partition),
// transaction coordinators sharing a ledger on disk, a request router, the in-process network
// between them, and an HTTP server that speaks DynamoDB's JSON protocol on the loopback interface.
//
//   const service = await Service.start({ dir, partitions: 3, coordinators: 2 });
//   const client = new DynamoDBClient({ endpoint: service.endpoint, region: "local", credentials });
//   ...
//   await service.close();
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Bug } from "./bugs.ts";
import { Coordinator, WallClock, type Clock } from "./coordinator.ts";
import { InternalServerError, SerializationError, ServiceError, UnknownOperationError } from "./errors.ts";
import { Ledger } from "./ledger.ts";
import { Network, type FaultPlan } from "./network.ts";
import { Router, type Placement } from "./router.ts";
import { StorageNode, type NodeTrace } from "./storage-node.ts";

export interface ServiceOptions {
  /** Where the ledger lives. */
  readonly dir: string;
  readonly partitions?: number;
  readonly coordinators?: number;
  readonly faults?: FaultPlan;
  /** Clock skew of each coordinator in milliseconds, by index (default none). */
  readonly skewMs?: readonly number[];
  /** The clock of each coordinator, by index (default the host's clock, with `skewMs`). */
  readonly clocks?: readonly Clock[];
  /** The partition of each item (default: a hash of its table and hash key). */
  readonly placement?: Placement;
  /** Where the storage nodes record their steps (for `pith conform`). */
  readonly trace?: NodeTrace;
  readonly leaseMs?: number;
  /** fsync the ledger before a change counts (default true). */
  readonly sync?: boolean;
  readonly bug?: Bug;
  /** The port to listen on (default 0: one the system picks). */
  readonly port?: number;
}

const PREFIX = "DynamoDB_20120810.";

export class Service {
  readonly router: Router;
  readonly nodes: readonly StorageNode[];
  readonly coordinators: readonly Coordinator[];
  readonly ledger: Ledger;
  readonly network: Network;
  readonly #server: Server;
  #requests = 0;

  private constructor(options: ServiceOptions, server: Server) {
    this.#server = server;
    this.network = new Network(options.faults);
    this.ledger = new Ledger({ file: join(options.dir, "ledger.ndjson"), sync: options.sync, bug: options.bug });
    this.nodes = Array.from({ length: options.partitions ?? 3 }, (_, i) => new StorageNode(`node-${i}`, options.bug, options.trace));
    const byId = new Map(this.nodes.map((n) => [n.id, n]));
    this.coordinators = Array.from(
      { length: options.coordinators ?? 2 },
      (_, i) =>
        new Coordinator({
          id: `tc-${i}`,
          ledger: this.ledger,
          nodes: byId,
          network: this.network,
          clock: options.clocks?.[i] ?? new WallClock(options.skewMs?.[i] ?? 0),
          leaseMs: options.leaseMs,
          bug: options.bug,
        }),
    );
    this.router = new Router({ nodes: this.nodes, coordinators: this.coordinators, network: this.network, bug: options.bug, placement: options.placement });
  }

  static async start(options: ServiceOptions): Promise<Service> {
    const server = createServer();
    const service = new Service(options, server);
    server.on("request", (req, res) => void service.#handle(req, res));
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
    return service;
  }

  get endpoint(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Requests served so far. */
  get requests(): number {
    return this.#requests;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#requests++;
    const id = `req-${this.#requests}`;
    try {
      const body = await readBody(req);
      const result = await this.#dispatch(req, body);
      send(res, 200, result, id);
    } catch (error) {
      const failure = error instanceof ServiceError ? error : new InternalServerError(error instanceof Error ? error.message : String(error));
      send(res, failure.status, failure.body(), id);
    }
  }

  async #dispatch(req: IncomingMessage, body: string): Promise<Record<string, unknown>> {
    const target = String(req.headers["x-amz-target"] ?? "");
    if (req.method !== "POST" || !target.startsWith(PREFIX)) throw new UnknownOperationError(target || `${req.method} ${req.url}`);
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body === "" ? "{}" : body) as Record<string, unknown>;
    } catch {
      throw new SerializationError("Start of structure or map found where not expected");
    }
    if (typeof input !== "object" || input === null || Array.isArray(input)) throw new SerializationError("The request body must be a JSON object");
    const r = this.router;
    switch (target.slice(PREFIX.length)) {
      case "CreateTable":
        return r.createTable(input);
      case "DescribeTable":
        return r.describeTable(input);
      case "ListTables":
        return r.listTables();
      case "DeleteTable":
        return r.deleteTable(input);
      case "GetItem":
        return r.getItem(input);
      case "PutItem":
        return r.putItem(input);
      case "DeleteItem":
        return r.deleteItem(input);
      case "UpdateItem":
        return r.updateItem(input);
      case "TransactWriteItems":
        return r.transactWriteItems(input);
      case "TransactGetItems":
        return r.transactGetItems(input);
      default:
        throw new UnknownOperationError(target);
    }
  }

  /** Restarts every coordinator that crashed, and disarms the crash points of the others. */
  restartCoordinators(): void {
    for (const c of this.coordinators) c.restart();
  }

  async close(): Promise<void> {
    for (const c of this.coordinators) c.stop();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
    await this.ledger.close();
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/x-amz-json-1.0",
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": requestId,
  });
  res.end(text);
}
