import { describe, expect, it } from "vitest";
import {
  EMPTY_MAP,
  EMPTY_SET,
  formatRuntime,
  formatValue,
  makeMap,
  makeSet,
  ref,
  type ValueNames,
} from "../../../src/explore/runtime/values.ts";
import { ANY, BOOL, DATA, EVENT, FLOAT, INT, MACHINE, mapOf, seqOf, setOf, STRING, tupleOf, type Type } from "../../../src/types/types.ts";

const names: ValueNames = {
  event: (id) => ["eStart", "ePing", "ePong"][id],
  enumElement: (enumName, value) => `${enumName}.${["RED", "GREEN"][value]}`,
  machine: (r) => `Client(${r.id})`,
};

const COLOR: Type = { kind: "Enum", name: "Color" };
const CLIENT: Type = { kind: "MachineRef", name: "Client", of: "machine" };
const named = (...fields: [string, Type][]): Type => ({ kind: "NamedTuple", fields: fields.map(([name, type]) => ({ name, type })) });

describe("formatValue", () => {
  it("prints primitives", () => {
    expect(formatValue(42, INT)).toBe("42");
    expect(formatValue(-7, INT)).toBe("-7");
    expect(formatValue(true, BOOL)).toBe("true");
    expect(formatValue("hello world", STRING)).toBe("hello world");
    expect(formatValue(null, MACHINE)).toBe("null");
    expect(formatValue(null, EVENT)).toBe("null");
  });

  it("prints floats with a decimal point", () => {
    expect(formatValue(1, FLOAT)).toBe("1.0");
    expect(formatValue(-3, FLOAT)).toBe("-3.0");
    expect(formatValue(-0, FLOAT)).toBe("0.0");
    expect(formatValue(0.25, FLOAT)).toBe("0.25");
    expect(formatValue(1e21, FLOAT)).toBe("1e+21");
    expect(formatValue(NaN, FLOAT)).toBe("NaN");
    expect(formatValue(-Infinity, FLOAT)).toBe("-Infinity");
  });

  it("names enum elements, events and machines", () => {
    expect(formatValue(1, COLOR, names)).toBe("Color.GREEN");
    expect(formatValue(2, EVENT, names)).toBe("ePong");
    expect(formatValue(ref(2), CLIENT, names)).toBe("Client(2)");
    expect(formatValue(ref(3), MACHINE, names)).toBe("Client(3)");
  });

  it("falls back to numbers without names", () => {
    expect(formatValue(1, COLOR)).toBe("1");
    expect(formatValue(2, EVENT)).toBe("event(2)");
    expect(formatValue(ref(2), CLIENT)).toBe("machine(2)");
  });

  it("prints tuples and named tuples", () => {
    expect(formatValue([1, true], tupleOf([INT, BOOL]))).toBe("(1, true)");
    expect(formatValue([5], tupleOf([INT]))).toBe("(5,)");
    expect(formatValue([1, true], named(["key", INT], ["ok", BOOL]))).toBe("(key = 1, ok = true)");
    expect(formatValue(["a"], named(["key", STRING]))).toBe('(key = "a",)');
    expect(formatValue([ref(1), 0], named(["client", CLIENT], ["color", COLOR]), names)).toBe(
      "(client = Client(1), color = Color.RED)",
    );
  });

  it("prints collections, quoting strings inside them", () => {
    expect(formatValue([1, 2], seqOf(INT))).toBe("[1, 2]");
    expect(formatValue([], seqOf(INT))).toBe("[]");
    expect(formatValue(["a", "b"], seqOf(STRING))).toBe('["a", "b"]');
    expect(formatValue(makeSet([2, 1]), setOf(INT))).toBe("{1, 2}");
    expect(formatValue(EMPTY_SET, setOf(INT))).toBe("{}");
    expect(formatValue(makeMap([[2, "b"], [1, "a"]]), mapOf(INT, STRING))).toBe('{1 -> "a", 2 -> "b"}');
    expect(formatValue(EMPTY_MAP, mapOf(INT, STRING))).toBe("{}");
    expect(formatValue(["say \"hi\"\n"], seqOf(STRING))).toBe('["say \\"hi\\"\\n"]');
    expect(formatValue([1.5, 2], seqOf(FLOAT))).toBe("[1.5, 2.0]");
    expect(formatValue(makeMap([[0, [ref(1)]]]), mapOf(COLOR, seqOf(CLIENT)), names)).toBe("{Color.RED -> [Client(1)]}");
  });

  it("prints any and data by runtime shape", () => {
    expect(formatValue(3, ANY)).toBe("3");
    expect(formatValue(0.5, DATA)).toBe("0.5");
    expect(formatValue("top", ANY)).toBe("top");
    expect(formatValue([1, "x", null], ANY)).toBe('[1, "x", null]');
    expect(formatValue(makeSet([ref(0)]), ANY, names)).toBe("{Client(0)}");
    expect(formatValue(makeMap([["k", false]]), DATA)).toBe('{"k" -> false}');
    expect(formatValue([7, [1, 2]], tupleOf([INT, ANY]))).toBe("(7, [1, 2])");
  });

  it("prints a value that does not have the promised shape by its runtime shape", () => {
    expect(formatValue("oops", INT)).toBe("oops");
    expect(formatValue([1, 2, 3], tupleOf([INT, INT]))).toBe("[1, 2, 3]");
  });
});

describe("formatRuntime", () => {
  it("prints by shape, with machines through names when given", () => {
    expect(formatRuntime([ref(1), "s"])).toBe('[machine(1), "s"]');
    expect(formatRuntime([ref(1), "s"], names)).toBe('[Client(1), "s"]');
    expect(formatRuntime("s")).toBe("s");
  });
});
