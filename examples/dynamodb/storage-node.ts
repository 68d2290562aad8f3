// A storage node: the leader of one partition. It holds the partition's items, each with the
// timestamp of its last committed write, a log sequence number that counts its writes, and at
// most one prepared transaction. Deleted items stay as tombstones that keep their timestamp, so a
// transaction with an older timestamp cannot slip in after a delete.
//
// Transactions go through prepare (checks: no other transaction prepared, the condition holds,
// the transaction's timestamp is newer than the item's) and then commit or cancel. Plain writes are
// refused while a transaction is prepared on the item: they would be lost when the commit installs
// the value computed at prepare. A plain write takes the timestamp just after the item's last
// write: it is ordered after every transaction that wrote or checked the item.
//
// A node given a NodeTrace records each step as the model has it: what it announced, what it
// replied, and the message it handled (trace.ts writes that in the model's terms).
import type { Bug } from "./bugs.ts";
import { ConditionalCheckFailedError, TransactionConflictError, type CancellationCode } from "./errors.ts";
import type { EventName, StorageNodeHandlers } from "./generated.ts";
import type { Item } from "./values.ts";

/** What a transaction does to one item: its new value (undefined deletes it) or nothing (a check). */
export interface Write {
  readonly kind: "put" | "update" | "delete" | "check";
  /** The item after the write, computed from the item at prepare time; undefined for a delete. */
  readonly after: Item | undefined;
}

export interface Prepared {
  readonly tx: string;
  readonly ts: number;
  readonly write: Write;
  /** The prepare it came from. */
  readonly request: PrepareRequest;
}

export interface StoredItem {
  readonly value: Item | undefined;
  readonly ts: number;
  readonly lsn: number;
  readonly prepared: Prepared | undefined;
}

const ABSENT: StoredItem = { value: undefined, ts: 0, lsn: 0, prepared: undefined };

/**
 * Why a prepare is refused: another transaction is prepared, the condition is false, the item has
 * a write as new as the transaction, the transaction was cancelled here already, or (counted by
 * the coordinator) the node never answered.
 */
export type Refusal = "prepared" | "condition" | "timestamp" | "cancelled" | "unanswered";

export type Vote =
  | { readonly ok: true }
  | { readonly ok: false; readonly why: Refusal; readonly code: CancellationCode; readonly item: Item | undefined };

/** How a transaction's write is computed and checked against the current item. */
export interface PrepareRequest {
  /** The coordinator that sends it. */
  readonly from: string;
  readonly tx: string;
  readonly ts: number;
  readonly key: string;
  readonly kind: Write["kind"];
  readonly condition: ((item: Item | undefined) => boolean) | undefined;
  readonly compute: (item: Item | undefined) => Item | undefined;
}

/** A plain (non-transactional) write: PutItem, UpdateItem or DeleteItem. */
export interface PlainWrite {
  readonly from: string;
  readonly key: string;
  readonly condition: ((item: Item | undefined) => boolean) | undefined;
  readonly compute: (item: Item | undefined) => Item | undefined;
}

/** A commit or cancel of a transaction on one item. */
export interface Decision {
  readonly from: string;
  readonly tx: string;
  readonly key: string;
}

/** What a storage node is sent (`from` is the sender): the model's events, with the service's data. */
export interface NodeMessages extends Record<EventName, unknown> {
  readonly ePrepare: PrepareRequest;
  readonly eCommit: Decision;
  readonly eCancel: Decision;
  readonly eReadItem: { readonly from: string; readonly key: string };
  readonly eValidateItem: { readonly from: string; readonly key: string; readonly lsn: number };
  readonly eGetItem: { readonly from: string; readonly key: string };
  readonly ePutItem: PlainWrite;
  readonly eDeleteItem: PlainWrite;
}

/** What a storage node replies, with what it replied to. */
export interface NodeReplies {
  readonly ePrepareResponse: { readonly request: PrepareRequest; readonly vote: Vote };
  readonly eCommitResponse: Decision;
  readonly eCancelResponse: Decision;
  readonly eReadItemResponse: { readonly key: string; readonly item: StoredItem };
  readonly eValidateItemResponse: { readonly key: string; readonly ok: boolean };
  readonly eGetItemResponse: { readonly key: string; readonly value: Item | undefined };
  readonly ePutItemResponse: { readonly request: PlainWrite; readonly after: Item | undefined; readonly ok: boolean };
  readonly eDeleteItemResponse: { readonly request: PlainWrite; readonly ok: boolean };
}

/** Where a storage node records its steps. */
export interface NodeTrace {
  announce(node: string, event: "eItemWritten", written: { readonly key: string; readonly installed: Prepared }): void;
  send<E extends keyof NodeReplies>(node: string, to: string, event: E, reply: NodeReplies[E]): void;
  handle<E extends EventName>(node: string, event: E, message: NodeMessages[E]): void;
}

export class StorageNode implements StorageNodeHandlers<NodeMessages, unknown> {
  readonly id: string;
  readonly #items = new Map<string, StoredItem>();
  readonly #bug: Bug | undefined;
  readonly #trace: NodeTrace | undefined;
  /** Transactions cancelled here before their prepare arrived: a late prepare must not lock the item. */
  readonly #cancelled = new Set<string>();
  /** Every (transaction, key) whose write was installed here: what an audit of atomicity reads. */
  readonly #applied = new Set<string>();
  /** The kind of every (transaction, key) ever prepared here. */
  readonly #prepares = new Map<string, Write["kind"]>();

  constructor(id: string, bug?: Bug, trace?: NodeTrace) {
    this.id = id;
    this.#bug = bug;
    this.#trace = trace;
  }

  item(key: string): StoredItem {
    return this.#items.get(key) ?? ABSENT;
  }

  #prepare(request: PrepareRequest): Vote {
    const current = this.item(request.key);
    if (this.#cancelled.has(`${request.tx}|${request.key}`)) return { ok: false, why: "cancelled", code: "TransactionConflict", item: undefined };
    if (current.prepared !== undefined) {
      if (current.prepared.tx === request.tx) return { ok: true };
      return { ok: false, why: "prepared", code: "TransactionConflict", item: undefined };
    }
    if (request.condition !== undefined && !request.condition(current.value)) {
      return { ok: false, why: "condition", code: "ConditionalCheckFailed", item: current.value };
    }
    if (request.ts <= current.ts) return { ok: false, why: "timestamp", code: "TransactionConflict", item: undefined };
    const write: Write = { kind: request.kind, after: request.kind === "check" ? current.value : request.compute(current.value) };
    this.#items.set(request.key, { ...current, prepared: { tx: request.tx, ts: request.ts, write, request } });
    this.#prepares.set(`${request.tx}|${request.key}`, request.kind);
    return { ok: true };
  }

  /**
   * Installs a prepared transaction's write, and returns it; a commit for a transaction not
   * prepared here is a repeat, and returns undefined.
   */
  #commit({ tx, key }: Decision): Prepared | undefined {
    const current = this.item(key);
    const prepared = current.prepared;
    if (prepared?.tx !== tx) return undefined;
    // A condition check leaves the value as it is, but takes its place in timestamp order too: a
    // transaction older than it can no longer write the item.
    this.#items.set(key, { value: prepared.write.after, ts: prepared.ts, lsn: current.lsn + 1, prepared: undefined });
    if (prepared.write.kind !== "check") this.#applied.add(`${tx}|${key}`);
    return prepared;
  }

  wasApplied(tx: string, key: string): boolean {
    return this.#applied.has(`${tx}|${key}`);
  }

  /** Whether the transaction was prepared here with a write (not a condition check) on the key. */
  writes(tx: string, key: string): boolean {
    const kind = this.#prepares.get(`${tx}|${key}`);
    return kind !== undefined && kind !== "check";
  }

  onPrepare(request: PrepareRequest): Vote {
    const vote = this.#prepare(request);
    this.#trace?.send(this.id, request.from, "ePrepareResponse", { request, vote });
    this.#trace?.handle(this.id, "ePrepare", request);
    return vote;
  }

  onCommit(decision: Decision): Prepared | undefined {
    const installed = this.#commit(decision);
    if (installed !== undefined) this.#trace?.announce(this.id, "eItemWritten", { key: decision.key, installed });
    this.#trace?.send(this.id, decision.from, "eCommitResponse", decision);
    this.#trace?.handle(this.id, "eCommit", decision);
    return installed;
  }

  onCancel(decision: Decision): void {
    const { tx, key } = decision;
    const current = this.item(key);
    if (current.prepared?.tx === tx) this.#items.set(key, { ...current, prepared: undefined });
    else this.#cancelled.add(`${tx}|${key}`);
    this.#trace?.send(this.id, decision.from, "eCancelResponse", decision);
    this.#trace?.handle(this.id, "eCancel", decision);
  }

  /** TransactGetItems' first round: the item as committed, and whether a transaction is prepared on it. */
  onReadItem(message: NodeMessages["eReadItem"]): StoredItem {
    const item = this.item(message.key);
    this.#trace?.send(this.id, message.from, "eReadItemResponse", { key: message.key, item });
    this.#trace?.handle(this.id, "eReadItem", message);
    return item;
  }

  /** TransactGetItems' second round: is the item unchanged since its log sequence number was `lsn`? */
  onValidateItem(message: NodeMessages["eValidateItem"]): boolean {
    const current = this.item(message.key);
    const ok = current.lsn === message.lsn && current.prepared === undefined;
    this.#trace?.send(this.id, message.from, "eValidateItemResponse", { key: message.key, ok });
    this.#trace?.handle(this.id, "eValidateItem", message);
    return ok;
  }

  /** GetItem: the committed value (the read is serialized before a prepared transaction). */
  onGetItem(message: NodeMessages["eGetItem"]): Item | undefined {
    const value = this.item(message.key).value;
    this.#trace?.send(this.id, message.from, "eGetItemResponse", { key: message.key, value });
    this.#trace?.handle(this.id, "eGetItem", message);
    return value;
  }

  onPutItem(request: PlainWrite): { before: Item | undefined; after: Item | undefined } {
    try {
      const written = this.#write(request);
      this.#trace?.send(this.id, request.from, "ePutItemResponse", { request, after: written.after, ok: true });
      return written;
    } catch (error) {
      if (error instanceof TransactionConflictError) this.#trace?.send(this.id, request.from, "ePutItemResponse", { request, after: undefined, ok: false });
      throw error;
    } finally {
      this.#trace?.handle(this.id, "ePutItem", request);
    }
  }

  onDeleteItem(request: PlainWrite): { before: Item | undefined; after: Item | undefined } {
    try {
      const written = this.#write(request);
      this.#trace?.send(this.id, request.from, "eDeleteItemResponse", { request, ok: true });
      return written;
    } catch (error) {
      if (error instanceof TransactionConflictError) this.#trace?.send(this.id, request.from, "eDeleteItemResponse", { request, ok: false });
      throw error;
    } finally {
      this.#trace?.handle(this.id, "eDeleteItem", request);
    }
  }

  /** A plain write at a timestamp newer than any this item has seen. Throws the error DynamoDB gives. */
  #write(request: PlainWrite): { before: Item | undefined; after: Item | undefined } {
    const current = this.item(request.key);
    if (current.prepared !== undefined && this.#bug !== "write-on-prepared") throw new TransactionConflictError();
    if (request.condition !== undefined && !request.condition(current.value)) throw new ConditionalCheckFailedError(current.value);
    const after = request.compute(current.value);
    this.#items.set(request.key, { ...current, value: after, ts: current.ts + 1, lsn: current.lsn + 1 });
    return { before: current.value, after };
  }
}
