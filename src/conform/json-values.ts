// P values as an implementation writes them in a trace: JSON, directed by the model's static
// types. The same form is what `pith gen ts` types and what its trace recorder writes:
//
//   int, float, bool, string   as they are (an int must be a whole number)
//   enum element, event        its name, as a string (an event may be null)
//   machine reference          the implementation's id for the machine, a string (or null)
//   tuple, seq, set            an array (a set in any order)
//   named tuple                an object with exactly the tuple's fields
//   map                        an array of [key, value] pairs, in any order
//   any, data                  any JSON, compared by its shape
//
// Machine ids are the implementation's names; the model numbers its machines. A `Binding` pairs
// the two, one to one, and grows as a trace is matched (an id met for the first time where the
// model has a reference it has not paired yet is paired with it).
import { unreachable } from "../ast/nodes.ts";
import type { ModelIR } from "../ir/ir.ts";
import type { Type } from "../types/types.ts";
import { equalValues, makeMap, makeSet, PMap, PSet, Ref, ref, type Value } from "../explore/runtime/values.ts";

/** A one-to-one pairing of the implementation's machine ids with the model's machine numbers. */
export class Binding {
  /** The id paired with each model machine, by its number. */
  readonly ids: readonly (string | undefined)[];
  private readonly numbers: ReadonlyMap<string, number>;

  constructor(ids: readonly (string | undefined)[] = [], numbers: ReadonlyMap<string, number> = new Map()) {
    this.ids = ids;
    this.numbers = numbers;
  }

  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  /** This binding with `id` paired to machine `n`; itself when they are paired already; null when either is paired elsewhere. */
  bind(id: string, n: number): Binding | null {
    const known = this.numbers.get(id);
    if (known !== undefined) return known === n ? this : null;
    if (this.ids[n] !== undefined) return null;
    const ids = this.ids.slice();
    ids[n] = id;
    const numbers = new Map(this.numbers);
    numbers.set(id, n);
    return new Binding(ids, numbers);
  }

  /** A text that is equal for equal bindings. */
  key(): string {
    return this.ids.map((id) => id ?? "").join("\u0000");
  }
}

/** Names of events and enum elements, both ways. */
export class ModelNames {
  readonly model: ModelIR;
  private readonly events: ReadonlyMap<string, number>;
  private readonly enums: ReadonlyMap<string, { readonly byName: ReadonlyMap<string, number>; readonly byValue: ReadonlyMap<number, string> }>;

  constructor(model: ModelIR) {
    this.model = model;
    this.events = new Map(model.events.map((e) => [e.name, e.id]));
    this.enums = new Map(
      model.enums.map((e) => [
        e.name,
        { byName: new Map(e.elements.map((x) => [x.name, x.value])), byValue: new Map(e.elements.map((x) => [x.value, x.name])) },
      ]),
    );
  }

  eventId(name: string): number | undefined {
    return this.events.get(name);
  }

  enumValue(enumName: string, element: string): number | undefined {
    return this.enums.get(enumName)?.byName.get(element);
  }

  enumElement(enumName: string, value: number): string | undefined {
    return this.enums.get(enumName)?.byValue.get(value);
  }

  enumElements(enumName: string): string[] {
    return [...(this.enums.get(enumName)?.byName.keys() ?? [])];
  }
}

function isObject(json: unknown): json is Record<string, unknown> {
  return typeof json === "object" && json !== null && !Array.isArray(json);
}

function show(json: unknown): string {
  const text = JSON.stringify(json);
  return text === undefined ? String(json) : text.length > 60 ? text.slice(0, 57) + "..." : text;
}

/** How a type is described in messages about JSON that does not fit it. */
function expected(t: Type): string {
  switch (t.kind) {
    case "Int":
      return "an int (a whole number)";
    case "Float":
      return "a number";
    case "Bool":
      return "true or false";
    case "String":
      return "a string";
    case "Enum":
      return `an element of enum ${t.name} (its name, as a string)`;
    case "Event":
      return "an event name or null";
    case "Machine":
    case "MachineRef":
      return "a machine id (a string) or null";
    case "Tuple":
      return `an array of ${t.elements.length}`;
    case "NamedTuple":
      return `an object with the fields ${t.fields.map((f) => f.name).join(", ")}`;
    case "Seq":
      return "an array";
    case "Set":
      return "an array (a set)";
    case "Map":
      return "an array of [key, value] pairs (a map)";
    case "Null":
      return "null";
    default:
      return "a value";
  }
}

function at(path: string): string {
  return path === "" ? "" : ` at ${path}`;
}

/**
 * What is wrong with `json` as a value of type `t`, or undefined when it fits. Machine ids are not
 * looked up here (any string will do); `path` names the place in messages (`payload.key`).
 */
export function jsonProblem(json: unknown, t: Type, names: ModelNames, path = ""): string | undefined {
  const wrong = () => `expected ${expected(t)}${at(path)}, found ${show(json)}`;
  switch (t.kind) {
    case "Int":
      return typeof json === "number" && Number.isInteger(json) ? undefined : wrong();
    case "Float":
      return typeof json === "number" ? undefined : wrong();
    case "Bool":
      return typeof json === "boolean" ? undefined : wrong();
    case "String":
      return typeof json === "string" ? undefined : wrong();
    case "Enum":
      if (typeof json !== "string") return wrong();
      return names.enumValue(t.name, json) === undefined
        ? `${show(json)}${at(path)} is not an element of enum ${t.name} (it has ${names.enumElements(t.name).join(", ")})`
        : undefined;
    case "Event":
      if (json === null) return undefined;
      if (typeof json !== "string") return wrong();
      return names.eventId(json) === undefined ? `${show(json)}${at(path)} is not an event of the model` : undefined;
    case "Machine":
    case "MachineRef":
      return json === null || typeof json === "string" ? undefined : wrong();
    case "Tuple":
      if (!Array.isArray(json) || json.length !== t.elements.length) return wrong();
      for (let i = 0; i < json.length; i++) {
        const p = jsonProblem(json[i], t.elements[i], names, `${path}[${i}]`);
        if (p !== undefined) return p;
      }
      return undefined;
    case "NamedTuple": {
      if (!isObject(json)) return wrong();
      for (const f of t.fields) {
        if (!(f.name in json)) return `missing field '${f.name}'${at(path)}`;
        const p = jsonProblem(json[f.name], f.type, names, path === "" ? f.name : `${path}.${f.name}`);
        if (p !== undefined) return p;
      }
      const extra = Object.keys(json).find((k) => !t.fields.some((f) => f.name === k));
      return extra === undefined ? undefined : `unexpected field '${extra}'${at(path)} (the type has ${t.fields.map((f) => f.name).join(", ")})`;
    }
    case "Seq":
    case "Set":
      if (!Array.isArray(json)) return wrong();
      for (let i = 0; i < json.length; i++) {
        const p = jsonProblem(json[i], t.element, names, `${path}[${i}]`);
        if (p !== undefined) return p;
      }
      return undefined;
    case "Map":
      if (!Array.isArray(json)) return wrong();
      for (let i = 0; i < json.length; i++) {
        const pair: unknown = json[i];
        if (!Array.isArray(pair) || pair.length !== 2) return `expected a [key, value] pair${at(`${path}[${i}]`)}, found ${show(pair)}`;
        const p = jsonProblem(pair[0], t.key, names, `${path}[${i}][0]`) ?? jsonProblem(pair[1], t.value, names, `${path}[${i}][1]`);
        if (p !== undefined) return p;
      }
      return undefined;
    case "Null":
      return json === null ? undefined : wrong();
    case "Any":
    case "Data":
    case "Error":
    case "Void":
    case "Message":
      return undefined;
    default:
      return unreachable(t);
  }
}

/**
 * `json` as a P value of type `t`, with machine ids turned into references by `refOf` (which may
 * return null for an id it does not know: the conversion then fails). The JSON must fit the type
 * (see `jsonProblem`). Returns undefined when a machine id cannot be turned into a reference.
 */
export function jsonToValue(json: unknown, t: Type, names: ModelNames, refOf: (id: string) => Ref | null): Value | undefined {
  const FAIL = undefined;
  const go = (j: unknown, ty: Type): Value | undefined => {
    switch (ty.kind) {
      case "Int":
      case "Float":
      case "Bool":
      case "String":
        return j as Value;
      case "Enum":
        return names.enumValue(ty.name, j as string) ?? FAIL;
      case "Event":
        return j === null ? null : (names.eventId(j as string) ?? FAIL);
      case "Machine":
      case "MachineRef":
        return j === null ? null : (refOf(j as string) ?? FAIL);
      case "Tuple": {
        const out: Value[] = [];
        for (let i = 0; i < ty.elements.length; i++) {
          const v = go((j as unknown[])[i], ty.elements[i]);
          if (v === undefined) return FAIL;
          out.push(v);
        }
        return out;
      }
      case "NamedTuple": {
        const out: Value[] = [];
        for (const f of ty.fields) {
          const v = go((j as Record<string, unknown>)[f.name], f.type);
          if (v === undefined) return FAIL;
          out.push(v);
        }
        return out;
      }
      case "Seq":
      case "Set": {
        const out: Value[] = [];
        for (const x of j as unknown[]) {
          const v = go(x, ty.element);
          if (v === undefined) return FAIL;
          out.push(v);
        }
        return ty.kind === "Set" ? makeSet(out) : out;
      }
      case "Map": {
        const out: [Value, Value][] = [];
        for (const pair of j as [unknown, unknown][]) {
          const k = go(pair[0], ty.key);
          const v = go(pair[1], ty.value);
          if (k === undefined || v === undefined) return FAIL;
          out.push([k, v]);
        }
        return makeMap(out);
      }
      case "Null":
        return null;
      case "Any":
      case "Data":
      case "Error":
      case "Void":
      case "Message":
        return shapeValue(j);
      default:
        return unreachable(ty);
    }
  };
  return go(json, t);
}

/** JSON of no known type, by its shape: arrays stay arrays, objects become their values in key order. */
function shapeValue(j: unknown): Value {
  if (j === null || typeof j === "number" || typeof j === "boolean" || typeof j === "string") return j;
  if (Array.isArray(j)) return j.map(shapeValue);
  if (isObject(j)) return Object.keys(j).map((k) => shapeValue(j[k]));
  return null;
}

/**
 * `v`, of type `t`, in the JSON form; machine references through `idOf` (a reference it cannot name
 * is written as `#n`, its model number). Sets and maps come out in the model's order.
 */
export function valueToJson(v: Value, t: Type, names: ModelNames, idOf: (r: Ref) => string | undefined): unknown {
  switch (t.kind) {
    case "Int":
    case "Float":
    case "Bool":
    case "String":
      return v;
    case "Enum":
      return typeof v === "number" ? (names.enumElement(t.name, v) ?? v) : v;
    case "Event":
      return typeof v === "number" ? (names.model.events[v]?.name ?? v) : null;
    case "Machine":
    case "MachineRef":
      return v instanceof Ref ? (idOf(v) ?? `#${v.id}`) : null;
    case "Tuple":
      return Array.isArray(v) ? t.elements.map((e, i) => valueToJson(v[i], e, names, idOf)) : v;
    case "NamedTuple":
      if (!Array.isArray(v)) return v;
      return Object.fromEntries(t.fields.map((f, i) => [f.name, valueToJson(v[i], f.type, names, idOf)]));
    case "Seq":
      return Array.isArray(v) ? v.map((x) => valueToJson(x, t.element, names, idOf)) : v;
    case "Set":
      return v instanceof PSet ? v.items.map((x) => valueToJson(x, t.element, names, idOf)) : v;
    case "Map":
      return v instanceof PMap ? v.keys.map((k, i) => [valueToJson(k, t.key, names, idOf), valueToJson(v.values[i], t.value, names, idOf)]) : v;
    default:
      return runtimeJson(v, idOf);
  }
}

function runtimeJson(v: Value, idOf: (r: Ref) => string | undefined): unknown {
  if (v === null || typeof v !== "object") return v;
  if (v instanceof Ref) return idOf(v) ?? `#${v.id}`;
  if (v instanceof PSet) return v.items.map((x) => runtimeJson(x, idOf));
  if (v instanceof PMap) return v.keys.map((k, i) => [runtimeJson(k, idOf), runtimeJson(v.values[i], idOf)]);
  return (v as readonly Value[]).map((x) => runtimeJson(x, idOf));
}

/**
 * Whether the model's `v` (of type `t`) and the trace's `json` are the same value, pairing machine
 * ids with model machines on the way: returns the binding, grown, or null when they differ. The
 * JSON must fit the type (see `jsonProblem`). Inside sets, maps and untyped values every machine id
 * must be paired already.
 */
export function matchJson(v: Value, t: Type, json: unknown, names: ModelNames, binding: Binding): Binding | null {
  switch (t.kind) {
    case "Int":
    case "Float":
    case "Bool":
    case "String":
      return equalValues(v, json as Value) ? binding : null;
    case "Enum":
      return v === names.enumValue(t.name, json as string) ? binding : null;
    case "Event":
      return (json === null ? v === null : v === names.eventId(json as string)) ? binding : null;
    case "Machine":
    case "MachineRef":
      if (json === null || v === null) return json === null && v === null ? binding : null;
      return v instanceof Ref ? binding.bind(json as string, v.id) : null;
    case "Tuple": {
      if (!Array.isArray(v)) return null;
      let b: Binding | null = binding;
      for (let i = 0; i < t.elements.length && b !== null; i++) b = matchJson(v[i], t.elements[i], (json as unknown[])[i], names, b);
      return b;
    }
    case "NamedTuple": {
      if (!Array.isArray(v)) return null;
      let b: Binding | null = binding;
      for (let i = 0; i < t.fields.length && b !== null; i++) {
        b = matchJson(v[i], t.fields[i].type, (json as Record<string, unknown>)[t.fields[i].name], names, b);
      }
      return b;
    }
    case "Seq": {
      const items = json as unknown[];
      if (!Array.isArray(v) || v.length !== items.length) return null;
      let b: Binding | null = binding;
      for (let i = 0; i < items.length && b !== null; i++) b = matchJson(v[i], t.element, items[i], names, b);
      return b;
    }
    default: {
      const converted = jsonToValue(json, t, names, (id) => {
        const n = binding.numberOf(id);
        return n === undefined ? null : ref(n);
      });
      return converted !== undefined && equalValues(v, converted) ? binding : null;
    }
  }
}
