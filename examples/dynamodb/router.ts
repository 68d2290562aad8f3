// The request router: the front door of the service. It knows the tables and their key schemas,
// sends plain reads and writes straight to the storage node that holds the item, hands write
// transactions to a coordinator (round-robin over the live ones), and runs read transactions itself
// (they need no ledger): two rounds of reads, and the values are returned only if no item was
// prepared and no item's log sequence number moved between the rounds.
import type { Bug } from "./bugs.ts";
import { Coordinator, Crashed, outcomeError, type ItemAction } from "./coordinator.ts";
import {
  cancellationReason,
  ConditionalCheckFailedError,
  InternalServerError,
  ResourceInUseError,
  ResourceNotFoundError,
  TransactionCanceledError,
  ValidationError,
} from "./errors.ts";
import { parseCondition, parseProjection, parseUpdate, Placeholders } from "./expressions.ts";
import { Timeout, type Network } from "./network.ts";
import type { StorageNode } from "./storage-node.ts";
import { canonical, copyItem, typeOf, validateItem, type AttributeValue, type Item } from "./values.ts";

interface KeyAttribute {
  readonly name: string;
  readonly type: "S" | "N" | "B";
}

export interface Table {
  readonly name: string;
  readonly hash: KeyAttribute;
  readonly range: KeyAttribute | undefined;
  readonly created: number;
}

type Json = Record<string, unknown>;

/** Where one item lives: its table, its key attributes, its storage node and its key there. */
interface Located {
  readonly table: Table;
  readonly key: Item;
  readonly node: StorageNode;
  readonly itemKey: string;
}

export interface RouterOptions {
  readonly nodes: readonly StorageNode[];
  readonly coordinators: readonly Coordinator[];
  readonly network: Network;
  readonly bug?: Bug;
  /** The partition of an item, from its table and hash key (default: a hash of both). */
  readonly placement?: Placement;
}

export type Placement = (table: string, hashKey: AttributeValue) => number;

const READ_TRANSACTION_ATTEMPTS = 5;

export class Router {
  readonly id = "router";
  readonly #tables = new Map<string, Table>();
  readonly #nodes: readonly StorageNode[];
  readonly #coordinators: readonly Coordinator[];
  readonly #network: Network;
  readonly #bug: Bug | undefined;
  readonly #placement: Placement;
  #next = 0;

  constructor(options: RouterOptions) {
    this.#placement = options.placement ?? ((table, hashKey) => hash(`${table}/${canonical(hashKey)}`));
    this.#nodes = options.nodes;
    this.#coordinators = options.coordinators;
    this.#network = options.network;
    this.#bug = options.bug;
  }

  // ---- Tables ----

  createTable(input: Json): Json {
    const name = tableName(input);
    if (this.#tables.has(name)) throw new ResourceInUseError(name);
    const definitions = new Map<string, string>();
    for (const d of asList(input.AttributeDefinitions, "AttributeDefinitions") as Json[]) {
      definitions.set(String(d.AttributeName), String(d.AttributeType));
    }
    const schema = asList(input.KeySchema, "KeySchema") as Json[];
    const attribute = (role: string): KeyAttribute | undefined => {
      const entry = schema.find((k) => k.KeyType === role);
      if (entry === undefined) return undefined;
      const type = definitions.get(String(entry.AttributeName));
      if (type !== "S" && type !== "N" && type !== "B") {
        throw new ValidationError(`One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [${String(entry.AttributeName)}]`);
      }
      return { name: String(entry.AttributeName), type };
    };
    const hash = attribute("HASH");
    if (hash === undefined || schema.length > 2 || (schema.length === 2 && attribute("RANGE") === undefined)) {
      throw new ValidationError("1 validation error detected: Value at 'keySchema' failed to satisfy constraint: a HASH key and at most one RANGE key");
    }
    const table: Table = { name, hash, range: attribute("RANGE"), created: Date.now() / 1000 };
    this.#tables.set(name, table);
    return { TableDescription: describe(table) };
  }

  describeTable(input: Json): Json {
    return { Table: describe(this.#table(tableName(input))) };
  }

  listTables(): Json {
    return { TableNames: [...this.#tables.keys()].sort() };
  }

  deleteTable(input: Json): Json {
    const table = this.#table(tableName(input));
    this.#tables.delete(table.name);
    return { TableDescription: { ...describe(table), TableStatus: "DELETING" } };
  }

  #table(name: string): Table {
    const table = this.#tables.get(name);
    if (table === undefined) throw new ResourceNotFoundError(name);
    return table;
  }

  /** Finds the item a key names; `item` says whether extra attributes are allowed (a whole item). */
  #locate(tableNameValue: unknown, keyOrItem: unknown, item: boolean): Located {
    const table = this.#table(tableName({ TableName: tableNameValue }));
    const value = validateItem(keyOrItem, item ? "Item" : "Key");
    const key: Item = {};
    for (const attribute of [table.hash, table.range]) {
      if (attribute === undefined) continue;
      const v = value[attribute.name];
      if (v === undefined) {
        throw new ValidationError(item ? `One or more parameter values were invalid: Missing the key ${attribute.name} in the item` : "The provided key element does not match the schema");
      }
      if (typeOf(v) !== attribute.type) {
        throw new ValidationError(`One or more parameter values were invalid: Type mismatch for key ${attribute.name} expected: ${attribute.type} actual: ${typeOf(v)}`);
      }
      key[attribute.name] = v;
    }
    if (!item && Object.keys(value).length !== Object.keys(key).length) throw new ValidationError("The provided key element does not match the schema");
    const node = this.#nodes[this.#placement(table.name, key[table.hash.name]) % this.#nodes.length];
    return { table, key, node, itemKey: `${table.name}/${canonical(key)}` };
  }

  // ---- Plain operations ----

  async getItem(input: Json): Promise<Json> {
    const at = this.#locate(input.TableName, input.Key, false);
    const placeholders = new Placeholders(input.ExpressionAttributeNames, undefined);
    const project = input.ProjectionExpression === undefined ? undefined : parseProjection(String(input.ProjectionExpression), placeholders);
    placeholders.checkAllUsed();
    const message = { from: this.id, key: at.itemKey };
    const value = await this.#call(at, "eGetItem", message, () => at.node.onGetItem(message));
    if (value === undefined) return {};
    return { Item: project === undefined ? copyItem(value) : project(value) };
  }

  putItem(input: Json): Promise<Json> {
    const item = validateItem(input.Item, "Item");
    const at = this.#locate(input.TableName, item, true);
    return this.#write(at, input, () => () => copyItem(item), "ePutItem");
  }

  deleteItem(input: Json): Promise<Json> {
    const at = this.#locate(input.TableName, input.Key, false);
    return this.#write(at, input, () => () => undefined, "eDeleteItem");
  }

  updateItem(input: Json): Promise<Json> {
    const at = this.#locate(input.TableName, input.Key, false);
    return this.#write(at, input, (placeholders) => this.#update(at, input, placeholders), "ePutItem");
  }

  #update(at: Located, input: Json, placeholders: Placeholders): (item: Item | undefined) => Item {
    if (typeof input.UpdateExpression !== "string") throw new ValidationError("UpdateExpression is required");
    const update = parseUpdate(input.UpdateExpression, placeholders);
    return (item) => {
      const next = update(item ?? copyItem(at.key));
      for (const name of Object.keys(at.key)) {
        if (canonical(next[name]) !== canonical(at.key[name])) {
          throw new ValidationError(`One or more parameter values were invalid: Cannot update attribute ${name}. This attribute is part of the key`);
        }
      }
      return next;
    };
  }

  /** A plain write; `writer` parses what the write does, with the request's placeholders. */
  async #write(
    at: Located,
    input: Json,
    writer: (placeholders: Placeholders) => (item: Item | undefined) => Item | undefined,
    event: "ePutItem" | "eDeleteItem",
  ): Promise<Json> {
    const placeholders = new Placeholders(input.ExpressionAttributeNames, input.ExpressionAttributeValues);
    const condition = typeof input.ConditionExpression === "string" ? parseCondition(input.ConditionExpression, placeholders) : undefined;
    const compute = writer(placeholders);
    placeholders.checkAllUsed();
    const returnValues = input.ReturnValues ?? "NONE";
    if (!["NONE", "ALL_OLD", "ALL_NEW"].includes(String(returnValues))) throw new ValidationError(`ReturnValues ${String(returnValues)} is not supported`);
    const message = { from: this.id, key: at.itemKey, condition, compute };
    const deliver = () => (event === "eDeleteItem" ? at.node.onDeleteItem(message) : at.node.onPutItem(message));
    const { before, after } = await this.#call(at, event, message, deliver).catch((error: unknown) => {
      if (error instanceof ConditionalCheckFailedError && input.ReturnValuesOnConditionCheckFailure !== "ALL_OLD") throw new ConditionalCheckFailedError();
      throw error;
    });
    const shown = returnValues === "ALL_OLD" ? before : returnValues === "ALL_NEW" ? after : undefined;
    return shown === undefined ? {} : { Attributes: copyItem(shown) };
  }

  async #call<T>(at: Located, event: "eGetItem" | "ePutItem" | "eDeleteItem" | "eReadItem" | "eValidateItem", message: unknown, handle: () => T): Promise<T> {
    try {
      return await this.#network.request(this.id, at.node.id, event, message, handle);
    } catch (error) {
      if (error instanceof Timeout) throw new InternalServerError(error.message);
      throw error;
    }
  }

  // ---- Transactions ----

  async transactWriteItems(input: Json): Promise<Json> {
    const entries = asList(input.TransactItems, "TransactItems") as Json[];
    if (entries.length === 0 || entries.length > 100) {
      throw new ValidationError("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length between 1 and 100");
    }
    const actions = entries.map((entry, index) => this.#action(entry, index));
    const keys = new Set(actions.map((a) => a.key));
    if (keys.size !== actions.length) throw new ValidationError("Transaction request cannot include multiple operations on one item");
    const token = input.ClientRequestToken === undefined ? undefined : String(input.ClientRequestToken);
    const digest = canonical(entries);
    const outcome = await this.#coordinate((c) => c.transactWrite({ actions, token, digest }));
    const error = outcomeError(outcome);
    if (error !== undefined) throw error;
    return {};
  }

  #action(entry: Json, index: number): ItemAction {
    const kinds = ["Put", "Update", "Delete", "ConditionCheck"].filter((k) => entry[k] !== undefined);
    if (kinds.length !== 1) throw new ValidationError(`TransactItems[${index}] must have exactly one of Put, Update, Delete, ConditionCheck`);
    const kind = kinds[0];
    const body = entry[kind] as Json;
    const item = kind === "Put" ? validateItem(body.Item, "Item") : undefined;
    const at = this.#locate(body.TableName, item ?? body.Key, kind === "Put");
    const placeholders = new Placeholders(body.ExpressionAttributeNames, body.ExpressionAttributeValues);
    const condition = typeof body.ConditionExpression === "string" ? parseCondition(body.ConditionExpression, placeholders) : undefined;
    if (kind === "ConditionCheck" && condition === undefined) throw new ValidationError("ConditionCheck requires a ConditionExpression");
    const compute =
      kind === "Put" ? () => copyItem(item as Item) : kind === "Update" ? this.#update(at, body, placeholders) : () => undefined;
    placeholders.checkAllUsed();
    return {
      key: at.itemKey,
      node: at.node.id,
      kind: kind === "Put" ? "put" : kind === "Update" ? "update" : kind === "Delete" ? "delete" : "check",
      condition,
      compute,
      returnOldOnFailure: body.ReturnValuesOnConditionCheckFailure === "ALL_OLD",
      source: entry,
    };
  }

  /** Runs `work` on a live coordinator; a coordinator that crashes under it is a 500, which clients retry. */
  async #coordinate<T>(work: (c: Coordinator) => Promise<T>): Promise<T> {
    const live = this.#coordinators.filter((c) => !c.crashed);
    if (live.length === 0) throw new InternalServerError("no transaction coordinator is available");
    const coordinator = live[this.#next++ % live.length];
    try {
      return await work(coordinator);
    } catch (error) {
      if (error instanceof Crashed || error instanceof Timeout) throw new InternalServerError(error.message);
      throw error;
    }
  }

  async transactGetItems(input: Json): Promise<Json> {
    const entries = asList(input.TransactItems, "TransactItems") as Json[];
    if (entries.length === 0 || entries.length > 100) {
      throw new ValidationError("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length between 1 and 100");
    }
    const gets = entries.map((entry, index) => {
      const body = entry.Get as Json | undefined;
      if (body === undefined) throw new ValidationError(`TransactItems[${index}] must have Get`);
      const placeholders = new Placeholders(body.ExpressionAttributeNames, undefined);
      const project = body.ProjectionExpression === undefined ? undefined : parseProjection(String(body.ProjectionExpression), placeholders);
      placeholders.checkAllUsed();
      return { at: this.#locate(body.TableName, body.Key, false), project };
    });
    let conflicts: boolean[] = [];
    for (let attempt = 1; attempt <= READ_TRANSACTION_ATTEMPTS; attempt++) {
      const first = await Promise.all(
        gets.map(({ at }) => {
          const message = { from: this.id, key: at.itemKey };
          return this.#call(at, "eReadItem", message, () => at.node.onReadItem(message));
        }),
      );
      conflicts = first.map((s) => s.prepared !== undefined);
      if (!conflicts.some(Boolean)) {
        const validate = ({ at }: (typeof gets)[number], i: number) => {
          const message = { from: this.id, key: at.itemKey, lsn: first[i].lsn };
          return this.#call(at, "eValidateItem", message, () => at.node.onValidateItem(message));
        };
        const stable = this.#bug === "single-round-read" || (await Promise.all(gets.map(validate))).every(Boolean);
        if (stable) {
          return {
            Responses: first.map((s, i) => {
              const value = s.value;
              if (value === undefined) return {};
              const project = gets[i].project;
              return { Item: project === undefined ? copyItem(value) : project(value) };
            }),
          };
        }
      }
      await new Promise((resolve) => setTimeout(resolve, attempt * 2));
    }
    throw new TransactionCanceledError(conflicts.map((c) => cancellationReason(c ? "TransactionConflict" : "None")));
  }
}

function tableName(input: Json): string {
  const name = input.TableName;
  if (typeof name !== "string" || !/^[A-Za-z0-9_.-]{3,255}$/.test(name)) {
    throw new ValidationError("1 validation error detected: Value at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
  }
  return name;
}

function asList(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw new ValidationError(`${name} must be a list`);
  return value;
}

function describe(table: Table): Json {
  const keys = [table.hash, table.range].filter((k): k is KeyAttribute => k !== undefined);
  return {
    TableName: table.name,
    TableStatus: "ACTIVE",
    CreationDateTime: table.created,
    KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? "HASH" : "RANGE" })),
    AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
    ItemCount: 0,
    TableSizeBytes: 0,
    TableArn: `arn:aws:dynamodb:local:000000000000:table/${table.name}`,
    BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" },
  };
}

/** FNV-1a, to spread items over the storage nodes. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
