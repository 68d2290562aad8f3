// The one module compiled models import for P values: the representation and its order
// (core.ts), the collection operations (collections.ts), printing (format.ts), and the operations
// that take a static type (typed.ts). The parts live in their own files so that each holds one
// idea; none of them imports this file, so there is no import cycle.

export {
  compareValues,
  EMPTY_MAP,
  EMPTY_SET,
  equalValues,
  kindOf,
  makeMap,
  makeSet,
  PMap,
  PSet,
  Ref,
  ref,
  RuntimeError,
} from "./core.ts";
export type { Value } from "./core.ts";
export {
  chooseFrom,
  collectionSize,
  contains,
  mapAdd,
  mapGet,
  mapHas,
  mapKeys,
  mapRemove,
  mapSet,
  mapValues,
  search,
  seqGet,
  seqHas,
  seqInsert,
  seqRemoveAt,
  seqSet,
  setAdd,
  setGet,
  setHas,
  setRemove,
  sizeOf,
  tupleSet,
} from "./collections.ts";
export { describeValue, formatFloat, formatRuntime, formatValue } from "./format.ts";
export type { ValueNames } from "./format.ts";
export { castTo, defaultValue, fits, holdsNoRef } from "./typed.ts";
