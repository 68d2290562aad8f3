// What the program generator knows about the model it is writing: the types it may use, and the
// declarations made so far (events, machines with their variables, functions and states). Code is
// generated against this record so that names resolve and types mostly agree; the generator's own
// types are a small mirror of the checker's, enough to pick expressions of a wanted type.
import type { Choices } from "../choices.ts";

export type Ty =
  | { readonly k: "int" | "bool" | "string" | "float" | "event" | "machine" | "any" | "data" }
  | { readonly k: "seq" | "set"; readonly e: Ty }
  | { readonly k: "map"; readonly key: Ty; readonly v: Ty }
  | { readonly k: "tuple"; readonly es: readonly Ty[] }
  | { readonly k: "ntuple"; readonly fs: readonly Field[] }
  | { readonly k: "enum"; readonly name: string; readonly elems: readonly string[] }
  /** A machine or interface type, by its name. */
  | { readonly k: "ref"; readonly name: string; readonly iface?: boolean }
  | { readonly k: "alias"; readonly name: string; readonly t: Ty };

export interface Field {
  readonly n: string;
  readonly t: Ty;
}

export const INT: Ty = { k: "int" };
export const BOOL: Ty = { k: "bool" };
export const STRING: Ty = { k: "string" };
export const FLOAT: Ty = { k: "float" };
export const EVENT: Ty = { k: "event" };
export const MACHINE: Ty = { k: "machine" };
export const ANY: Ty = { k: "any" };
export const DATA: Ty = { k: "data" };

export interface Var {
  readonly name: string;
  readonly t: Ty;
  /** A global param: readable, not assignable. */
  readonly fixed?: boolean;
}

export interface FunSig {
  readonly name: string;
  readonly params: readonly Var[];
  readonly ret: Ty | undefined;
}

export interface EventInfo {
  readonly name: string;
  readonly payload: Ty | undefined;
}

export interface StatePlan {
  readonly name: string;
  readonly entryParam: Ty | undefined;
}

export interface MachinePlan {
  readonly name: string;
  readonly spec: boolean;
  readonly vars: Var[];
  readonly funs: FunSig[];
  readonly states: StatePlan[];
  /** Events a spec observes; empty for machines. */
  readonly observes: string[];
}

/** `interface I(T) receives ...;`, bound to `machine` in the tests' modules. */
export interface InterfacePlan {
  readonly name: string;
  readonly machine: string;
  readonly payload: Ty | undefined;
}

export interface World {
  readonly enums: Extract<Ty, { k: "enum" }>[];
  readonly aliases: Extract<Ty, { k: "alias" }>[];
  readonly events: EventInfo[];
  readonly eventsets: { readonly name: string; readonly events: readonly string[] }[];
  readonly interfaces: InterfacePlan[];
  readonly machines: MachinePlan[];
  readonly funs: FunSig[];
  readonly pures: FunSig[];
  readonly params: Var[];
  /** How often an expression is deliberately of a random type instead of the wanted one. */
  readonly wrongRate: number;
  counter: number;
}

export function newWorld(wrongRate: number): World {
  return {
    enums: [],
    aliases: [],
    events: [],
    eventsets: [],
    interfaces: [],
    machines: [],
    funs: [],
    pures: [],
    params: [],
    wrongRate,
    counter: 0,
  };
}

/** A name no other declaration uses: `prefix` followed by a number. */
export function fresh(world: World, prefix: string): string {
  return `${prefix}${world.counter++}`;
}

/** The type an alias stands for (aliases of aliases included). */
export function norm(t: Ty): Ty {
  return t.k === "alias" ? norm(t.t) : t;
}

/** Structural identity after expanding aliases: what the checker treats as the same type. */
export function key(t: Ty): string {
  const n = norm(t);
  switch (n.k) {
    case "seq":
    case "set":
      return `${n.k}[${key(n.e)}]`;
    case "map":
      return `map[${key(n.key)},${key(n.v)}]`;
    case "tuple":
      return `(${n.es.map(key).join(",")},)`;
    case "ntuple":
      return `(${n.fs.map((f) => `${f.n}:${key(f.t)}`).join(",")},)`;
    case "enum":
    case "ref":
      return `${n.k}:${n.name}`;
    default:
      return n.k;
  }
}

export function sameTy(a: Ty, b: Ty): boolean {
  return key(a) === key(b);
}

/** The type as written in a declaration. */
export function printTy(t: Ty): string {
  switch (t.k) {
    case "seq":
    case "set":
      return `${t.k}[${printTy(t.e)}]`;
    case "map":
      return `map[${printTy(t.key)}, ${printTy(t.v)}]`;
    case "tuple":
      return t.es.length === 1 ? `(${printTy(t.es[0])},)` : `(${t.es.map(printTy).join(", ")})`;
    case "ntuple":
      return `(${t.fs.map((f) => `${f.n}: ${printTy(f.t)}`).join(", ")})`;
    case "enum":
    case "ref":
    case "alias":
      return t.name;
    default:
      return t.k;
  }
}

/**
 * True when an expression written for the type may get a narrower type: a machine reference (the
 * machine type of a `new`), `any` or `data` (the type of whatever value was put there), or a
 * composite holding one. Two such expressions are not always comparable with each other.
 */
export function isLoose(t: Ty): boolean {
  const n = norm(t);
  switch (n.k) {
    case "machine":
    case "ref":
    case "any":
    case "data":
      return true;
    case "seq":
    case "set":
      return isLoose(n.e);
    case "map":
      return isLoose(n.key) || isLoose(n.v);
    case "tuple":
      return n.es.some(isLoose);
    case "ntuple":
      return n.fs.some((f) => isLoose(f.t));
    default:
      return false;
  }
}

/** A random type that the world can name; `depth` bounds nesting. Plain `int` is the simplest. */
export function randomTy(c: Choices, world: World, depth: number): Ty {
  const machines = world.machines.filter((m) => !m.spec);
  const options: (() => Ty)[] = [
    () => INT,
    () => BOOL,
    () => STRING,
    () => FLOAT,
    () => EVENT,
    () => MACHINE,
    () => ANY,
    () => DATA,
  ];
  if (world.enums.length > 0) options.push(() => c.pick(world.enums));
  if (world.aliases.length > 0) options.push(() => c.pick(world.aliases));
  if (machines.length > 0) options.push(() => ({ k: "ref", name: c.pick(machines).name }));
  if (world.interfaces.length > 0) options.push(() => ({ k: "ref", name: c.pick(world.interfaces).name, iface: true }));
  if (depth > 0) {
    options.push(
      () => ({ k: "seq", e: randomTy(c, world, depth - 1) }),
      () => ({ k: "set", e: randomTy(c, world, depth - 1) }),
      () => ({ k: "map", key: randomTy(c, world, depth - 1), v: randomTy(c, world, depth - 1) }),
      () => ({ k: "tuple", es: list(c, 1, 3, () => randomTy(c, world, depth - 1)) }),
      () => ({ k: "ntuple", fs: fields(c, () => randomTy(c, world, depth - 1)) }),
    );
  }
  return c.pick(options)();
}

/** Between min and max items; the fewer the simpler. */
export function list<T>(c: Choices, min: number, max: number, item: (i: number) => T): T[] {
  const n = min + c.int(max - min + 1);
  return Array.from({ length: n }, (_, i) => item(i));
}

const FIELD_NAMES = ["id", "key", "val", "src", "ok", "n"];

export function fields(c: Choices, type: () => Ty): Field[] {
  const count = 1 + c.int(3);
  return FIELD_NAMES.slice(c.int(FIELD_NAMES.length - count + 1)).slice(0, count).map((n) => ({ n, t: type() }));
}
