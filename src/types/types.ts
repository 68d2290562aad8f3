// The semantic types of the P dialect: what a type expression means once aliases are expanded and
// names are resolved, together with subtyping and printing. Types are plain immutable records
// compared structurally; the lowering to the IR reads them as they are.
//
// Subtyping, as Pith implements it:
// - every type is a subtype of `any`;
// - `data` is the supertype of every type with no machine reference inside (so not of `machine`,
//   machine and interface types, `any`, or a tuple or collection containing one of these);
// - `null` (the type of the literal `null`) is a subtype of the nullable types only: `machine`,
//   `event`, machine and interface types, `data` and `any` (their default value is null);
// - machine and interface types (`Client`, `I`) are subtypes of `machine`; two of them are related
//   only when they are the same (bindings in modules are a run-time matter);
// - tuples, named tuples, `seq`, `set` and `map` are covariant in their components; a named tuple is
//   related to another only when the field names are the same and in the same order; tuples and
//   named tuples are disjoint;
// - the error type (produced for anything that did not check) is related to everything, in both
//   directions, so that one mistake is reported once.

export interface NamedTupleFieldType {
  readonly name: string;
  readonly type: Type;
}

/** Fields common to every type: `alias` remembers the alias a type was written as, for messages only. */
interface TypeBase {
  readonly alias?: string;
}

export type PrimitiveKind = "Int" | "Float" | "Bool" | "String" | "Event" | "Machine" | "Data" | "Any";

/** `int`, `float`, ...: one record shape per kind, so that a switch on `kind` narrows. */
export type PrimitiveType = { [K in PrimitiveKind]: TypeBase & { readonly kind: K } }[PrimitiveKind];
/** The type of the literal `null`. */
export interface NullType extends TypeBase {
  readonly kind: "Null";
}
/** The result "type" of a function that returns nothing. Never the type of a variable. */
export interface VoidType extends TypeBase {
  readonly kind: "Void";
}
/** Produced where checking failed; related to every type so that errors do not cascade. */
export interface ErrorType extends TypeBase {
  readonly kind: "Error";
}
export interface EnumType extends TypeBase {
  readonly kind: "Enum";
  readonly name: string;
}
export interface TupleType extends TypeBase {
  readonly kind: "Tuple";
  readonly elements: readonly Type[];
}
export interface NamedTupleType extends TypeBase {
  readonly kind: "NamedTuple";
  readonly fields: readonly NamedTupleFieldType[];
}
export interface SeqType extends TypeBase {
  readonly kind: "Seq";
  readonly element: Type;
}
export interface SetType extends TypeBase {
  readonly kind: "Set";
  readonly element: Type;
}
export interface MapType extends TypeBase {
  readonly kind: "Map";
  readonly key: Type;
  readonly value: Type;
}
/** A reference to a machine of a given machine type, or to a machine created through an interface. */
export interface MachineRefType extends TypeBase {
  readonly kind: "MachineRef";
  readonly name: string;
  readonly of: "machine" | "interface";
}
/**
 * Verification only: a message of one event, as bound by `forall (e: eYes) :: ...`. A subtype of
 * `event`; its payload fields are read with `e.field`.
 */
export interface MessageType extends TypeBase {
  readonly kind: "Message";
  readonly event: string;
}

export type Type =
  | PrimitiveType
  | NullType
  | VoidType
  | ErrorType
  | EnumType
  | TupleType
  | NamedTupleType
  | SeqType
  | SetType
  | MapType
  | MachineRefType
  | MessageType;

export const INT: Type = { kind: "Int" };
export const FLOAT: Type = { kind: "Float" };
export const BOOL: Type = { kind: "Bool" };
export const STRING: Type = { kind: "String" };
export const EVENT: Type = { kind: "Event" };
export const MACHINE: Type = { kind: "Machine" };
export const DATA: Type = { kind: "Data" };
export const ANY: Type = { kind: "Any" };
export const NULL: Type = { kind: "Null" };
export const VOID: Type = { kind: "Void" };
export const ERROR: Type = { kind: "Error" };

export function seqOf(element: Type): SeqType {
  return { kind: "Seq", element };
}
export function setOf(element: Type): SetType {
  return { kind: "Set", element };
}
export function mapOf(key: Type, value: Type): MapType {
  return { kind: "Map", key, value };
}
export function tupleOf(elements: readonly Type[]): TupleType {
  return { kind: "Tuple", elements };
}

/** The same type remembered under an alias name (for messages). */
export function withAlias(type: Type, alias: string): Type {
  if (type.kind === "Error") return type;
  return { ...type, alias };
}

export function isError(t: Type): boolean {
  return t.kind === "Error";
}

/** `machine`, a machine or interface type, or null: something a message can be sent to. */
export function isMachineLike(t: Type): boolean {
  return t.kind === "Machine" || t.kind === "MachineRef" || t.kind === "Null" || t.kind === "Error";
}

/** `event` or a message type (verification). */
export function isEventLike(t: Type): boolean {
  return t.kind === "Event" || t.kind === "Message" || t.kind === "Error";
}

/** True when no value of the type can hold a machine reference. */
export function isData(t: Type): boolean {
  switch (t.kind) {
    case "Int":
    case "Float":
    case "Bool":
    case "String":
    case "Event":
    case "Data":
    case "Null":
    case "Void":
    case "Error":
    case "Enum":
      return true;
    case "Machine":
    case "Any":
    case "MachineRef":
    case "Message":
      return false;
    case "Tuple":
      return t.elements.every(isData);
    case "NamedTuple":
      return t.fields.every((f) => isData(f.type));
    case "Seq":
    case "Set":
      return isData(t.element);
    case "Map":
      return isData(t.key) && isData(t.value);
  }
}

/** `sub <: sup` in the subtyping relation described at the top of this file. */
export function isSubtype(sub: Type, sup: Type): boolean {
  if (sub.kind === "Error" || sup.kind === "Error") return true;
  if (sup.kind === "Any") return sub.kind !== "Void";
  if (sub.kind === "Null") {
    return (
      sup.kind === "Null" ||
      sup.kind === "Machine" ||
      sup.kind === "Event" ||
      sup.kind === "MachineRef" ||
      sup.kind === "Data"
    );
  }
  if (sup.kind === "Data") return sub.kind !== "Void" && isData(sub);
  switch (sub.kind) {
    case "Int":
    case "Float":
    case "Bool":
    case "String":
    case "Event":
    case "Machine":
    case "Data":
    case "Any":
    case "Void":
      return sup.kind === sub.kind;
    case "Enum":
      return sup.kind === "Enum" && sup.name === sub.name;
    case "MachineRef":
      return sup.kind === "Machine" || (sup.kind === "MachineRef" && sup.name === sub.name && sup.of === sub.of);
    case "Message":
      return sup.kind === "Event" || (sup.kind === "Message" && sup.event === sub.event);
    case "Tuple":
      return (
        sup.kind === "Tuple" &&
        sup.elements.length === sub.elements.length &&
        sub.elements.every((e, i) => isSubtype(e, sup.elements[i]))
      );
    case "NamedTuple":
      return (
        sup.kind === "NamedTuple" &&
        sup.fields.length === sub.fields.length &&
        sub.fields.every((f, i) => f.name === sup.fields[i].name && isSubtype(f.type, sup.fields[i].type))
      );
    case "Seq":
      return sup.kind === "Seq" && isSubtype(sub.element, sup.element);
    case "Set":
      return sup.kind === "Set" && isSubtype(sub.element, sup.element);
    case "Map":
      return sup.kind === "Map" && isSubtype(sub.key, sup.key) && isSubtype(sub.value, sup.value);
  }
}

/** Both ways a subtype: the same type (aliases aside). */
export function sameType(a: Type, b: Type): boolean {
  return isSubtype(a, b) && isSubtype(b, a);
}

/** One is a subtype of the other. */
export function related(a: Type, b: Type): boolean {
  return isSubtype(a, b) || isSubtype(b, a);
}

function isMachineReference(t: Type): boolean {
  return t.kind === "Machine" || t.kind === "MachineRef";
}

/**
 * Values of the two types may be compared with `==` (and tested with `in`), or converted with `as`:
 * related types, or any two machine reference types, since which machine an interface stands
 * for is decided by the module's bindings when the model runs.
 */
export function comparable(a: Type, b: Type): boolean {
  return related(a, b) || (isMachineReference(a) && isMachineReference(b));
}

/** The type as the user would write it (`seq[int]`, `(a: int, b: bool)`, `map[string, tReq]`). */
export function printType(t: Type): string {
  if (t.alias !== undefined) return t.alias;
  return printStructure(t);
}

/** The type with its outermost alias expanded (components still print under their aliases). */
export function printStructure(t: Type): string {
  switch (t.kind) {
    case "Int":
      return "int";
    case "Float":
      return "float";
    case "Bool":
      return "bool";
    case "String":
      return "string";
    case "Event":
      return "event";
    case "Machine":
      return "machine";
    case "Data":
      return "data";
    case "Any":
      return "any";
    case "Null":
      return "null";
    case "Void":
      return "no value";
    case "Error":
      return "<error>";
    case "Enum":
      return t.name;
    case "MachineRef":
      return t.name;
    case "Message":
      return t.event;
    case "Tuple":
      return t.elements.length === 1 ? `(${printType(t.elements[0])},)` : `(${t.elements.map(printType).join(", ")})`;
    case "NamedTuple": {
      const body = t.fields.map((f) => `${f.name}: ${printType(f.type)}`).join(", ");
      return t.fields.length === 1 ? `(${body},)` : `(${body})`;
    }
    case "Seq":
      return `seq[${printType(t.element)}]`;
    case "Set":
      return `set[${printType(t.element)}]`;
    case "Map":
      return `map[${printType(t.key)}, ${printType(t.value)}]`;
  }
}

/**
 * How an expected and a found type print in a mismatch message: under their alias names, unless
 * both print the same, in which case the structure is shown so that the message says something.
 */
export function printPair(expected: Type, found: Type): [string, string] {
  const a = printType(expected);
  const b = printType(found);
  if (a !== b) return [a, b];
  return [printStructure(expected), printStructure(found)];
}
