// Expressions of a wanted type, built from what is in scope: literals, variables and the fields and
// elements reachable from them, operators, casts, calls, collection operations and, in formulas,
// quantifiers and message predicates. With the world's `wrongRate`, an expression is instead of a
// random type, or names something unknown or of the wrong kind, to exercise the checker's errors.
import type { Choices } from "../choices.ts";
import {
  BOOL,
  FLOAT,
  INT,
  STRING,
  list,
  isLoose,
  norm,
  randomTy,
  sameTy,
  printTy,
  type FunSig,
  type MachinePlan,
  type Ty,
  type Var,
  type World,
} from "./world.ts";

/** Where an expression is written: what it may name and which constructs are allowed. */
export interface Scope {
  readonly world: World;
  /** The machine or spec whose code this is; undefined in a global function or a formula. */
  readonly machine: MachinePlan | undefined;
  /** Every variable in scope: machine variables, parameters, locals, quantifier binders. */
  readonly vars: Var[];
  /** In an invariant, contract or loop invariant: quantifiers allowed, only pure functions callable. */
  readonly formula: boolean;
}

type Builder = () => string;

export function expr(c: Choices, s: Scope, t: Ty, depth: number): string {
  if (s.world.wrongRate > 0 && c.chance(s.world.wrongRate)) return wrong(c, s, depth);
  return c.pick(builders(c, s, t, Math.max(depth, 0)))();
}

function wrong(c: Choices, s: Scope, depth: number): string {
  const names = [
    ...s.world.machines.map((m) => m.name),
    ...s.world.funs.map((f) => f.name),
    ...(s.machine?.states.map((st) => st.name) ?? []),
  ];
  switch (c.int(3)) {
    case 0:
      return c.pick(builders(c, s, randomTy(c, s.world, 1), Math.max(depth - 1, 0)))();
    case 1:
      return c.maybePick(names) ?? "undeclared";
    default:
      return c.pick(["undeclared", "x", "this", "null", "halt", "default(int)"]);
  }
}

function spec(s: Scope): boolean {
  return s.machine?.spec === true;
}

export interface Read {
  readonly t: Ty;
  readonly text: () => string;
  /** The variable the read starts from. */
  readonly root: Var;
  /** True when it indexes (`v[i]`), so that writing it writes an expression too. */
  readonly indexed: boolean;
  /** True when it indexes a set: readable, but not a location to assign to. */
  readonly inSet: boolean;
}

/** Reads reachable from the variables in scope: `v`, `v.f`, `v.0`, `v[i]`, two levels deep. */
export function reads(c: Choices, s: Scope, depth: number): Read[] {
  const out: Read[] = [];
  const walk = (root: Var, text: () => string, t: Ty, level: number, indexed: boolean, inSet = false): void => {
    out.push({ t, text, root, indexed, inSet });
    if (level === 0) return;
    const n = norm(t);
    switch (n.k) {
      case "ntuple":
        for (const f of n.fs) walk(root, () => `${text()}.${f.n}`, f.t, level - 1, indexed, inSet);
        break;
      case "tuple":
        n.es.forEach((e, i) => walk(root, () => `${text()}.${i}`, e, level - 1, indexed, inSet));
        break;
      case "seq":
      case "set":
        walk(root, () => `${text()}[${expr(c, s, INT, depth - 1)}]`, n.e, level - 1, true, inSet || n.k === "set");
        break;
      case "map":
        walk(root, () => `${text()}[${expr(c, s, n.key, depth - 1)}]`, n.v, level - 1, true, inSet);
        break;
      default:
        break;
    }
  };
  for (const v of s.vars) walk(v, () => v.name, v.t, 2, false);
  return out;
}

/** Functions callable from here: the machine's own and the global ones; in formulas, pure ones. */
function callables(s: Scope): FunSig[] {
  if (s.formula) return s.world.pures;
  return [...(s.machine?.funs ?? []), ...s.world.funs];
}

export function call(c: Choices, s: Scope, f: FunSig, depth: number): string {
  return `${f.name}(${f.params.map((p) => expr(c, s, p.t, depth - 1)).join(", ")})`;
}

function builders(c: Choices, s: Scope, t: Ty, depth: number): Builder[] {
  const n = norm(t);
  const out: Builder[] = [leaf(c, s, t)];
  // At depth 0 only reads without an index: the index would be one more expression.
  for (const r of reads(c, s, depth)) if (sameTy(r.t, t) && (depth > 0 || !r.indexed)) out.push(r.text);
  if (depth === 0) return out;
  const sub = (ty: Ty) => expr(c, s, ty, depth - 1);
  for (const f of callables(s)) if (f.ret !== undefined && sameTy(f.ret, t)) out.push(() => call(c, s, f, depth));
  const anyVar = s.vars.find((v) => norm(v.t).k === "any");
  if (anyVar !== undefined) out.push(() => `(${anyVar.name} as ${printTy(t)})`);
  if (!spec(s) && !s.formula) out.push(() => `choose(${sub({ k: c.pick(["seq", "set"] as const), e: t })})`);
  switch (n.k) {
    case "int":
      out.push(
        () => `(${sub(INT)} ${c.pick(["+", "-", "*", "/", "%"])} ${sub(INT)})`,
        () => `(-${sub(INT)})`,
        () => `sizeof(${sub(collectionTy(c, s))})`,
        () => `(${sub(FLOAT)} to int)`,
      );
      if (!spec(s) && !s.formula) out.push(() => `choose(${sub(INT)})`);
      for (const e of s.world.enums) out.push(() => `(${sub(e)} to int)`);
      break;
    case "float":
      out.push(() => `(${sub(FLOAT)} ${c.pick(["+", "-", "*", "/"])} ${sub(FLOAT)})`, () => `(${sub(INT)} to float)`);
      break;
    case "string":
      out.push(
        () => `(${sub(STRING)} + ${sub(STRING)})`,
        () => {
          const args = list(c, 0, 3, () => sub(randomTy(c, s.world, 1)));
          return `format("${args.map((_, i) => `{${i}}`).join(" ")}"${args.map((a) => `, ${a}`).join("")})`;
        },
      );
      break;
    case "bool":
      out.push(...boolBuilders(c, s, depth));
      break;
    case "enum":
      out.push(() => `(${sub(INT)} to ${n.name})`);
      break;
    case "seq":
      for (const v of s.vars) {
        const m = norm(v.t);
        if (m.k === "map" && sameTy(m.key, n.e)) out.push(() => `keys(${v.name})`);
        if (m.k === "map" && sameTy(m.v, n.e)) out.push(() => `values(${v.name})`);
      }
      break;
    case "tuple":
      out.push(() => (n.es.length === 1 ? `(${sub(n.es[0])},)` : `(${n.es.map(sub).join(", ")})`));
      break;
    case "ntuple":
      out.push(() => `(${n.fs.map((f) => `${f.n} = ${sub(f.t)}`).join(", ")}${n.fs.length === 1 ? "," : ""})`);
      break;
    case "ref":
      if (!spec(s) && !s.formula) out.push(() => newMachine(c, s, n.name, depth));
      if (s.machine?.name === n.name && n.iface !== true && !spec(s) && !s.formula) out.push(() => "this");
      break;
    case "machine":
      if (s.machine !== undefined && !spec(s) && !s.formula) out.push(() => "this");
      if (!spec(s) && !s.formula) {
        for (const m of s.world.machines) if (!m.spec) out.push(() => newMachine(c, s, m.name, depth));
        for (const i of s.world.interfaces) out.push(() => newMachine(c, s, i.name, depth));
      }
      break;
    case "data":
      out.push(() => {
        const t = randomTy(c, s.world, 1);
        return sub(isLoose(t) ? INT : t);
      });
      break;
    case "event":
      out.push(() => "halt");
      for (const e of s.world.events) out.push(() => e.name);
      break;
    case "any":
      out.push(() => sub(randomTy(c, s.world, 1)));
      break;
    default:
      break;
  }
  return out;
}

/** The simplest expression of a type: a literal, an element, or `default(T)`. */
function leaf(c: Choices, s: Scope, t: Ty): Builder {
  const n = norm(t);
  switch (n.k) {
    case "int":
      return () => String(c.pick([0, 1, 2, 7, 100, 2147483647]));
    case "bool":
      return () => c.pick(["true", "false"]);
    case "string":
      return () => c.pick(['"s"', '""', '"a\\tb"']);
    case "float":
      return () => c.pick(["0.5", "1.25", "float(15, -1)"]);
    case "enum":
      return () => c.pick(n.elems);
    case "event":
    case "machine":
    case "ref":
      return () => c.pick([`default(${printTy(t)})`, "null"]);
    default:
      return () => `default(${printTy(t)})`;
  }
}

function collectionTy(c: Choices, s: Scope): Ty {
  const inScope = s.vars.map((v) => v.t).filter((t) => ["seq", "set", "map"].includes(norm(t).k));
  if (inScope.length > 0 && c.chance(0.7)) return c.pick(inScope);
  return { k: c.pick(["seq", "set"] as const), e: randomTy(c, s.world, 0) };
}

/** `new M(payload)` for a machine or an interface. */
function newMachine(c: Choices, s: Scope, name: string, depth: number): string {
  const iface = s.world.interfaces.find((i) => i.name === name);
  const payload = iface !== undefined ? iface.payload : s.world.machines.find((x) => x.name === name)?.states[0]?.entryParam;
  return `new ${name}(${payload === undefined ? "" : expr(c, s, payload, depth - 1)})`;
}

function boolBuilders(c: Choices, s: Scope, depth: number): Builder[] {
  const sub = (ty: Ty) => expr(c, s, ty, depth - 1);
  const out: Builder[] = [
    () => `(!${sub(BOOL)})`,
    () => `(${sub(BOOL)} ${c.pick(["&&", "||"])} ${sub(BOOL)})`,
    () => {
      // Two machine references of different machine types are not comparable, even where both
      // are written for a `machine`: compare only types that hold none.
      const t = randomTy(c, s.world, 1);
      const u = isLoose(t) ? INT : t;
      return `(${sub(u)} ${c.pick(["==", "!="])} ${sub(u)})`;
    },
    () => {
      const t = c.pick([INT, FLOAT, STRING]);
      return `(${sub(t)} ${c.pick(["<", "<=", ">", ">="])} ${sub(t)})`;
    },
    () => {
      const coll = collectionTy(c, s);
      const n = norm(coll);
      const element = n.k === "map" ? n.key : n.k === "seq" || n.k === "set" ? n.e : INT;
      return `(${sub(element)} in ${sub(coll)})`;
    },
  ];
  if (!spec(s) && !s.formula) out.push(() => c.pick(["$", "$$", "choose()"]));
  if (s.formula) out.push(...formulaBuilders(c, s, depth));
  return out;
}

/** Quantifiers over machine and message types, `is`, `targets`, `inflight`, `sent`, `==>`, `<==>`. */
function formulaBuilders(c: Choices, s: Scope, depth: number): Builder[] {
  const sub = (scope: Scope, ty: Ty) => expr(c, scope, ty, depth - 1);
  const machines = s.world.machines.filter((m) => !m.spec);
  const out: Builder[] = [() => `(${sub(s, BOOL)} ${c.pick(["==>", "<==>"])} ${sub(s, BOOL)})`];
  if (machines.length > 0) {
    out.push(() => {
      const m = c.pick(machines);
      const binder = `m${depth}`;
      const inner: Scope = { ...s, vars: [...s.vars, ...m.vars.map((v) => ({ name: `${binder}.${v.name}`, t: v.t }))] };
      const state = c.pick(m.states).name;
      const body = c.chance(0.5) ? `${binder} is ${state} ==> ${sub(inner, BOOL)}` : sub(inner, BOOL);
      return `(${c.pick(["forall", "exists"])} (${binder}: ${m.name}) :: ${body})`;
    });
  }
  if (s.world.events.length > 0) {
    out.push(() => {
      const e = c.pick(s.world.events);
      const binder = `e${depth}`;
      const payload = e.payload === undefined ? undefined : norm(e.payload);
      const fieldVars = payload?.k === "ntuple" ? payload.fs.map((f) => ({ name: `${binder}.${f.n}`, t: f.t })) : [];
      const inner: Scope = { ...s, vars: [...s.vars, ...fieldVars] };
      const predicate = c.pick([`inflight ${binder}`, `sent ${binder}`, `${binder} is ${e.name}`]);
      const targets = machines.length > 0 && c.chance(0.3) ? ` && ${binder} targets ${sub(s, { k: "ref", name: c.pick(machines).name })}` : "";
      return `(forall (${binder}: ${e.name}) :: ${predicate}${targets} ==> ${sub(inner, BOOL)})`;
    });
  }
  return out;
}

/** Used by the statement generator to know whether a type can be the key of `in`/`foreach`. */
export function elementOf(t: Ty): Ty | undefined {
  const n = norm(t);
  return n.k === "seq" || n.k === "set" ? n.e : n.k === "map" ? n.key : undefined;
}
