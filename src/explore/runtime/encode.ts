// Canonical encodings of values into 32-bit words, directed by the static type. The explorer
// writes every variable of every machine of every successor state through these, so a codec is a
// pair of closures built once per type: writing a value walks the value, never the type, and
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
import { EMPTY_MAP, EMPTY_SET, PMap, PSet, Ref, ref, type Value } from "./core.ts";
import { readTagged, writeTagged } from "./tagged.ts";
import type { Reader, StringTable, Writer } from "./words.ts";

export { Reader, StringTable, Writer } from "./words.ts";

/** Writes and reads the values of one static type. */
export interface Codec {
  write(w: Writer, v: Value): void;
  read(r: Reader): Value;
}

const INT_CODEC: Codec = {
  write: (w, v) => w.push(v as number),
  read: (r) => r.next(),
};

const BOOL_CODEC: Codec = {
  write: (w, v) => w.push(v ? 1 : 0),
  read: (r) => r.next() !== 0,
};

const FLOAT_CODEC: Codec = {
  write: (w, v) => w.pushFloat(v as number),
  read: (r) => r.nextFloat(),
};

const EVENT_CODEC: Codec = {
  write: (w, v) => w.push(v === null ? -1 : (v as number)),
  read: (r) => {
    const id = r.next();
    return id < 0 ? null : id;
  },
};

const REF_CODEC: Codec = {
  write: (w, v) => w.push(v === null ? -1 : (v as Ref).id),
  read: (r) => {
    const id = r.next();
    return id < 0 ? null : ref(id);
  },
};

function stringCodec(strings: StringTable): Codec {
  return {
    write: (w, v) => w.push(strings.id(v as string)),
    read: (r) => strings.get(r.next()),
  };
}

function taggedCodec(strings: StringTable): Codec {
  return {
    write: (w, v) => writeTagged(w, v, strings),
    read: (r) => readTagged(r, strings),
  };
}

/**
 * Tuples of up to four fields, the common case, get unrolled closures: V8 then sees one call site
 * per field instead of one shared by every field, which measured about twice as fast.
 */
function tupleCodec(fields: readonly Codec[]): Codec {
  const [a, b, c, d] = fields;
  switch (fields.length) {
    case 1:
      return {
        write: (w, v) => a.write(w, (v as readonly Value[])[0]),
        read: (r) => [a.read(r)],
      };
    case 2:
      return {
        write: (w, v) => {
          const t = v as readonly Value[];
          a.write(w, t[0]);
          b.write(w, t[1]);
        },
        read: (r) => [a.read(r), b.read(r)], // array elements are evaluated left to right
      };
    case 3:
      return {
        write: (w, v) => {
          const t = v as readonly Value[];
          a.write(w, t[0]);
          b.write(w, t[1]);
          c.write(w, t[2]);
        },
        read: (r) => [a.read(r), b.read(r), c.read(r)],
      };
    case 4:
      return {
        write: (w, v) => {
          const t = v as readonly Value[];
          a.write(w, t[0]);
          b.write(w, t[1]);
          c.write(w, t[2]);
          d.write(w, t[3]);
        },
        read: (r) => [a.read(r), b.read(r), c.read(r), d.read(r)],
      };
  }
  const n = fields.length;
  return {
    write: (w, v) => {
      const t = v as readonly Value[];
      for (let i = 0; i < n; i++) fields[i].write(w, t[i]);
    },
    read: (r) => {
      const t: Value[] = [];
      for (let i = 0; i < n; i++) t.push(fields[i].read(r));
      return t;
    },
  };
}

function seqCodec(element: Codec): Codec {
  return {
    write: (w, v) => {
      const s = v as readonly Value[];
      w.push(s.length);
      for (let i = 0; i < s.length; i++) element.write(w, s[i]);
    },
    read: (r) => {
      const n = r.next();
      const s: Value[] = [];
      for (let i = 0; i < n; i++) s.push(element.read(r));
      return s;
    },
  };
}

function setCodec(element: Codec): Codec {
  return {
    write: (w, v) => {
      const items = (v as PSet).items;
      w.push(items.length);
      for (let i = 0; i < items.length; i++) element.write(w, items[i]);
    },
    read: (r) => {
      const n = r.next();
      if (n === 0) return EMPTY_SET;
      const items: Value[] = [];
      for (let i = 0; i < n; i++) items.push(element.read(r));
      return new PSet(items);
    },
  };
}

function mapCodec(key: Codec, value: Codec): Codec {
  return {
    write: (w, v) => {
      const m = v as PMap;
      const n = m.keys.length;
      w.push(n);
      for (let i = 0; i < n; i++) {
        key.write(w, m.keys[i]);
        value.write(w, m.values[i]);
      }
    },
    read: (r) => {
      const n = r.next();
      if (n === 0) return EMPTY_MAP;
      const keys: Value[] = [];
      const values: Value[] = [];
      for (let i = 0; i < n; i++) {
        keys.push(key.read(r));
        values.push(value.read(r));
      }
      return new PMap(keys, values);
    },
  };
}

/**
 * The structure of `t` as far as encoding is concerned: types that encode alike (an enum and
 * `int`, a tuple and a named tuple with the same field types, `any` and `data`) get the same key.
 */
export function codecKey(t: Type): string {
  switch (t.kind) {
    case "Int":
    case "Enum":
      return "i";
    case "Bool":
      return "b";
    case "Float":
      return "f";
    case "String":
      return "s";
    case "Event":
      return "e";
    case "Machine":
    case "MachineRef":
      return "r";
    case "Any":
    case "Data":
    case "Null":
    case "Void":
    case "Error":
    case "Message":
      return "t";
    case "Tuple":
      return `(${t.elements.map(codecKey).join(",")})`;
    case "NamedTuple":
      return `(${t.fields.map((f) => codecKey(f.type)).join(",")})`;
    case "Seq":
      return `[${codecKey(t.element)}]`;
    case "Set":
      return `{${codecKey(t.element)}}`;
    case "Map":
      return `<${codecKey(t.key)},${codecKey(t.value)}>`;
    default:
      return unreachable(t);
  }
}

function buildCodec(t: Type, strings: StringTable): Codec {
  switch (t.kind) {
    case "Int":
    case "Enum":
      return INT_CODEC;
    case "Bool":
      return BOOL_CODEC;
    case "Float":
      return FLOAT_CODEC;
    case "String":
      return stringCodec(strings);
    case "Event":
      return EVENT_CODEC;
    case "Machine":
    case "MachineRef":
      return REF_CODEC;
    case "Any":
    case "Data":
    case "Null":
    case "Void":
    case "Error":
    case "Message":
      return taggedCodec(strings);
    case "Tuple":
      return tupleCodec(t.elements.map((e) => codecFor(e, strings)));
    case "NamedTuple":
      return tupleCodec(t.fields.map((f) => codecFor(f.type, strings)));
    case "Seq":
      return seqCodec(codecFor(t.element, strings));
    case "Set":
      return setCodec(codecFor(t.element, strings));
    case "Map":
      return mapCodec(codecFor(t.key, strings), codecFor(t.value, strings));
    default:
      return unreachable(t);
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
