import { describe, expect, it } from "vitest";
import {
  castTo,
  defaultValue,
  EMPTY_MAP,
  EMPTY_SET,
  makeMap,
  makeSet,
  ref,
  RuntimeError,
  type Value,
} from "../../../src/explore/runtime/values.ts";
import {
  ANY,
  BOOL,
  DATA,
  ERROR,
  EVENT,
  FLOAT,
  INT,
  MACHINE,
  mapOf,
  NULL,
  seqOf,
  setOf,
  STRING,
  tupleOf,
  VOID,
  withAlias,
  type Type,
} from "../../../src/types/types.ts";

const COLOR: Type = { kind: "Enum", name: "Color" };
const CLIENT: Type = { kind: "MachineRef", name: "Client", of: "machine" };
const PAIR: Type = { kind: "NamedTuple", fields: [{ name: "key", type: STRING }, { name: "n", type: INT }] };

describe("defaultValue", () => {
  it("gives each primitive type its default", () => {
    expect(defaultValue(INT)).toBe(0);
    expect(defaultValue(FLOAT)).toBe(0);
    expect(defaultValue(BOOL)).toBe(false);
    expect(defaultValue(STRING)).toBe("");
    for (const t of [EVENT, MACHINE, CLIENT, ANY, DATA, NULL, VOID, ERROR]) expect(defaultValue(t)).toBeNull();
  });

  it("takes an enum's default from the lookup, 0 without one", () => {
    expect(defaultValue(COLOR, (name) => (name === "Color" ? 4 : -1))).toBe(4);
    expect(defaultValue(COLOR)).toBe(0);
  });

  it("builds tuples fieldwise and empty collections", () => {
    expect(defaultValue(tupleOf([INT, STRING, COLOR]), () => 2)).toEqual([0, "", 2]);
    expect(defaultValue(PAIR)).toEqual(["", 0]);
    expect(defaultValue(tupleOf([tupleOf([BOOL]), seqOf(INT)]))).toEqual([[false], []]);
    expect(defaultValue(seqOf(INT))).toEqual([]);
    expect(defaultValue(setOf(INT))).toBe(EMPTY_SET);
    expect(defaultValue(mapOf(INT, INT))).toBe(EMPTY_MAP);
  });
});

describe("castTo", () => {
  const ok = (v: Value, t: Type) => expect(castTo(v, t)).toBe(v);
  const fails = (v: Value, t: Type) => {
    try {
      castTo(v, t);
    } catch (e) {
      expect(e).toBeInstanceOf(RuntimeError);
      return (e as Error).message;
    }
    throw new Error("expected the cast to fail");
  };

  it("returns the value itself when it fits", () => {
    ok(3, INT);
    ok(-2147483648, INT);
    ok(2.5, FLOAT);
    ok(3, FLOAT);
    ok(true, BOOL);
    ok("s", STRING);
    ok(1, COLOR);
    ok(2, EVENT);
    ok(null, EVENT);
    ok(ref(1), MACHINE);
    ok(ref(1), CLIENT);
    ok(null, CLIENT);
    ok(null, DATA);
    ok([1, "a"], tupleOf([INT, STRING]));
    ok(["a", 1], PAIR);
    ok([1, 2], seqOf(INT));
    ok([[1], [2.5]], seqOf(seqOf(FLOAT)));
    ok(makeSet(["a"]), setOf(STRING));
    ok(makeMap([[1, ref(0)]]), mapOf(INT, MACHINE));
    ok([1, ref(0), "x"], ANY);
    ok(makeMap([["k", [1, true]]]), DATA);
    ok([1, [2, ["x"]]], tupleOf([INT, ANY]));
  });

  it("refuses a value of another shape, naming value and type", () => {
    expect(fails(2.5, INT)).toBe("cannot cast 2.5 to int");
    expect(fails(4294967296, INT)).toBe("cannot cast 4294967296 to int");
    expect(fails("3", INT)).toBe('cannot cast "3" to int');
    expect(fails(1, BOOL)).toBe("cannot cast 1 to bool");
    expect(fails(null, STRING)).toBe("cannot cast null to string");
    expect(fails(null, INT)).toBe("cannot cast null to int");
    expect(fails(3, MACHINE)).toBe("cannot cast 3 to machine");
    expect(fails(ref(1), EVENT)).toBe("cannot cast machine(1) to event");
    expect(fails([1], tupleOf([INT, INT]))).toBe("cannot cast [1] to (int, int)");
    expect(fails([1, "a"], tupleOf([INT, INT]))).toBe('cannot cast [1, "a"] to (int, int)');
    expect(fails([1, 2.5], seqOf(INT))).toBe("cannot cast [1, 2.5] to seq[int]");
    expect(fails([1], setOf(INT))).toBe("cannot cast [1] to set[int]");
    expect(fails(makeSet([1]), seqOf(INT))).toBe("cannot cast {1} to seq[int]");
    expect(fails(makeMap([[1, "a"]]), mapOf(INT, INT))).toBe('cannot cast {1 -> "a"} to map[int, int]');
    expect(fails(makeMap([["a", 1]]), mapOf(INT, INT))).toBe('cannot cast {"a" -> 1} to map[int, int]');
    expect(fails(["a", 1.5], PAIR)).toBe('cannot cast ["a", 1.5] to (key: string, n: int)');
    expect(fails(["a", 1.5], withAlias(PAIR, "tEntry"))).toBe('cannot cast ["a", 1.5] to tEntry');
  });

  it("refuses a machine reference anywhere inside a value cast to data", () => {
    expect(fails(ref(2), DATA)).toBe("cannot cast machine(2) to data");
    expect(fails([1, [ref(2)]], DATA)).toBe("cannot cast [1, [machine(2)]] to data");
    expect(fails(makeSet([ref(0)]), DATA)).toBe("cannot cast {machine(0)} to data");
    expect(fails(makeMap([[0, ref(0)]]), DATA)).toBe("cannot cast {0 -> machine(0)} to data");
  });

  it("lets null through to nullable types only", () => {
    for (const t of [MACHINE, CLIENT, EVENT, DATA, ANY, NULL]) ok(null, t);
    for (const t of [INT, FLOAT, BOOL, STRING, COLOR, tupleOf([INT]), seqOf(INT), setOf(INT), mapOf(INT, INT)]) {
      expect(() => castTo(null, t)).toThrow(RuntimeError);
    }
  });
});
