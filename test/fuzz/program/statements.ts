// Statements and function bodies. A body's locals are gathered while its statements are generated
// (a `foreach` needs a variable of the element type, an assignment may want a new variable) and
// printed at its top, where P wants them. Statements that only some code may use (`send` not in a
// spec, `goto` only in a machine, `break` only in a loop) are offered only where they are legal,
// so that a program generated with no wrong types checks and reaches the lowering.
import type { Choices } from "../choices.ts";
import { call, elementOf, expr, reads, type Read, type Scope } from "./expressions.ts";
import {
  BOOL,
  INT,
  MACHINE,
  STRING,
  fresh,
  list,
  norm,
  printTy,
  randomTy,
  type EventInfo,
  type Ty,
  type Var,
} from "./world.ts";

export interface Body extends Scope {
  /** Declared at the top of this body; grows as statements ask for variables. */
  readonly locals: Var[];
  /** The parameters of this function: in its own scope, so no local may take their names. */
  readonly params: readonly Var[];
  readonly ret: Ty | undefined;
  readonly loops: number;
}

const STEP = "    ";

/** `{ var ...; statements }` at the given indentation. */
export function functionBody(c: Choices, b: Body, depth: number, indent: string): string {
  // Now and then a local takes the name of a machine variable (or of a variable of an enclosing
  // function), which it hides in the whole body.
  const hidden = c.chance(0.1) ? c.maybePick(b.vars.filter((v) => v.fixed !== true && !b.locals.includes(v) && !b.params.includes(v))) : undefined;
  if (hidden !== undefined) {
    b.vars.splice(b.vars.indexOf(hidden), 1);
    const v = { name: hidden.name, t: randomTy(c, b.world, 1) };
    b.locals.push(v);
    b.vars.push(v);
  }
  const statements = list(c, 0, 5, () => stmt(c, b, depth, indent + STEP));
  if (b.ret !== undefined) statements.push(`${indent}${STEP}return ${expr(c, b, b.ret, depth)};`);
  // Locals of one type share a declaration now and then: `var a, b: int;`.
  const groups = new Map<string, Var[]>();
  for (const v of b.locals) {
    const group = c.chance(0.3) ? `${printTy(v.t)}` : `${printTy(v.t)}#${v.name}`;
    groups.set(group, [...(groups.get(group) ?? []), v]);
  }
  const vars = [...groups.values()].map((vs) => `${indent}${STEP}var ${vs.map((v) => v.name).join(", ")}: ${printTy(vs[0].t)};`);
  return `{\n${[...vars, ...statements].join("\n")}\n${indent}}`;
}

/** A new local of type t, declared at the top of the body. */
function local(b: Body, t: Ty): string {
  const v = { name: fresh(b.world, "l"), t };
  b.locals.push(v);
  b.vars.push(v);
  return v.name;
}

/** `{ ... }`; now and then with a variable of its own, declared at its top and used only inside. */
function block(c: Choices, b: Body, depth: number, indent: string): string {
  const own = c.chance(0.1) ? { name: fresh(b.world, "bl"), t: randomTy(c, b.world, 1) } : undefined;
  const inside: Body = own === undefined ? b : { ...b, vars: [...b.vars, own] };
  const inner = list(c, 0, 3, () => stmt(c, inside, depth - 1, indent + STEP));
  if (own !== undefined) inner.unshift(`${indent}${STEP}var ${own.name}: ${printTy(own.t)};`);
  return `{\n${inner.join("\n")}${inner.length > 0 ? "\n" : ""}${indent}}`;
}

/** `e` or `e, payload` or `e, a, b` (an unnamed tuple payload spread over several arguments). */
function eventAndPayload(c: Choices, b: Body, e: EventInfo, depth: number): string {
  if (c.chance(0.05)) return "halt";
  if (e.payload === undefined) return e.name;
  const n = norm(e.payload);
  if (n.k === "tuple" && n.es.length > 1 && c.chance(0.5)) return `${e.name}, ${n.es.map((t) => expr(c, b, t, depth)).join(", ")}`;
  return `${e.name}, ${expr(c, b, e.payload, depth)}`;
}

export function stmt(c: Choices, b: Body, depth: number, indent: string): string {
  const options: (() => string)[] = [() => assign(c, b, depth)];
  const isSpec = b.machine?.spec === true;
  const events = b.world.events;
  options.push(
    () => `print ${expr(c, b, STRING, depth)};`,
    () => `assert ${expr(c, b, BOOL, depth)}${c.chance(0.5) ? `, ${expr(c, b, STRING, depth)}` : ""};`,
    () => update(c, b, depth),
  );
  if (depth > 0) {
    options.push(
      () => `if (${expr(c, b, BOOL, depth)}) ${block(c, b, depth, indent)}${c.chance(0.5) ? ` else ${block(c, b, depth, indent)}` : ""}`,
      () => `while (${expr(c, b, BOOL, depth)})${loopInvariants(c, b, depth, indent)} ${block(c, { ...b, loops: b.loops + 1 }, depth, indent)}`,
      () => {
        const coll = randomTy(c, b.world, 1);
        const collection: Ty = ["seq", "set", "map"].includes(norm(coll).k) ? coll : { k: "seq", e: coll };
        const item = local(b, elementOf(collection) ?? INT);
        const loop = block(c, { ...b, loops: b.loops + 1 }, depth, indent);
        return `foreach (${item} in ${expr(c, b, collection, depth)})${loopInvariants(c, b, depth, indent)} ${loop}`;
      },
    );
  }
  if (events.length > 0) options.push(() => `raise ${eventAndPayload(c, b, c.pick(events), depth)};`);
  if (!isSpec && events.length > 0) {
    options.push(
      () => `send ${expr(c, b, MACHINE, depth)}, ${eventAndPayload(c, b, c.pick(events), depth)};`,
      () => `announce ${eventAndPayload(c, b, c.pick(events), depth)};`,
    );
  }
  if (b.machine !== undefined) {
    const machine = b.machine;
    options.push(() => {
      const target = c.pick(machine.states);
      return `goto ${target.name}${target.entryParam === undefined ? "" : `, ${expr(c, b, target.entryParam, depth)}`};`;
    });
  }
  const machines = b.world.machines.filter((m) => !m.spec);
  if (!isSpec && machines.length > 0) {
    options.push(() => {
      const m = c.pick([...machines, ...b.world.interfaces]);
      const payload = "states" in m ? m.states[0]?.entryParam : m.payload;
      return `new ${m.name}(${payload === undefined ? "" : expr(c, b, payload, depth)});`;
    });
  }
  const funs = [...(b.machine?.funs ?? []), ...b.world.funs];
  if (funs.length > 0) options.push(() => `${call(c, b, c.pick(funs), depth)};`);
  if (!isSpec && events.length > 0 && depth > 0) options.push(() => receive(c, b, depth, indent));
  options.push(() => (b.ret === undefined ? "return;" : `return ${expr(c, b, b.ret, depth)};`));
  if (b.loops > 0) options.push(() => c.pick(["break;", "continue;"]));
  if (depth > 0) options.push(() => block(c, b, depth, indent), () => ";");
  return indent + c.pick(options)();
}

/**
 * Whether a read may be written to: not a param, and not inside an element of a set (which only
 * a model written with wrong types does).
 */
function writable(c: Choices, b: Body, r: Read): boolean {
  return r.root.fixed !== true && (!r.inSet || (b.world.wrongRate > 0 && c.chance(0.5)));
}

/** `x = e;` to a variable, a field or an element; a new local when nothing suits. */
function assign(c: Choices, b: Body, depth: number): string {
  const targets = reads(c, b, depth).filter((r) => writable(c, b, r));
  if (targets.length === 0 || c.chance(0.1)) {
    const t = randomTy(c, b.world, 1);
    return `${local(b, t)} = ${expr(c, b, t, depth)};`;
  }
  const target = c.pick(targets);
  return `${target.text()} = ${expr(c, b, target.t, depth)};`;
}

/** `s += (i, x);`, `m += (k, v);`, `s += (x);`, `c -= k;` on a collection in scope. */
function update(c: Choices, b: Body, depth: number): string {
  const collections = reads(c, b, depth).filter((r) => writable(c, b, r) && ["seq", "set", "map"].includes(norm(r.t).k));
  if (collections.length === 0) {
    const t: Ty = { k: "seq", e: randomTy(c, b.world, 1) };
    return `${local(b, t)} = ${expr(c, b, t, depth)};`;
  }
  const target = c.pick(collections);
  const n = norm(target.t);
  const remove = c.chance(0.4);
  switch (n.k) {
    case "seq":
      return remove
        ? `${target.text()} -= ${expr(c, b, INT, depth)};`
        : `${target.text()} += (${expr(c, b, INT, depth)}, ${expr(c, b, n.e, depth)});`;
    case "set":
      return remove ? `${target.text()} -= ${expr(c, b, n.e, depth)};` : `${target.text()} += (${expr(c, b, n.e, depth)});`;
    case "map":
      return remove
        ? `${target.text()} -= ${expr(c, b, n.key, depth)};`
        : `${target.text()} += (${expr(c, b, n.key, depth)}, ${expr(c, b, n.v, depth)});`;
    default:
      return ";";
  }
}

function loopInvariants(c: Choices, b: Body, depth: number, indent: string): string {
  if (!c.chance(0.15)) return "";
  const formula: Body = { ...b, formula: true };
  const invariants = list(c, 1, 2, () => {
    const text = c.chance(0.3) ? `forall new (e: event) :: e is ${c.maybePick(b.world.events)?.name ?? "halt"}` : expr(c, formula, BOOL, depth);
    return `\n${indent}${STEP}invariant ${text};`;
  });
  return invariants.join("") + `\n${indent}`;
}

/** `receive { case e1, e2: (p: T) { ... } }`: each case a nested function that sees the enclosing locals. */
function receive(c: Choices, b: Body, depth: number, indent: string): string {
  const available = [...b.world.events];
  const cases = list(c, 1, 3, () => {
    if (available.length === 0) return "";
    const e = available.splice(c.int(available.length), 1)[0];
    const param = e.payload !== undefined && c.chance(0.7) ? { name: fresh(b.world, "p"), t: e.payload } : undefined;
    const params = param === undefined ? [] : [param];
    const inner: Body = { ...b, vars: [...b.vars, ...params], params, locals: [], ret: undefined, loops: 0 };
    const head = param === undefined ? "" : `(${param.name}: ${printTy(param.t)}) `;
    return `${indent}${STEP}case ${e.name}: ${head}${functionBody(c, inner, depth - 1, indent + STEP)}`;
  }).filter((x) => x !== "");
  return `receive {\n${cases.join("\n")}\n${indent}}`;
}
