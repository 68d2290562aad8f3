// Expressions and formulas to SMT terms. The same translation serves invariants (over a frame, with
// quantified variables) and machine code (over the running machine's current values); code passes
// hooks for what has effects (calls, choices). Quantifiers range over the machines of a type, all
// machines, the messages sent so far (of one event, or any), or all values of another type.
import type { Span } from "../diagnostics/source.ts";
import type { CallIR, ChooseIR, ExprIR, QuantifierIR } from "../ir/ir.ts";
import type { Type } from "../types/types.ts";
import type { Frame } from "./frame.ts";
import { and, app, arith, bool, eq, iff, implies, int, ite, not, or, quoteString, sym, Unsupported, type Term } from "./smt.ts";
import { MACHINE, MSG, structure, type Signature } from "./signature.ts";

/** What code can do inside an expression: each hook may change the running step's state. */
export interface Effects {
  call(e: CallIR, args: readonly Term[]): Term;
  choose(e: ChooseIR, operand: Term | undefined): Term;
  fresh(type: Type, span: Span): Term;
}

export interface Env {
  readonly frame: Frame;
  /** The running machine (code and loop invariants). */
  readonly self?: { readonly machine: number; readonly id: Term };
  /** The running machine's variables, current values. */
  readonly vars?: readonly Term[];
  /** The running function's parameters and locals, current values. */
  readonly locals?: readonly Term[];
  /** Quantified variables, innermost quantifier last. */
  readonly bound: readonly (readonly Term[])[];
  /** Loop invariants: the messages sent by the loop so far (`forall new`). */
  readonly newMessages?: (x: Term) => Term;
  readonly effects?: Effects;
  /** How deep in pure-function bodies (to stop recursion). */
  readonly pureDepth?: number;
}

const MAX_PURE_DEPTH = 8;

export function translate(sig: Signature, env: Env, e: ExprIR): Term {
  switch (e.k) {
    case "const":
      return constant(sig, e.type, e.value, e.span);
    case "local": {
      if (e.depth > 0 || env.locals === undefined || e.slot < 0) throw new Unsupported("this variable (receive cases and function results are not supported)", e.span);
      return env.locals[e.slot];
    }
    case "var":
      if (env.vars === undefined) throw new Error("a machine variable outside machine code");
      return env.vars[e.slot];
    case "param": {
      const name = sym(`param.${e.index}`);
      const sort = sig.sort(e.type, e.span);
      sig.b.ensure(`fun ${name}`, () => `(declare-const ${name} ${sort})`);
      return { s: name, sort };
    }
    case "this":
      if (env.self === undefined) throw new Unsupported("'this' outside machine code", e.span);
      return env.self.id;
    case "nondet":
      return effects(env, e.span).fresh(e.type, e.span);
    case "tuple": {
      const parts = e.elements.map((x, i) => coerce(sig, translate(sig, env, x), x.type, elementType(e.type, i), x.span));
      return app(sig.constructorName(e.type), sig.tupleSort(e.type, e.span), ...parts);
    }
    case "get": {
      const target = translate(sig, env, e.target);
      return app(sig.selectorName(e.target.type, e.index), sig.sort(e.type, e.span), target);
    }
    case "index": {
      const target = translate(sig, env, e.target);
      const key = translate(sig, env, e.key);
      const sort = sig.sort(e.type, e.span);
      const base = structure(e.target.type);
      if (e.collection === "seq") return { s: `(select (${sym(`${base}.elems`)} ${target.s}) ${key.s})`, sort };
      if (e.collection === "map") {
        const k = coerce(sig, key, e.key.type, (e.target.type as Extract<Type, { kind: "Map" }>).key, e.span);
        return { s: `(select (${sym(`${base}.val`)} ${target.s}) ${k.s})`, sort };
      }
      throw new Unsupported("indexing a set by position", e.span);
    }
    case "sizeof": {
      const target = translate(sig, env, e.operand);
      const base = structure(e.operand.type);
      if (e.operand.type.kind === "Seq") return app(sym(`${base}.len`), "Int", target);
      const closed = !env.bound.some((scope) => scope.some((v) => mentions(target.s, v.s)));
      if (e.operand.type.kind === "Set") return sig.cardinality(target, closed);
      if (e.operand.type.kind === "Map") return sig.cardinality({ s: `(${sym(`${base}.dom`)} ${target.s})`, sort: `(Array ${sig.sort(e.operand.type.key, e.span)} Bool)` }, closed);
      throw new Unsupported(`sizeof on ${structure(e.operand.type)}`, e.span);
    }
    case "keys":
    case "values":
      throw new Unsupported(`${e.k}() (a sequence built from a map)`, e.span);
    case "default": {
      const d = sig.defaultValue(e.type, e.span);
      if (d === undefined) throw new Unsupported(`default(${structure(e.type)}) (a null machine reference)`, e.span);
      return d;
    }
    case "new":
      throw new Unsupported("new (machines are not created in proofs: all machines exist from the start)", e.span);
    case "call": {
      const args = e.args.map((a) => translate(sig, env, a));
      return effects(env, e.span).call(e, args);
    }
    case "unary": {
      const x = translate(sig, env, e.operand);
      if (e.op === "!") return not(x);
      return x.value !== undefined && typeof x.value === "number" ? int(-x.value) : { s: `(- ${x.s})`, sort: x.sort };
    }
    case "binary":
      return binary(sig, env, e);
    case "in": {
      const target = translate(sig, env, e.target);
      const base = structure(e.target.type);
      if (e.collection === "set") {
        const el = coerce(sig, translate(sig, env, e.element), e.element.type, (e.target.type as Extract<Type, { kind: "Set" }>).element, e.span);
        return { s: `(select ${target.s} ${el.s})`, sort: "Bool" };
      }
      if (e.collection === "map") {
        const el = coerce(sig, translate(sig, env, e.element), e.element.type, (e.target.type as Extract<Type, { kind: "Map" }>).key, e.span);
        return { s: `(select (${sym(`${base}.dom`)} ${target.s}) ${el.s})`, sort: "Bool" };
      }
      const el = coerce(sig, translate(sig, env, e.element), e.element.type, (e.target.type as Extract<Type, { kind: "Seq" }>).element, e.span);
      const j = sig.b.fresh("j");
      return {
        s: `(exists ((${j} Int)) (and (<= 0 ${j}) (< ${j} (${sym(`${base}.len`)} ${target.s})) (= (select (${sym(`${base}.elems`)} ${target.s}) ${j}) ${el.s})))`,
        sort: "Bool",
      };
    }
    case "cast":
      return coerce(sig, translate(sig, env, e.operand), e.operand.type, e.type, e.span);
    case "coerce":
      return conversion(sig, translate(sig, env, e.operand), e.operand.type, e.type, e.span);
    case "choose":
      return effects(env, e.span).choose(e, e.operand === undefined ? undefined : translate(sig, env, e.operand));
    case "format":
      return effects(env, e.span).fresh(e.type, e.span);
    case "forall":
    case "exists":
      return quantifier(sig, env, e);
    case "bound": {
      const scope = env.bound[env.bound.length - 1 - e.depth];
      if (scope === undefined) throw new Error("unbound quantified variable");
      return scope[e.index];
    }
    case "machineVar": {
      const target = translate(sig, env, e.target);
      const id = target.sort === MACHINE ? sig.unwrap(target, e.machine) : target;
      if (env.self !== undefined && env.vars !== undefined && env.self.machine === e.machine) {
        // In code, the running machine's own variables have their current values.
        return ite(eq(id, env.self.id), env.vars[e.slot], env.frame.variable(e.machine, e.slot, id, e.span));
      }
      return env.frame.variable(e.machine, e.slot, id, e.span);
    }
    case "is":
      return isTest(sig, env, e);
    case "targets": {
      const m = translate(sig, env, e.message);
      const target = sig.asMachine(translate(sig, env, e.machine));
      return eq(sig.msgTarget(m), target);
    }
    case "inflight":
    case "sent": {
      const m = translate(sig, env, e.message);
      if (m.sort !== MSG) throw new Unsupported(`'${e.k}' of an event name (it takes a message bound by a quantifier)`, e.span);
      return e.k === "sent" ? env.frame.sent(m) : env.frame.inflight(m);
    }
    case "pure":
      return pureCall(sig, env, e.name, e.args.map((a) => translate(sig, env, a)), e.args, e.span);
    case "payload": {
      const m = translate(sig, env, e.message);
      if (e.message.type.kind !== "Message") throw new Unsupported("the payload of a message of no known event", e.span);
      const name = e.message.type.event;
      const event = sig.model.events.find((x) => x.name === name)!;
      return sig.msgPayload(m, event.id, e.span);
    }
    default: {
      const never: never = e;
      throw new Error(`unknown expression ${(never as ExprIR).k}`);
    }
  }
}

function effects(env: Env, span: Span): Effects {
  if (env.effects === undefined) throw new Unsupported("a construct with effects inside a formula", span);
  return env.effects;
}

function elementType(t: Type, i: number): Type {
  if (t.kind === "Tuple") return t.elements[i];
  if (t.kind === "NamedTuple") return t.fields[i].type;
  throw new Error("not a tuple");
}

function constant(sig: Signature, type: Type, value: number | boolean | string | null, span: Span): Term {
  if (value === null) throw new Unsupported("null", span);
  switch (type.kind) {
    case "Int":
      return int(value as number);
    case "Bool":
      return bool(value as boolean);
    case "Float":
      return { s: Number.isInteger(value) ? `${value}.0` : String(value), sort: "Real" };
    case "String":
      return { s: quoteString(String(value)), sort: "String" };
    case "Enum":
      return sig.enumConst(type.name, value as number, span);
    case "Event":
      return sig.eventConst(value as number);
    default:
      throw new Unsupported(`a constant of type ${structure(type)}`, span);
  }
}

/** A value of type `from` used where `to` is expected: upcasts to `machine`, and `as` downcasts. */
export function coerce(sig: Signature, t: Term, from: Type, to: Type, span: Span | undefined): Term {
  const target = sig.sort(to, span);
  if (t.sort === target) return t;
  if (target === MACHINE) return sig.asMachine(t);
  const m = sig.machineOfSort(target);
  if (m !== undefined && t.sort === MACHINE) return sig.unwrap(t, m.id);
  if ((to.kind === "Tuple" || to.kind === "NamedTuple") && (from.kind === "Tuple" || from.kind === "NamedTuple")) {
    const n = to.kind === "Tuple" ? to.elements.length : to.fields.length;
    const parts: Term[] = [];
    for (let i = 0; i < n; i++) {
      const part = app(sig.selectorName(from, i), sig.sort(elementType(from, i), span), t);
      parts.push(coerce(sig, part, elementType(from, i), elementType(to, i), span));
    }
    return app(sig.constructorName(to), target, ...parts);
  }
  if (to.kind === "Set" && from.kind === "Set" && sig.sort(to.element, span) === MACHINE) {
    const inner = sig.machineOfSort(sig.sort(from.element, span));
    if (inner !== undefined) {
      return { s: `(lambda ((y ${MACHINE})) (and ${sig.isOfType({ s: "y", sort: MACHINE }, inner.id).s} (select ${t.s} ${sig.unwrap({ s: "y", sort: MACHINE }, inner.id).s})))`, sort: target };
    }
  }
  throw new Unsupported(`a conversion from ${structure(from)} to ${structure(to)}`, span);
}

/** `e to T`: enum and int, int and float. */
function conversion(sig: Signature, t: Term, from: Type, to: Type, span: Span): Term {
  if (from.kind === to.kind && (from.kind !== "Enum" || (to.kind === "Enum" && from.name === to.name))) return t;
  if (from.kind === "Enum" && to.kind === "Int") return sig.enumToInt(from.name, t);
  if (from.kind === "Int" && to.kind === "Enum") return sig.intToEnum(to.name, t);
  if (from.kind === "Int" && to.kind === "Float") return app("to_real", "Real", t);
  if (from.kind === "Float" && to.kind === "Int") return app("to_int", "Int", t);
  return coerce(sig, t, from, to, span);
}

function binary(sig: Signature, env: Env, e: Extract<ExprIR, { k: "binary" }>): Term {
  const a = translate(sig, env, e.left);
  const b = translate(sig, env, e.right);
  switch (e.op) {
    case "&&":
      return and(a, b);
    case "||":
      return or(a, b);
    case "==>":
      return implies(a, b);
    case "<==>":
      return iff(a, b);
    case "==":
    case "!=": {
      const [x, y] = common(sig, a, e.left.type, b, e.right.type, e.span);
      const same = x.sort === "Bool" ? iff(x, y) : eq(x, y);
      return e.op === "==" ? same : not(same);
    }
    case "+":
      if (a.sort === "String") return { s: `(str.++ ${a.s} ${b.s})`, sort: "String" };
      return arith("+", a, b);
    case "-":
    case "*":
    case "/":
    case "%":
    case "<":
    case "<=":
    case ">":
    case ">=":
      if (a.sort === "String") {
        if (e.op === "<") return { s: `(str.< ${a.s} ${b.s})`, sort: "Bool" };
        if (e.op === "<=") return { s: `(str.<= ${a.s} ${b.s})`, sort: "Bool" };
        throw new Unsupported(`'${e.op}' on strings`, e.span);
      }
      if (a.sort.startsWith("Enum.") || a.sort.startsWith("|Enum.")) {
        const name = (e.left.type as Extract<Type, { kind: "Enum" }>).name;
        return arith(e.op, sig.enumToInt(name, a), sig.enumToInt(name, b));
      }
      return arith(e.op, a, b);
  }
}

/** Two operands of `==` brought to one sort (a machine type and `machine` meet in `machine`). */
function common(sig: Signature, a: Term, at: Type, b: Term, bt: Type, span: Span): [Term, Term] {
  if (a.sort === b.sort) return [a, b];
  try {
    return [coerce(sig, a, at, bt, span), b];
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return [a, coerce(sig, b, bt, at, span)];
  }
}

function quantifier(sig: Signature, env: Env, e: QuantifierIR): Term {
  const vars: Term[] = [];
  const guards: Term[] = [];
  const decls: string[] = [];
  for (const binder of e.binders) {
    const range = binderRange(sig, env, binder.type, e.overNew, e.span, sig.b.fresh(binder.name));
    vars.push(range.v);
    guards.push(range.guard);
    decls.push(`(${range.v.s} ${range.v.sort})`);
  }
  const body = translate(sig, { ...env, bound: [...env.bound, vars] }, e.body);
  const guard = and(...guards);
  if (e.k === "forall") {
    const inner = implies(guard, body);
    return inner.value !== undefined ? inner : { s: `(forall (${decls.join(" ")}) ${inner.s})`, sort: "Bool" };
  }
  const inner = and(guard, body);
  return inner.value !== undefined ? inner : { s: `(exists (${decls.join(" ")}) ${inner.s})`, sort: "Bool" };
}

/** What a variable bound to `type` ranges over: its sort, and a guard for messages. */
export function binderRange(sig: Signature, env: Env, type: Type, overNew: boolean, span: Span, name: string): { v: Term; guard: Term } {
  if (type.kind === "Event" || type.kind === "Message") {
    const v: Term = { s: sym(name), sort: sig.msgSort() };
    const scope = overNew ? (env.newMessages ?? (() => bool(false)))(v) : env.frame.sent(v);
    const kind = type.kind === "Message" ? eq(sig.msgEvent(v), sig.eventConst(sig.model.events.find((x) => x.name === type.event)!.id)) : bool(true);
    return { v, guard: and(scope, kind) };
  }
  if (overNew) throw new Unsupported("'forall new' over something other than messages", span);
  return { v: { s: sym(name), sort: sig.sort(type, span) }, guard: bool(true) };
}

function isTest(sig: Signature, env: Env, e: Extract<ExprIR, { k: "is" }>): Term {
  const x = translate(sig, env, e.operand);
  const test = e.test;
  switch (test.kind) {
    case "event":
      if (x.sort === MSG) return eq(sig.msgEvent(x), sig.eventConst(test.event));
      return eq(x, sig.eventConst(test.event));
    case "machine": {
      if (x.sort === MACHINE) return sig.isOfType(x, test.machine);
      const m = sig.machineOfSort(x.sort);
      return bool(m?.id === test.machine);
    }
    case "state": {
      if (x.sort === MACHINE) {
        const id = sig.unwrap(x, test.machine);
        return and(sig.isOfType(x, test.machine), eq(env.frame.state(test.machine, id), sig.stateConst(test.machine, test.state)));
      }
      const m = sig.machineOfSort(x.sort);
      if (m?.id !== test.machine) return bool(false);
      if (env.self !== undefined && env.self.machine === test.machine && env.vars !== undefined) {
        return eq(env.frame.state(test.machine, x), sig.stateConst(test.machine, test.state));
      }
      return eq(env.frame.state(test.machine, x), sig.stateConst(test.machine, test.state));
    }
  }
}

function pureCall(sig: Signature, env: Env, name: string, args: readonly Term[], argExprs: readonly ExprIR[], span: Span): Term {
  const p = sig.pure(name);
  const coerced = args.map((a, i) => coerce(sig, a, argExprs[i].type, p.params[i].type, span));
  if (p.body === undefined) {
    const f = sig.pureSymbol(p, span);
    return app(f.name, f.sort, ...coerced);
  }
  const depth = env.pureDepth ?? 0;
  if (depth >= MAX_PURE_DEPTH) throw new Unsupported(`recursion in pure function ${name}`, span);
  // A pure function with a body is its body, with the parameters bound to the arguments.
  const inner: Env = { frame: env.frame, bound: [], locals: coerced, pureDepth: depth + 1 };
  return translate(sig, inner, p.body);
}

/** Whether the text of a term mentions a symbol (as a whole token). */
function mentions(text: string, symbol: string): boolean {
  let i = text.indexOf(symbol);
  while (i >= 0) {
    const before = i === 0 ? " " : text[i - 1];
    const after = text[i + symbol.length] ?? " ";
    if (/[\s()]/.test(before) && /[\s()]/.test(after)) return true;
    i = text.indexOf(symbol, i + 1);
  }
  return false;
}
