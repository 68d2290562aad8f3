import { describe, expect, it } from "vitest";
import { VisitedSet } from "../../../src/explore/engine/index.ts";

describe("VisitedSet", () => {
  it("numbers new states densely, answers -1 for known ones, and keeps parents and ordinals", () => {
    const set = new VisitedSet({ initialCapacity: 4 });
    expect(set.add(1, 10, -1, 0)).toBe(0);
    expect(set.add(2, 20, 0, 3)).toBe(1);
    expect(set.add(1, 10, 1, 7)).toBe(-1);
    expect(set.add(1, 11, 1, 7)).toBe(2); // same lane A, different lane B: a different state
    expect(set.count).toBe(3);
    expect([set.parentOf(0), set.ordinalOf(0)]).toEqual([-1, 0]);
    expect([set.parentOf(1), set.ordinalOf(1)]).toEqual([0, 3]);
    expect([set.parentOf(2), set.ordinalOf(2)]).toEqual([1, 7]);
    expect(set.has(2, 20)).toBe(true);
    expect(set.has(2, 21)).toBe(false);
  });

  it("grows by rehashing and keeps every state, its index and its parent", () => {
    const set = new VisitedSet({ initialCapacity: 1, keepIndex: true });
    const n = 200_000;
    let numbered = 0;
    for (let i = 0; i < n; i++) {
      // Lane A values that share their low bits, to exercise probing.
      if (set.add((i << 4) | 1, i, i - 1, i & 7) === i) numbered++;
    }
    expect(numbered).toBe(n);
    expect(set.count).toBe(n);
    expect(set.capacity()).toBe(1 << 19);
    for (let i = 0; i < n; i += 997) {
      expect(set.add((i << 4) | 1, i, 0, 0)).toBe(-1);
      expect(set.foundIndex).toBe(i);
      expect(set.parentOf(i)).toBe(i - 1);
      expect(set.ordinalOf(i)).toBe(i & 7);
    }
  });

  it("costs well under 32 bytes per state without slot indices", () => {
    const set = new VisitedSet({ initialCapacity: 16 });
    for (let i = 1; i <= 300_000; i++) set.add(i, i * 31, i - 1, 0);
    // 2^19 slots of 8 bytes, plus 10 pages of 2^15 parent/ordinal pairs.
    expect(set.bytes()).toBe((1 << 19) * 8 + 10 * (1 << 15) * 8);
    expect(set.bytes() / set.count).toBeLessThan(24);
  });
});
