// The declarations that use the machines: tests and implementations over module expressions, and
// the verification declarations (pure functions, invariants, axioms, init-conditions, lemmas and a
// proof). Every module holds all the machines and binds every interface, so it is closed under
// `new` whatever the code creates; the module expressions around it vary.
import type { Choices } from "../choices.ts";
import { DEPTH, signatureText } from "./declarations.ts";
import { expr } from "./expressions.ts";
import { BOOL, fresh, list, type Var, type World } from "./world.ts";

/** A closed module expression: a primitive module, or a union or composition of parts of one. */
function closedModule(c: Choices, world: World, named: readonly string[]): string {
  const machines = world.machines.filter((m) => !m.spec);
  const bindings = [...machines.map((m) => m.name), ...world.interfaces.map((i) => `${i.machine} -> ${i.name}`)];
  switch (c.int(4)) {
    case 0:
      return `{ ${bindings.join(", ")} }`;
    case 1:
      return c.maybePick(named) ?? `{ ${bindings.join(", ")} }`;
    default: {
      // Split the bindings into parts, each a primitive module.
      const parts: string[][] = [[]];
      for (const b of bindings) {
        if (parts[parts.length - 1].length > 0 && c.chance(0.5)) parts.push([]);
        parts[parts.length - 1].push(b);
      }
      return `(${c.pick(["union", "compose"])} ${parts.map((p) => `{ ${p.join(", ")} }`).join(", ")})`;
    }
  }
}

/** Wraps a module in operators that keep it closed: asserting specs, hiding events, naming main. */
function wrapped(c: Choices, world: World, module: string): string {
  const specs = world.machines.filter((m) => m.spec).map((m) => m.name);
  let out = module;
  if (specs.length > 0 && c.chance(0.6)) out = `(assert ${specs.join(", ")} in ${out})`;
  if (c.chance(0.15)) out = `(hidee ${c.pick(world.events).name} in ${out})`;
  if (world.interfaces.length > 0 && c.chance(0.1)) out = `(hidei ${c.pick(world.interfaces).name} in ${out})`;
  return out;
}

/** Named modules, tests (plain and parametric), and now and then an implementation or a refinement. */
export function tests(c: Choices, world: World): string[] {
  const mains = world.machines.filter((m) => !m.spec && m.states[0].entryParam === undefined);
  if (mains.length === 0) return [];
  const out: string[] = [];
  const named: string[] = [];
  for (let i = c.int(2); i > 0; i--) {
    const name = fresh(world, "Mod");
    out.push(`module ${name} = ${closedModule(c, world, named)};`);
    named.push(name);
  }
  const module = () => wrapped(c, world, closedModule(c, world, named));
  for (let i = 1 + c.int(2); i > 0; i--) {
    const main = c.pick(mains).name;
    out.push(c.chance(0.2) ? `test ${fresh(world, "tc")}: (main ${main} in ${module()});` : `test ${fresh(world, "tc")} [main=${main}]: ${module()};`);
  }
  if (world.params.length > 0) {
    const values = (p: Var) => (p.t.k === "int" ? "1, 2, 3" : "true, false");
    const ps = world.params.map((p) => `${p.name} in [${values(p)}]`).join(", ");
    const first = world.params[0];
    const assume = c.chance(0.5) ? ` assume (${first.t.k === "int" ? `${first.name} != 2` : `!${first.name}`})` : "";
    const wise = world.params.length > 1 && c.chance(0.5) ? " (2 wise)" : "";
    out.push(`test param (${ps})${assume}${wise} ${fresh(world, "tp")} [main=${c.pick(mains).name}]: ${module()};`);
  }
  if (c.chance(0.15)) out.push(`implementation ${fresh(world, "impl")} [main=${c.pick(mains).name}]: ${module()};`);
  if (c.chance(0.15)) out.push(`test ${fresh(world, "tr")} [main=${c.pick(mains).name}]: ${module()} refines ${module()};`);
  return out;
}

/** Pure functions, invariants (loose and in lemmas), an axiom, an init-condition, and a proof. */
export function verification(c: Choices, world: World): string[] {
  const formula = (vars: Var[] = []): string => expr(c, { world, machine: undefined, vars, formula: true }, BOOL, DEPTH);
  const out = world.pures.map((p) => {
    const definition =
      c.chance(0.5) && p.ret !== undefined ? ` = ${expr(c, { world, machine: undefined, vars: [...p.params], formula: true }, p.ret, 2)}` : "";
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
