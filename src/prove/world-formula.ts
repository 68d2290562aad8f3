// Formulas (invariants in proof syntax) evaluated on one state of the explorer. Quantifiers range
// over what the state holds: the machines of a type, all machines, the messages in the machines'
// inboxes (of one event or any), the two booleans, the elements of an enum. The explorer keeps no
// record of messages already taken, so `sent e` is true exactly when `e` is in flight, and a
// quantifier over messages sees those in flight only. Global params have the test's values. Anything
// else (a quantifier over ints, a pure function without a body, `keys()`) cannot be evaluated and is
// named.
import type { Span } from "../diagnostics/source.ts";
import type { ExprIR, ModelIR } from "../ir/ir.ts";
import { contains, mapGet, seqGet, sizeOf } from "../explore/runtime/collections.ts";
import { equalValues, Ref, type PMap, type Value } from "../explore/runtime/core.ts";
import type { World } from "../explore/p/world.ts";
import type { Type } from "../types/types.ts";

/** A message in an inbox: its target's index in the world and its place in the inbox. */
export interface InboxMessage {
  readonly kind: "message";
  readonly target: number;
  readonly position: number;
  readonly event: number;
  readonly payload: Value;
}

export type FormulaValue = Value | InboxMessage;

/** A construct a formula uses that cannot be evaluated on an explored state. */
export class NotEvaluable extends Error {
  readonly construct: string;
  readonly span: Span;
  constructor(construct: string, span: Span) {
    super(`${construct} cannot be evaluated on an explored state`);
    this.construct = construct;
    this.span = span;
  }
}

interface Scope {
  readonly bound: readonly (readonly FormulaValue[])[];
  readonly locals: readonly FormulaValue[];
  readonly depth: number;
}

const MAX_PURE_DEPTH = 8;

function isMessage(v: FormulaValue): v is InboxMessage {
  return typeof v === "object" && v !== null && !Array.isArray(v) && (v as { kind?: unknown }).kind === "message";
}

export class WorldFormula {
  private readonly model: ModelIR;
  private readonly defaultOf: (t: Type) => Value;
  /** The test's values of the global params. */
  private readonly params: readonly Value[];
  private world: World = { machines: [], monitors: [] };
  private messages: InboxMessage[] = [];

  constructor(model: ModelIR, defaultOf: (t: Type) => Value, params: readonly Value[]) {
    this.model = model;
    this.defaultOf = defaultOf;
    this.params = params;
  }

  /** Whether `formula` holds in `world`. */
  holds(formula: ExprIR, world: World): boolean {
    this.load(world);
    return this.eval(formula, { bound: [], locals: [], depth: 0 }) === true;
  }

  private load(world: World): void {
    this.world = world;
    this.messages = world.machines.flatMap((m, target) => m.inbox.map((msg, position) => ({ kind: "message" as const, target, position, event: msg.event, payload: msg.payload })));
  }

  /** Values of the outer `forall` variables of `formula` that make it false in `world`, if any. */
  witnesses(formula: ExprIR, world: World): { name: string; value: FormulaValue; type: Type }[] {
    this.load(world);
    const names: { name: string; type: Type }[] = [];
    let e = formula;
    const ranges: FormulaValue[][] = [];
    while (e.k === "forall" && !e.overNew) {
      for (const b of e.binders) {
        names.push({ name: b.name, type: b.type });
        ranges.push(this.range(b.type, e.span));
      }
      e = e.body;
    }
    const body = e;
    const pick: FormulaValue[] = [];
    const search = (i: number): boolean => {
      if (i === ranges.length) return this.eval(body, this.scopeFor(formula, pick)) !== true;
      for (const v of ranges[i]) {
        pick[i] = v;
        if (search(i + 1)) return true;
      }
      return false;
    };
    if (!search(0)) return [];
    return names.map((n, i) => ({ name: n.name, value: pick[i], type: n.type }));
  }

  /** The scope of the body of `formula`'s outer foralls, with their variables set to `values`. */
  private scopeFor(formula: ExprIR, values: readonly FormulaValue[]): Scope {
    const bound: FormulaValue[][] = [];
    let e = formula;
    let offset = 0;
    while (e.k === "forall" && !e.overNew) {
      bound.push(values.slice(offset, offset + e.binders.length));
      offset += e.binders.length;
      e = e.body;
    }
    return { bound, locals: [], depth: 0 };
  }

  private range(type: Type, span: Span): FormulaValue[] {
    switch (type.kind) {
      case "MachineRef": {
        if (type.of === "interface") throw new NotEvaluable(`a quantifier over interface ${type.name}`, span);
        const id = this.model.machines.find((m) => m.name === type.name && m.kind === "machine")?.id;
        return this.world.machines.flatMap((m, i) => (m.type === id ? [Ref.of(i)] : []));
      }
      case "Machine":
        return this.world.machines.map((_, i) => Ref.of(i));
      case "Event":
        return this.messages;
      case "Message": {
        const id = this.model.events.find((x) => x.name === type.event)?.id;
        return this.messages.filter((m) => m.event === id);
      }
      case "Bool":
        return [false, true];
      case "Enum":
        return this.model.enums.find((x) => x.name === type.name)!.elements.map((x) => x.value);
      default:
        throw new NotEvaluable(`a quantifier over ${type.kind.toLowerCase()} values`, span);
    }
  }

  private machine(v: FormulaValue, span: Span): World["machines"][number] {
    if (!(v instanceof Ref)) throw new NotEvaluable("a machine reference that is null", span);
    return this.world.machines[v.id];
  }

  private eval(e: ExprIR, s: Scope): FormulaValue {
    switch (e.k) {
      case "const":
        return e.value;
      case "local":
        return s.locals[e.slot];
      case "bound":
        return s.bound[s.bound.length - 1 - e.depth][e.index];
      case "tuple":
        return e.elements.map((x) => this.eval(x, s) as Value);
      case "get":
        return (this.eval(e.target, s) as readonly Value[])[e.index];
      case "index": {
        const target = this.eval(e.target, s) as Value;
        const key = this.eval(e.key, s) as Value;
        if (e.collection === "map") return mapGet(target as PMap, key);
        if (e.collection === "seq") return seqGet(target as readonly Value[], key as number);
        throw new NotEvaluable("indexing a set by position", e.span);
      }
      case "sizeof":
        return sizeOf(this.eval(e.operand, s) as Value);
      case "param":
        return this.params[e.index];
      case "default":
        return this.defaultOf(e.type);
      case "unary": {
        const x = this.eval(e.operand, s);
        return e.op === "!" ? !x : -(x as number);
      }
      case "binary":
        return this.binary(e, s);
      case "in":
        return contains(this.eval(e.target, s) as Value, this.eval(e.element, s) as Value);
      case "cast":
        return this.eval(e.operand, s);
      case "coerce": {
        const x = this.eval(e.operand, s);
        return e.type.kind === "Int" && typeof x === "number" ? Math.trunc(x) : x;
      }
      case "forall":
      case "exists": {
        if (e.overNew) throw new NotEvaluable("'forall new'", e.span);
        const ranges = e.binders.map((b) => this.range(b.type, e.span));
        const pick: FormulaValue[] = [];
        const all = e.k === "forall";
        const go = (i: number): boolean => {
          if (i === ranges.length) return (this.eval(e.body, { ...s, bound: [...s.bound, [...pick]] }) === true) === all;
          for (const v of ranges[i]) {
            pick[i] = v;
            if (!go(i + 1)) return false;
          }
          return true;
        };
        // forall: every choice keeps the body true; exists: not every choice keeps it false.
        return all ? go(0) : !go(0);
      }
      case "machineVar":
        return this.machine(this.eval(e.target, s), e.span).vars[e.slot];
      case "is": {
        const x = this.eval(e.operand, s);
        const t = e.test;
        if (t.kind === "event") return isMessage(x) ? x.event === t.event : x === t.event;
        const m = this.machine(x, e.span);
        return t.kind === "machine" ? m.type === t.machine : m.type === t.machine && m.state === t.state;
      }
      case "targets": {
        const msg = this.eval(e.message, s);
        const m = this.eval(e.machine, s);
        return isMessage(msg) && m instanceof Ref && msg.target === m.id;
      }
      case "inflight":
      case "sent":
        return isMessage(this.eval(e.message, s));
      case "payload": {
        const msg = this.eval(e.message, s);
        return isMessage(msg) ? msg.payload : null;
      }
      case "pure": {
        const p = this.model.pures.find((x) => x.name === e.name)!;
        if (p.body === undefined) throw new NotEvaluable(`pure function ${e.name}, which has no body`, e.span);
        if (s.depth >= MAX_PURE_DEPTH) throw new NotEvaluable(`recursion in pure function ${e.name}`, e.span);
        return this.eval(p.body, { bound: [], locals: e.args.map((a) => this.eval(a, s)), depth: s.depth + 1 });
      }
      default:
        throw new NotEvaluable(`'${e.k}' in a formula`, e.span);
    }
  }

  private binary(e: Extract<ExprIR, { k: "binary" }>, s: Scope): FormulaValue {
    const l = () => this.eval(e.left, s);
    const r = () => this.eval(e.right, s);
    switch (e.op) {
      case "&&":
        return l() === true && r() === true;
      case "||":
        return l() === true || r() === true;
      case "==>":
        return l() !== true || r() === true;
      case "<==>":
        return (l() === true) === (r() === true);
      case "==":
        return same(l(), r());
      case "!=":
        return !same(l(), r());
      default: {
        const a = l() as number;
        const b = r() as number;
        const int = e.type.kind === "Int";
        switch (e.op) {
          case "+":
            return a + b;
          case "-":
            return a - b;
          case "*":
            return a * b;
          case "/":
            return int ? Math.trunc(a / b) : a / b;
          case "%":
            return a % b;
          case "<":
            return a < b;
          case "<=":
            return a <= b;
          case ">":
            return a > b;
          case ">=":
            return a >= b;
        }
      }
    }
  }
}

function same(a: FormulaValue, b: FormulaValue): boolean {
  if (isMessage(a) || isMessage(b)) return isMessage(a) && isMessage(b) && a.target === b.target && a.position === b.position;
  return equalValues(a, b);
}
