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

// The writing half keeps the writer's array and position in the locals `a` and `n` and stores
// words directly. Space is reserved once for each run of fixed-size values (a tuple of ints is one
// reservation) and once for each collection whose elements have a fixed size; only a value whose
// size is known when it is written (a seq of seqs, a tagged value) reserves as it goes.

/** How many words a value of type `t` always takes; undefined when it depends on the value. */
function fixedWords(t: Type): number | undefined {
  const shape = shapeOf(t);
  switch (shape.k) {
    case "int":
    case "bool":
    case "string":
    case "event":
    case "ref":
      return 1;
    case "float":
      return 2;
    case "tagged":
    case "seq":
    case "set":
    case "map":
      return undefined;
    case "tuple": {
      let total = 0;
      for (const f of shape.fields) {
        const k = fixedWords(f);
        if (k === undefined) return undefined;
        total += k;
      }
      return total;
    }
    default:
      return unreachable(shape);
  }
}

/** Makes room for `words` more words at `n` (an expression). */
function reserve(words: string): string {
  return `if (n + ${words} > a.length) a = w.reserve(n, ${words});`;
}

/**
 * Statements writing the values of the JavaScript expressions `xs`, of types `ts`, in order: the
 * fixed-size ones in runs under one reservation each.
 */
function writeAll(ts: readonly Type[], xs: readonly string[], fresh: () => string): string {
  const out: string[] = [];
  let run: string[] = [];
  let runWords = 0;
  const flush = () => {
    if (runWords > 0) out.push(reserve(String(runWords)), ...run);
    run = [];
    runWords = 0;
  };
  ts.forEach((t, i) => {
    const k = fixedWords(t);
    if (k === undefined) {
      flush();
      out.push(writeCode(t, xs[i], fresh));
    } else {
      run.push(writeCode(t, xs[i], fresh));
      runWords += k;
    }
  });
  flush();
  return out.join(" ");
}

/**
 * Statements writing the value of the JavaScript expression `x`, of type `t`. A fixed-size value
 * expects its words to be reserved already; any other reserves its own.
 */
function writeCode(t: Type, x: string, fresh: () => string): string {
  const shape = shapeOf(t);
  switch (shape.k) {
    case "int":
      return `a[n++] = ${x};`;
    case "bool":
      return `a[n++] = ${x} ? 1 : 0;`;
    case "float": {
      // -0 is written as 0 and every NaN as the same NaN, because `compareValues` treats them as
      // equal and equal values must have equal words.
      const v = fresh();
      return `{ const ${v} = ${x}; F64[0] = ${v} === 0 ? 0 : ${v} !== ${v} ? NaN : ${v}; a[n++] = I32[0]; a[n++] = I32[1]; }`;
    }
    case "string":
      return `a[n++] = S.id(${x});`;
    case "event":
      return `a[n++] = ${x} === null ? -1 : ${x};`;
    case "ref":
      return `a[n++] = ${x} === null ? -1 : ${x}.id;`;
    case "tagged":
      return `w.length = n; writeTagged(w, ${x}, S); a = w.words; n = w.length;`;
    case "tuple": {
      const v = fresh();
      return `{ const ${v} = ${x}; ${writeAll(shape.fields, shape.fields.map((_, i) => `${v}[${i}]`), fresh)} }`;
    }
    case "seq":
    case "set":
    case "map": {
      const [c, v, i] = [fresh(), fresh(), fresh()];
      const parts: readonly Type[] = shape.k === "map" ? [shape.key, shape.value] : [shape.element];
      const items = shape.k === "seq" ? c : shape.k === "set" ? `${c}.items` : `${c}.keys`;
      const places = shape.k === "map" ? [`${c}.keys[${i}]`, `${c}.values[${i}]`] : [`${v}[${i}]`];
      // Elements of a fixed size are reserved with the length; others reserve as they are written.
      const sizes = parts.map(fixedWords);
      const each = sizes.every((k) => k !== undefined) ? sizes.reduce((x, y) => x! + y!, 0)! : 0;
      const element = each > 0 ? parts.map((p, j) => writeCode(p, places[j], fresh)).join(" ") : writeAll(parts, places, fresh);
      const room = each === 0 ? "1" : each === 1 ? `1 + ${v}.length` : `1 + ${v}.length * ${each}`;
      return `{ const ${c} = ${x}; const ${v} = ${items}; ${reserve(room)} a[n++] = ${v}.length; for (let ${i} = 0; ${i} < ${v}.length; ${i}++) { ${element} } }`;
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

// A float64 is written as its two 32-bit halves, through one scratch buffer viewed both ways.
const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);

/** What generated code refers to besides the writer or reader it is given. */
const SCOPE = { ref, readTagged, writeTagged, PSet, PMap, EMPTY_SET, EMPTY_MAP, F64, I32 };

/** Compiles `body` (which may use `S`, the string table, and the names in SCOPE) into a function of `params`. */
function compile<F>(params: string, body: string, strings: StringTable): F {
  const names = Object.keys(SCOPE);
  const make = new Function("S", ...names, `return function (${params}) {\n${body}\n};`) as (...args: unknown[]) => F;
  return make(strings, ...names.map((n) => SCOPE[n as keyof typeof SCOPE]));
}

/** The body of a generated writer around `statements`: the writer's array and position in locals. */
function writerBody(statements: string): string {
  return `let a = w.words;\nlet n = w.length;\n${statements}\nw.length = n;`;
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
  return compile("w, v", writerBody(writeAll(types, types.map((_, i) => `v[${i}]`), fresh)), strings);
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
    write: compile("w, v", writerBody(writeAll([t], ["v"], fresh)), strings),
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
