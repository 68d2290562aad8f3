// What the built-in models share: JSON values compared by a canonical text (object keys sorted),
// and a state that maps keys to values, where a missing key is absent (null).
import type { JsonValue } from "../format.ts";

/** The same text for equal JSON values, whatever the order of object keys. */
export function canonical(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object") {
    const obj = value as { readonly [key: string]: JsonValue };
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Keys to the canonical text of their values, in sorted order; absent keys are missing. Never changed: updates copy. */
export type Store = ReadonlyMap<string, string>;

export const EMPTY_STORE: Store = new Map();

/** The store with `key` set to `value` (null removes it). Keys stay in sorted order. */
export function storeSet(store: Store, key: string, value: string): Store {
  if (value === "null" || store.has(key)) {
    const next = new Map(store);
    if (value === "null") next.delete(key);
    else next.set(key, value);
    return next;
  }
  const entries = [...store, [key, value] as const].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(entries);
}

export function storeGet(store: Store, key: string): string {
  return store.get(key) ?? "null";
}

export function storeKey(store: Store): string {
  let key = "";
  for (const [k, v] of store) key += (key === "" ? "" : " ") + JSON.stringify(k) + "=" + v;
  return key;
}

/** `{}` when empty, else `a=1 b="x"`. */
export function showStore(store: Store): string {
  return store.size === 0 ? "{} (every key absent)" : storeKey(store);
}

export function isObject(v: unknown): v is { readonly [key: string]: JsonValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `unknown operation "x": the <model> model has a, b and c`. */
export function unknownOperation(model: string, op: string, known: readonly string[]): string {
  return `unknown operation ${JSON.stringify(op)}: the ${model} model has ${known.slice(0, -1).join(", ")} and ${known[known.length - 1]}`;
}
