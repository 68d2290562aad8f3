// Canonical encodings of values into 32-bit words, directed by the static type. The explorer
// writes every variable of every machine of every successor state through these, so a codec is
// JavaScript generated once per type: writing a value walks the value, never the type, and
// allocates nothing. Reading allocates only the values it returns.
//
// Canonical means: equal values give equal words, and different values of the same static type
// give different words. Every codec is self-delimiting, so codecs compose by concatenation:
//
//   int, enum, bool     one word (bool: 0 or 1)
//   event, references   the event or machine id, or -1 for null
//   float               two words, the float64's bits (-0 as 0, one NaN)
//   string              its id in the run's StringTable
//   tuple, named tuple  the fields in order
//   seq                 the length, then the elements
//   set                 the size, then the elements in sorted order
//   map                 the size, then key, value, key, value, ... in key order
//   any, data, ...      tagged by runtime shape (tagged.ts)

import { unreachable } from "../../ast/nodes.ts";
import type { Type } from "../../types/types.ts";
import { EMPTY_MAP, EMPTY_SET, PMap, PSet, ref, type Value } from "./core.ts";
import { readTagged, writeTagged } from "./tagged.ts";
import type { Reader, StringTable, Writer } from "./words.ts";

export { Reader, StringTable, Writer } from "./words.ts";

/** Writes and reads the values of one static type. */
export interface Codec {
  write(w: Writer, v: Value): void;
  read(r: Reader): Value;
}

// Both halves of a codec are JavaScript generated for its type, with the whole structure unrolled
// (a tuple's fields, a seq's element loop, a set's items): writing calls nothing but `w.push`, and
// reading nothing but `r.next` and the constructors of what it returns, so no call goes through a
// closure per element. The generated code names nothing from the model.

/**
 * How a type is encoded: types that encode alike (an enum and `int`, a tuple and a named tuple,
 * `any` and `data`) have the same shape. Every switch on how to encode goes through this one.
 */
type Shape =
  | { readonly k: "int" | "bool" | "float" | "string" | "event" | "ref" | "tagged" }
  | { readonly k: "tuple"; readonly fields: readonly Type[] }
  | { readonly k: "seq" | "set"; readonly element: Type }
  | { readonly k: "map"; readonly key: Type; readonly value: Type };

function shapeOf(t: Type): Shape {
  switch (t.kind) {
    case "Int":
    case "Enum":
      return { k: "int" };
    case "Bool":
      return { k: "bool" };
    case "Float":
      return { k: "float" };
    case "String":
      return { k: "string" };
    case "Event":
      return { k: "event" };
    case "Machine":
    case "MachineRef":
      return { k: "ref" };
    case "Any":
    case "Data":
    case "Null":
    case "Void":
    case "Error":
    case "Message":
      return { k: "tagged" };
    case "Tuple":
      return { k: "tuple", fields: t.elements };
    case "NamedTuple":
      return { k: "tuple", fields: t.fields.map((f) => f.type) };
    case "Seq":
      return { k: "seq", element: t.element };
    case "Set":
      return { k: "set", element: t.element };
    case "Map":
      return { k: "map", key: t.key, value: t.value };
    default:
      return unreachable(t);
  }
}

/** Statements writing the value of the JavaScript expression `x`, of type `t`, to `w`. */
function writeCode(t: Type, x: string, fresh: () => string): string {
  const shape = shapeOf(t);
  switch (shape.k) {
    case "int":
      return `w.push(${x});`;
    case "bool":
      return `w.push(${x} ? 1 : 0);`;
    case "float":
      return `w.pushFloat(${x});`;
    case "string":
      return `w.push(S.id(${x}));`;
    case "event":
      return `w.push(${x} === null ? -1 : ${x});`;
    case "ref":
      return `w.push(${x} === null ? -1 : ${x}.id);`;
    case "tagged":
      return `writeTagged(w, ${x}, S);`;
    case "tuple": {
      const v = fresh();
      return `{ const ${v} = ${x}; ${shape.fields.map((f, i) => writeCode(f, `${v}[${i}]`, fresh)).join(" ")} }`;
    }
    case "seq":
    case "set": {
      const [v, i] = [fresh(), fresh()];
      const items = shape.k === "seq" ? x : `${x}.items`;
      const element = writeCode(shape.element, `${v}[${i}]`, fresh);
      return `{ const ${v} = ${items}; w.push(${v}.length); for (let ${i} = 0; ${i} < ${v}.length; ${i}++) { ${element} } }`;
    }
    case "map": {
      const [m, i] = [fresh(), fresh()];
      const key = writeCode(shape.key, `${m}.keys[${i}]`, fresh);
      const value = writeCode(shape.value, `${m}.values[${i}]`, fresh);
      return `{ const ${m} = ${x}; w.push(${m}.keys.length); for (let ${i} = 0; ${i} < ${m}.keys.length; ${i}++) { ${key} ${value} } }`;
    }
    default:
      return unreachable(shape);
  }
}

/** Statements reading a value of type `t` from `r` and storing it in the JavaScript place `to`. */
function readCode(t: Type, to: string, fresh: () => string): string {
  const shape = shapeOf(t);
  switch (shape.k) {
    case "int":
      return `${to} = r.next();`;
    case "bool":
      return `${to} = r.next() !== 0;`;
    case "float":
      return `${to} = r.nextFloat();`;
    case "string":
      return `${to} = S.get(r.next());`;
    case "event":
    case "ref": {
      const id = fresh();
      return `{ const ${id} = r.next(); ${to} = ${id} < 0 ? null : ${shape.k === "event" ? id : `ref(${id})`}; }`;
    }
    case "tagged":
      return `${to} = readTagged(r, S);`;
    case "tuple": {
      const v = fresh();
      const fields = shape.fields.map((f, i) => readCode(f, `${v}[${i}]`, fresh)).join(" ");
      return `{ const ${v} = new Array(${shape.fields.length}); ${fields} ${to} = ${v}; }`;
    }
    case "seq":
    case "set": {
      const [n, v, i] = [fresh(), fresh(), fresh()];
      const items = `const ${v} = new Array(${n}); for (let ${i} = 0; ${i} < ${n}; ${i}++) { ${readCode(shape.element, `${v}[${i}]`, fresh)} }`;
      if (shape.k === "seq") return `{ const ${n} = r.next(); ${items} ${to} = ${v}; }`;
      return `{ const ${n} = r.next(); if (${n} === 0) ${to} = EMPTY_SET; else { ${items} ${to} = new PSet(${v}); } }`;
    }
    case "map": {
      const [n, k, v, i] = [fresh(), fresh(), fresh(), fresh()];
      const entry = `${readCode(shape.key, `${k}[${i}]`, fresh)} ${readCode(shape.value, `${v}[${i}]`, fresh)}`;
      return `{ const ${n} = r.next(); if (${n} === 0) ${to} = EMPTY_MAP; else { const ${k} = new Array(${n}); const ${v} = new Array(${n}); for (let ${i} = 0; ${i} < ${n}; ${i}++) { ${entry} } ${to} = new PMap(${k}, ${v}); } }`;
    }
    default:
      return unreachable(shape);
  }
}

/** What generated code refers to besides the writer or reader it is given. */
const SCOPE = { ref, readTagged, writeTagged, PSet, PMap, EMPTY_SET, EMPTY_MAP };

/** Compiles `body` (which may use `S`, the string table, and the names in SCOPE) into a function of `params`. */
function compile<F>(params: string, body: string, strings: StringTable): F {
  const names = Object.keys(SCOPE);
  const make = new Function("S", ...names, `return function (${params}) {\n${body}\n};`) as (...args: unknown[]) => F;
  return make(strings, ...names.map((n) => SCOPE[n as keyof typeof SCOPE]));
}

function counter(): () => string {
  let n = 0;
  return () => `x${n++}`;
}

/** Writes `values[0..types.length)`, value i as `types[i]`, in order. */
export type ValuesWriter = (w: Writer, values: readonly Value[]) => void;
/** Reads what a `ValuesWriter` for the same types wrote. */
export type ValuesReader = (r: Reader) => Value[];

/**
 * One generated function writing a list of values of the given types (a machine's variables, say),
 * as the concatenation of their codecs' words.
 */
export function compileValuesWriter(types: readonly Type[], strings: StringTable): ValuesWriter {
  const fresh = counter();
  return compile("w, v", types.map((t, i) => writeCode(t, `v[${i}]`, fresh)).join("\n"), strings);
}

/** One generated function reading what `compileValuesWriter(types)` writes. */
export function compileValuesReader(types: readonly Type[], strings: StringTable): ValuesReader {
  const fresh = counter();
  const reads = types.map((t, i) => readCode(t, `v[${i}]`, fresh)).join("\n");
  return compile("r", `const v = new Array(${types.length});\n${reads}\nreturn v;`, strings);
}

function buildCodec(t: Type, strings: StringTable): Codec {
  const fresh = counter();
  return {
    write: compile("w, v", writeCode(t, "v", fresh), strings),
    read: compile("r", `let v;\n${readCode(t, "v", fresh)}\nreturn v;`, strings),
  };
}

/**
 * The structure of `t` as far as encoding is concerned: types that encode alike (an enum and
 * `int`, a tuple and a named tuple with the same field types, `any` and `data`) get the same key.
 */
export function codecKey(t: Type): string {
  const shape = shapeOf(t);
  switch (shape.k) {
    case "int":
      return "i";
    case "bool":
      return "b";
    case "float":
      return "f";
    case "string":
      return "s";
    case "event":
      return "e";
    case "ref":
      return "r";
    case "tagged":
      return "t";
    case "tuple":
      return `(${shape.fields.map(codecKey).join(",")})`;
    case "seq":
      return `[${codecKey(shape.element)}]`;
    case "set":
      return `{${codecKey(shape.element)}}`;
    case "map":
      return `<${codecKey(shape.key)},${codecKey(shape.value)}>`;
    default:
      return unreachable(shape);
  }
}

/** Codecs already built, per string table (they close over it) and per `codecKey`. */
const built = new WeakMap<StringTable, Map<string, Codec>>();

/** The codec for values of type `t`, built once per type structure and string table. */
export function codecFor(t: Type, strings: StringTable): Codec {
  let codecs = built.get(strings);
  if (codecs === undefined) {
    codecs = new Map();
    built.set(strings, codecs);
  }
  const key = codecKey(t);
  let codec = codecs.get(key);
  if (codec === undefined) {
    codec = buildCodec(t, strings);
    codecs.set(key, codec);
  }
  return codec;
}
