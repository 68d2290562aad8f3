// Linearizability of small hand-written histories with known answers, and the exact minimal
// failing sub-history of each that fails.
import { describe, expect, it } from "vitest";
import type { KvOperations, RegisterOperations } from "../../src/history/format.ts";
import { kvModel } from "../../src/history/models/kv.ts";
import { registerModel } from "../../src/history/models/register.ts";
import { HistoryRecorder } from "../../src/history/recorder.ts";
import { check, minimalIds } from "./helpers.ts";

describe("linearizability of a register", () => {
  it("accepts reads of concurrent writes in either order, and rejects a stale read after a completed write", () => {
    const h = new HistoryRecorder<RegisterOperations>();
    const w1 = h.invoke("a", "write", { value: 1 });
    const r1 = h.invoke("b", "read", {});
    r1.ok(1);
    w1.ok(null);
    expect(check(h.events, registerModel).verdict).toBe("ok");
    h.invoke("b", "read", {}).ok(null); // 1 was written and read before this read began
    const v = check(h.events, registerModel);
    expect(v.verdict).toBe("violation");
    expect(minimalIds(v)).toEqual([1, 3]);
    expect(v.failure?.explanation).toEqual([
      "No order of these 2 operations is linearizable: the longest order the model accepts is #1, leaving \"\"=1.",
      "Then #2 (read -> null) has returned, so it must take effect next, and in that state it cannot.",
    ]);
  });

  it("rejects two readers that see two concurrent writes in opposite orders", () => {
    const h = new HistoryRecorder<RegisterOperations>();
    const w1 = h.invoke("w1", "write", { value: 1 });
    const w2 = h.invoke("w2", "write", { value: 2 });
    h.invoke("r1", "read", {}).ok(1);
    h.invoke("r1", "read", {}).ok(2);
    h.invoke("r2", "read", {}).ok(2);
    h.invoke("r2", "read", {}).ok(1);
    w1.ok(null);
    w2.ok(null);
    const v = check(h.events, registerModel);
    expect(v.verdict).toBe("violation");
    // The first reader sees 1 before the second reader sees 2; then 1 again is impossible.
    expect(minimalIds(v)).toEqual([1, 2, 3, 5, 6]);
  });

  it("lets a write whose outcome is unknown take effect late, but only once", () => {
    const h = new HistoryRecorder<RegisterOperations>();
    h.invoke("a", "write", { value: 1 }).ok(null);
    h.invoke("b", "write", { value: 2 }).info("timeout");
    h.invoke("a", "read", {}).ok(1);
    h.invoke("a", "read", {}).ok(2); // the timed-out write shows up after all
    expect(check(h.events, registerModel).verdict).toBe("ok");
    h.invoke("a", "read", {}).ok(1); // and then it is undone: impossible
    const v = check(h.events, registerModel);
    expect(v.verdict).toBe("violation");
    expect(minimalIds(v)).toEqual([1, 2, 4, 5]);
  });

  it("never lets a failed write show up", () => {
    const h = new HistoryRecorder<RegisterOperations>();
    h.invoke("a", "write", { value: 1 }).fail("rejected");
    h.invoke("b", "read", {}).ok(1);
    const v = check(h.events, registerModel);
    expect(v.verdict).toBe("violation");
    expect(minimalIds(v)).toEqual([2]);
    expect(v.operations).toEqual({ ok: 1, fail: 1, info: 0 });
  });

  it("checks compare-and-set: ok swapped, fail did not", () => {
    const h = new HistoryRecorder<RegisterOperations>();
    h.invoke("a", "write", { key: "x", value: 1 }).ok(null);
    h.invoke("a", "cas", { key: "x", from: 1, to: 2 }).ok(null);
    h.invoke("b", "cas", { key: "x", from: 1, to: 3 }).fail();
    h.invoke("b", "read", { key: "x" }).ok(2);
    expect(check(h.events, registerModel).verdict).toBe("ok");
    h.invoke("b", "read", { key: "x" }).ok(1);
    const v = check(h.events, registerModel);
    expect(v.failure?.partition).toBe("key x");
    expect(minimalIds(v)).toEqual([1, 2, 5]);
  });

  it("checks each key on its own and names the failing one", () => {
    const h = new HistoryRecorder<RegisterOperations>();
    for (let i = 0; i < 50; i++) {
      h.invoke("a", "write", { key: `k${i % 5}`, value: i }).ok(null);
      h.invoke("b", "read", { key: `k${i % 5}` }).ok(i);
    }
    h.invoke("b", "read", { key: "k3" }).ok(3);
    const v = check(h.events, registerModel);
    expect(v.partitions.map((p) => [p.name, p.operations, p.verdict])).toEqual([
      ["key k0", 20, "ok"],
      ["key k1", 20, "ok"],
      ["key k2", 20, "ok"],
      ["key k3", 21, "violation"],
      ["key k4", 20, "ok"],
    ]);
    // Write 3, then write 8 completes, then a read of 3.
    expect(minimalIds(v)).toEqual([7, 17, 101]);
  });
});

describe("linearizability of a key-value store with lists", () => {
  it("rejects a list that misses a key put before it began", () => {
    const h = new HistoryRecorder<KvOperations>();
    h.invoke("a", "put", { key: "p/1", value: "x" }).ok(null);
    h.invoke("a", "put", { key: "p/2", value: "y" }).ok(null);
    h.invoke("a", "put", { key: "q", value: "z" }).ok(null);
    h.invoke("b", "list", { prefix: "p/" }).ok(["p/2", "p/1"]);
    expect(check(h.events, kvModel).verdict).toBe("ok");
    h.invoke("b", "list", { prefix: "p/" }).ok(["p/1"]);
    const v = check(h.events, kvModel);
    expect(v.partitions.map((p) => p.name)).toEqual(["keys p/1, p/2", "key q"]);
    // p/1 stays: without it the list could not have returned it at all.
    expect(minimalIds(v)).toEqual([1, 2, 5]);
  });

  it("rejects a list that still shows a deleted key, and a get that disagrees with a list", () => {
    const h = new HistoryRecorder<KvOperations>();
    h.invoke("a", "put", { key: "k", value: 1 }).ok(null);
    h.invoke("a", "delete", { key: "k" }).ok(null);
    h.invoke("b", "list", { prefix: "" }).ok(["k"]);
    expect(minimalIds(check(h.events, kvModel))).toEqual([1, 2, 3]);
    const g = new HistoryRecorder<KvOperations>();
    const put = g.invoke("a", "put", { key: "k", value: 1 });
    g.invoke("b", "get", { key: "k" }).ok(1);
    g.invoke("b", "list", { prefix: "" }).ok([]);
    put.ok(null);
    expect(minimalIds(check(g.events, kvModel))).toEqual([1, 2, 3]);
  });

  it("rejects a list of a key nobody wrote", () => {
    const h = new HistoryRecorder<KvOperations>();
    h.invoke("b", "list", { prefix: "" }).ok(["ghost"]);
    const v = check(h.events, kvModel);
    expect(v.failure?.partition).toBe("key ghost");
    expect(minimalIds(v)).toEqual([1]);
  });

  it("leaves out reads whose outcome is unknown, and accepts an open write that takes effect late", () => {
    const h = new HistoryRecorder<KvOperations>();
    h.invoke("a", "get", { key: "k" }).info();
    h.invoke("c", "put", { key: "k", value: 2 }); // never completes
    h.invoke("b", "get", { key: "k" }).ok(null);
    h.invoke("b", "get", { key: "k" }).ok(2);
    const v = check(h.events, kvModel);
    expect(v.verdict).toBe("ok");
    expect(v.operations).toEqual({ ok: 2, fail: 0, info: 2 });
  });
});
