// The `kv` model: a key-value store with put, get, delete and list over a prefix. A list must
// return exactly the keys present under its prefix at the instant it takes effect, so its
// footprint is its prefix (every key of the history under it) and the keys it returned.
import type { JsonValue } from "../format.ts";
import type { Call, SequentialModel } from "../model.ts";
import { canonical, EMPTY_STORE, isObject, showStore, storeGet, storeKey, storeSet, unknownOperation, type Store } from "./values.ts";

const OPERATIONS = ["put", "get", "delete", "list"];

function text(args: JsonValue, name: string): string {
  return isObject(args) && typeof args[name] === "string" ? (args[name] as string) : "";
}

function listed(store: Store, prefix: string): string {
  const keys = [...store.keys()].filter((k) => k.startsWith(prefix)).sort();
  return JSON.stringify(keys);
}

export const kvModel: SequentialModel<Store> = {
  name: "kv",
  checkInvocation(op, args) {
    if (!OPERATIONS.includes(op)) return unknownOperation("kv", op, OPERATIONS);
    const field = op === "list" ? "prefix" : "key";
    if (!isObject(args) || typeof args[field] !== "string") return `the arguments of ${op} are an object with a string "${field}"`;
    if (op === "put" && (args.value === undefined || args.value === null)) return `put needs a "value" that is not null (delete removes a key)`;
    return undefined;
  },
  checkResult(call) {
    if (call.op === "list") {
      if (!Array.isArray(call.result) || !call.result.every((k) => typeof k === "string")) return "the result of list is an array of keys (strings)";
    } else if ((call.op === "put" || call.op === "delete") && call.result !== null) {
      return `the result of ${call.op} is null`;
    }
    return undefined;
  },
  footprint(call) {
    if (call.op !== "list") return { keys: [text(call.args, "key")] };
    const returned = Array.isArray(call.result) ? (call.result as string[]) : [];
    return { keys: returned, prefixes: [text(call.args, "prefix")] };
  },
  readOnly: (call) => call.op === "get" || call.op === "list",
  observes(call) {
    if (call.op === "get" && call.result !== undefined) return [`${JSON.stringify(text(call.args, "key"))}=${canonical(call.result)}`];
    if (call.op === "list" && Array.isArray(call.result)) return (call.result as string[]).map((k) => `${JSON.stringify(k)} present`);
    return [];
  },
  produces(call) {
    const key = JSON.stringify(text(call.args, "key"));
    if (call.op === "put") return [`${key}=${canonical(isObject(call.args) ? call.args.value : null)}`, `${key} present`];
    return call.op === "delete" ? [`${key}=null`] : [];
  },
  init: () => EMPTY_STORE,
  step(state, call) {
    switch (call.op) {
      case "put":
        return storeSet(state, text(call.args, "key"), canonical(isObject(call.args) ? call.args.value : null));
      case "delete":
        return storeSet(state, text(call.args, "key"), "null");
      case "get":
        return call.result === undefined || canonical(call.result) === storeGet(state, text(call.args, "key")) ? state : undefined;
      case "list": {
        if (call.result === undefined) return state;
        const returned = JSON.stringify([...new Set(call.result as string[])].sort());
        const duplicates = new Set(call.result as string[]).size !== (call.result as string[]).length;
        return !duplicates && returned === listed(state, text(call.args, "prefix")) ? state : undefined;
      }
      default:
        return undefined;
    }
  },
  key: storeKey,
  show: showStore,
  describe(call: Call) {
    switch (call.op) {
      case "put":
        return `put ${text(call.args, "key")} ${canonical(isObject(call.args) ? call.args.value : null)}`;
      case "list":
        return `list ${JSON.stringify(text(call.args, "prefix"))}`;
      default:
        return `${call.op} ${text(call.args, "key")}`;
    }
  },
};
