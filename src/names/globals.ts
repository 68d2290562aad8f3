// The first pass: every top-level declaration of every file enters the global scope, so that
// declarations may be used before (or in another file than) where they are written.
import type { TopDecl } from "../ast/nodes.ts";
import { unreachable } from "../ast/nodes.ts";
import type { Checker } from "../types/context.ts";
import type { EnumElementInfo } from "../types/program.ts";

/** Enters all top-level names of the program into `checker.globals`, reporting duplicates. */
export function collectGlobals(checker: Checker): void {
  for (const file of checker.program.files) {
    for (const decl of file.decls) collectDecl(checker, decl);
  }
}

function collectDecl(checker: Checker, decl: TopDecl): void {
  const g = checker.globals;
  const d = checker.diags;
  switch (decl.kind) {
    case "TypeDef":
      if (decl.type === undefined) {
        g.declare("entity", { kind: "ForeignType", name: decl.name.name, decl }, decl.name.span, d);
        checker.report(3002, decl.name.span, [decl.name.name]);
      } else {
        g.declare("entity", { kind: "TypeAlias", name: decl.name.name, decl }, decl.name.span, d);
      }
      return;
    case "EnumDecl": {
      const declared = g.declare("entity", { kind: "Enum", name: decl.name.name, decl }, decl.name.span, d);
      const elements: EnumElementInfo[] = [];
      let next = 0;
      for (const element of decl.elements) {
        const value = element.value ?? next;
        next = value + 1;
        const symbol = {
          kind: "EnumElement",
          name: element.name.name,
          decl: element,
          enumName: decl.name.name,
          value,
        } as const;
        if (g.declare("entity", symbol, element.name.span, d)) {
          elements.push({ name: element.name.name, value, decl: element });
        }
      }
      if (declared) checker.enums.set(decl.name.name, { name: decl.name.name, decl, elements });
      return;
    }
    case "EventDecl":
      g.declare("entity", { kind: "Event", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "EventSetDecl":
      g.declare("entity", { kind: "EventSet", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "InterfaceDecl":
      g.declare("entity", { kind: "Interface", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "MachineDecl":
      g.declare("entity", { kind: "Machine", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "SpecDecl":
      g.declare("entity", { kind: "Spec", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "FunDecl":
      g.declare("entity", { kind: "Function", name: decl.name.name, decl, machine: undefined }, decl.name.span, d);
      return;
    case "PureDecl":
      g.declare("entity", { kind: "Pure", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "ParamDecl":
      g.declare("entity", { kind: "Param", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "ModuleDecl":
      g.declare("module", { kind: "Module", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "TestDecl":
      g.declare("test", { kind: "Test", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "ImplementationDecl":
      g.declare("test", { kind: "Implementation", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "InvariantDecl":
      if (decl.name !== undefined) {
        g.declare("proof", { kind: "Invariant", name: decl.name.name, decl, lemma: undefined }, decl.name.span, d);
      }
      return;
    case "LemmaDecl":
      g.declare("proof", { kind: "Lemma", name: decl.name.name, decl }, decl.name.span, d);
      return;
    case "InitConditionDecl":
    case "AxiomDecl":
    case "ProofDecl":
      return;
    default:
      unreachable(decl);
  }
}
