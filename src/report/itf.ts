// Values in the Informal Trace Format (ITF) that Apalache and Quint use for traces: integers as
// {"#bigint": "3"}, tuples {"#tup": [...]}, sets {"#set": [...]}, maps {"#map": [[k, v], ...]},
// named tuples as records. Events, enum elements and machines are shown by name, as strings.
import type { Type } from "../types/types.ts";
import { PMap, PSet, Ref, type Value } from "../explore/runtime/values.ts";
import type { Names } from "../explore/p/names.ts";

export type Itf = string | boolean | number | null | Itf[] | { [key: string]: Itf };

export function toItf(v: Value, t: Type, names: Names): Itf {
  if (v === null) return null;
  switch (t.kind) {
    case "Int":
      return { "#bigint": String(v) };
    case "Float":
      return v as number;
    case "Bool":
    case "String":
      return v as boolean | string;
    case "Enum":
      return names.enumElement(t.name, v as number);
    case "Event":
      return names.event(v as number);
    case "Machine":
    case "MachineRef":
      return v instanceof Ref ? names.machine(v) : null;
    case "Tuple":
      return { "#tup": (v as readonly Value[]).map((x, i) => toItf(x, t.elements[i] ?? ANY, names)) };
    case "NamedTuple": {
      const record: { [key: string]: Itf } = {};
      t.fields.forEach((f, i) => (record[f.name] = toItf((v as readonly Value[])[i], f.type, names)));
      return record;
    }
    case "Seq":
      return (v as readonly Value[]).map((x) => toItf(x, t.element, names));
    case "Set":
      return { "#set": (v as PSet).items.map((x) => toItf(x, t.element, names)) };
    case "Map": {
      const m = v as PMap;
      return { "#map": m.keys.map((k, i) => [toItf(k, t.key, names), toItf(m.values[i], t.value, names)]) };
    }
    default:
      return untyped(v, names);
  }
}

const ANY: Type = { kind: "Any" };

/** A value whose static type says nothing (`any`, `data`): shown by its runtime shape. */
function untyped(v: Value, names: Names): Itf {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? { "#bigint": String(v) } : v;
  if (v instanceof Ref) return names.machine(v);
  if (v instanceof PSet) return { "#set": v.items.map((x) => untyped(x, names)) };
  if (v instanceof PMap) return { "#map": v.keys.map((k, i) => [untyped(k, names), untyped(v.values[i], names)]) };
  return { "#tup": (v as readonly Value[]).map((x) => untyped(x, names)) };
}
