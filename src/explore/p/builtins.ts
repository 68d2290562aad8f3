// The operations compiled code calls on values: the runtime's collection and value operations,
// plus P's integer arithmetic and iteration. Generated code binds each one to a local name once
// (`R_seqGet`), so calls in handlers are direct.
import * as values from "../runtime/values.ts";
import { PMap, PSet, RuntimeError, type Value } from "../runtime/values.ts";

/** Integer division as P does it: truncated toward zero; dividing by zero is a runtime error. */
function intDiv(a: number, b: number): number {
  if (b === 0) throw new RuntimeError("division by zero");
  return (a / b) | 0;
}

function intMod(a: number, b: number): number {
  if (b === 0) throw new RuntimeError("division by zero");
  return a % b | 0;
}

/** `f to int`: truncated toward zero. */
function floatToInt(x: number): number {
  return Math.trunc(x) | 0;
}

/** What `foreach` walks: a seq's elements in order, a set's in its order, a map's keys. */
function elements(c: Value): readonly Value[] {
  if (c instanceof PSet) return c.items;
  if (c instanceof PMap) return c.keys;
  if (Array.isArray(c)) return c;
  throw new RuntimeError("foreach needs a seq, set or map");
}

export const builtins = {
  ...values,
  intDiv,
  intMod,
  floatToInt,
  elements,
};

export type Builtins = typeof builtins;
