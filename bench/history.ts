// Benchmark of `pith history`: histories of 10,000 operations by 6 concurrent clients, generated
// from a real sequential store with a seeded generator (src/history/simulate.ts), checked for
// linearizability: one register that every client reads and writes (the whole history is one
// partition), and a key-value store of 8 keys with lists over prefixes; and 10,000 transactions of
// one to three reads and writes over 4 keys, checked for serializability. One call in a hundred
// times out (`info`). The figures are the time to read and check each history in this process.
import { checkHistory } from "../src/history/check.ts";
import type { JsonValue, MicroOp } from "../src/history/format.ts";
import { kvModel } from "../src/history/models/kv.ts";
import { registerModel } from "../src/history/models/register.ts";
import { txnKvModel } from "../src/history/models/txn-kv.ts";
import type { SequentialModel } from "../src/history/model.ts";
import { memoryStore, simulateHistory, type Random } from "../src/history/simulate.ts";
import type { Benchmark, Figure } from "./run.ts";

export const HISTORY_OPERATIONS = 10_000;
const CLIENTS = 6;
const SEED = 2026;
/** A history of 10,000 operations should be checked in under a second. */
const TARGET_MS = 1000;

function transactions() {
  let value = 0;
  return (random: Random): { op: string; args: JsonValue } => {
    const ops: MicroOp[] = [];
    for (let i = random.int(1, 3); i > 0; i--) {
      const key = random.pick(["a", "b", "c", "d"]);
      ops.push(random.next() < 0.5 ? ["r", key, null] : ["w", key, ++value]);
    }
    return { op: "txn", args: ops as unknown as JsonValue };
  };
}

function registerCalls() {
  let value = 0;
  return (random: Random): { op: string; args: JsonValue } => (random.next() < 0.5 ? { op: "write", args: { value: ++value } } : { op: "read", args: {} });
}

function kvCalls() {
  let value = 0;
  const keys = ["a/1", "a/2", "a/3", "a/4", "b/1", "b/2", "b/3", "b/4"];
  return (random: Random): { op: string; args: JsonValue } => {
    const r = random.next();
    if (r < 0.05) return { op: "list", args: { prefix: random.pick(["a/", "b/"]) } };
    const key = random.pick(keys);
    return r < 0.5 ? { op: "put", args: { key, value: ++value } } : { op: "get", args: { key } };
  };
}

function measure(name: string, model: SequentialModel, text: string, runs: number, target: boolean): Figure {
  const samples: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const verdict = checkHistory(text, model);
    const ms = performance.now() - start;
    if (verdict.kind !== "checked" || verdict.verdict !== "ok") throw new Error(`${name}: the generated history should pass`);
    if (i > 0) samples.push(ms);
  }
  return { name, unit: "ms", samples, ...(target ? { target: { value: TARGET_MS, better: "lower" as const } } : {}), note: `${HISTORY_OPERATIONS.toLocaleString("en-US")} operations, ${CLIENTS} clients, ${text.split("\n").length - 1} lines` };
}

export const historyBenchmark: Benchmark = {
  name: "history",
  description: "checking client histories for linearizability and serializability (pith history)",
  async run({ runs }) {
    const options = { processes: CLIENTS, operations: HISTORY_OPERATIONS, seed: SEED, infoRate: 0.01 };
    const lines = (events: readonly unknown[]) => events.map((e) => JSON.stringify(e) + "\n").join("");
    const register = lines(simulateHistory(memoryStore, registerCalls(), options));
    const kv = lines(simulateHistory(memoryStore, kvCalls(), options));
    const txns = lines(simulateHistory(memoryStore, transactions(), options));
    return [
      measure("register, one key", registerModel, register, runs, true),
      measure("kv, 8 keys with lists", kvModel, kv, runs, true),
      measure("txn-kv, 4 keys, serializable", txnKvModel, txns, runs, false),
    ];
  },
};
