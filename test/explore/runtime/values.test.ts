import { describe, expect, it } from "vitest";
import {
  compareValues,
  EMPTY_MAP,
  EMPTY_SET,
  equalValues,
  makeMap,
  makeSet,
  PMap,
  PSet,
  Ref,
  ref,
  RuntimeError,
  type Value,
} from "../../../src/explore/runtime/values.ts";

describe("ref", () => {
  it("interns: one Ref per id, so === is identity", () => {
    expect(ref(3)).toBe(ref(3));
    expect(ref(3)).not.toBe(ref(4));
    expect(ref(3).id).toBe(3);
    expect(ref(0)).toBeInstanceOf(Ref);
  });

  it("rejects ids that are negative or not integers", () => {
    expect(() => ref(-1)).toThrow("a machine id must be a non-negative integer, not -1");
    expect(() => ref(1.5)).toThrow("a machine id must be a non-negative integer, not 1.5");
  });
});

describe("compareValues", () => {
  it("orders kinds: null, numbers, booleans, strings, refs, arrays, sets, maps", () => {
    const ladder: Value[] = [null, -5, 7, false, true, "", "a", ref(0), ref(9), [], [0], EMPTY_SET, makeSet([1]), EMPTY_MAP];
    for (let i = 0; i < ladder.length; i++) {
      for (let j = 0; j < ladder.length; j++) {
        expect(Math.sign(compareValues(ladder[i], ladder[j])), `${i} vs ${j}`).toBe(Math.sign(i - j));
      }
    }
  });

  it("compares numbers numerically, with -0 equal to 0 and NaN equal to itself and last", () => {
    expect(compareValues(2, 10)).toBeLessThan(0);
    expect(compareValues(-0, 0)).toBe(0);
    expect(compareValues(NaN, NaN)).toBe(0);
    expect(compareValues(NaN, Infinity)).toBeGreaterThan(0);
    expect(compareValues(-Infinity, NaN)).toBeLessThan(0);
  });

  it("compares strings by UTF-16 code units", () => {
    expect(compareValues("B", "a")).toBeLessThan(0);
    expect(compareValues("ab", "abc")).toBeLessThan(0);
    expect(compareValues("\u{1F600}", "\uFFFF")).toBeLessThan(0); // a surrogate pair sorts before U+FFFF
  });

  it("compares arrays lexicographically, then by length", () => {
    expect(compareValues([1, 5], [2, 0])).toBeLessThan(0);
    expect(compareValues([1, 2], [1, 2, 0])).toBeLessThan(0);
    expect(compareValues([1, [2, "x"]], [1, [2, "x"]])).toBe(0);
  });

  it("compares sets on their sorted items and maps on key, value, key, value", () => {
    expect(compareValues(makeSet([3, 1]), makeSet([1, 2, 3]))).toBeGreaterThan(0);
    expect(compareValues(makeMap([[1, "b"]]), makeMap([[1, "c"]]))).toBeLessThan(0);
    expect(compareValues(makeMap([[1, "z"]]), makeMap([[2, "a"]]))).toBeLessThan(0);
    expect(compareValues(makeMap([[1, "a"]]), makeMap([[1, "a"], [2, "a"]]))).toBeLessThan(0);
  });
});

describe("equalValues", () => {
  it("is deep and structural", () => {
    expect(equalValues([1, makeSet(["a"]), makeMap([[ref(1), [true]]])], [1, makeSet(["a"]), makeMap([[ref(1), [true]]])])).toBe(true);
    expect(equalValues([1, 2], [1, 2, 3])).toBe(false);
    expect(equalValues(makeSet([1]), [1])).toBe(false);
    expect(equalValues(makeMap([[1, 2]]), makeMap([[1, 3]]))).toBe(false);
    expect(equalValues(ref(1), ref(2))).toBe(false);
  });

  it("does not mix kinds: 0, false, null and \"\" are all different", () => {
    const vs: Value[] = [0, false, null, "", [], EMPTY_SET, EMPTY_MAP];
    for (const a of vs) for (const b of vs) expect(equalValues(a, b)).toBe(a === b);
  });

  it("takes -0 as 0 and NaN as NaN", () => {
    expect(equalValues(-0, 0)).toBe(true);
    expect(equalValues(NaN, NaN)).toBe(true);
    expect(equalValues([NaN], [NaN])).toBe(true);
    expect(equalValues(NaN, 0)).toBe(false);
  });
});

describe("makeSet and makeMap", () => {
  it("sort and drop duplicates", () => {
    expect(makeSet([3, 1, 3, 2]).items).toEqual([1, 2, 3]);
    expect(makeSet([[1], [0], [1]]).items).toEqual([[0], [1]]);
    expect(makeSet([])).toBe(EMPTY_SET);
  });

  it("keep the last value given for a repeated key", () => {
    const m = makeMap([
      [2, "b"],
      [1, "a"],
      [2, "c"],
    ]);
    expect(m.keys).toEqual([1, 2]);
    expect(m.values).toEqual(["a", "c"]);
    expect(makeMap([])).toBe(EMPTY_MAP);
  });

  it("are the empty constants' classes", () => {
    expect(EMPTY_SET).toBeInstanceOf(PSet);
    expect(EMPTY_MAP).toBeInstanceOf(PMap);
    expect(EMPTY_SET.items).toEqual([]);
    expect(EMPTY_MAP.keys).toEqual([]);
  });
});

describe("RuntimeError", () => {
  it("is an Error named RuntimeError", () => {
    const e = new RuntimeError("boom");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("RuntimeError");
    expect(e.message).toBe("boom");
  });
});
