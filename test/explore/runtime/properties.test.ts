// Properties that tie the order, equality and encodings together, over random values of random
// types: compareValues is a total order whose zero is equalValues, and each type's codec is a
// canonical, invertible encoding (equal values ⇔ equal words; decoding gives the value back).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codecFor, Reader, StringTable, Writer } from "../../../src/explore/runtime/encode.ts";
import { compareValues, equalValues, type Value } from "../../../src/explore/runtime/values.ts";
import type { Type } from "../../../src/types/types.ts";
import { deepCopy, typedValues } from "./arbitraries.ts";

const RUNS = { numRuns: 2000 };
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

function encode(t: Type, v: Value, strings: StringTable): Int32Array {
  const w = new Writer(4);
  codecFor(t, strings).write(w, v);
  return w.toArray();
}

const sameWords = (a: Int32Array, b: Int32Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe("compareValues and equalValues", () => {
  it("is reflexive and antisymmetric, and zero exactly on equal values", () => {
    fc.assert(
      fc.property(typedValues(2), ({ values: [a, b] }) => {
        expect(compareValues(a, a)).toBe(0);
        expect(equalValues(a, a)).toBe(true);
        expect(sign(compareValues(a, b)) + sign(compareValues(b, a))).toBe(0);
        expect(compareValues(a, b) === 0).toBe(equalValues(a, b));
        expect(equalValues(a, b)).toBe(equalValues(b, a));
      }),
      RUNS,
    );
  });

  it("is transitive on samples of one type", () => {
    fc.assert(
      fc.property(typedValues(3), ({ values }) => {
        for (const x of values) {
          for (const y of values) {
            for (const z of values) {
              if (compareValues(x, y) <= 0 && compareValues(y, z) <= 0) expect(compareValues(x, z)).toBeLessThanOrEqual(0);
              if (compareValues(x, y) < 0 && compareValues(y, z) < 0) expect(compareValues(x, z)).toBeLessThan(0);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("sorts a sample into an order where every earlier value is at most every later one", () => {
    fc.assert(
      fc.property(typedValues(8), ({ values }) => {
        const sorted = values.slice().sort(compareValues);
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) expect(compareValues(sorted[i], sorted[j])).toBeLessThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it("treats a rebuilt copy as equal", () => {
    fc.assert(
      fc.property(typedValues(1), ({ values: [a] }) => {
        const b = deepCopy(a);
        expect(equalValues(a, b)).toBe(true);
        expect(compareValues(a, b)).toBe(0);
      }),
      RUNS,
    );
  });
});

describe("codecFor", () => {
  it("decodes what it encodes, reading exactly the words written", () => {
    fc.assert(
      fc.property(typedValues(1), ({ type, values: [v] }) => {
        const strings = new StringTable();
        const w = new Writer(4);
        w.push(77); // a value is rarely first in a state
        const codec = codecFor(type, strings);
        codec.write(w, v);
        w.push(88);
        const r = new Reader(w.toArray(), 1);
        const back = codec.read(r);
        expect(equalValues(back, v)).toBe(true);
        expect(r.next()).toBe(88);
        expect(r.pos).toBe(w.length);
      }),
      RUNS,
    );
  });

  it("gives equal values equal words", () => {
    fc.assert(
      fc.property(typedValues(1), ({ type, values: [v] }) => {
        const strings = new StringTable();
        expect(sameWords(encode(type, v, strings), encode(type, deepCopy(v), strings))).toBe(true);
      }),
      RUNS,
    );
  });

  it("gives different values of one type different words", () => {
    fc.assert(
      fc.property(typedValues(2), ({ type, values: [a, b] }) => {
        const strings = new StringTable();
        expect(sameWords(encode(type, a, strings), encode(type, b, strings))).toBe(equalValues(a, b));
      }),
      RUNS,
    );
  });
});
