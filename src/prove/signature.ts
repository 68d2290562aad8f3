// The vocabulary of one query: SMT sorts for the values of P types, one uninterpreted sort of ids
// per machine type (so a proof holds for any number of machines), the enumeration of each machine
// type's states, the sort of events and of messages with their labels (event, target, payload),
// and pure functions. Everything is declared on demand in the query's builder, so each query holds
// only what it uses.
//
//   int → Int, bool → Bool, float → Real, string → String, enum → a datatype of its elements,
//   tuple and named tuple → a datatype with one selector per field, set[T] → (Array T Bool),
//   map[K, V] → a datatype of a domain (Array K Bool) and values (Array K V), seq[T] → a datatype
//   of a length and (Array Int T), a machine type → its id sort, `machine` → a sum of the id sorts,
//   `event` in code → the datatype of events; a message (a bound `event` in a formula) → Msg.
//
// Machine references are never null here: `null`, `any` and `data` are reported as unsupported.
import type { Span } from "../diagnostics/source.ts";
import type { MachineIR, ModelIR, PureIR } from "../ir/ir.ts";
import type { Type } from "../types/types.ts";
import { app, bool, ite, quoteString, sym, Unsupported, type SmtBuilder, type Term } from "./smt.ts";

export const MSG = "Msg";
export const MACHINE = "Machine";
export const EVENT = "Event";

/** A type's structure without aliases: the stable part of datatype names. */
export function structure(t: Type): string {
  switch (t.kind) {
    case "Tuple":
      return `(${t.elements.map(structure).join(", ")})`;
    case "NamedTuple":
      return `(${t.fields.map((f) => `${f.name}: ${structure(f.type)}`).join(", ")})`;
    case "Seq":
      return `seq[${structure(t.element)}]`;
    case "Set":
      return `set[${structure(t.element)}]`;
    case "Map":
      return `map[${structure(t.key)}, ${structure(t.value)}]`;
    case "Enum":
    case "MachineRef":
      return t.name;
    case "Message":
      return t.event;
    default:
      return t.kind.toLowerCase();
  }
}

export function fieldCount(t: Type): number {
  return t.kind === "Tuple" ? t.elements.length : t.kind === "NamedTuple" ? t.fields.length : 0;
}

export function fieldType(t: Type, i: number): Type {
  if (t.kind === "Tuple") return t.elements[i];
  if (t.kind === "NamedTuple") return t.fields[i].type;
  throw new Error(`not a tuple: ${t.kind}`);
}

export class Signature {
  readonly b: SmtBuilder;
  readonly model: ModelIR;

  constructor(model: ModelIR, b: SmtBuilder) {
    this.model = model;
    this.b = b;
  }

  machine(id: number): MachineIR {
    return this.model.machines[id];
  }

  /** The machine types (not specs): the sorts of ids. */
  machineTypes(): MachineIR[] {
    return this.model.machines.filter((m) => m.kind === "machine");
  }

  // -- machines ---------------------------------------------------------------------------------

  idSort(machine: number): string {
    const name = sym(`Id.${this.machine(machine).name}`);
    this.b.ensure(`sort ${name}`, () => `(declare-sort ${name} 0)`);
    return name;
  }

  /** The sort of `machine`: one constructor per machine type, wrapping its id. */
  machineSum(): string {
    this.b.ensure("sort Machine", () => {
      const ctors = this.machineTypes().map((m) => `(${sym(`Machine.${m.name}`)} (${sym(`Machine.${m.name}.id`)} ${this.idSort(m.id)}))`);
      return `(declare-datatype ${MACHINE} (${ctors.join(" ")}))`;
    });
    return MACHINE;
  }

  /** Wraps an id of machine type `machine` as a `machine` value. */
  wrap(id: Term, machine: number): Term {
    this.machineSum();
    return app(sym(`Machine.${this.machine(machine).name}`), MACHINE, id);
  }

  /** The id inside a `machine` value known to be of type `machine`. */
  unwrap(m: Term, machine: number): Term {
    this.machineSum();
    return app(sym(`Machine.${this.machine(machine).name}.id`), this.idSort(machine), m);
  }

  isOfType(m: Term, machine: number): Term {
    this.machineSum();
    return { s: `((_ is ${sym(`Machine.${this.machine(machine).name}`)}) ${m.s})`, sort: "Bool" };
  }

  /** A term of a machine reference sort as a `machine` value. */
  asMachine(t: Term): Term {
    if (t.sort === MACHINE) return t;
    const m = this.machineTypes().find((x) => sym(`Id.${x.name}`) === t.sort);
    if (m === undefined) throw new Error(`not a machine reference: ${t.sort}`);
    return this.wrap(t, m.id);
  }

  /** The machine type whose id sort `sort` is, if any. */
  machineOfSort(sort: string): MachineIR | undefined {
    return this.machineTypes().find((x) => sym(`Id.${x.name}`) === sort);
  }

  stateSort(machine: number): string {
    const m = this.machine(machine);
    const name = sym(`${m.name}.State`);
    this.b.ensure(`sort ${name}`, () => `(declare-datatype ${name} (${m.states.map((s) => `(${sym(`${m.name}.${s.name}`)})`).join(" ")}))`);
    return name;
  }

  stateConst(machine: number, state: number): Term {
    const m = this.machine(machine);
    return { s: sym(`${m.name}.${m.states[state].name}`), sort: this.stateSort(machine) };
  }

  // -- events and messages ------------------------------------------------------------------------

  eventSort(): string {
    this.b.ensure("sort Event", () => {
      const ctors = this.model.events.filter((e) => e.id > 0).map((e) => `(${sym(`Event.${e.name}`)})`);
      return `(declare-datatype ${EVENT} (${ctors.join(" ")}))`;
    });
    return EVENT;
  }

  eventConst(event: number): Term {
    return { s: sym(`Event.${this.model.events[event].name}`), sort: this.eventSort() };
  }

  msgSort(): string {
    this.b.ensure("sort Msg", () => `(declare-sort ${MSG} 0)`);
    return MSG;
  }

  msgEvent(x: Term): Term {
    const sort = this.eventSort();
    this.b.ensure("fun msg.event", () => `(declare-fun msg.event (${this.msgSort()}) ${sort})`);
    return app("msg.event", sort, x);
  }

  msgTarget(x: Term): Term {
    const sort = this.machineSum();
    this.b.ensure("fun msg.target", () => `(declare-fun msg.target (${this.msgSort()}) ${sort})`);
    return app("msg.target", sort, x);
  }

  msgPayload(x: Term, event: number, span: Span | undefined): Term {
    const e = this.model.events[event];
    if (e.payload === undefined) throw new Unsupported(`the payload of ${e.name}, which carries none`, span);
    const sort = this.sort(e.payload, span);
    const name = sym(`msg.payload.${e.name}`);
    this.b.ensure(`fun ${name}`, () => `(declare-fun ${name} (${this.msgSort()}) ${sort})`);
    return app(name, sort, x);
  }

  // -- values -------------------------------------------------------------------------------------

  /** The SMT sort of values of `t` (in code; messages in formulas are bound separately). */
  sort(t: Type, span: Span | undefined): string {
    switch (t.kind) {
      case "Int":
        return "Int";
      case "Bool":
        return "Bool";
      case "Float":
        return "Real";
      case "String":
        return "String";
      case "Enum":
        return this.enumSort(t.name);
      case "Tuple":
      case "NamedTuple":
        return this.tupleSort(t, span);
      case "Set":
        return `(Array ${this.sort(t.element, span)} Bool)`;
      case "Map":
        return this.mapSort(t, span);
      case "Seq":
        return this.seqSort(t, span);
      case "MachineRef": {
        const m = this.model.machines.find((x) => x.name === t.name && x.kind === "machine");
        if (t.of === "interface" || m === undefined) throw new Unsupported(`interface type ${t.name}`, span);
        return this.idSort(m.id);
      }
      case "Machine":
        return this.machineSum();
      case "Event":
        return this.eventSort();
      case "Message":
        return this.msgSort();
      case "Any":
      case "Data":
      case "Null":
      case "Void":
      case "Error":
        throw new Unsupported(`values of type ${structure(t)}`, span);
    }
  }

  enumSort(name: string): string {
    const e = this.model.enums.find((x) => x.name === name);
    if (e === undefined) throw new Error(`unknown enum ${name}`);
    const sort = sym(`Enum.${name}`);
    this.b.ensure(`sort ${sort}`, () => `(declare-datatype ${sort} (${e.elements.map((x) => `(${sym(`${name}.${x.name}`)})`).join(" ")}))`);
    return sort;
  }

  enumConst(name: string, value: number, span: Span | undefined): Term {
    const e = this.model.enums.find((x) => x.name === name);
    const element = e?.elements.find((x) => x.value === value);
    if (element === undefined) throw new Unsupported(`${value} as a value of enum ${name}`, span);
    return { s: sym(`${name}.${element.name}`), sort: this.enumSort(name) };
  }

  /** `e to int` for an enum value. */
  enumToInt(name: string, t: Term): Term {
    const e = this.model.enums.find((x) => x.name === name)!;
    const fn = sym(`Enum.${name}.value`);
    const sort = this.enumSort(name);
    this.b.ensure(`fun ${fn}`, () => {
      let body = String(e.elements[e.elements.length - 1].value);
      for (let i = e.elements.length - 2; i >= 0; i--) {
        const el = e.elements[i];
        body = `(ite (= x ${sym(`${name}.${el.name}`)}) ${el.value < 0 ? `(- ${-el.value})` : el.value} ${body})`;
      }
      return `(define-fun ${fn} ((x ${sort})) Int ${body})`;
    });
    return app(fn, "Int", t);
  }

  /** `n to E` for an int: the element of that value (the default element when there is none). */
  intToEnum(name: string, t: Term): Term {
    const e = this.model.enums.find((x) => x.name === name)!;
    const sort = this.enumSort(name);
    let out: Term = this.enumConst(name, Math.min(...e.elements.map((x) => x.value)), undefined);
    for (const el of [...e.elements].reverse()) {
      out = ite({ s: `(= ${t.s} ${el.value < 0 ? `(- ${-el.value})` : el.value})`, sort: "Bool" }, { s: sym(`${name}.${el.name}`), sort }, out);
    }
    return out;
  }

  tupleSort(t: Type, span: Span | undefined): string {
    const name = sym(structure(t));
    const n = fieldCount(t);
    this.b.ensure(`sort ${name}`, () => {
      const fields: string[] = [];
      for (let i = 0; i < n; i++) fields.push(`(${this.selectorName(t, i)} ${this.sort(fieldType(t, i), span)})`);
      return `(declare-datatype ${name} ((${this.constructorName(t)} ${fields.join(" ")})))`;
    });
    return name;
  }

  constructorName(t: Type): string {
    return sym(`${structure(t)}.mk`);
  }

  selectorName(t: Type, i: number): string {
    const label = t.kind === "NamedTuple" ? t.fields[i].name : String(i);
    return sym(`${structure(t)}.${label}`);
  }

  mapSort(t: Extract<Type, { kind: "Map" }>, span: Span | undefined): string {
    const name = sym(structure(t));
    this.b.ensure(`sort ${name}`, () => {
      const k = this.sort(t.key, span);
      const v = this.sort(t.value, span);
      const base = structure(t);
      return `(declare-datatype ${name} ((${sym(`${base}.mk`)} (${sym(`${base}.dom`)} (Array ${k} Bool)) (${sym(`${base}.val`)} (Array ${k} ${v})))))`;
    });
    return name;
  }

  seqSort(t: Extract<Type, { kind: "Seq" }>, span: Span | undefined): string {
    const name = sym(structure(t));
    this.b.ensure(`sort ${name}`, () => {
      const e = this.sort(t.element, span);
      const base = structure(t);
      return `(declare-datatype ${name} ((${sym(`${base}.mk`)} (${sym(`${base}.len`)} Int) (${sym(`${base}.elems`)} (Array Int ${e})))))`;
    });
    return name;
  }

  /** The value a variable of type `t` starts with, or undefined when it holds a machine reference (left open). */
  defaultValue(t: Type, span: Span | undefined): Term | undefined {
    switch (t.kind) {
      case "Int":
        return { s: "0", sort: "Int", value: 0 };
      case "Bool":
        return bool(false);
      case "Float":
        return { s: "0.0", sort: "Real" };
      case "String":
        return { s: quoteString(""), sort: "String" };
      case "Enum": {
        const e = this.model.enums.find((x) => x.name === t.name)!;
        return this.enumConst(t.name, Math.min(...e.elements.map((x) => x.value)), span);
      }
      case "Tuple":
      case "NamedTuple": {
        const parts: Term[] = [];
        for (let i = 0; i < fieldCount(t); i++) {
          const d = this.defaultValue(fieldType(t, i), span);
          if (d === undefined) return undefined;
          parts.push(d);
        }
        return app(this.constructorName(t), this.tupleSort(t, span), ...parts);
      }
      case "Set": {
        const sort = this.sort(t, span);
        return { s: `((as const ${sort}) false)`, sort };
      }
      case "Map": {
        const sort = this.mapSort(t, span);
        const k = this.sort(t.key, span);
        const vd = this.defaultValue(t.value, span);
        const v = this.sort(t.value, span);
        const base = structure(t);
        const values = vd === undefined ? `((as const (Array ${k} ${v})) ${this.anyValue(v)})` : `((as const (Array ${k} ${v})) ${vd.s})`;
        return { s: `(${sym(`${base}.mk`)} ((as const (Array ${k} Bool)) false) ${values})`, sort };
      }
      case "Seq": {
        const sort = this.seqSort(t, span);
        const e = this.sort(t.element, span);
        const ed = this.defaultValue(t.element, span);
        const base = structure(t);
        const elems = `((as const (Array Int ${e})) ${ed === undefined ? this.anyValue(e) : ed.s})`;
        return { s: `(${sym(`${base}.mk`)} 0 ${elems})`, sort };
      }
      case "Event":
      case "Machine":
      case "MachineRef":
      case "Message":
        return undefined;
      default:
        throw new Unsupported(`values of type ${structure(t)}`, span);
    }
  }

  /** Some fixed value of `sort`: the filler of empty maps and sequences whose elements have no default. */
  anyValue(sort: string): string {
    const name = sym(`filler.${sort.replace(/\|/g, "")}`);
    this.b.ensure(`fun ${name}`, () => `(declare-const ${name} ${sort})`);
    return name;
  }

  // -- pure functions and cardinality ------------------------------------------------------------------

  pure(name: string): PureIR {
    const p = this.model.pures.find((x) => x.name === name);
    if (p === undefined) throw new Error(`unknown pure function ${name}`);
    return p;
  }

  /** An uninterpreted pure function, declared once. */
  pureSymbol(p: PureIR, span: Span | undefined): { name: string; sort: string } {
    const name = sym(`pure.${p.name}`);
    const sort = this.sort(p.returnType, span);
    this.b.ensure(`fun ${name}`, () => `(declare-fun ${name} (${p.params.map((x) => this.sort(x.type, span)).join(" ")}) ${sort})`);
    return { name, sort };
  }

  /** Set updates a step makes (old set, new set, element, added or removed), for the cardinality facts. */
  private readonly setUpdates: { old: Term; updated: Term; element: Term; add: boolean }[] = [];

  /**
   * The number of elements of a set: an uninterpreted function with ground facts, so that Z3 can
   * still build models. For a set term without quantified variables: at least 0, and 0 exactly
   * for the empty set; for each set a step updates: one more or one fewer element than before.
   */
  cardinality(set: Term, closed: boolean): Term {
    const fn = this.cardSymbol(set.sort);
    const t = app(fn, "Int", set);
    if (closed) this.b.ensure(`card ${t.s}`, () => `(assert (and (>= ${t.s} 0) (= (= ${t.s} 0) (= ${set.s} ((as const ${set.sort}) false)))))`);
    return t;
  }

  private cardSymbol(sort: string): string {
    const fn = sym(`card.${sort.replace(/\|/g, "")}`);
    this.b.ensure(`fun ${fn}`, () => {
      const facts = this.setUpdates.filter((u) => u.old.sort === sort).map((u) => this.updateFact(fn, u));
      return [`(declare-fun ${fn} (${sort}) Int)`, ...facts].join("\n");
    });
    return fn;
  }

  private updateFact(fn: string, u: { old: Term; updated: Term; element: Term; add: boolean }): string {
    const before = `(${fn} ${u.old.s})`;
    const member = `(select ${u.old.s} ${u.element.s})`;
    const after = u.add ? `(ite ${member} ${before} (+ ${before} 1))` : `(ite ${member} (- ${before} 1) ${before})`;
    return `(assert (= (${fn} ${u.updated.s}) ${after}))`;
  }

  /** Records that a step turned `old` into `updated` by adding or removing `element`. */
  setUpdate(old: Term, updated: Term, element: Term, add: boolean): void {
    const u = { old, updated, element, add };
    this.setUpdates.push(u);
    const fn = sym(`card.${old.sort.replace(/\|/g, "")}`);
    if (this.b.has(`fun ${fn}`)) this.b.line(this.updateFact(fn, u));
  }
}
