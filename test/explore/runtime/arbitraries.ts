// Random P types and random values of a given type, for the property tests of the value order and
// the encodings. Domains are kept small (ints near zero, short strings over two letters, a few
// machine ids) so that two values drawn independently are often equal, which is where ordering
// and encoding bugs hide; a few extreme values (int limits, -0, NaN, infinities) are mixed in.

import fc from "fast-check";
import { makeMap, makeSet, PMap, PSet, ref, type Value } from "../../../src/explore/runtime/values.ts";
import type { Type } from "../../../src/types/types.ts";

const leafTypes: Type[] = [
  { kind: "Int" },
  { kind: "Float" },
  { kind: "Bool" },
  { kind: "String" },
  { kind: "Event" },
  { kind: "Machine" },
  { kind: "MachineRef", name: "Client", of: "machine" },
  { kind: "Enum", name: "Color" },
  { kind: "Any" },
  { kind: "Data" },
];

/** A random type, nested a few levels deep. */
export const typeArb: fc.Arbitrary<Type> = fc.letrec<{ type: Type }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...leafTypes),
    fc.array(tie("type"), { minLength: 1, maxLength: 3 }).map((elements): Type => ({ kind: "Tuple", elements })),
    fc
      .array(tie("type"), { minLength: 1, maxLength: 3 })
      .map((ts): Type => ({ kind: "NamedTuple", fields: ts.map((type, i) => ({ name: `f${i}`, type })) })),
    tie("type").map((element): Type => ({ kind: "Seq", element })),
    tie("type").map((element): Type => ({ kind: "Set", element })),
    fc.tuple(tie("type"), tie("type")).map(([key, value]): Type => ({ kind: "Map", key, value })),
  ),
})).type;

const intArb = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constantFrom(-2147483648, 2147483647), fc.integer());
const floatArb = fc.oneof(
  fc.constantFrom(0, -0, 0.5, -1.5, 1, NaN, Infinity, -Infinity, 1e300, 5e-324),
  fc.double(),
);
const stringArb = fc.oneof(fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 3 }), fc.string({ maxLength: 4 }));
const refArb = fc.integer({ min: 0, max: 3 }).map(ref);

/** A value of no particular type, by runtime shape; without references when `data`. */
function shapeArb(data: boolean): fc.Arbitrary<Value> {
  return fc.letrec<{ v: Value }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant(null),
      intArb,
      floatArb,
      fc.boolean(),
      stringArb,
      data ? fc.constant(null) : refArb,
      fc.array(tie("v"), { maxLength: 3 }),
      fc.array(tie("v"), { maxLength: 3 }).map(makeSet),
      fc.array(fc.tuple(tie("v"), tie("v")), { maxLength: 3 }).map(makeMap),
    ),
  })).v;
}

/** A random value of type `t`. */
export function valueArb(t: Type): fc.Arbitrary<Value> {
  switch (t.kind) {
    case "Int":
      return intArb;
    case "Float":
      return floatArb;
    case "Bool":
      return fc.boolean();
    case "String":
      return stringArb;
    case "Enum":
      return fc.integer({ min: 0, max: 3 });
    case "Event":
      return fc.option(fc.integer({ min: 0, max: 3 }));
    case "Machine":
    case "MachineRef":
      return fc.option(refArb);
    case "Any":
      return shapeArb(false);
    case "Data":
      return shapeArb(true);
    case "Tuple":
      return fc.tuple(...t.elements.map(valueArb));
    case "NamedTuple":
      return fc.tuple(...t.fields.map((f) => valueArb(f.type)));
    case "Seq":
      return fc.array(valueArb(t.element), { maxLength: 3 });
    case "Set":
      return fc.array(valueArb(t.element), { maxLength: 3 }).map(makeSet);
    case "Map":
      return fc.array(fc.tuple(valueArb(t.key), valueArb(t.value)), { maxLength: 3 }).map(makeMap);
    default:
      return fc.constant(null);
  }
}

/** A type and `count` values of it. */
export function typedValues(count: number): fc.Arbitrary<{ type: Type; values: Value[] }> {
  return typeArb.chain((type) =>
    fc.array(valueArb(type), { minLength: count, maxLength: count }).map((values) => ({ type, values })),
  );
}

/** A NaN whose bits differ from those of the `NaN` literal. */
const otherNaN = new Float64Array(new Uint32Array([1, 0x7ff80000]).buffer)[0];

/**
 * A structurally equal value built afresh: new arrays, sets and maps rebuilt from their elements,
 * 0 turned into -0 and NaN into a NaN with other bits, strings rebuilt.
 */
export function deepCopy(v: Value): Value {
  if (v === null) return null;
  switch (typeof v) {
    case "number":
      return v === 0 ? -0 : v !== v ? otherNaN : v;
    case "string":
      return [...v].join("");
    case "boolean":
      return v;
  }
  if (v instanceof PSet) return makeSet(v.items.map(deepCopy).reverse());
  if (v instanceof PMap) return makeMap(v.keys.map((k, i) => [deepCopy(k), deepCopy(v.values[i])] as const).reverse());
  if (Array.isArray(v)) return (v as readonly Value[]).map(deepCopy);
  return v;
}
