// The second pass: the meaning of every global declaration's signature (alias expansions, event
// payloads, event sets, interfaces, params, function and pure signatures, machine structure), so
// that the bodies checked afterwards can rely on all of them wherever they are written.
import type { Program, TopDecl } from "../ast/nodes.ts";
import { resolveEventList } from "../names/resolve.ts";
import type { Checker } from "./context.ts";
import { createFunction } from "./functions.ts";
import { declareMachine } from "./machines.ts";
import type { VariableInfo } from "./program.ts";
import { aliasType, resolveType } from "./resolve-types.ts";

function* topDecls(program: Program): Generator<TopDecl> {
  for (const file of program.files) yield* file.decls;
}

/** True when `decl` is the declaration the global scope kept for its name (not a duplicate). */
function isDeclared(checker: Checker, decl: TopDecl & { readonly name: { readonly name: string } }): boolean {
  const symbol = checker.globals.get("entity", decl.name.name);
  return symbol !== undefined && "decl" in symbol && symbol.decl === decl;
}

export function declareGlobals(checker: Checker): void {
  const program = checker.program;
  for (const decl of topDecls(program)) {
    if (decl.kind === "TypeDef" && decl.type !== undefined && isDeclared(checker, decl)) aliasType(checker, decl);
  }
  for (const decl of topDecls(program)) {
    if (decl.kind !== "EventDecl" || !isDeclared(checker, decl)) continue;
    const payload = decl.payload === undefined ? undefined : resolveType(checker, decl.payload);
    checker.events.set(decl.name.name, { name: decl.name.name, decl, payload });
  }
  checker.events.set("halt", { name: "halt", decl: undefined, payload: undefined });
  checker.events.set("null", { name: "null", decl: undefined, payload: undefined });
  for (const decl of topDecls(program)) {
    if (decl.kind !== "EventSetDecl" || !isDeclared(checker, decl)) continue;
    checker.eventSets.set(decl.name.name, { name: decl.name.name, decl, events: resolveEventList(checker, decl.events, false) });
  }
  for (const decl of topDecls(program)) {
    switch (decl.kind) {
      case "InterfaceDecl":
        if (!isDeclared(checker, decl)) break;
        checker.interfaces.set(decl.name.name, {
          name: decl.name.name,
          decl,
          payload: decl.payload === undefined ? undefined : resolveType(checker, decl.payload),
          receives: decl.receives === undefined ? undefined : resolveEventList(checker, decl.receives),
        });
        break;
      case "ParamDecl":
        if (!isDeclared(checker, decl)) break;
        checker.params.set(decl.name.name, { name: decl.name.name, decl, type: resolveType(checker, decl.type) });
        break;
      case "FunDecl": {
        const fn = createFunction(checker, decl, "global", decl.name.name, undefined, undefined);
        if (isDeclared(checker, decl)) checker.functions.set(decl.name.name, fn);
        else checker.duplicateFunctions.push(fn);
        break;
      }
      case "PureDecl": {
        const params: VariableInfo[] = decl.params.map((p, index) => ({
          id: p.name.id,
          name: p.name.name,
          type: resolveType(checker, p.type),
          storage: "param",
          index,
          ownerId: decl.id,
          decl: p.name,
        }));
        const returnType = resolveType(checker, decl.returnType);
        if (isDeclared(checker, decl)) {
          checker.pures.set(decl.name.name, { name: decl.name.name, decl, params, returnType, body: decl.body });
        }
        break;
      }
      default:
        break;
    }
  }
  for (const decl of topDecls(program)) {
    if (decl.kind !== "MachineDecl" && decl.kind !== "SpecDecl") continue;
    const machine = declareMachine(checker, decl);
    if (isDeclared(checker, decl)) checker.machines.set(machine.name, machine);
    else checker.duplicateMachines.push(machine);
  }
}
