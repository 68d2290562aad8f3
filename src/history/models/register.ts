// The `register` model: a value per key (one register when operations name no key), initially
// null, with read, write and compare-and-set.
import type { JsonValue } from "../format.ts";
import type { Call, SequentialModel } from "../model.ts";
import { canonical, EMPTY_STORE, isObject, showStore, storeGet, storeKey, storeSet, unknownOperation, type Store } from "./values.ts";

const OPERATIONS = ["read", "write", "cas"];

function keyOf(args: JsonValue): string {
  return isObject(args) && typeof args.key === "string" ? args.key : "";
}

function field(args: JsonValue, name: string): JsonValue {
  return isObject(args) ? (args[name] ?? null) : null;
}

function named(args: JsonValue): string {
  const key = keyOf(args);
  return key === "" ? "" : ` ${key}`;
}

export const registerModel: SequentialModel<Store> = {
  name: "register",
  checkInvocation(op, args) {
    if (!OPERATIONS.includes(op)) return unknownOperation("register", op, OPERATIONS);
    if (!isObject(args)) return `the arguments of ${op} are an object, e.g. {"key": "x"${op === "read" ? "" : op === "write" ? ', "value": 1' : ', "from": 1, "to": 2'}}`;
    if (args.key !== undefined && typeof args.key !== "string") return `"key" of ${op} is a string`;
    if (op === "write" && !("value" in args)) return `write needs "value"`;
    if (op === "cas" && (!("from" in args) || !("to" in args))) return `cas needs "from" and "to"`;
    return undefined;
  },
  checkResult(call) {
    if (call.op !== "read" && call.result !== null) return `the result of ${call.op} is null`;
    return undefined;
  },
  footprint: (call) => ({ keys: [keyOf(call.args)] }),
  readOnly: (call) => call.op === "read",
  observes(call) {
    const key = JSON.stringify(keyOf(call.args));
    if (call.op === "read") return call.result === undefined ? [] : [`${key}=${canonical(call.result)}`];
    return call.op === "cas" ? [`${key}=${canonical(field(call.args, "from"))}`] : [];
  },
  produces: (call) => (call.op === "read" ? [] : [`${JSON.stringify(keyOf(call.args))}=${canonical(field(call.args, call.op === "cas" ? "to" : "value"))}`]),
  init: () => EMPTY_STORE,
  step(state, call) {
    const key = keyOf(call.args);
    switch (call.op) {
      case "read":
        return call.result === undefined || canonical(call.result) === storeGet(state, key) ? state : undefined;
      case "write":
        return storeSet(state, key, canonical(field(call.args, "value")));
      case "cas":
        return storeGet(state, key) === canonical(field(call.args, "from")) ? storeSet(state, key, canonical(field(call.args, "to"))) : undefined;
      default:
        return undefined;
    }
  },
  key: storeKey,
  show: showStore,
  describe(call: Call) {
    switch (call.op) {
      case "write":
        return `write${named(call.args)} ${canonical(field(call.args, "value"))}`;
      case "cas":
        return `cas${named(call.args)} ${canonical(field(call.args, "from"))} -> ${canonical(field(call.args, "to"))}`;
      default:
        return `read${named(call.args)}`;
    }
  },
};
