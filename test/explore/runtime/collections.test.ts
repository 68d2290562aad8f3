import { describe, expect, it } from "vitest";
import {
  chooseFrom,
  collectionSize,
  contains,
  EMPTY_MAP,
  EMPTY_SET,
  makeMap,
  makeSet,
  mapAdd,
  mapGet,
  mapHas,
  mapKeys,
  mapRemove,
  mapSet,
  mapValues,
  ref,
  RuntimeError,
  search,
  seqGet,
  seqHas,
  seqInsert,
  seqRemoveAt,
  seqSet,
  setAdd,
  setGet,
  setHas,
  setRemove,
  sizeOf,
  tupleSet,
  type Value,
} from "../../../src/explore/runtime/values.ts";

/** Runs `f` and returns the RuntimeError it throws. */
function runtimeError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RuntimeError);
    return (e as Error).message;
  }
  throw new Error("expected a RuntimeError");
}

describe("seq operations", () => {
  const s: readonly Value[] = Object.freeze([10, 20, 30]);

  it("read, replace, insert and remove without touching the input", () => {
    expect(seqGet(s, 1)).toBe(20);
    expect(seqSet(s, 1, 99)).toEqual([10, 99, 30]);
    expect(seqInsert(s, 0, 5)).toEqual([5, 10, 20, 30]);
    expect(seqInsert(s, 2, 25)).toEqual([10, 20, 25, 30]);
    expect(seqInsert(s, 3, 40)).toEqual([10, 20, 30, 40]);
    expect(seqRemoveAt(s, 0)).toEqual([20, 30]);
    expect(seqRemoveAt(s, 2)).toEqual([10, 20]);
    expect(s).toEqual([10, 20, 30]);
  });

  it("share the unchanged elements", () => {
    const inner = [1, 2];
    const t = seqSet([inner, [3]], 1, [4]);
    expect(t[0]).toBe(inner);
  });

  it("find elements by structure", () => {
    expect(seqHas([[1, "a"], [2, "b"]], [2, "b"])).toBe(true);
    expect(seqHas([[1, "a"]], [1, "b"])).toBe(false);
    expect(seqHas([], 0)).toBe(false);
  });

  it("reject indices out of range", () => {
    expect(runtimeError(() => seqGet(s, 5))).toBe("index 5 is out of range for a seq of length 3");
    expect(runtimeError(() => seqGet(s, -1))).toBe("index -1 is out of range for a seq of length 3");
    expect(runtimeError(() => seqGet([], 0))).toBe("index 0 is out of range for a seq of length 0");
    expect(runtimeError(() => seqSet(s, 3, 0))).toBe("index 3 is out of range for a seq of length 3");
    expect(runtimeError(() => seqRemoveAt(s, 3))).toBe("index 3 is out of range for a seq of length 3");
    expect(runtimeError(() => seqInsert(s, 4, 0))).toBe("index 4 is out of range for inserting into a seq of length 3");
    expect(runtimeError(() => seqInsert(s, -1, 0))).toBe("index -1 is out of range for inserting into a seq of length 3");
  });
});

describe("set operations", () => {
  const s = makeSet([3, 1, 2]);

  it("add and remove in sorted position, returning the same set when nothing changes", () => {
    expect(setAdd(s, 0).items).toEqual([0, 1, 2, 3]);
    expect(setAdd(s, 5).items).toEqual([1, 2, 3, 5]);
    expect(setAdd(setAdd(EMPTY_SET, "b"), "a").items).toEqual(["a", "b"]);
    expect(setAdd(s, 2)).toBe(s);
    expect(setRemove(s, 2).items).toEqual([1, 3]);
    expect(setRemove(s, 7)).toBe(s);
    expect(s.items).toEqual([1, 2, 3]);
  });

  it("test membership by structure", () => {
    expect(setHas(s, 2)).toBe(true);
    expect(setHas(s, 4)).toBe(false);
    expect(setHas(makeSet([[1, ref(2)]]), [1, ref(2)])).toBe(true);
  });

  it("index the sorted order", () => {
    expect(setGet(s, 0)).toBe(1);
    expect(setGet(s, 2)).toBe(3);
    expect(runtimeError(() => setGet(s, 3))).toBe("index 3 is out of range for a set of size 3");
  });
});

describe("map operations", () => {
  const m = makeMap([
    [2, "b"],
    [1, "a"],
  ]);

  it("read, test and list keys and values in key order", () => {
    expect(mapGet(m, 1)).toBe("a");
    expect(mapHas(m, 2)).toBe(true);
    expect(mapHas(m, 3)).toBe(false);
    expect(mapKeys(m)).toEqual([1, 2]);
    expect(mapValues(m)).toEqual(["a", "b"]);
  });

  it("set, add and remove without touching the input", () => {
    const replaced = mapSet(m, 2, "B");
    expect([replaced.keys, replaced.values]).toEqual([[1, 2], ["a", "B"]]);
    expect(replaced.keys).toBe(m.keys); // a replaced value keeps the keys
    const inserted = mapSet(m, 0, "z");
    expect([inserted.keys, inserted.values]).toEqual([[0, 1, 2], ["z", "a", "b"]]);
    const added = mapAdd(m, 3, "c");
    expect([added.keys, added.values]).toEqual([[1, 2, 3], ["a", "b", "c"]]);
    const removed = mapRemove(m, 1);
    expect([removed.keys, removed.values]).toEqual([[2], ["b"]]);
    expect(mapRemove(m, 9)).toBe(m);
    expect([m.keys, m.values]).toEqual([[1, 2], ["a", "b"]]);
  });

  it("report missing and duplicate keys in words", () => {
    expect(runtimeError(() => mapGet(m, 3))).toBe("key 3 is not in the map");
    expect(runtimeError(() => mapGet(EMPTY_MAP, "k"))).toBe('key "k" is not in the map');
    expect(runtimeError(() => mapGet(m, [1, ref(4)]))).toBe("key [1, machine(4)] is not in the map");
    expect(runtimeError(() => mapAdd(m, 1, "x"))).toBe("key 1 is already in the map");
  });
});

describe("tuples and collections in general", () => {
  it("replace a tuple field without touching the tuple", () => {
    const t = [1, true];
    expect(tupleSet(t, 1, false)).toEqual([1, false]);
    expect(t).toEqual([1, true]);
    expect(runtimeError(() => tupleSet(t, 2, 0))).toBe("index 2 is out of range for a tuple of 2 fields");
  });

  it("measure seqs, sets and maps", () => {
    expect(sizeOf([1, 2, 3])).toBe(3);
    expect(sizeOf(makeSet([1, 1, 2]))).toBe(2);
    expect(sizeOf(makeMap([[1, 1]]))).toBe(1);
    expect(collectionSize(EMPTY_MAP)).toBe(0);
    expect(runtimeError(() => sizeOf(5))).toBe("sizeof needs a seq, set or map, not 5");
  });

  it("choose the i-th element of a seq, of a set in order, or the i-th key of a map", () => {
    expect(chooseFrom([7, 8], 1)).toBe(8);
    expect(chooseFrom(makeSet([9, 4]), 0)).toBe(4);
    expect(chooseFrom(makeMap([[5, "x"], [2, "y"]]), 1)).toBe(5);
    expect(runtimeError(() => chooseFrom([7, 8], 2))).toBe("index 2 is out of range for a seq of length 2");
    expect(runtimeError(() => chooseFrom(EMPTY_SET, 0))).toBe("index 0 is out of range for a set of size 0");
    expect(runtimeError(() => chooseFrom(EMPTY_MAP, 0))).toBe("index 0 is out of range for a map of size 0");
    expect(runtimeError(() => chooseFrom(true, 0))).toBe("cannot choose from true: it is not a seq, set or map");
  });

  it("test `in` on any collection", () => {
    expect(contains([1, 2], 2)).toBe(true);
    expect(contains(makeSet(["a"]), "b")).toBe(false);
    expect(contains(makeMap([["k", 0]]), "k")).toBe(true);
    expect(runtimeError(() => contains("abc", "a"))).toBe('"in" needs a seq, set or map, not "abc"');
  });

  it("search gives the index of a present element and the insertion point of an absent one", () => {
    expect(search([1, 3, 5], 3)).toBe(1);
    expect(search([1, 3, 5], 0)).toBe(-1);
    expect(search([1, 3, 5], 4)).toBe(-3);
    expect(search([1, 3, 5], 9)).toBe(-4);
    expect(search([], 9)).toBe(-1);
  });
});
