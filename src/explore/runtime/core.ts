// The runtime representation of P values and the one total order on them. Compiled handlers work
// on these values directly, so the representation is the cheapest JavaScript shape for each P type
// (numbers, booleans, strings, arrays) plus three small classes: `Ref` for machine references and
// the sorted-array collections `PSet` and `PMap`. Values are immutable: an operation that changes
// a value returns a new one that shares the unchanged parts, so a state can hand its values to a
// successor without copying.
//
// `compareValues` orders every pair of values, whatever their types; sets and maps keep their
// elements sorted by it, which makes equal collections equal arrays and their encodings canonical.

/** A machine reference. Interned: `ref(id) === ref(id)`, so `===` is identity. */
export class Ref {
  readonly id: number;
  private static readonly table: Ref[] = [];

  private constructor(id: number) {
    this.id = id;
  }

  /** The one `Ref` for `id` (a non-negative integer). */
  static of(id: number): Ref {
    const known = Ref.table[id];
    if (known !== undefined) return known;
    if (!Number.isInteger(id) || id < 0) throw new RangeError(`a machine id must be a non-negative integer, not ${id}`);
    const fresh = new Ref(id);
    Ref.table[id] = fresh;
    return fresh;
  }
}

/** The interned reference to machine `id`. */
export function ref(id: number): Ref {
  return Ref.of(id);
}

/**
 * A set: its elements sorted by `compareValues`, without duplicates. The constructor trusts its
 * argument; `makeSet` sorts and removes duplicates.
 */
export class PSet {
  readonly items: readonly Value[];
  constructor(items: readonly Value[]) {
    this.items = items;
  }
}

/**
 * A map: `keys` sorted by `compareValues` without duplicates, `values[i]` the value of `keys[i]`.
 * The constructor trusts its arguments; `makeMap` sorts.
 */
export class PMap {
  readonly keys: readonly Value[];
  readonly values: readonly Value[];
  constructor(keys: readonly Value[], values: readonly Value[]) {
    this.keys = keys;
    this.values = values;
  }
}

/**
 * A P value at run time. int, float, enum (its element's value) and event (its id) are numbers;
 * tuples, named tuples and seqs are arrays; null stands for the null event, the null machine
 * reference and the default of `any` and `data`.
 */
export type Value = number | boolean | string | null | Ref | readonly Value[] | PSet | PMap;

export const EMPTY_SET: PSet = new PSet([]);
export const EMPTY_MAP: PMap = new PMap([], []);

/** Something that went wrong in the model (a missing key, an index out of range, a bad cast). */
export class RuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuntimeError";
  }
}

/** The runtime kinds, in the order `compareValues` puts them. */
export const NULL_KIND = 0;
export const NUMBER_KIND = 1;
export const BOOLEAN_KIND = 2;
export const STRING_KIND = 3;
export const REF_KIND = 4;
export const ARRAY_KIND = 5;
export const SET_KIND = 6;
export const MAP_KIND = 7;

/** The runtime kind of a value, one of the `*_KIND` constants. */
export function kindOf(v: Value): number {
  if (v === null) return NULL_KIND;
  switch (typeof v) {
    case "number":
      return NUMBER_KIND;
    case "boolean":
      return BOOLEAN_KIND;
    case "string":
      return STRING_KIND;
  }
  if (v instanceof Ref) return REF_KIND;
  if (v instanceof PSet) return SET_KIND;
  if (v instanceof PMap) return MAP_KIND;
  return ARRAY_KIND;
}

/** Numbers in numeric order; -0 equals 0; NaN equals NaN and comes after every other number. */
function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  const aNaN = a !== a;
  const bNaN = b !== b;
  return aNaN === bNaN ? 0 : aNaN ? 1 : -1;
}

/** Lexicographic order on two arrays, then shorter first. */
function compareArrays(a: readonly Value[], b: readonly Value[]): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * A total order on values: null first, then numbers, booleans, strings, references, arrays, sets
 * and maps; within a kind, numbers numerically (NaN last), false before true, strings by UTF-16
 * code units, references by id, arrays, sets and maps lexicographically (maps on key, value, key,
 * value, ...) and then by length. Zero exactly when `equalValues` holds.
 */
export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  const ta = typeof a;
  if (ta === "number" && typeof b === "number") return compareNumbers(a as number, b);
  if (ta === "string" && typeof b === "string") return (a as string) < b ? -1 : 1;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  switch (ka) {
    case BOOLEAN_KIND:
      return a ? 1 : -1; // a !== b, so exactly one is true
    case REF_KIND:
      return (a as Ref).id < (b as Ref).id ? -1 : 1; // interned, so a !== b means the ids differ
    case ARRAY_KIND:
      return compareArrays(a as readonly Value[], b as readonly Value[]);
    case SET_KIND:
      return compareArrays((a as PSet).items, (b as PSet).items);
    case MAP_KIND: {
      const ma = a as PMap;
      const mb = b as PMap;
      const n = ma.keys.length < mb.keys.length ? ma.keys.length : mb.keys.length;
      for (let i = 0; i < n; i++) {
        const ck = compareValues(ma.keys[i], mb.keys[i]);
        if (ck !== 0) return ck;
        const cv = compareValues(ma.values[i], mb.values[i]);
        if (cv !== 0) return cv;
      }
      return ma.keys.length - mb.keys.length;
    }
    default:
      return 0; // null === null was caught above
  }
}

function equalArrays(a: readonly Value[], b: readonly Value[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equalValues(a[i], b[i])) return false;
  return true;
}

/** Deep structural equality; agrees with `compareValues(a, b) === 0`. */
export function equalValues(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    // Different primitives, or a primitive and an object: equal only when both are NaN.
    return a !== a && b !== b;
  }
  if (a instanceof Ref || b instanceof Ref) return false; // interned, and a !== b
  if (a instanceof PSet) return b instanceof PSet && equalArrays(a.items, b.items);
  if (a instanceof PMap) return b instanceof PMap && equalArrays(a.keys, b.keys) && equalArrays(a.values, b.values);
  if (b instanceof PSet || b instanceof PMap) return false;
  return equalArrays(a as readonly Value[], b as readonly Value[]);
}

/** A set of the given elements in any order, duplicates dropped. */
export function makeSet(elements: readonly Value[]): PSet {
  if (elements.length === 0) return EMPTY_SET;
  const sorted = elements.slice().sort(compareValues);
  const items: Value[] = [sorted[0]];
  for (let i = 1; i < sorted.length; i++) {
    if (compareValues(items[items.length - 1], sorted[i]) !== 0) items.push(sorted[i]);
  }
  return new PSet(items);
}

/** A map of the given key-value pairs in any order; for a repeated key the last pair wins. */
export function makeMap(entries: readonly (readonly [Value, Value])[]): PMap {
  if (entries.length === 0) return EMPTY_MAP;
  // A stable sort keeps repeated keys in their given order, so the last of a run is the last given.
  const sorted = entries.slice().sort((x, y) => compareValues(x[0], y[0]));
  const keys: Value[] = [];
  const values: Value[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i + 1 < sorted.length && compareValues(sorted[i][0], sorted[i + 1][0]) === 0) continue;
    keys.push(sorted[i][0]);
    values.push(sorted[i][1]);
  }
  return new PMap(keys, values);
}
