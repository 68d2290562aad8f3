// How values print: in traces, in `format(...)` and `print`, and inside runtime error messages.
// The static type says how to read the runtime representation (a number is an int, a float, an
// enum element or an event; an array is a tuple, a named tuple or a seq). Where the type says
// nothing (`any`, `data`) or the value does not have the shape the type promises, the value prints
// by its runtime shape alone.
//
// Names of events, enum elements and machines live in the model, not in the value, so the caller
// passes a `ValueNames`; without one, events print as `event(3)` and machines as `machine(2)`.

import { unreachable } from "../../ast/nodes.ts";
import type { Type } from "../../types/types.ts";
import { PMap, PSet, Ref, type Value } from "./core.ts";

/** Where the names of events, enum elements and machines come from. */
export interface ValueNames {
  event(id: number): string;
  enumElement(enumName: string, value: number): string;
  /** A machine as traces show it, e.g. `Client(2)`. */
  machine(ref: Ref): string;
}

/** `1.0`, `0.5`, `-3.0`: a float always shows that it is one (unless it is written with an exponent). */
export function formatFloat(x: number): string {
  const s = String(x);
  return Number.isFinite(x) && s.indexOf(".") < 0 && s.indexOf("e") < 0 ? `${s}.0` : s;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

function formatRef(r: Ref, names: ValueNames | undefined): string {
  return names !== undefined ? names.machine(r) : `machine(${r.id})`;
}

function tupleText(parts: readonly string[]): string {
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
}

function mapText(m: PMap, key: (v: Value) => string, value: (v: Value) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < m.keys.length; i++) parts.push(`${key(m.keys[i])} -> ${value(m.values[i])}`);
  return `{${parts.join(", ")}}`;
}

/**
 * A value by its runtime shape: numbers as written by JavaScript, arrays as `[...]` (the shape
 * cannot tell a tuple from a seq), references through `names`. Strings are quoted when `nested`.
 */
function shapeText(v: Value, names: ValueNames | undefined, nested: boolean): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "number":
    case "boolean":
      return String(v);
    case "string":
      return nested ? quote(v) : v;
  }
  if (v instanceof Ref) return formatRef(v, names);
  const inner = (x: Value) => shapeText(x, names, true);
  if (v instanceof PSet) return `{${v.items.map(inner).join(", ")}}`;
  if (v instanceof PMap) return mapText(v, inner, inner);
  return `[${(v as readonly Value[]).map(inner).join(", ")}]`;
}

/** A value by its runtime shape, as `formatValue` prints a value of type `any`. */
export function formatRuntime(v: Value, names?: ValueNames): string {
  return shapeText(v, names, false);
}

/** A value as runtime error messages show it: by its shape, with strings quoted. */
export function describeValue(v: Value): string {
  return shapeText(v, undefined, true);
}

function typedText(v: Value, t: Type, names: ValueNames | undefined, nested: boolean): string {
  switch (t.kind) {
    case "Int":
      if (typeof v === "number") return String(v);
      break;
    case "Float":
      if (typeof v === "number") return formatFloat(v);
      break;
    case "Bool":
      if (typeof v === "boolean") return String(v);
      break;
    case "String":
      if (typeof v === "string") return nested ? quote(v) : v;
      break;
    case "Enum":
      if (typeof v === "number") return names !== undefined ? names.enumElement(t.name, v) : String(v);
      break;
    case "Event":
      if (v === null) return "null";
      if (typeof v === "number") return names !== undefined ? names.event(v) : `event(${v})`;
      break;
    case "Machine":
    case "MachineRef":
      if (v === null) return "null";
      if (v instanceof Ref) return formatRef(v, names);
      break;
    case "Tuple":
      if (Array.isArray(v) && v.length === t.elements.length) {
        return tupleText(t.elements.map((e, i) => typedText(v[i], e, names, true)));
      }
      break;
    case "NamedTuple":
      if (Array.isArray(v) && v.length === t.fields.length) {
        return tupleText(t.fields.map((f, i) => `${f.name} = ${typedText(v[i], f.type, names, true)}`));
      }
      break;
    case "Seq":
      if (Array.isArray(v)) {
        return `[${(v as readonly Value[]).map((x) => typedText(x, t.element, names, true)).join(", ")}]`;
      }
      break;
    case "Set":
      if (v instanceof PSet) return `{${v.items.map((x) => typedText(x, t.element, names, true)).join(", ")}}`;
      break;
    case "Map":
      if (v instanceof PMap) {
        return mapText(
          v,
          (k) => typedText(k, t.key, names, true),
          (x) => typedText(x, t.value, names, true),
        );
      }
      break;
    case "Any":
    case "Data":
    case "Null":
    case "Void":
    case "Error":
    case "Message":
      break;
    default:
      return unreachable(t);
  }
  return shapeText(v, names, nested);
}

/**
 * `v`, of static type `t`, as text: `3`, `1.0`, `true`, strings as they are at top level and
 * quoted inside collections, enum elements and events by name, machines as `names.machine` says,
 * `(1, true)`, `(key = 1, ok = true)`, `[1, 2]`, `{1, 2}`, `{1 -> "a", 2 -> "b"}`.
 */
export function formatValue(v: Value, t: Type, names?: ValueNames): string {
  return typedText(v, t, names, false);
}
