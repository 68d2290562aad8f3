// The history format: what a client observed, one JSON object per line (NDJSON). An operation is
// an `invoke` line and, later, one completion line with the same `id`: `ok` (it took effect, with
// its result), `fail` (it certainly did not take effect) or `info` (unknown: a timeout or a crash;
// it may take effect at any point after its invocation, or never). An invocation without a
// completion means the same as `info`. docs/history.md describes the format for users.

/** A JSON value, as operations take and return them. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A client: a name or a number. One client has at most one operation open at a time. */
export type ProcessId = string | number;
/** An operation's id: unique in the history, shared by its invocation and its completion. */
export type OperationId = string | number;

export type CompletionType = "ok" | "fail" | "info";

export interface InvokeEvent {
  readonly type: "invoke";
  readonly id: OperationId;
  readonly process: ProcessId;
  /** Any number that never decreases along the history; only the order of events matters. */
  readonly time: number;
  readonly op: string;
  readonly args: JsonValue;
}

export interface CompletionEvent {
  readonly type: CompletionType;
  readonly id: OperationId;
  readonly process: ProcessId;
  readonly time: number;
  /** What an `ok` operation returned. */
  readonly result?: JsonValue;
  /** Why a `fail` or `info` operation ended that way (a message for people). */
  readonly error?: string;
}

export type HistoryEvent = InvokeEvent | CompletionEvent;

/** One line of the file: what it holds, or why it cannot be read. */
export function formatEvent(event: HistoryEvent): string {
  return JSON.stringify(event);
}

/** What an operation takes and what it returns when it completes `ok`. */
export interface OperationSignature {
  readonly args: JsonValue;
  readonly result: JsonValue;
}

/** The operations of a model by name: what a typed recorder accepts. */
export type OperationTable = Record<string, OperationSignature>;

/** The `register` model: one value per key (`key` may be left out: one register), initially null. */
export type RegisterOperations = {
  read: { args: { key?: string }; result: JsonValue };
  write: { args: { key?: string; value: JsonValue }; result: null };
  /** Compare-and-set: `ok` when the value was `from` and is now `to`; `fail` when it was not `from`. */
  cas: { args: { key?: string; from: JsonValue; to: JsonValue }; result: null };
};

/** The `kv` model: keys with values, absent (null) until put; `list` returns the keys present under a prefix. */
export type KvOperations = {
  put: { args: { key: string; value: JsonValue }; result: null };
  /** The value, or null when the key is absent. */
  get: { args: { key: string }; result: JsonValue };
  delete: { args: { key: string }; result: null };
  /** The keys present that start with `prefix`, in any order. */
  list: { args: { prefix: string }; result: string[] };
};

/**
 * A micro-operation of a transaction: read a key (the value is null in the invocation and the value
 * read in the result; null means absent), write a key (null deletes it), or check that a key has a
 * value (null: absent) — the transaction commits only if every check holds.
 */
export type MicroOp = readonly ["r", string, JsonValue] | readonly ["w", string, JsonValue] | readonly ["check", string, JsonValue];

/** The `txn-kv` model: one operation, a transaction; its `ok` result is the micro-ops with the values read. */
export type TxnOperations = {
  txn: { args: MicroOp[]; result: MicroOp[] };
};
