import { describe, expect, it } from "vitest";
import { codecFor, codecKey, compileValuesReader, compileValuesWriter, Reader, StringTable, Writer } from "../../../src/explore/runtime/encode.ts";
import {
  TAG_ARRAY,
  TAG_FALSE,
  TAG_FLOAT,
  TAG_INT,
  TAG_MAP,
  TAG_NULL,
  TAG_REF,
  TAG_SET,
  TAG_STRING,
  TAG_TRUE,
} from "../../../src/explore/runtime/tagged.ts";
import { EMPTY_MAP, EMPTY_SET, equalValues, makeMap, makeSet, ref, type Value } from "../../../src/explore/runtime/values.ts";
import { ANY, BOOL, DATA, EVENT, FLOAT, INT, MACHINE, mapOf, seqOf, setOf, STRING, tupleOf, type Type } from "../../../src/types/types.ts";

const COLOR: Type = { kind: "Enum", name: "Color" };
const CLIENT: Type = { kind: "MachineRef", name: "Client", of: "machine" };

function floatWords(x: number): number[] {
  return [...new Int32Array(new Float64Array([x]).buffer)];
}

/** The words of `v` as type `t`, checking on the way that they decode to `v`. */
function words(t: Type, v: Value, strings = new StringTable()): number[] {
  const w = new Writer(1);
  const codec = codecFor(t, strings);
  codec.write(w, v);
  const r = new Reader(w.toArray());
  expect(equalValues(codec.read(r), v)).toBe(true);
  expect(r.pos).toBe(w.length);
  return [...w.toArray()];
}

describe("Writer and Reader", () => {
  it("grow as needed and read back words and floats in order", () => {
    const w = new Writer(1);
    for (let i = 0; i < 100; i++) w.push(i - 50);
    w.pushFloat(0.1);
    expect(w.length).toBe(102);
    const r = new Reader(w.toArray(), 98);
    expect([r.next(), r.next()]).toEqual([48, 49]);
    expect(r.nextFloat()).toBe(0.1);
    expect(r.pos).toBe(102);
  });

  it("reset starts over and toArray copies", () => {
    const w = new Writer();
    w.push(1);
    const first = w.toArray();
    w.reset();
    w.push(2);
    expect([...first]).toEqual([1]);
    expect([...w.toArray()]).toEqual([2]);
  });

  it("write -0 as 0 and every NaN alike", () => {
    const a = new Writer();
    a.pushFloat(-0);
    a.pushFloat(new Float64Array(new Uint32Array([1, 0x7ff80000]).buffer)[0]);
    const b = new Writer();
    b.pushFloat(0);
    b.pushFloat(NaN);
    expect([...a.toArray()]).toEqual([...b.toArray()]);
  });
});

describe("StringTable", () => {
  it("numbers strings from 0 in the order they are first seen", () => {
    const s = new StringTable();
    expect([s.id("b"), s.id("a"), s.id("b"), s.id("")]).toEqual([0, 1, 0, 2]);
    expect([s.get(0), s.get(1), s.get(2)]).toEqual(["b", "a", ""]);
    expect(s.size).toBe(3);
    expect(() => s.get(3)).toThrow("no string has id 3");
  });
});

describe("typed codecs", () => {
  it("write primitives in one word, floats in two", () => {
    expect(words(INT, -5)).toEqual([-5]);
    expect(words(COLOR, 2)).toEqual([2]);
    expect(words(BOOL, true)).toEqual([1]);
    expect(words(BOOL, false)).toEqual([0]);
    expect(words(EVENT, 3)).toEqual([3]);
    expect(words(EVENT, null)).toEqual([-1]);
    expect(words(MACHINE, ref(4))).toEqual([4]);
    expect(words(CLIENT, null)).toEqual([-1]);
    expect(words(FLOAT, 1.5)).toEqual(floatWords(1.5));
  });

  it("write strings as their ids in the table", () => {
    const strings = new StringTable();
    strings.id("x");
    expect(words(STRING, "y", strings)).toEqual([1]);
    expect(words(STRING, "x", strings)).toEqual([0]);
  });

  it("write tuples fieldwise and collections with their size first", () => {
    const strings = new StringTable();
    expect(words(tupleOf([INT]), [7])).toEqual([7]);
    expect(words(tupleOf([INT, BOOL]), [7, true])).toEqual([7, 1]);
    expect(words(tupleOf([INT, BOOL, EVENT]), [7, true, null])).toEqual([7, 1, -1]);
    expect(words(tupleOf([INT, BOOL, EVENT, MACHINE]), [7, true, null, ref(2)])).toEqual([7, 1, -1, 2]);
    expect(words(tupleOf([INT, INT, INT, INT, BOOL, INT]), [1, 2, 3, 4, false, 6])).toEqual([1, 2, 3, 4, 0, 6]);
    expect(words(seqOf(INT), [4, 5, 6])).toEqual([3, 4, 5, 6]);
    expect(words(seqOf(seqOf(INT)), [[1], []])).toEqual([2, 1, 1, 0]);
    expect(words(setOf(INT), makeSet([9, 2]))).toEqual([2, 2, 9]);
    expect(words(setOf(INT), EMPTY_SET)).toEqual([0]);
    expect(words(mapOf(STRING, INT), makeMap([["b", 2], ["a", 1]]), strings)).toEqual([2, 0, 1, 1, 2]);
    expect([strings.get(0), strings.get(1)]).toEqual(["a", "b"]); // keys are written in key order
    expect(words(mapOf(INT, INT), EMPTY_MAP)).toEqual([0]);
  });

  it("write any and data tagged by runtime shape", () => {
    expect(words(ANY, null)).toEqual([TAG_NULL]);
    expect(words(ANY, 5)).toEqual([TAG_INT, 5]);
    expect(words(ANY, -0)).toEqual([TAG_INT, 0]);
    expect(words(ANY, 2.5)).toEqual([TAG_FLOAT, ...floatWords(2.5)]);
    expect(words(ANY, 2 ** 40)).toEqual([TAG_FLOAT, ...floatWords(2 ** 40)]);
    expect(words(DATA, false)).toEqual([TAG_FALSE]);
    expect(words(DATA, true)).toEqual([TAG_TRUE]);
    expect(words(DATA, "s")).toEqual([TAG_STRING, 0]);
    expect(words(ANY, ref(3))).toEqual([TAG_REF, 3]);
    expect(words(ANY, [1, null])).toEqual([TAG_ARRAY, 2, TAG_INT, 1, TAG_NULL]);
    expect(words(ANY, makeSet([true]))).toEqual([TAG_SET, 1, TAG_TRUE]);
    expect(words(ANY, makeMap([[1, [] as Value]]))).toEqual([TAG_MAP, 1, TAG_INT, 1, TAG_ARRAY, 0]);
    expect(words(tupleOf([INT, ANY]), [1, 2])).toEqual([1, TAG_INT, 2]);
  });

  it("decode into real sets and maps, and the shared empty ones", () => {
    const strings = new StringTable();
    const w = new Writer();
    const codec = codecFor(seqOf(setOf(INT)), strings);
    codec.write(w, [EMPTY_SET, makeSet([1])]);
    const back = codec.read(new Reader(w.toArray())) as Value[];
    expect(back[0]).toBe(EMPTY_SET);
    expect(back[1]).toEqual(makeSet([1]));
  });
});

describe("codecFor", () => {
  it("builds one codec per type structure and string table", () => {
    const strings = new StringTable();
    const pair = tupleOf([INT, STRING]);
    expect(codecFor(pair, strings)).toBe(codecFor(tupleOf([INT, STRING]), strings));
    expect(codecFor(pair, strings)).toBe(
      codecFor({ kind: "NamedTuple", fields: [{ name: "a", type: COLOR }, { name: "b", type: STRING }] }, strings),
    );
    expect(codecFor(pair, strings)).not.toBe(codecFor(pair, new StringTable()));
    expect(codecFor(seqOf(INT), strings)).not.toBe(codecFor(setOf(INT), strings));
  });

  it("keys types by what they encode as", () => {
    expect(codecKey(mapOf(COLOR, seqOf(tupleOf([CLIENT, ANY, FLOAT]))))).toBe("<i,[(r,t,f)]>");
    expect(codecKey(DATA)).toBe(codecKey(ANY));
  });
});

describe("compileValuesWriter and compileValuesReader", () => {
  it("write a list of values as their codecs' words one after the other, and read them back", () => {
    const strings = new StringTable();
    const types = [seqOf(COLOR), INT, setOf(INT), mapOf(STRING, tupleOf([BOOL, CLIENT])), FLOAT, ANY, EVENT];
    const values: Value[] = [[1, 0, 1], -7, makeSet([3, 1]), makeMap([["b", [true, ref(2)]], ["a", [false, null]]]), 0.5, [1, "x"], null];
    const together = new Writer(1);
    compileValuesWriter(types, strings)(together, values);
    const apart = new Writer(1);
    types.forEach((t, i) => codecFor(t, strings).write(apart, values[i]));
    expect([...together.toArray()]).toEqual([...apart.toArray()]);
    const r = new Reader(together.toArray());
    const back = compileValuesReader(types, strings)(r);
    expect(r.pos).toBe(together.length);
    expect(back).toHaveLength(values.length);
    back.forEach((v, i) => expect(equalValues(v, values[i])).toBe(true));
  });
});
