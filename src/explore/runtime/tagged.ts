// The self-describing encoding, for values whose static type does not say what they are (`any`,
// `data`): a tag word naming the runtime shape, then the payload. Numbers that are 32-bit integers
// are written as ints and all other numbers as floats, so the encoding depends only on the value
// (-0 is the int 0, every NaN the same float). Arrays cannot say whether they are tuples or seqs
// and need not: both are written as an "array" with a length and tagged elements.
//
// Equal values (by `equalValues`) give equal words and different values different words, since
// every shape is tagged and every payload is self-delimiting.

import { EMPTY_MAP, EMPTY_SET, PMap, PSet, Ref, ref, type Value } from "./core.ts";
import type { Reader, StringTable, Writer } from "./words.ts";

export const TAG_NULL = 0;
export const TAG_INT = 1;
export const TAG_FLOAT = 2;
export const TAG_FALSE = 3;
export const TAG_TRUE = 4;
export const TAG_STRING = 5;
export const TAG_REF = 6;
export const TAG_ARRAY = 7;
export const TAG_SET = 8;
export const TAG_MAP = 9;

function writeItems(w: Writer, items: readonly Value[], strings: StringTable): void {
  w.push(items.length);
  for (let i = 0; i < items.length; i++) writeTagged(w, items[i], strings);
}

/** Writes `v` with its tag. */
export function writeTagged(w: Writer, v: Value, strings: StringTable): void {
  if (v === null) {
    w.push(TAG_NULL);
    return;
  }
  switch (typeof v) {
    case "number":
      if ((v | 0) === v) {
        w.push(TAG_INT);
        w.push(v);
      } else {
        w.push(TAG_FLOAT);
        w.pushFloat(v);
      }
      return;
    case "boolean":
      w.push(v ? TAG_TRUE : TAG_FALSE);
      return;
    case "string":
      w.push(TAG_STRING);
      w.push(strings.id(v));
      return;
  }
  if (v instanceof Ref) {
    w.push(TAG_REF);
    w.push(v.id);
  } else if (v instanceof PSet) {
    w.push(TAG_SET);
    writeItems(w, v.items, strings);
  } else if (v instanceof PMap) {
    w.push(TAG_MAP);
    const n = v.keys.length;
    w.push(n);
    for (let i = 0; i < n; i++) {
      writeTagged(w, v.keys[i], strings);
      writeTagged(w, v.values[i], strings);
    }
  } else {
    w.push(TAG_ARRAY);
    writeItems(w, v as readonly Value[], strings);
  }
}

function readItems(r: Reader, strings: StringTable): Value[] {
  const n = r.next();
  const items: Value[] = [];
  for (let i = 0; i < n; i++) items.push(readTagged(r, strings));
  return items;
}

/** Reads a value written by `writeTagged`. */
export function readTagged(r: Reader, strings: StringTable): Value {
  const tag = r.next();
  switch (tag) {
    case TAG_NULL:
      return null;
    case TAG_INT:
      return r.next();
    case TAG_FLOAT:
      return r.nextFloat();
    case TAG_FALSE:
      return false;
    case TAG_TRUE:
      return true;
    case TAG_STRING:
      return strings.get(r.next());
    case TAG_REF:
      return ref(r.next());
    case TAG_ARRAY:
      return readItems(r, strings);
    case TAG_SET: {
      const items = readItems(r, strings);
      return items.length === 0 ? EMPTY_SET : new PSet(items);
    }
    case TAG_MAP: {
      const n = r.next();
      if (n === 0) return EMPTY_MAP;
      const keys: Value[] = [];
      const values: Value[] = [];
      for (let i = 0; i < n; i++) {
        keys.push(readTagged(r, strings));
        values.push(readTagged(r, strings));
      }
      return new PMap(keys, values);
    }
    default:
      throw new RangeError(`bad tag ${tag} at word ${r.pos - 1} of an encoded value`);
  }
}
