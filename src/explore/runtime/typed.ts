// The two runtime operations that take a static type: the default value of a type (variables start
// at it, `default(T)` yields it) and the check behind `e as T`. A cast never converts: the runtime
// representation of a value does not depend on the static type it is seen under, so `as` only has
// to check that the value really is of the target type and hand it back unchanged.
//
// The check is by runtime shape. It cannot tell a machine of one type from a machine of another,
// or an enum element from an int, because references and enum values do not carry their type; the
// type checker has already made sure that such casts are between related types.

import { unreachable } from "../../ast/nodes.ts";
import { printType, type Type } from "../../types/types.ts";
import { EMPTY_MAP, EMPTY_SET, PMap, PSet, Ref, RuntimeError, type Value } from "./core.ts";
import { describeValue } from "./format.ts";

/**
 * The default value of `t`: 0, 0.0, false, "", null for events, machine references, `any` and
 * `data`, the element with the lowest value for an enum (asked of `enumDefaults`, 0 without it),
 * fieldwise for tuples, and empty collections.
 */
export function defaultValue(t: Type, enumDefaults?: (name: string) => number): Value {
  switch (t.kind) {
    case "Int":
    case "Float":
      return 0;
    case "Bool":
      return false;
    case "String":
      return "";
    case "Enum":
      return enumDefaults !== undefined ? enumDefaults(t.name) : 0;
    case "Event":
    case "Machine":
    case "MachineRef":
    case "Data":
    case "Any":
    case "Null":
    case "Void":
    case "Error":
    case "Message":
      return null;
    case "Tuple":
      return t.elements.map((e) => defaultValue(e, enumDefaults));
    case "NamedTuple":
      return t.fields.map((f) => defaultValue(f.type, enumDefaults));
    case "Seq":
      return [];
    case "Set":
      return EMPTY_SET;
    case "Map":
      return EMPTY_MAP;
    default:
      return unreachable(t);
  }
}

/** True when `v` holds no machine reference anywhere inside. */
export function holdsNoRef(v: Value): boolean {
  if (v === null || typeof v !== "object") return true;
  if (v instanceof Ref) return false;
  if (v instanceof PSet) return v.items.every(holdsNoRef);
  if (v instanceof PMap) return v.keys.every(holdsNoRef) && v.values.every(holdsNoRef);
  return (v as readonly Value[]).every(holdsNoRef);
}

/** True when the runtime value `v` is a value of type `t`. */
export function fits(v: Value, t: Type): boolean {
  switch (t.kind) {
    case "Any":
    case "Error":
    case "Message":
      return true;
    case "Data":
      return holdsNoRef(v);
    case "Int":
    case "Enum":
      return typeof v === "number" && (v | 0) === v;
    case "Float":
      return typeof v === "number";
    case "Bool":
      return typeof v === "boolean";
    case "String":
      return typeof v === "string";
    case "Event":
      return v === null || (typeof v === "number" && (v | 0) === v && v >= 0);
    case "Machine":
    case "MachineRef":
      return v === null || v instanceof Ref;
    case "Null":
    case "Void":
      return v === null;
    case "Tuple":
      return Array.isArray(v) && v.length === t.elements.length && t.elements.every((e, i) => fits(v[i], e));
    case "NamedTuple":
      return Array.isArray(v) && v.length === t.fields.length && t.fields.every((f, i) => fits(v[i], f.type));
    case "Seq":
      return Array.isArray(v) && (v as readonly Value[]).every((x) => fits(x, t.element));
    case "Set":
      return v instanceof PSet && v.items.every((x) => fits(x, t.element));
    case "Map":
      return (
        v instanceof PMap && v.keys.every((k) => fits(k, t.key)) && v.values.every((x) => fits(x, t.value))
      );
    default:
      return unreachable(t);
  }
}

/** `v as t`: `v` itself when it is a value of type `t`; otherwise a runtime error. */
export function castTo(v: Value, t: Type): Value {
  if (fits(v, t)) return v;
  throw new RuntimeError(`cannot cast ${describeValue(v)} to ${printType(t)}`);
}
