// Symbols: what a name occurrence refers to. Name resolution records one for every name written in
// the program (keyed by the node id of the Name expression, Ident or EventRef), so later phases
// never look a name up again. Global declarations are identified by their AST node; the checked
// program's tables give the rest (types, states, handlers) by name.
import type {
  EnumDecl,
  EnumElement,
  EventDecl,
  EventSetDecl,
  FunDecl,
  ImplementationDecl,
  InterfaceDecl,
  InvariantDecl,
  LemmaDecl,
  MachineDecl,
  ModuleDecl,
  ParamDecl,
  PureDecl,
  SpecDecl,
  StateDecl,
  TestDecl,
  TypeDefDecl,
} from "../ast/nodes.ts";
import type { VariableInfo } from "../types/program.ts";

export type Symbol =
  | { readonly kind: "TypeAlias"; readonly name: string; readonly decl: TypeDefDecl }
  /** `type T;` without a definition: reported as unsupported where declared. */
  | { readonly kind: "ForeignType"; readonly name: string; readonly decl: TypeDefDecl }
  | { readonly kind: "Enum"; readonly name: string; readonly decl: EnumDecl }
  | {
      readonly kind: "EnumElement";
      readonly name: string;
      readonly decl: EnumElement;
      readonly enumName: string;
      readonly value: number;
    }
  /** A declared event, or (decl undefined) one of the special events `halt` and `null`. */
  | { readonly kind: "Event"; readonly name: string; readonly decl: EventDecl | undefined }
  | { readonly kind: "EventSet"; readonly name: string; readonly decl: EventSetDecl }
  | { readonly kind: "Interface"; readonly name: string; readonly decl: InterfaceDecl }
  | { readonly kind: "Machine"; readonly name: string; readonly decl: MachineDecl }
  | { readonly kind: "Spec"; readonly name: string; readonly decl: SpecDecl }
  /** A named function: global, or a machine's own (`machine` says whose). */
  | { readonly kind: "Function"; readonly name: string; readonly decl: FunDecl; readonly machine: string | undefined }
  | { readonly kind: "Pure"; readonly name: string; readonly decl: PureDecl }
  /** A global `param` that parametric tests assign; read-only in machine code. */
  | { readonly kind: "Param"; readonly name: string; readonly decl: ParamDecl }
  /** A machine variable, function parameter, local, handler parameter or quantified variable. */
  | { readonly kind: "Variable"; readonly name: string; readonly variable: VariableInfo }
  | { readonly kind: "State"; readonly name: string; readonly machine: string; readonly decl: StateDecl }
  | { readonly kind: "Module"; readonly name: string; readonly decl: ModuleDecl }
  | { readonly kind: "Test"; readonly name: string; readonly decl: TestDecl }
  | { readonly kind: "Implementation"; readonly name: string; readonly decl: ImplementationDecl }
  /** A named invariant; `lemma` names the Lemma/Theorem group that holds it, if any. */
  | {
      readonly kind: "Invariant";
      readonly name: string;
      readonly decl: InvariantDecl;
      readonly lemma: string | undefined;
    }
  | { readonly kind: "Lemma"; readonly name: string; readonly decl: LemmaDecl }
  /** `default` in a proof step: P's built-in proof obligations. */
  | { readonly kind: "DefaultObligations"; readonly name: "default" };

export type SymbolKind = Symbol["kind"];

/** "a machine", "an event", ...: how a symbol is named in messages. */
export function describeKind(kind: SymbolKind): string {
  switch (kind) {
    case "TypeAlias":
      return "a type";
    case "ForeignType":
      return "a foreign type";
    case "Enum":
      return "an enum";
    case "EnumElement":
      return "an enum element";
    case "Event":
      return "an event";
    case "EventSet":
      return "an event set";
    case "Interface":
      return "an interface";
    case "Machine":
      return "a machine";
    case "Spec":
      return "a spec";
    case "Function":
      return "a function";
    case "Pure":
      return "a pure function";
    case "Param":
      return "a param";
    case "Variable":
      return "a variable";
    case "State":
      return "a state";
    case "Module":
      return "a module";
    case "Test":
      return "a test";
    case "Implementation":
      return "an implementation";
    case "Invariant":
      return "an invariant";
    case "Lemma":
      return "a lemma";
    case "DefaultObligations":
      return "the default proof obligations";
  }
}
