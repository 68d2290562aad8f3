// The operations compiled handlers apply to seqs, sets, maps and tuples. Every one is persistent:
// it returns a new value and leaves its input as it was (a state's values are shared with its
// successors). Sets and maps are sorted arrays, so lookups are binary searches and the order in
// which `keys`, `values`, `foreach` and set indexing list elements depends on the contents alone.
//
// Index arguments are numbers the model computed; a bad index, a missing key or a key added twice
// is the model's mistake and throws a `RuntimeError` that says what happened in words.

import { compareValues, equalValues, PMap, PSet, RuntimeError, type Value } from "./core.ts";
import { describeValue } from "./format.ts";

type Seq = readonly Value[];

/**
 * Where `v` is in the sorted `items`: its index when present, otherwise `-(insertion point) - 1`.
 */
export function search(items: readonly Value[], v: Value): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = items[mid];
    // Numbers other than NaN, the common case, compared in place (compareValues also orders NaN).
    const c = typeof x === "number" && typeof v === "number" && x === x && v === v ? (x < v ? -1 : x > v ? 1 : 0) : compareValues(x, v);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}

// Copied element by element: `splice` would allocate an array of what it removes as well.

function insertAt(items: Seq, i: number, v: Value): Value[] {
  const n = items.length;
  const out: Value[] = new Array(n + 1);
  for (let j = 0; j < i; j++) out[j] = items[j];
  out[i] = v;
  for (let j = i; j < n; j++) out[j + 1] = items[j];
  return out;
}

function removeAt(items: Seq, i: number): Value[] {
  const n = items.length;
  const out: Value[] = new Array(n - 1);
  for (let j = 0; j < i; j++) out[j] = items[j];
  for (let j = i + 1; j < n; j++) out[j - 1] = items[j];
  return out;
}

/** The same array when element `i` already is `v` (an update that changes nothing keeps its value). */
function replaceAt(items: Seq, i: number, v: Value): Value[] {
  if (items[i] === v) return items as Value[];
  const out = items.slice();
  out[i] = v;
  return out;
}

// Reading `items[i]` gives undefined for every bad index (negative, too large, fractional), and a
// value is never undefined, so readers need no other check.

function isIndex(i: number, length: number): boolean {
  return i >= 0 && i < length && Number.isInteger(i);
}

function outOfRange(i: number, what: string): RuntimeError {
  return new RuntimeError(`index ${i} is out of range for ${what}`);
}

// ---- seq -------------------------------------------------------------------------------------

/** `s[i]`. */
export function seqGet(s: Seq, i: number): Value {
  const v = s[i];
  if (v === undefined) throw outOfRange(i, `a seq of length ${s.length}`);
  return v;
}

/** `s[i] = v`: replaces element `i`, where `0 <= i < sizeof(s)`. */
export function seqSet(s: Seq, i: number, v: Value): Value[] {
  if (!isIndex(i, s.length)) throw outOfRange(i, `a seq of length ${s.length}`);
  return replaceAt(s, i, v);
}

/** `s += (i, v)`: inserts `v` at index `i`, where `0 <= i <= sizeof(s)`. */
export function seqInsert(s: Seq, i: number, v: Value): Value[] {
  if (!isIndex(i, s.length + 1)) throw outOfRange(i, `inserting into a seq of length ${s.length}`);
  if (i === s.length) {
    const out = s.slice();
    out.push(v);
    return out;
  }
  return insertAt(s, i, v);
}

/** `s -= i`: removes element `i`, where `0 <= i < sizeof(s)`. */
export function seqRemoveAt(s: Seq, i: number): Value[] {
  if (!isIndex(i, s.length)) throw outOfRange(i, `a seq of length ${s.length}`);
  return removeAt(s, i);
}

/** `v in s` for a seq. */
export function seqHas(s: Seq, v: Value): boolean {
  for (let i = 0; i < s.length; i++) if (equalValues(s[i], v)) return true;
  return false;
}

// ---- set -------------------------------------------------------------------------------------

/** `v in s` for a set. */
export function setHas(s: PSet, v: Value): boolean {
  return search(s.items, v) >= 0;
}

/** `s += (v)`: the same set when `v` is already there. */
export function setAdd(s: PSet, v: Value): PSet {
  const at = search(s.items, v);
  return at >= 0 ? s : new PSet(insertAt(s.items, -at - 1, v));
}

/** `s -= v`: the same set when `v` is absent. */
export function setRemove(s: PSet, v: Value): PSet {
  const at = search(s.items, v);
  return at < 0 ? s : new PSet(removeAt(s.items, at));
}

/** `s[i]`: element `i` in sorted order. */
export function setGet(s: PSet, i: number): Value {
  const v = s.items[i];
  if (v === undefined) throw outOfRange(i, `a set of size ${s.items.length}`);
  return v;
}

// ---- map -------------------------------------------------------------------------------------

/** `m[k]`. */
export function mapGet(m: PMap, k: Value): Value {
  const at = search(m.keys, k);
  if (at < 0) throw new RuntimeError(`key ${describeValue(k)} is not in the map`);
  return m.values[at];
}

/** `k in m`. */
export function mapHas(m: PMap, k: Value): boolean {
  return search(m.keys, k) >= 0;
}

/** `m[k] = v`: adds the key or replaces its value. */
export function mapSet(m: PMap, k: Value, v: Value): PMap {
  const at = search(m.keys, k);
  if (at >= 0) return m.values[at] === v ? m : new PMap(m.keys, replaceAt(m.values, at, v));
  const i = -at - 1;
  return new PMap(insertAt(m.keys, i, k), insertAt(m.values, i, v));
}

/** `m += (k, v)`: adds a key that must not be there yet. */
export function mapAdd(m: PMap, k: Value, v: Value): PMap {
  const at = search(m.keys, k);
  if (at >= 0) throw new RuntimeError(`key ${describeValue(k)} is already in the map`);
  const i = -at - 1;
  return new PMap(insertAt(m.keys, i, k), insertAt(m.values, i, v));
}

/** `m -= k`: the same map when `k` is absent. */
export function mapRemove(m: PMap, k: Value): PMap {
  const at = search(m.keys, k);
  return at < 0 ? m : new PMap(removeAt(m.keys, at), removeAt(m.values, at));
}

/**
 * `keys(m)`, in sorted order. The map's own array is returned: values are never mutated, so the
 * seq can share it.
 */
export function mapKeys(m: PMap): readonly Value[] {
  return m.keys;
}

/** `values(m)`, in the order of `keys(m)`; shared with the map like `mapKeys`. */
export function mapValues(m: PMap): readonly Value[] {
  return m.values;
}

// ---- tuples and collections in general --------------------------------------------------------

/** `t.i = v` (a named tuple's field `i` in declaration order). */
export function tupleSet(t: Seq, i: number, v: Value): Value[] {
  if (!isIndex(i, t.length)) throw outOfRange(i, `a tuple of ${t.length} fields`);
  return replaceAt(t, i, v);
}

/** `sizeof(c)` for a seq, set or map. */
export function sizeOf(c: Value): number {
  if (c instanceof PSet) return c.items.length;
  if (c instanceof PMap) return c.keys.length;
  if (Array.isArray(c)) return c.length;
  throw new RuntimeError(`sizeof needs a seq, set or map, not ${describeValue(c)}`);
}

/** Alias of `sizeOf`. */
export const collectionSize = sizeOf;

/** Element `i` of a seq, of a set in sorted order, or key `i` of a map in sorted order. */
export function chooseFrom(c: Value, i: number): Value {
  let v: Value | undefined;
  if (c instanceof PSet) v = c.items[i];
  else if (c instanceof PMap) v = c.keys[i];
  else if (Array.isArray(c)) v = (c as Seq)[i];
  else throw new RuntimeError(`cannot choose from ${describeValue(c)}: it is not a seq, set or map`);
  if (v === undefined) throw outOfRange(i, describeCollection(c));
  return v;
}

function describeCollection(c: Value): string {
  if (c instanceof PSet) return `a set of size ${c.items.length}`;
  if (c instanceof PMap) return `a map of size ${c.keys.length}`;
  return `a seq of length ${(c as Seq).length}`;
}

/** `x in c` whatever the collection: membership in a seq or set, a key of a map. */
export function contains(c: Value, x: Value): boolean {
  if (c instanceof PSet) return setHas(c, x);
  if (c instanceof PMap) return mapHas(c, x);
  if (Array.isArray(c)) return seqHas(c as Seq, x);
  throw new RuntimeError(`"in" needs a seq, set or map, not ${describeValue(c)}`);
}
