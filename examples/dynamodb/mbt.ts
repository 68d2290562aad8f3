// Model-based tests of the service's storage nodes (storage-node.ts) against specs/dynamodb-transactions.
// The storage nodes are the machines the service implements message by message, so they are what
// runs here; the rest of the system around them (request router, ledger, coordinators) is the
// model's own machines, run by the model's step functions (ModelEnvironment below), so that the
// nodes get exactly the traffic the model's tests make: prepares, commits and cancels of the
// test's transactions, the two rounds of a TransactGetItems, plain puts, deletes and gets.
//
// fast-check sends the clients' requests (a request sent again is a retry with the same token),
// crashes coordinator 0 (its peer's sweeper then recovers its transactions) or has coordinator 1
// wrongly suspect it, and delivers the messages in any order that keeps each pair's messages in
// order. Each message the model sends to a storage node is turned into the service's message, with
// the conventions of conformance.ts (item n is key n of table Items, its value the number
// attribute v; a tWrite becomes a TransactItems entry, and the prepare carries the condition and
// the update the service's own expression parser makes of it), delivered to a real StorageNode,
// and its reply must be the model's, and the node's items the model's tItem view of them.
//
//   pith conform specs/dynamodb-transactions/PSrc specs/dynamodb-transactions/PSpec specs/dynamodb-transactions/PTst \
//     --mbt examples/dynamodb/mbt.ts --test "LargeEverything(nTx=1,nPartitions=2,failure=1,retry=true,reader=true,plain=true)"
//
// `dynamodbTests(config)` makes the tests of one configuration; the test named with --test only
// chooses the monitors (every test of the model asserts the same ones), so name the one whose
// parameters are the configuration's.
import { join } from "node:path";
import fc from "fast-check";
import { defineMbt, loadSpec, type ConformSpec, type MachineSetup, type SystemUnderTest, type WireMessage } from "../../src/conform/mbt.ts";
import { jsonToValue, valueToJson } from "../../src/conform/json-values.ts";
import { snapshotJson } from "../../src/conform/observe.ts";
import { newMachine, type StepRecord } from "../../src/explore/p/exec.ts";
import { PModel } from "../../src/explore/p/model.ts";
import { Failure } from "../../src/explore/p/signals.ts";
import { HALTED, type World } from "../../src/explore/p/world.ts";
import { ref, type Ref, type Value } from "../../src/explore/runtime/values.ts";
import type { Bug } from "./bugs.ts";
import { ABSTRACTION } from "./conformance.ts";
import { TransactionConflictError } from "./errors.ts";
import { Placeholders, parseCondition, parseUpdate } from "./expressions.ts";
import { TraceRecorder, type MachineId, type Payloads, type tCondition, type tItem, type tWrite } from "./generated.ts";
import { StorageNode, type NodeReplies, type NodeTrace, type PrepareRequest, type StoredItem } from "./storage-node.ts";
import { ServiceTrace } from "./trace.ts";
import { canonical, type AttributeValue, type Item } from "./values.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const MODEL = ["specs/dynamodb-transactions/PSrc", "specs/dynamodb-transactions/PSpec", "specs/dynamodb-transactions/PTst"];
const TABLE = "Items";
const ITEMS = [0, 1];

export interface DynamoDbConfig {
  /** Storage nodes (the model's nPartitions): item i is on node i % partitions. */
  readonly partitions: 1 | 2;
  /** 1: T1 (token 1, ADD 1 to both items); 2: also T2 (token 2, PUT 5 in item 0 if item 1 does not exist). */
  readonly transactions: 1 | 2;
  /** 0: none; 1: coordinator 0 may crash once; 2: coordinator 1 may wrongly suspect coordinator 0. */
  readonly failure: 0 | 1 | 2;
  /** A client that sends TransactGetItems of both items. */
  readonly reader: boolean;
  /** A client that sends PutItem, DeleteItem and GetItem. */
  readonly plain: boolean;
  readonly bug?: Bug;
}

const nodeId = (p: number) => `node-${p}`;
const COORDINATORS = ["coordinator-0", "coordinator-1"];
const [LEDGER, ROUTER, SUSPICION, READER, PLAIN] = ["ledger", "router", "suspicion", "reader", "plain"];
const writer = (token: number) => `writer-${token}`;

// ---- The test's transactions, in the model's terms and as TransactItems entries ----

const write = (item: number, action: tWrite["action"], value: number, condition: tCondition = "NO_CONDITION"): tWrite => ({
  item,
  action,
  value,
  condition,
  expected: 0,
});

/** The writes of T1 and T2, as the model's test driver has them. */
const TRANSACTIONS: readonly (readonly tWrite[])[] = [
  [write(0, "ADD", 1), write(1, "ADD", 1)],
  [write(0, "PUT", 5), write(1, "CHECK", 0, "ITEM_NOT_EXISTS")],
];

const keyOf = (item: number): Item => ({ id: { N: String(item) } });
/** The service's key of an item, as the router makes it. */
const itemKey = (item: number) => `${TABLE}/${canonical(keyOf(item))}`;

const CONDITIONS: Record<Exclude<tCondition, "NO_CONDITION">, string> = {
  ITEM_EXISTS: "attribute_exists(id)",
  ITEM_NOT_EXISTS: "attribute_not_exists(id)",
  VALUE_IS: "v = :expected",
};

/** An action of the model as the TransactItems entry conformance.ts's ABSTRACTION reads back. */
function transactItem(w: tWrite): Record<string, Record<string, unknown>> {
  const expected: Record<string, AttributeValue> = w.condition === "VALUE_IS" ? { ":expected": { N: String(w.expected) } } : {};
  const condition = w.condition === "NO_CONDITION" ? {} : { ConditionExpression: CONDITIONS[w.condition] };
  const values = (extra: Record<string, AttributeValue>) => {
    const all = { ...expected, ...extra };
    return Object.keys(all).length === 0 ? {} : { ExpressionAttributeValues: all };
  };
  const target = { TableName: TABLE, Key: keyOf(w.item), ...condition, ...values({}) };
  switch (w.action) {
    case "PUT":
      return { Put: { TableName: TABLE, Item: { ...keyOf(w.item), v: { N: String(w.value) } }, ...condition, ...values({}) } };
    case "ADD":
      return { Update: { ...target, UpdateExpression: "ADD v :d", ...values({ ":d": { N: String(w.value) } }) } };
    case "DELETE":
      return { Delete: target };
    case "CHECK":
      return { ConditionCheck: target };
  }
}

/** The prepare a coordinator of the service sends for `w`: the condition and update parsed as the router parses them. */
export function prepareRequest(p: Payloads["ePrepare"]): PrepareRequest & { readonly source: unknown } {
  const source = transactItem(p.write);
  const [kind] = Object.keys(source);
  const body = source[kind];
  const placeholders = new Placeholders(body.ExpressionAttributeNames, body.ExpressionAttributeValues);
  const condition = typeof body.ConditionExpression === "string" ? parseCondition(body.ConditionExpression, placeholders) : undefined;
  const update = typeof body.UpdateExpression === "string" ? parseUpdate(body.UpdateExpression, placeholders) : undefined;
  const compute = (item: Item | undefined): Item | undefined =>
    kind === "Put" ? structuredClone(body.Item as Item) : update !== undefined ? update(item ?? keyOf(p.write.item)) : undefined;
  const kinds = { Put: "put", Update: "update", Delete: "delete", ConditionCheck: "check" } as const;
  return { from: p.coordinator, tx: String(p.txId), ts: p.ts, key: itemKey(p.write.item), kind: kinds[kind as keyof typeof kinds], condition, compute, source };
}

// ---- The machines of a configuration ----

function machines(config: DynamoDbConfig): MachineSetup[] {
  const nodes = Array.from({ length: config.partitions }, (_, p) => nodeId(p));
  const [c0, c1] = COORDINATORS;
  const coordinator = (clock: number, peer: string) => ({ ledger: LEDGER, nodes, clock, crashes: false, peer });
  const clients: MachineSetup[] = TRANSACTIONS.slice(0, config.transactions).map((writes, i) => ({
    id: writer(i + 1),
    type: "WriterClient",
    payload: { router: ROUTER, token: i + 1, writes, retry: true },
    external: true,
  }));
  if (config.reader) clients.push({ id: READER, type: "ReaderClient", payload: { router: ROUTER, items: ITEMS }, external: true });
  if (config.plain) clients.push({ id: PLAIN, type: "PlainClient", payload: { router: ROUTER, item: 0, value: 7, delete: false }, external: true });
  if (config.failure === 2) clients.push({ id: SUSPICION, type: "FalseSuspicion", payload: c1, external: true });
  return [
    ...nodes.map((id, p) => ({ id, type: "StorageNode", payload: ITEMS.filter((i) => i % config.partitions === p) })),
    { id: LEDGER, type: "Ledger" },
    // The crash is the harness's (faults below), so the model's coordinators do not crash on their own.
    { id: c0, type: "Coordinator", payload: coordinator(10, c1) },
    { id: c1, type: "Coordinator", payload: coordinator(20, LEDGER) },
    { id: ROUTER, type: "RequestRouter", payload: { coordinators: COORDINATORS, nodes } },
    ...clients,
  ];
}

type Request =
  | { readonly op: "write"; readonly token: number }
  | { readonly op: "read" }
  | { readonly op: "put"; readonly item: number }
  | { readonly op: "delete"; readonly item: number }
  | { readonly op: "get"; readonly item: number }
  | { readonly op: "suspect" };

function requests(config: DynamoDbConfig): fc.Arbitrary<Request> {
  const item = fc.constantFrom(...ITEMS);
  const parts: fc.Arbitrary<Request>[] = [fc.integer({ min: 1, max: config.transactions }).map((token) => ({ op: "write" as const, token }))];
  if (config.reader) parts.push(fc.constant({ op: "read" as const }));
  if (config.plain) parts.push(fc.record({ op: fc.constantFrom("put" as const, "delete" as const, "get" as const), item }));
  if (config.failure === 2) parts.push(fc.constant({ op: "suspect" as const }));
  return fc.oneof(...parts);
}

/** A client's request to the router (a put writes 100 + n, so every value written is new). */
function toMessage(request: Request, n: number): WireMessage {
  switch (request.op) {
    case "write":
      return { from: writer(request.token), to: ROUTER, event: "eTransactWriteItems", payload: { client: writer(request.token), token: request.token, writes: TRANSACTIONS[request.token - 1] } };
    case "read":
      return { from: READER, to: ROUTER, event: "eTransactGetItems", payload: { client: READER, request: n, items: ITEMS } };
    case "put":
      return { from: PLAIN, to: ROUTER, event: "ePutItem", payload: { client: PLAIN, item: request.item, value: 100 + n } };
    case "delete":
      return { from: PLAIN, to: ROUTER, event: "eDeleteItem", payload: { client: PLAIN, item: request.item } };
    case "get":
      return { from: PLAIN, to: ROUTER, event: "eGetItem", payload: { client: PLAIN, item: request.item } };
    case "suspect":
      return { from: SUSPICION, to: COORDINATORS[1], event: "eRecoverStalled" };
  }
}

// ---- The rest of the system: the model's own machines ----

/**
 * The machines around the storage nodes (router, ledger, coordinators), run by the model's step
 * functions. A message delivered to one goes into its inbox, and it runs until it has nothing left
 * to do; what it sends comes out as wire messages, for the harness's pool. The storage nodes and the
 * clients are halted here: messages to them are not kept (the harness delivers them).
 */
class ModelEnvironment {
  readonly #spec: ConformSpec;
  readonly #model: PModel;
  readonly #ids: readonly string[];
  #world: World;

  constructor(spec: ConformSpec, setup: readonly MachineSetup[], runs: (m: MachineSetup) => boolean) {
    this.#spec = spec;
    this.#model = new PModel(spec.program, spec.test);
    this.#ids = setup.map((m) => m.id);
    const created = this.#model.createdWorld();
    if (created instanceof Failure) throw new Error(created.message);
    const machines = setup.map((m) => {
      const type = spec.ir.machines.findIndex((x) => x.name === m.type);
      const start = spec.program.startPayloadType(type);
      const payload = start === undefined ? null : jsonToValue(m.payload, start, spec.names, this.#refOf);
      if (payload === undefined) throw new Error(`machine ${m.id}: its start payload does not fit ${m.type}`);
      const machine = newMachine(spec.program, type, payload);
      return runs(m) ? machine : { ...machine, status: HALTED, run: null };
    });
    this.#world = { machines, monitors: created.monitors };
    setup.forEach((m, i) => {
      if (runs(m) && this.#run(i).length > 0) throw new Error(`${m.id} sends as it starts, which these tests do not expect`);
    });
  }

  #refOf = (id: string): Ref | null => {
    const i = this.#ids.indexOf(id);
    return i < 0 ? null : ref(i);
  };

  #idOf = (r: Ref): string | undefined => this.#ids[r.id];

  deliver(message: WireMessage): WireMessage[] {
    const i = this.#ids.indexOf(message.to);
    const event = this.#spec.names.eventId(message.event)!;
    const type = this.#spec.ir.events[event].payload;
    const payload = type === undefined ? null : jsonToValue(message.payload ?? null, type, this.#spec.names, this.#refOf)!;
    const m = this.#world.machines[i];
    this.#set(i, { ...m, inbox: [...m.inbox, { event, payload }] });
    return this.#run(i);
  }

  crash(id: string): void {
    const i = this.#ids.indexOf(id);
    this.#set(i, { ...this.#world.machines[i], status: HALTED, vars: [], inbox: [], run: null });
  }

  snapshot(id: string): unknown {
    return snapshotJson(this.#world.machines[this.#ids.indexOf(id)], this.#spec.names, this.#idOf);
  }

  #set(i: number, m: World["machines"][number]): void {
    const machines = this.#world.machines.slice();
    machines[i] = m;
    this.#world = { ...this.#world, machines };
  }

  /** Runs machine `i` until it has nothing to do (its machines make no choices: crashes are the harness's). */
  #run(i: number): WireMessage[] {
    const sent: WireMessage[] = [];
    for (;;) {
      const steps: { world: World | undefined; failure: Failure | undefined; record: StepRecord }[] = [];
      this.#model.forEachStep(
        this.#world,
        (machine, world, failure, record) => {
          if (machine === i) steps.push({ world, failure, record: record! });
        },
        true,
      );
      if (steps.length === 0) return sent;
      const [step] = steps;
      if (steps.length > 1 || step.failure !== undefined) throw new Error(`${this.#ids[i]}: ${step.failure?.message ?? "the model makes a choice"}`);
      this.#world = step.world!;
      for (const s of step.record.sends) {
        sent.push({ from: this.#ids[i], to: this.#ids[s.target], event: this.#spec.ir.events[s.event].name, payload: this.#json(s.event, s.payload) });
        // The message waits in the harness's pool, not in the receiver's inbox.
        const target = this.#world.machines[s.target];
        if (target.status !== HALTED) this.#set(s.target, { ...target, inbox: target.inbox.slice(0, -1) });
      }
    }
  }

  #json(event: number, payload: Value): unknown {
    const type = this.#spec.ir.events[event].payload;
    return type === undefined ? undefined : valueToJson(payload, type, this.#spec.names, this.#idOf);
  }
}

// ---- The storage nodes: the service's ----

/** The tWrite and tItemValue a storage node holds when nothing is prepared (the model's defaults). */
const NO_WRITE = write(0, "PUT", 0);
const NO_ITEM = { item: 0, value: 0, exists: false };

/**
 * A stored item as the model's tItem. Every field of tItem maps: the value through the
 * abstraction, the timestamp and LSN as they are, and the prepared transaction's id, timestamp,
 * write (read back from the request the node keeps) and the item as it would leave it (computed
 * at prepare). What the node keeps beyond the model is left out, having no place in it: the
 * cancels it remembers, and its records of what it prepared and applied
 * (for audits). The nodes' announcements are not compared either: the harness compares messages.
 */
function modelItem(item: number, stored: StoredItem): tItem {
  const p = stored.prepared;
  return {
    ...ABSTRACTION.value(stored.value),
    ts: stored.ts,
    lsn: stored.lsn,
    preparedTx: p === undefined ? 0 : Number(p.tx),
    preparedTs: p?.ts ?? 0,
    preparedWrite: p === undefined ? NO_WRITE : ABSTRACTION.write((p.request as PrepareRequest & { readonly source: unknown }).source),
    after: p === undefined ? NO_ITEM : { item, ...ABSTRACTION.value(p.write.after) },
  };
}

/**
 * What a storage node replies, in the model's terms: the replies trace.ts writes for `pith conform`
 * (the same abstraction), and the two rounds of TransactGetItems, whose request number is the
 * model's (the service's reads are calls, not numbered messages).
 */
class Replies implements NodeTrace {
  readonly sent: WireMessage[] = [];
  /** The model's number of the read being delivered. */
  request = 0;
  readonly #trace = new ServiceTrace(
    new TraceRecorder((line) => {
      const { machine, to, event, payload } = JSON.parse(line) as { machine: string; to: string; event: string; payload: unknown };
      this.sent.push({ from: machine, to, event, payload });
    }),
    ABSTRACTION,
  );

  announce(): void {}

  handle(): void {}

  send<E extends keyof NodeReplies>(node: string, to: string, event: E, reply: NodeReplies[E]): void {
    const item = (key: string) => ABSTRACTION.item(key);
    if (event === "eReadItemResponse") {
      const { key, item: stored } = reply as NodeReplies["eReadItemResponse"];
      const { value, exists } = ABSTRACTION.value(stored.value);
      const payload = { request: this.request, item: item(key), value, exists, ts: stored.ts, lsn: stored.lsn, prepared: stored.prepared !== undefined };
      this.sent.push({ from: node, to, event, payload });
    } else if (event === "eValidateItemResponse") {
      const { key, ok } = reply as NodeReplies["eValidateItemResponse"];
      this.sent.push({ from: node, to, event, payload: { request: this.request, item: item(key), ok } });
    } else {
      this.#trace.send(node, to, event, reply);
    }
  }
}

/** The storage nodes of the service and the model's machines around them. */
class DynamoDbUnderTest implements SystemUnderTest {
  readonly #nodes = new Map<string, { node: StorageNode; items: number[] }>();
  readonly #replies = new Replies();
  readonly #environment: ModelEnvironment;
  #sent: WireMessage[] = [];

  constructor(spec: ConformSpec, setup: readonly MachineSetup[], bug: Bug | undefined) {
    for (const m of setup) {
      if (m.type === "StorageNode") this.#nodes.set(m.id, { node: new StorageNode(m.id, bug, this.#replies), items: m.payload as number[] });
    }
    this.#environment = new ModelEnvironment(spec, setup, (m) => m.external !== true && !this.#nodes.has(m.id));
  }

  deliver(message: WireMessage): void {
    const target = this.#nodes.get(message.to)?.node;
    if (target === undefined) this.#sent.push(...this.#environment.deliver(message));
    else this.#deliverToNode(target, message.event, message.payload);
  }

  /** Hands the model's message to a storage node as the service's. */
  #deliverToNode(node: StorageNode, event: string, payload: unknown): void {
    switch (event) {
      case "ePrepare":
        node.onPrepare(prepareRequest(payload as Payloads["ePrepare"]));
        break;
      case "eCommit":
      case "eCancel": {
        const { coordinator, txId, item } = payload as Payloads["eCommit"];
        const decision = { from: coordinator, tx: String(txId), key: itemKey(item) };
        if (event === "eCommit") node.onCommit(decision);
        else node.onCancel(decision);
        break;
      }
      case "eReadItem": {
        const { coordinator, request, item } = payload as Payloads["eReadItem"];
        this.#replies.request = request;
        node.onReadItem({ from: coordinator, key: itemKey(item) });
        break;
      }
      case "eValidateItem": {
        const { coordinator, request, item, lsn } = payload as Payloads["eValidateItem"];
        this.#replies.request = request;
        node.onValidateItem({ from: coordinator, key: itemKey(item), lsn });
        break;
      }
      case "eGetItem": {
        const { client, item } = payload as Payloads["eGetItem"];
        node.onGetItem({ from: client, key: itemKey(item) });
        break;
      }
      case "ePutItem":
      case "eDeleteItem":
        this.#plainWrite(node, event, payload as Payloads["ePutItem"] | Payloads["eDeleteItem"]);
        break;
      default:
        throw new Error(`a storage node does not take ${event}`);
    }
    this.#sent.push(...this.#replies.sent.splice(0));
  }

  /** A PutItem or DeleteItem; a refusal (TransactionConflict) is the reply `ok: false`, which the node has sent. */
  #plainWrite(node: StorageNode, event: "ePutItem" | "eDeleteItem", p: { readonly client: MachineId; readonly item: number; readonly value?: number }): void {
    const request = { from: p.client, key: itemKey(p.item), condition: undefined };
    try {
      if (event === "ePutItem") node.onPutItem({ ...request, compute: () => ({ ...keyOf(p.item), v: { N: String(p.value) } }) });
      else node.onDeleteItem({ ...request, compute: () => undefined });
    } catch (error) {
      if (!(error instanceof TransactionConflictError)) throw error;
    }
  }

  sent(): readonly WireMessage[] {
    return this.#sent.splice(0);
  }

  snapshot(id: string): unknown {
    const held = this.#nodes.get(id);
    if (held === undefined) return this.#environment.snapshot(id);
    return { state: "Serving", vars: { items: held.items.map((item) => [item, modelItem(item, held.node.item(itemKey(item)))]) } };
  }

  crash(id: string): void {
    this.#environment.crash(id);
  }
}

let model: ConformSpec | undefined;

/** The model the environment's machines run (their steps do not depend on the test's parameters). */
function environmentModel(): ConformSpec {
  model ??= loadSpec(MODEL, { cwd: ROOT });
  return model;
}

const describeConfig = (c: DynamoDbConfig) =>
  [`${c.transactions} tx`, `${c.partitions} node${c.partitions === 1 ? "" : "s"}`, ["", "coordinator crash", "false suspicion"][c.failure], c.reader ? "reader" : "", c.plain ? "plain ops" : "", c.bug === undefined ? "" : `bug ${c.bug}`]
    .filter((s) => s !== "")
    .join(", ");

export function dynamodbTests(config: DynamoDbConfig) {
  const setup = machines(config);
  const [c0, c1] = COORDINATORS;
  return defineMbt<Request>({
    name: `storage nodes (${describeConfig(config)})`,
    machines: setup,
    inputs: requests(config),
    toMessage,
    faults:
      config.failure === 1
        ? {
            crash: [c0],
            maxCrashes: 1,
            // As in the model: the crash is announced, and the peer's sweeper asks it to recover.
            onCrash: (id) => ({ announce: [{ event: "eCoordinatorCrashed", payload: id }], send: [{ from: id, to: c1, event: "eRecoverStalled" }] }),
          }
        : {},
    maxCommands: 40,
    // A transaction takes a dozen deliveries from request to commit: command lists need room.
    size: "medium",
    system: () => new DynamoDbUnderTest(environmentModel(), setup, config.bug),
  });
}

export default dynamodbTests({ partitions: 2, transactions: 1, failure: 1, reader: true, plain: true });
