// Serializability of transactions (txn-kv): the classic anomalies are rejected with the exact
// minimal sub-history, failed transactions have no effect, and --strict adds real time.
import { describe, expect, it } from "vitest";
import type { MicroOp, TxnOperations } from "../../src/history/format.ts";
import { txnKvModel } from "../../src/history/models/txn-kv.ts";
import { HistoryRecorder } from "../../src/history/recorder.ts";
import { check, minimalIds } from "./helpers.ts";

const r = (key: string, value: number | null = null): MicroOp => ["r", key, value];
const w = (key: string, value: number | null): MicroOp => ["w", key, value];

/** Invokes a transaction and completes it ok with `result` (the reads filled in). */
function commit(h: HistoryRecorder<TxnOperations>, process: string, result: MicroOp[]): void {
  h.invoke(process, "txn", result.map((m) => (m[0] === "r" ? r(m[1]) : m))).ok(result);
}

describe("serializability of transactions", () => {
  it("rejects a lost update: two transactions read the same value and both write", () => {
    const h = new HistoryRecorder<TxnOperations>();
    commit(h, "a", [w("x", 0)]);
    commit(h, "b", [r("x", 0), w("x", 1)]);
    commit(h, "c", [r("x", 0), w("x", 2)]);
    const v = check(h.events, txnKvModel);
    expect(v.consistency).toBe("serializable");
    expect(minimalIds(v)).toEqual([1, 2, 3]);
    expect(v.failure?.anomaly).toMatchObject({
      name: "G2",
      title: "anti-dependency cycle",
      lines: ["The cycle #2 -> #3 -> #2:", "  #2 read x=0, which #3 overwrote with 2 (rw)", "  #3 read x=0, which #2 overwrote with 1 (rw)"],
    });
  });

  it("rejects write skew", () => {
    const h = new HistoryRecorder<TxnOperations>();
    commit(h, "a", [r("x"), r("y"), w("x", 1)]);
    commit(h, "b", [r("x"), r("y"), w("y", 1)]);
    const v = check(h.events, txnKvModel);
    expect(minimalIds(v)).toEqual([1, 2]);
    expect(v.failure?.anomaly?.name).toBe("G2");
  });

  it("rejects a fractured read: one write of a transaction seen without the other", () => {
    const h = new HistoryRecorder<TxnOperations>();
    commit(h, "a", [w("x", 1), w("y", 1)]);
    commit(h, "b", [r("z")]);
    commit(h, "c", [r("x", 1), r("y", null)]);
    const v = check(h.events, txnKvModel);
    expect(v.partitions.map((p) => [p.name, p.verdict])).toEqual([["keys x, y", "violation"], ["key z", "ok"]]);
    expect(minimalIds(v)).toEqual([1, 3]);
    expect(v.failure?.anomaly).toMatchObject({
      name: "G-single",
      title: "read skew: a dependency cycle with one anti-dependency",
      lines: ["The cycle #1 -> #2 -> #1:", "  #2 read x=1, written by #1 (wr)", "  #2 read y absent, which #1 overwrote with 1 (rw)"],
    });
  });

  it("gives failed transactions no effect, and lets unknown ones commit or not", () => {
    const h = new HistoryRecorder<TxnOperations>();
    h.invoke("a", "txn", [["check", "x", null], w("x", 1)]).fail("condition failed");
    h.invoke("b", "txn", [w("y", 5)]).info("timeout");
    commit(h, "c", [r("y", 5)]);
    commit(h, "c", [r("x", null)]);
    expect(check(h.events, txnKvModel).verdict).toBe("ok");
    commit(h, "c", [r("x", 1)]);
    const v = check(h.events, txnKvModel);
    expect(minimalIds(v)).toEqual([5]);
    expect(v.failure?.anomaly).toMatchObject({ name: "G1a", title: "aborted read", lines: ["#1 read x=1, written by transaction 1 (line 1), which failed."] });
  });

  it("checks conditions: a committed transaction's checks held when it took effect", () => {
    const h = new HistoryRecorder<TxnOperations>();
    commit(h, "a", [w("x", 1)]);
    h.invoke("b", "txn", [["check", "x", 1], w("y", 1)]).ok([["check", "x", 1], w("y", 1)]);
    h.invoke("c", "txn", [["check", "x", null], w("z", 1)]).ok([["check", "x", null], w("z", 1)]);
    commit(h, "d", [r("y", 1), r("z", 1)]);
    expect(check(h.events, txnKvModel).verdict).toBe("ok"); // c, a, b, d
    commit(h, "d", [r("y", 1), r("x", null)]); // y=1 needs b after a, so x is 1 by then
    const v = check(h.events, txnKvModel);
    expect(v.verdict).toBe("violation");
    expect(minimalIds(v)).toEqual([1, 2, 5]);
  });

  it("names an intermediate read and circular information flow", () => {
    const h = new HistoryRecorder<TxnOperations>();
    commit(h, "a", [w("x", 1), w("x", 2)]);
    commit(h, "b", [r("x", 1)]);
    const v = check(h.events, txnKvModel);
    expect(v.failure?.anomaly).toMatchObject({ name: "G1b", title: "intermediate read", lines: ["#2 read x=1, which #1 overwrote before it committed."] });
    const c = new HistoryRecorder<TxnOperations>();
    const t1 = c.invoke("a", "txn", [w("x", 1), r("y")]);
    const t2 = c.invoke("b", "txn", [w("y", 1), r("x")]);
    t1.ok([w("x", 1), r("y", 1)]);
    t2.ok([w("y", 1), r("x", 1)]);
    expect(check(c.events, txnKvModel).failure?.anomaly).toMatchObject({
      name: "G1c",
      title: "circular information flow",
      lines: ["The cycle #1 -> #2 -> #1:", "  #2 read x=1, written by #1 (wr)", "  #1 read y=1, written by #2 (wr)"],
    });
  });

  it("ignores real time unless strict", () => {
    const h = new HistoryRecorder<TxnOperations>();
    commit(h, "a", [w("x", 1)]);
    commit(h, "b", [r("x", null)]); // serializable before the write, but it began after the write ended
    expect(check(h.events, txnKvModel).verdict).toBe("ok");
    const strict = check(h.events, txnKvModel, { strict: true });
    expect(strict.consistency).toBe("strict-serializable");
    expect(minimalIds(strict)).toEqual([1, 2]);
    expect(strict.failure?.anomaly?.name).toBe("G-single-realtime");
    expect(strict.failure?.explanation[0]).toBe('No real-time serial order of these 2 transactions exists: the longest order the model accepts is #1, leaving "x"=1.');
  });
});
