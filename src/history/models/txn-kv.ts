// The `txn-kv` model: transactions of micro-operations over keys. A transaction takes effect as a
// whole: its reads see the state before it and its own earlier writes, its checks must hold, and
// its writes apply. Histories of it are checked for serializability (strict with --strict).
import type { JsonValue, MicroOp } from "../format.ts";
import type { Call, SequentialModel } from "../model.ts";
import { microOps } from "./micro-ops.ts";
import { txnAnomaly } from "./txn-anomaly.ts";
import { canonical, EMPTY_STORE, showStore, storeGet, storeKey, storeSet, type Store } from "./values.ts";

const KINDS = ["r", "w", "check"];

/** Why `value` is not a list of micro-operations, or undefined. */
function microOpsProblem(value: JsonValue, what: string): string | undefined {
  if (!Array.isArray(value)) return `${what} is a list of micro-operations, e.g. [["r", "x", null], ["w", "y", 1]]`;
  for (const [i, m] of (value as JsonValue[]).entries()) {
    if (!Array.isArray(m) || m.length !== 3 || typeof m[0] !== "string" || typeof m[1] !== "string") {
      return `micro-operation ${i + 1} of ${what} is not [kind, key, value]: ${JSON.stringify(m)}`;
    }
    if (!KINDS.includes(m[0])) return `micro-operation ${i + 1} of ${what} has kind ${JSON.stringify(m[0])}: it is "r", "w" or "check"`;
  }
  return undefined;
}

/** `"x"=1`: the key with a value, as observed or produced. */
function token(m: MicroOp): string {
  return `${JSON.stringify(m[1])}=${canonical(m[2])}`;
}

export const txnKvModel: SequentialModel<Store> = {
  name: "txn-kv",
  consistency: "serializable",
  checkInvocation(op, args) {
    if (op !== "txn") return `unknown operation ${JSON.stringify(op)}: the txn-kv model has only txn`;
    return microOpsProblem(args, "the arguments of txn");
  },
  checkResult(call) {
    const problem = microOpsProblem(call.result, "the result of txn");
    if (problem !== undefined) return problem;
    const asked = call.args as unknown as readonly MicroOp[];
    const got = call.result as unknown as readonly MicroOp[];
    if (got.length !== asked.length) return `the result of txn has ${got.length} micro-operations and its invocation ${asked.length}: the result repeats them with the values read`;
    for (let i = 0; i < got.length; i++) {
      if (got[i][0] !== asked[i][0] || got[i][1] !== asked[i][1]) return `micro-operation ${i + 1} of the result is ${JSON.stringify(got[i])} but the invocation has ${JSON.stringify(asked[i])}`;
      if (got[i][0] !== "r" && canonical(got[i][2]) !== canonical(asked[i][2])) return `micro-operation ${i + 1} of the result changes the value of a ${got[i][0]}: ${JSON.stringify(got[i])}`;
    }
    return undefined;
  },
  footprint: (call) => ({ keys: [...new Set(microOps(call).map((m) => m[1]))] }),
  readOnly: (call) => microOps(call).every((m) => m[0] !== "w"),
  observes: (call) => (call.result === undefined ? microOps(call).filter((m) => m[0] === "check") : microOps(call).filter((m) => m[0] !== "w")).map(token),
  produces: (call) => microOps(call).filter((m) => m[0] === "w").map(token),
  init: () => EMPTY_STORE,
  step(state, call) {
    const known = call.result !== undefined;
    let next = state;
    for (const [kind, key, value] of microOps(call)) {
      if (kind === "w") next = storeSet(next, key, canonical(value));
      else if ((kind === "check" || known) && storeGet(next, key) !== canonical(value)) return undefined;
    }
    return next;
  },
  anomaly: txnAnomaly,
  key: storeKey,
  show: showStore,
  describe(call: Call) {
    const ops = (call.args as unknown as readonly MicroOp[]).map(([kind, key, value]) => (kind === "r" ? `r ${key}` : `${kind} ${key} ${canonical(value)}`));
    return `txn [${ops.join(", ")}]`;
  },
  showResult(call) {
    const reads = microOps(call).filter((m) => m[0] === "r");
    return reads.length === 0 ? "committed" : reads.map(([, key, value]) => `${key}=${canonical(value)}`).join(" ");
  },
};
