// Histories of a real transactional store run with random concurrency are serializable, strictly
// too; a read-only transaction appended after them that sees one write of a committed
// transaction but not another of its writes (a fractured read) is always rejected, and named.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HistoryEvent, JsonValue, MicroOp } from "../../src/history/format.ts";
import { txnKvModel } from "../../src/history/models/txn-kv.ts";
import { memoryStore, simulateHistory, type Random } from "../../src/history/simulate.ts";
import { check } from "./helpers.ts";

function transactions(): (random: Random) => { op: string; args: JsonValue } {
  let value = 0;
  return (random) => {
    const ops: MicroOp[] = [];
    for (let i = random.int(1, 3); i > 0; i--) {
      const key = random.pick(["x", "y", "z"]);
      ops.push(random.next() < 0.5 ? ["r", key, null] : ["w", key, ++value]);
    }
    return { op: "txn", args: ops as unknown as JsonValue };
  };
}

/** A read of one write of a committed two-key writer and of the other key as never written. */
function fracturedRead(events: readonly HistoryEvent[]): HistoryEvent[] | undefined {
  const committed = new Set(events.filter((e) => e.type === "ok").map((e) => e.id));
  for (const e of events) {
    if (e.type !== "invoke" || !committed.has(e.id)) continue;
    const writes = new Map((e.args as unknown as MicroOp[]).filter((m) => m[0] === "w").map((m) => [m[1], m[2]]));
    if (writes.size < 2) continue;
    const [[k1, v1], [k2]] = [...writes];
    const read: MicroOp[] = [["r", k1, v1], ["r", k2, null]];
    const time = events.length;
    return [
      ...events,
      { type: "invoke", id: "fractured", process: "checker", time, op: "txn", args: read.map((m) => ["r", m[1], null]) as unknown as JsonValue },
      { type: "ok", id: "fractured", process: "checker", time, result: read as unknown as JsonValue },
    ];
  }
  return undefined;
}

describe("histories of a real transactional store", () => {
  it("are serializable and strictly serializable, and a fractured read makes them fail", () => {
    fc.assert(
      fc.property(
        fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), processes: fc.integer({ min: 2, max: 6 }), operations: fc.integer({ min: 1, max: 40 }), infoRate: fc.constantFrom(0, 0.1) }),
        (s) => {
          const events = simulateHistory(memoryStore, transactions(), s);
          expect(check(events, txnKvModel).verdict).toBe("ok");
          expect(check(events, txnKvModel, { strict: true }).verdict).toBe("ok");
          const bad = fracturedRead(events);
          if (bad === undefined) return;
          const verdict = check(bad, txnKvModel);
          expect(verdict.verdict).toBe("violation");
          expect(verdict.failure?.operations.map((o) => o.id)).toContain("fractured");
          expect(verdict.failure?.anomaly?.name).toMatch(/^G/);
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });
});
