// DynamoDB's attribute values as they travel in the JSON API ({"S": "x"}, {"N": "12"}, {"M": {...}}),
// with the comparisons and checks the service needs: equality, ordering of scalars, key
// extraction and validation.
import { ValidationError } from "./errors.ts";

export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> };

export type Item = Record<string, AttributeValue>;

/** The type descriptor of a value: "S", "N", "M", ... */
export function typeOf(v: AttributeValue): string {
  return Object.keys(v)[0];
}

const TYPES = new Set(["S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M"]);

/** Checks that a value from a request is a well-formed attribute value; throws ValidationError. */
export function validateValue(v: unknown, where: string): AttributeValue {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ValidationError(`${where}: an attribute value must be an object such as {"S": "text"}`);
  const keys = Object.keys(v);
  if (keys.length !== 1 || !TYPES.has(keys[0])) {
    throw new ValidationError(`${where}: an attribute value must have exactly one of the types ${[...TYPES].join(", ")}`);
  }
  const [type] = keys;
  const inner = (v as Record<string, unknown>)[type];
  switch (type) {
    case "S":
    case "B":
      if (typeof inner !== "string") throw new ValidationError(`${where}: ${type} takes a string`);
      break;
    case "N":
      if (typeof inner !== "string" || !isNumber(inner)) throw new ValidationError(`${where}: N takes a number written as a string`);
      break;
    case "BOOL":
      if (typeof inner !== "boolean") throw new ValidationError(`${where}: BOOL takes true or false`);
      break;
    case "NULL":
      if (inner !== true) throw new ValidationError(`${where}: NULL takes true`);
      break;
    case "SS":
    case "BS":
    case "NS":
      if (!Array.isArray(inner) || inner.length === 0 || inner.some((e) => typeof e !== "string")) {
        throw new ValidationError(`${where}: ${type} takes a non-empty list of strings`);
      }
      if (new Set(inner).size !== inner.length) throw new ValidationError(`${where}: Input collection ${type} contains duplicates`);
      if (type === "NS" && inner.some((e) => !isNumber(e))) throw new ValidationError(`${where}: NS takes numbers written as strings`);
      break;
    case "L":
      if (!Array.isArray(inner)) throw new ValidationError(`${where}: L takes a list`);
      inner.forEach((e, i) => validateValue(e, `${where}[${i}]`));
      break;
    case "M":
      if (typeof inner !== "object" || inner === null || Array.isArray(inner)) throw new ValidationError(`${where}: M takes an object`);
      for (const [k, e] of Object.entries(inner)) validateValue(e, `${where}.${k}`);
      break;
  }
  return v as AttributeValue;
}

export function validateItem(v: unknown, where: string): Item {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ValidationError(`${where} must be a map of attribute names to values`);
  for (const [k, e] of Object.entries(v)) validateValue(e, `${where}.${k}`);
  return v as Item;
}

function isNumber(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim());
}

/** Equality as DynamoDB defines it: numbers by value, sets regardless of order. */
export function equal(a: AttributeValue, b: AttributeValue): boolean {
  const ta = typeOf(a);
  if (ta !== typeOf(b)) return false;
  const x = (a as Record<string, unknown>)[ta];
  const y = (b as Record<string, unknown>)[ta];
  switch (ta) {
    case "N":
      return Number(x) === Number(y);
    case "SS":
    case "BS":
      return sameSet(x as string[], y as string[], (s) => s);
    case "NS":
      return sameSet(x as string[], y as string[], (s) => String(Number(s)));
    case "L": {
      const xs = x as AttributeValue[];
      const ys = y as AttributeValue[];
      return xs.length === ys.length && xs.every((e, i) => equal(e, ys[i]));
    }
    case "M": {
      const xm = x as Item;
      const ym = y as Item;
      const keys = Object.keys(xm);
      return keys.length === Object.keys(ym).length && keys.every((k) => k in ym && equal(xm[k], ym[k]));
    }
    default:
      return x === y;
  }
}

function sameSet(x: string[], y: string[], norm: (s: string) => string): boolean {
  const xs = new Set(x.map(norm));
  return xs.size === new Set(y.map(norm)).size && y.every((e) => xs.has(norm(e)));
}

/** Orders two scalars of the same type (N, S or B); undefined when they cannot be compared. */
export function compare(a: AttributeValue, b: AttributeValue): number | undefined {
  const t = typeOf(a);
  if (t !== typeOf(b)) return undefined;
  if ("N" in a && "N" in b) return Math.sign(Number(a.N) - Number(b.N));
  if ("S" in a && "S" in b) return a.S < b.S ? -1 : a.S > b.S ? 1 : 0;
  if ("B" in a && "B" in b) return Buffer.compare(Buffer.from(a.B, "base64"), Buffer.from(b.B, "base64"));
  return undefined;
}

/** A deep copy, so stored items never share structure with requests or responses. */
export function copyItem(item: Item): Item {
  return structuredClone(item);
}

/** The canonical text of a value, used to key items and to compare requests for idempotency. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    const entries = Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(v);
}
