// A whole model from a choice sequence: enums, type aliases, events and params first, then the
// plan of each machine and spec (variables, function signatures, states and what their entry
// functions take), then their code, the global functions, the tests that run them and, now and
// then, the verification declarations. Planning before writing lets any code name any
// declaration, as P allows, and lets handlers and transitions agree on payload types.
import type { Choices } from "../choices.ts";
import { expr } from "./expressions.ts";
import { functionBody, type Body } from "./statements.ts";
import {
  BOOL,
  INT,
  fields,
  fresh,
  list,
  newWorld,
  printTy,
  randomTy,
  sameTy,
  type EventInfo,
  type FunSig,
  type MachinePlan,
  type Ty,
  type Var,
  type World,
} from "./world.ts";

/** Statement nesting and expression depth of generated code. */
const DEPTH = 3;

/**
 * A model as source text. With `wrongTypes`, half of the models have some expressions of a random
 * type (and some unknown names); without, the model is meant to check without errors.
 */
export function generateProgram(c: Choices, wrongTypes = true): string {
  const world = newWorld(wrongTypes && c.chance(0.5) ? c.pick([0.02, 0.05, 0.15]) : 0);
  const out: string[] = [];
  planMachines(c, world);
  declareTypes(c, world, out);
  for (const m of world.machines) planMembers(c, world, m);
  world.funs.push(...list(c, 0, 2, () => signature(c, world, "g")));
  if (c.chance(0.3)) world.pures.push(...list(c, 1, 2, () => ({ ...signature(c, world, "pure"), ret: c.chance(0.5) ? BOOL : randomTy(c, world, 1) })));

  for (const m of world.machines) out.push(machineText(c, world, m));
  for (const f of world.funs) out.push(`fun ${f.name}${signatureText(f)} ${functionBody(c, body(world, undefined, f.params, f.ret), DEPTH, "")}`);
  out.push(...tests(c, world));
  if (world.pures.length > 0 || c.chance(0.2)) out.push(...verification(c, world));
  if (c.chance(0.3)) out.reverse();
  return out.join("\n") + "\n";
}

function planMachines(c: Choices, world: World): void {
  const machines = 1 + c.int(3);
  const specs = c.int(3);
  for (let i = 0; i < machines + specs; i++) {
    world.machines.push({ name: fresh(world, i < machines ? "M" : "Spec"), spec: i >= machines, vars: [], funs: [], states: [], observes: [] });
  }
}

function declareTypes(c: Choices, world: World, out: string[]): void {
  for (let i = c.int(3); i > 0; i--) {
    const name = fresh(world, "E");
    const elems = list(c, 1, 3, (j) => `${name}_${j}`);
    world.enums.push({ k: "enum", name, elems });
    const values = c.chance(0.4);
    out.push(`enum ${name} { ${elems.map((e, j) => (values ? `${e} = ${j * 2 - 1}` : e)).join(", ")} }`);
  }
  for (let i = c.int(3); i > 0; i--) {
    const t: Ty = c.chance(0.5) ? { k: "ntuple", fs: fields(c, () => randomTy(c, world, 1)) } : randomTy(c, world, 1);
    const alias = { k: "alias" as const, name: fresh(world, "T"), t };
    world.aliases.push(alias);
    out.push(`type ${alias.name} = ${printTy(t)};`);
  }
  for (let i = 1 + c.int(5); i > 0; i--) {
    const event: EventInfo = { name: fresh(world, "ev"), payload: c.chance(0.6) ? randomTy(c, world, 1) : undefined };
    world.events.push(event);
    out.push(`event ${event.name}${event.payload === undefined ? "" : `: ${printTy(event.payload)}`};`);
  }
  if (c.chance(0.3)) {
    const members = world.events.filter((_, i) => i === 0 || c.chance(0.5)).map((e) => e.name);
    out.push(`eventset ${fresh(world, "es")} = { ${members.join(", ")} };`);
  }
  for (let i = c.chance(0.3) ? 1 + c.int(2) : 0; i > 0; i--) {
    const param = { name: fresh(world, "n"), t: c.chance(0.5) ? INT : BOOL, fixed: true };
    world.params.push(param);
    out.push(`param ${param.name}: ${printTy(param.t)};`);
  }
}

function signature(c: Choices, world: World, prefix: string): FunSig {
  return {
    name: fresh(world, prefix),
    params: list(c, 0, 2, () => ({ name: fresh(world, "a"), t: randomTy(c, world, 1) })),
    ret: c.chance(0.5) ? randomTy(c, world, 1) : undefined,
  };
}

function signatureText(f: FunSig): string {
  return `(${f.params.map((p) => `${p.name}: ${printTy(p.t)}`).join(", ")})${f.ret === undefined ? "" : `: ${printTy(f.ret)}`}`;
}

function planMembers(c: Choices, world: World, m: MachinePlan): void {
  m.vars.push(...list(c, 0, 4, () => ({ name: fresh(world, "v"), t: randomTy(c, world, 2) })));
  m.funs.push(...list(c, 0, 2, () => signature(c, world, "f")));
  const states = 1 + c.int(4);
  for (let i = 0; i < states; i++) {
    // A spec's start state takes nothing; a machine's may take the payload of `new`.
    const param = !(m.spec && i === 0) && c.chance(0.3) ? randomTy(c, world, 1) : undefined;
    m.states.push({ name: fresh(world, "S"), entryParam: param });
  }
  if (m.spec) m.observes.push(...world.events.filter(() => c.chance(0.6)).map((e) => e.name));
}

function body(world: World, machine: MachinePlan | undefined, params: readonly Var[], ret: Ty | undefined): Body {
  const vars = [...(machine?.vars ?? []), ...world.params, ...params];
  return { world, machine, vars, params, formula: false, locals: [], ret, loops: 0 };
}

/** `(p: T) { ... }` or `{ ... }`: an anonymous handler taking the payload, or not. */
function handler(c: Choices, world: World, m: MachinePlan, payload: Ty | undefined, indent: string, mustTake = false): string {
  const param = payload !== undefined && (mustTake || c.chance(0.7)) ? { name: fresh(world, "p"), t: payload } : undefined;
  const text = functionBody(c, body(world, m, param === undefined ? [] : [param], undefined), DEPTH - 1, indent);
  return param === undefined ? text : `(${param.name}: ${printTy(param.t)}) ${text}`;
}

function machineText(c: Choices, world: World, m: MachinePlan): string {
  const lines: string[] = [];
  const header = m.spec ? `spec ${m.name} observes ${m.observes.length > 0 ? m.observes.join(", ") : world.events[0].name}` : `machine ${m.name}`;
  for (const v of m.vars) lines.push(`    var ${v.name}: ${printTy(v.t)};`);
  m.states.forEach((s, i) => {
    const items: string[] = [];
    const I = "        ";
    if (s.entryParam !== undefined || c.chance(0.6)) items.push(`${I}entry ${handler(c, world, m, s.entryParam, I, true)}`);
    if (c.chance(0.2)) items.push(`${I}exit ${handler(c, world, m, undefined, I)}`);
    const usable = m.spec ? world.events.filter((e) => m.observes.includes(e.name)) : world.events;
    for (const e of usable.filter(() => c.chance(0.4))) items.push(stateItem(c, world, m, e, I));
    const temperature = m.spec && c.chance(0.4) ? `${c.pick(["hot", "cold"])} ` : "";
    lines.push(`    ${i === 0 ? "start " : ""}${temperature}state ${s.name} {\n${items.join("\n")}\n    }`);
  });
  for (const f of m.funs) {
    lines.push(`    fun ${f.name}${signatureText(f)} ${functionBody(c, body(world, m, f.params, f.ret), DEPTH, "    ")}`);
  }
  return `${header} {\n${lines.join("\n")}\n}`;
}

/** How a state disposes of one event: a handler, a transition, or deferring or ignoring it. */
function stateItem(c: Choices, world: World, m: MachinePlan, e: EventInfo, indent: string): string {
  const targets = m.states.filter((s) => s.entryParam === undefined || (e.payload !== undefined && sameTy(s.entryParam, e.payload)));
  const named = m.funs.filter((f) => f.params.length === 0 || (f.params.length === 1 && e.payload !== undefined && sameTy(f.params[0].t, e.payload)));
  const options: (() => string)[] = [() => `on ${e.name} do ${handler(c, world, m, e.payload, indent)}`];
  if (targets.length > 0) {
    options.push(() => {
      const target = c.pick(targets).name;
      return c.chance(0.5) ? `on ${e.name} goto ${target};` : `on ${e.name} goto ${target} with ${handler(c, world, m, e.payload, indent)}`;
    });
  }
  if (named.length > 0) options.push(() => `on ${e.name} do ${c.pick(named).name};`);
  if (!m.spec) options.push(() => `defer ${e.name};`);
  options.push(() => `ignore ${e.name};`);
  return indent + c.pick(options)();
}

/** Tests whose module holds every machine (so it is closed under `new`) and asserts the specs. */
function tests(c: Choices, world: World): string[] {
  const machines = world.machines.filter((m) => !m.spec);
  const specs = world.machines.filter((m) => m.spec);
  const mains = machines.filter((m) => m.states[0].entryParam === undefined);
  if (mains.length === 0) return [];
  const closed = `{ ${machines.map((m) => m.name).join(", ")} }`;
  const module = specs.length > 0 && c.chance(0.7) ? `assert ${specs.map((s) => s.name).join(", ")} in ${closed}` : closed;
  const out = list(c, 1, 2, () => `test ${fresh(world, "tc")} [main=${c.pick(mains).name}]: ${module};`);
  if (world.params.length > 0) {
    const values = (p: Var) => (p.t.k === "int" ? "1, 2, 3" : "true, false");
    const ps = world.params.map((p) => `${p.name} in [${values(p)}]`).join(", ");
    const first = world.params[0];
    const assume = c.chance(0.5) ? ` assume (${first.t.k === "int" ? `${first.name} != 2` : `!${first.name}`})` : "";
    const wise = world.params.length > 1 && c.chance(0.5) ? " (2 wise)" : "";
    out.push(`test param (${ps})${assume}${wise} ${fresh(world, "tp")} [main=${c.pick(mains).name}]: ${module};`);
  }
  return out;
}

/** Pure functions, invariants (loose and in lemmas), an axiom, an init-condition, and a proof. */
function verification(c: Choices, world: World): string[] {
  const formula = (vars: Var[] = []): string => expr(c, { world, machine: undefined, vars, formula: true }, BOOL, DEPTH);
  const out = world.pures.map((p) => {
    const definition = c.chance(0.5) && p.ret !== undefined ? ` = ${expr(c, { world, machine: undefined, vars: [...p.params], formula: true }, p.ret, 2)}` : "";
    return `pure ${p.name}${signatureText(p)}${definition};`;
  });
  const invariants = list(c, 1, 3, () => fresh(world, "inv"));
  for (const name of invariants) out.push(`invariant ${name}: ${formula()};`);
  if (c.chance(0.5)) out.push(`axiom ${formula()};`);
  if (c.chance(0.5)) out.push(`init-condition ${formula()};`);
  const lemma = fresh(world, "L");
  out.push(`Lemma ${lemma} {\n${list(c, 1, 2, () => `    invariant ${fresh(world, "li")}: ${formula()};`).join("\n")}\n}`);
  out.push(`Proof {\n    prove ${lemma};\n    prove ${invariants.join(", ")} using ${lemma};\n}`);
  return out;
}
