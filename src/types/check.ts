// The checker's driver: name resolution and type checking of a parsed program, as a sequence of
// passes over all files together (a model is a folder of files sharing one global scope).
//
//   1. collect    every global name enters the global scope (duplicates reported)
//   2. declare    signatures: aliases, event payloads, interfaces, params, functions, machines
//                 (variables, functions, states and handlers)
//   3. bodies     global functions, then machine and spec code
//   4. creates    what each machine can create, through the functions it calls
//   5. modules    named modules, tests and implementations (main machine, closed modules)
//   6. proofs     invariants, init-conditions, axioms, pure bodies, lemmas, proof scripts
//
// Every declaration is checked on its own: an error in one leaves the error type behind, which
// keeps the others from reporting consequences of it.
import type { Program } from "../ast/nodes.ts";
import { sortDiagnostics } from "../diagnostics/diagnostic.ts";
import { collectGlobals } from "../names/globals.ts";
import { Checker } from "./context.ts";
import { declareGlobals } from "./declarations.ts";
import { checkFunctionBody } from "./functions.ts";
import { checkMachineBodies, computeCreates } from "./machines.ts";
import { checkImplementation, checkModules, checkTest } from "./modules.ts";
import type { CheckedProgram, CheckResult, MachineInfo } from "./program.ts";
import { checkFormula, checkInvariant, checkLemma, checkProof, checkPureBody } from "./proofs.ts";
import { MACHINE } from "./types.ts";

export type * from "./program.ts";
export type { Type } from "./types.ts";
export type { Symbol } from "../names/symbols.ts";

/** Resolves names and checks types; never throws on bad input. */
export function checkProgram(program: Program): CheckResult {
  const checker = new Checker(program);
  collectGlobals(checker);
  declareGlobals(checker);

  for (const fn of [...checker.functions.values(), ...checker.duplicateFunctions]) {
    checkFunctionBody(fn, { checker, machine: undefined, parentScope: undefined, thisType: MACHINE });
  }
  for (const machine of [...checker.machines.values(), ...checker.duplicateMachines]) {
    checkMachineBodies(checker, machine);
  }
  computeCreates(checker);

  checkModules(checker);
  for (const file of program.files) {
    for (const decl of file.decls) {
      if (decl.kind === "TestDecl") checkTest(checker, decl);
      else if (decl.kind === "ImplementationDecl") checkImplementation(checker, decl);
    }
  }

  for (const file of program.files) {
    for (const decl of file.decls) {
      switch (decl.kind) {
        case "InvariantDecl":
          checker.invariants.push(checkInvariant(checker, decl, undefined));
          break;
        case "InitConditionDecl":
          checkFormula(checker, decl.condition);
          checker.initConditions.push(decl);
          break;
        case "AxiomDecl":
          checkFormula(checker, decl.condition);
          checker.axioms.push(decl);
          break;
        case "PureDecl":
          checkPureBody(checker, decl);
          break;
        case "LemmaDecl":
          checkLemma(checker, decl);
          break;
        default:
          break;
      }
    }
  }
  for (const file of program.files) {
    for (const decl of file.decls) if (decl.kind === "ProofDecl") checkProof(checker, decl);
  }

  return { checked: finish(checker), diagnostics: sortDiagnostics(checker.diags.items) };
}

function finish(checker: Checker): CheckedProgram {
  const machines = new Map<string, MachineInfo>();
  const specs = new Map<string, MachineInfo>();
  for (const [name, m] of checker.machines) (m.kind === "spec" ? specs : machines).set(name, m);
  return {
    program: checker.program,
    symbols: checker.symbols,
    exprTypes: checker.exprTypes,
    typeExprTypes: checker.typeExprTypes,
    functionsById: checker.functionsById,
    aliases: checker.aliases,
    enums: checker.enums,
    events: checker.events,
    eventSets: checker.eventSets,
    interfaces: checker.interfaces,
    machines,
    specs,
    functions: checker.functions,
    pures: checker.pures,
    params: checker.params,
    modules: checker.modules,
    tests: checker.tests,
    implementations: checker.implementations,
    invariants: checker.invariants,
    lemmas: checker.lemmas,
    initConditions: checker.initConditions,
    axioms: checker.axioms,
    proofs: checker.proofs,
  };
}
