// Histories produced by running a real sequential store with random concurrency are always
// accepted; the same history with a stale read appended (a value overwritten by a write that
// began after it was written) is always rejected, and the shrunk history keeps that read.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HistoryEvent, JsonValue } from "../../src/history/format.ts";
import { kvModel } from "../../src/history/models/kv.ts";
import { registerModel } from "../../src/history/models/register.ts";
import type { SequentialModel } from "../../src/history/model.ts";
import { memoryStore, simulateHistory, type Random } from "../../src/history/simulate.ts";
import { check } from "./helpers.ts";

type Choose = (random: Random, process: number) => { op: string; args: JsonValue };

function registerCalls(): Choose {
  let value = 0;
  return (random): { op: string; args: JsonValue } => {
    const key = random.pick(["a", "b"]);
    return random.next() < 0.5 ? { op: "write", args: { key, value: ++value } } : { op: "read", args: { key } };
  };
}

function kvCalls(): Choose {
  let value = 0;
  return (random): { op: string; args: JsonValue } => {
    const key = random.pick(["d/1", "d/2", "e"]);
    const r = random.next();
    if (r < 0.35) return { op: "put", args: { key, value: ++value } };
    if (r < 0.45) return { op: "delete", args: { key } };
    if (r < 0.6) return { op: "list", args: { prefix: random.pick(["d/", ""]) } };
    return { op: "get", args: { key } };
  };
}

const settings = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  processes: fc.integer({ min: 2, max: 6 }),
  operations: fc.integer({ min: 1, max: 40 }),
  infoRate: fc.constantFrom(0, 0.1),
});

/** A read, appended after everything, of a value an ok write wrote before another ok write on the key began. */
function staleRead(events: readonly HistoryEvent[], readOp: string, writeOp: string): HistoryEvent[] | undefined {
  const writes = new Map<number | string, { key: string; value: JsonValue; invoked: number; returned: number }>();
  events.forEach((e, i) => {
    if (e.type === "invoke" && e.op === writeOp) writes.set(e.id, { key: (e.args as { key: string }).key, value: (e.args as { value: JsonValue }).value, invoked: i, returned: -1 });
    else if (e.type === "ok" && writes.has(e.id)) writes.get(e.id)!.returned = i;
    else if (e.type !== "invoke") writes.delete(e.id);
  });
  const done = [...writes.values()].filter((w) => w.returned >= 0);
  const old = done.find((w) => done.some((later) => later.key === w.key && later.invoked > w.returned));
  if (old === undefined) return undefined;
  const time = events.length;
  return [
    ...events,
    { type: "invoke", id: "stale", process: "checker", time, op: readOp, args: { key: old.key } },
    { type: "ok", id: "stale", process: "checker", time: time + 1, result: old.value },
  ];
}

function holds(model: SequentialModel, calls: () => Choose, readOp: string, writeOp: string) {
  fc.assert(
    fc.property(settings, (s) => {
      const events = simulateHistory(memoryStore, calls(), s);
      expect(check(events, model).verdict).toBe("ok");
      const stale = staleRead(events, readOp, writeOp);
      if (stale !== undefined) {
        const verdict = check(stale, model);
        expect(verdict.verdict).toBe("violation");
        expect(verdict.failure?.operations.map((o) => o.id)).toContain("stale");
      }
    }),
    { numRuns: 60, seed: 7 },
  );
}

describe("histories of a real store", () => {
  it("are linearizable registers, and a stale read makes them fail", () => holds(registerModel, registerCalls, "read", "write"));
  it("are linearizable key-value stores with lists, and a stale read makes them fail", () => holds(kvModel, kvCalls, "get", "put"));
});
