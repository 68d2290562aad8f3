// A whole model from a choice sequence: enums, type aliases, events and params first, then the
// plan of each machine and spec (states and what their entry functions take, interfaces bound to
// machines, variables, function signatures), then their code, the global functions, the tests
// that run them and, now and then, the verification declarations. Planning before writing lets
// any code name any declaration, as P allows, and lets handlers and transitions agree on payloads.
import type { Choices } from "../choices.ts";
import { expr } from "./expressions.ts";
import { functionBody, type Body } from "./statements.ts";
import { tests, verification } from "./tests-and-proofs.ts";
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
export const DEPTH = 3;

/**
 * A model as source text. With `wrongTypes`, half of the models have some expressions of a random
 * type (and some unknown names); without, the model is meant to check without errors.
 */
export function generateProgram(c: Choices, wrongTypes = true): string {
  const world = newWorld(wrongTypes && c.chance(0.5) ? c.pick([0.02, 0.05, 0.15]) : 0);
  const out: string[] = [];
  planMachines(c, world);
  declareTypes(c, world, out);
  for (const m of world.machines) planStates(c, world, m);
  declareInterfaces(c, world, out);
  for (const m of world.machines) planMembers(c, world, m);
  world.funs.push(...list(c, 0, 2, () => signature(c, world, "g")));
  if (c.chance(0.3)) world.pures.push(...list(c, 1, 2, () => ({ ...signature(c, world, "pure"), ret: c.chance(0.5) ? BOOL : randomTy(c, world, 1) })));

  for (const m of world.machines) out.push(machineText(c, world, m));
  for (const f of world.funs) out.push(functionText(c, world, undefined, f, ""));
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
    const eventset = { name: fresh(world, "es"), events: world.events.filter((_, i) => i === 0 || c.chance(0.5)).map((e) => e.name) };
    world.eventsets.push(eventset);
    out.push(`eventset ${eventset.name} = { ${eventset.events.join(", ")} };`);
  }
  for (let i = c.chance(0.3) ? 1 + c.int(2) : 0; i > 0; i--) {
    const param = { name: fresh(world, "n"), t: c.chance(0.5) ? INT : BOOL, fixed: true };
    world.params.push(param);
    out.push(`param ${param.name}: ${printTy(param.t)};`);
  }
}

function planStates(c: Choices, world: World, m: MachinePlan): void {
  const states = 1 + c.int(4);
  for (let i = 0; i < states; i++) {
    // A spec's start state takes nothing; a machine's may take the payload of `new`.
    const param = !(m.spec && i === 0) && c.chance(0.3) ? randomTy(c, world, 1) : undefined;
    m.states.push({ name: fresh(world, "S"), entryParam: param });
  }
  if (m.spec) m.observes.push(...world.events.filter(() => c.chance(0.6)).map((e) => e.name));
}

/** Some machines are also created through an interface that takes the same payload. */
function declareInterfaces(c: Choices, world: World, out: string[]): void {
  for (const m of world.machines) {
    if (m.spec || !c.chance(0.25)) continue;
    const iface = { name: fresh(world, "I"), machine: m.name, payload: m.states[0].entryParam };
    world.interfaces.push(iface);
    const receives = c.chance(0.5) ? ` receives ${[...world.events.map((e) => e.name), "halt"].join(", ")}` : "";
    out.push(`interface ${iface.name}(${iface.payload === undefined ? "" : printTy(iface.payload)})${receives};`);
  }
}

function planMembers(c: Choices, world: World, m: MachinePlan): void {
  m.vars.push(...list(c, 0, 4, () => ({ name: fresh(world, "v"), t: randomTy(c, world, 2) })));
  m.funs.push(...list(c, 0, 2, () => signature(c, world, "f")));
}

function signature(c: Choices, world: World, prefix: string): FunSig {
  return {
    name: fresh(world, prefix),
    params: list(c, 0, 2, () => ({ name: fresh(world, "a"), t: randomTy(c, world, 1) })),
    ret: c.chance(0.5) ? randomTy(c, world, 1) : undefined,
  };
}

export function signatureText(f: FunSig): string {
  return `(${f.params.map((p) => `${p.name}: ${printTy(p.t)}`).join(", ")})${f.ret === undefined ? "" : `: ${printTy(f.ret)}`}`;
}

function body(world: World, machine: MachinePlan | undefined, params: readonly Var[], ret: Ty | undefined): Body {
  const vars = [...(machine?.vars ?? []), ...world.params, ...params];
  return { world, machine, vars, params, formula: false, locals: [], ret, loops: 0 };
}

/** A named function, now and then with a contract: `requires`, `return (r: T);`, `ensures`. */
function functionText(c: Choices, world: World, m: MachinePlan | undefined, f: FunSig, indent: string): string {
  let contract = "";
  if (c.chance(0.2)) {
    const vars = [...(m?.vars ?? []), ...f.params];
    const formula = (extra: Var[]) => expr(c, { world, machine: undefined, vars: [...vars, ...extra], formula: true }, BOOL, 2);
    const result = f.ret !== undefined && c.chance(0.5) ? { name: fresh(world, "r"), t: f.ret } : undefined;
    contract += c.chance(0.7) ? `\n${indent}    requires ${formula([])};` : "";
    if (result !== undefined) contract += `\n${indent}    return (${result.name}: ${printTy(result.t)});`;
    contract += `\n${indent}    ensures ${formula(result === undefined ? [] : [result])};\n${indent}`;
  }
  return `${indent}fun ${f.name}${signatureText(f)}${contract} ${functionBody(c, body(world, m, f.params, f.ret), DEPTH, indent)}`;
}

/** `(p: T) { ... }` or `{ ... }`: an anonymous handler taking the payload, or not. */
function handler(c: Choices, world: World, m: MachinePlan, payload: Ty | undefined, indent: string, mustTake = false): string {
  const param = payload !== undefined && (mustTake || c.chance(0.7)) ? { name: fresh(world, "p"), t: payload } : undefined;
  const text = functionBody(c, body(world, m, param === undefined ? [] : [param], undefined), DEPTH - 1, indent);
  return param === undefined ? text : `(${param.name}: ${printTy(param.t)}) ${text}`;
}

function machineText(c: Choices, world: World, m: MachinePlan): string {
  const lines: string[] = [];
  const all = [...world.events.map((e) => e.name), "halt"].join(", ");
  const header = m.spec
    ? `spec ${m.name} observes ${m.observes.length > 0 ? m.observes.join(", ") : world.events[0].name}`
    : `machine ${m.name}${c.chance(0.2) ? ` receives ${all}; sends ${all};` : ""}`;
  for (const v of m.vars) lines.push(`    var ${v.name}: ${printTy(v.t)};`);
  m.states.forEach((s, i) => {
    const I = "        ";
    const items: string[] = [];
    const entries = m.funs.filter((f) => (s.entryParam === undefined ? f.params.length === 0 : f.params.length === 1 && sameTy(f.params[0].t, s.entryParam)));
    if (entries.length > 0 && c.chance(0.2)) items.push(`${I}entry ${c.pick(entries).name};`);
    else if (s.entryParam !== undefined || c.chance(0.6)) items.push(`${I}entry ${handler(c, world, m, s.entryParam, I, true)}`);
    const exits = m.funs.filter((f) => f.params.length === 0);
    if (c.chance(0.2)) items.push(`${I}exit ${exits.length > 0 && c.chance(0.3) ? `${c.pick(exits).name};` : handler(c, world, m, undefined, I)}`);
    for (const group of eventGroups(c, world, m)) items.push(stateItem(c, world, m, group, I));
    const temperature = m.spec && c.chance(0.4) ? `${c.pick(["hot", "cold"])} ` : "";
    lines.push(`    ${i === 0 ? "start " : ""}${temperature}state ${s.name} {\n${items.join("\n")}\n    }`);
  });
  for (const f of m.funs) lines.push(functionText(c, world, m, f, "    "));
  return `${header} {\n${lines.join("\n")}\n}`;
}

/** What one state item handles: written as one event, a list of events, or an event set. */
interface EventGroup {
  readonly refs: string;
  /** The payload type every event of the group carries; undefined when none or they differ. */
  readonly payload: Ty | undefined;
  /** True when the events carry different payloads (or some none), so no handler may take one. */
  readonly mixed: boolean;
}

/** Disjoint groups of the events a state handles (`null` and `halt` included now and then). */
function eventGroups(c: Choices, world: World, m: MachinePlan): EventGroup[] {
  const available: EventInfo[] = (m.spec ? world.events.filter((e) => m.observes.includes(e.name)) : world.events).slice();
  if (c.chance(0.1)) available.push({ name: "null", payload: undefined });
  if (!m.spec && c.chance(0.1)) available.push({ name: "halt", payload: undefined });
  const groups: EventGroup[] = [];
  const take = (names: readonly string[]): EventInfo[] =>
    names.map((n) => available.splice(available.findIndex((e) => e.name === n), 1)[0]);
  while (available.length > 0 && c.chance(0.6)) {
    const sets = world.eventsets.filter((s) => s.events.every((n) => available.some((e) => e.name === n)));
    let refs: string;
    let events: EventInfo[];
    if (sets.length > 0 && c.chance(0.15)) {
      const set = c.pick(sets);
      refs = set.name;
      events = take(set.events);
    } else {
      events = [available.splice(c.int(available.length), 1)[0]];
      if (available.length > 0 && c.chance(0.2)) events.push(available.splice(c.int(available.length), 1)[0]);
      refs = events.map((e) => e.name).join(", ");
    }
    const first = events[0].payload;
    const same = events.every((e) => (e.payload === undefined ? first === undefined : first !== undefined && sameTy(e.payload, first)));
    groups.push({ refs, payload: same ? first : undefined, mixed: !same });
  }
  return groups;
}

/** How a state disposes of a group of events: a handler, a transition, or deferring or ignoring them. */
function stateItem(c: Choices, world: World, m: MachinePlan, g: EventGroup, indent: string): string {
  const accepts = (t: Ty | undefined) => t === undefined || (!g.mixed && g.payload !== undefined && sameTy(t, g.payload));
  const targets = m.states.filter((s) => accepts(s.entryParam));
  const named = m.funs.filter((f) => f.params.length === 0 || (f.params.length === 1 && accepts(f.params[0].t)));
  const options: (() => string)[] = [() => `on ${g.refs} do ${handler(c, world, m, g.payload, indent)}`];
  if (targets.length > 0) {
    options.push(() => {
      const target = c.pick(targets).name;
      return c.chance(0.5) ? `on ${g.refs} goto ${target};` : `on ${g.refs} goto ${target} with ${handler(c, world, m, g.payload, indent)}`;
    });
  }
  if (named.length > 0) options.push(() => `on ${g.refs} do ${c.pick(named).name};`);
  if (!m.spec) options.push(() => `defer ${g.refs};`);
  options.push(() => `ignore ${g.refs};`);
  return indent + c.pick(options)();
}
