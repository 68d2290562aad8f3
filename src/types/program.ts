// The checked program: what name resolution and type checking hand to the later phases (lowering to
// the machine IR for the explorer, and to the Z3 encoding). The AST is not changed; everything the
// checker learned lives in side tables keyed by node id and in declaration tables keyed by name.
// All maps keep declaration order.
import type {
  AnonFunction,
  AxiomDecl,
  Block,
  EnumDecl,
  EnumElement,
  EventDecl,
  EventSetDecl,
  Expr,
  FunDecl,
  Ident,
  ImplementationDecl,
  InitConditionDecl,
  InterfaceDecl,
  InvariantDecl,
  LemmaDecl,
  MachineDecl,
  ModuleDecl,
  NodeId,
  OnDoItem,
  OnGotoItem,
  ParamDecl,
  Program,
  ProofDecl,
  ProveStep,
  PureDecl,
  SpecDecl,
  StateDecl,
  TestDecl,
} from "../ast/nodes.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Symbol } from "../names/symbols.ts";
import type { MachineRefType, Type } from "./types.ts";

/** A variable: machine variable, function parameter, local, or a variable bound by a quantifier. */
export interface VariableInfo {
  /** The node id of the identifier that declares it: a unique key. */
  readonly id: NodeId;
  readonly name: string;
  readonly type: Type;
  /**
   * machine: a machine (or spec) variable; param: a parameter of a function or handler;
   * local: a `var` of a function body; bound: a quantified variable (verification only);
   * result: the name given to a function's result by `return (x: T);` (contracts only).
   */
  readonly storage: "machine" | "param" | "local" | "bound" | "result";
  /**
   * Slot number: among the machine's variables; among the function's parameters followed by its
   * locals; among the binders of the quantifier; 0 for a result variable.
   */
  readonly index: number;
  /** The machine or spec (storage machine), function (param, local) or quantifier (bound) node id. */
  readonly ownerId: NodeId;
  readonly decl: Ident;
}

/**
 * A function with code: a named function (global or of a machine), an anonymous handler (entry,
 * exit, `on E do`, `with`), or the handler of a receive case. Foreign functions (declared without
 * a body) are listed too, with `body` undefined; they are reported as unsupported.
 */
export interface FunctionInfo {
  /** The FunDecl or AnonFunction node id. */
  readonly id: NodeId;
  /** The declared name; for anonymous functions a description such as `Init.entry` or `Init.on eReq`. */
  readonly name: string;
  readonly kind: "global" | "machine" | "handler" | "receive";
  /** The machine or spec a machine function or handler belongs to. */
  readonly machine: string | undefined;
  readonly decl: FunDecl | AnonFunction;
  readonly params: readonly VariableInfo[];
  /** The `var`s of the body, after the parameters in slot numbering. */
  readonly locals: readonly VariableInfo[];
  /** The declared return type (or the type of `return (x: T)`); VOID when it returns nothing. */
  readonly returnType: Type;
  /** The result variable named by `return (x: T);` for `ensures` clauses. */
  readonly result: VariableInfo | undefined;
  readonly body: Block | undefined;
  /** For a receive case: the function whose parameters and locals its code may also use. */
  readonly enclosing: FunctionInfo | undefined;
  /** Machine and interface names after `new` in this function's own code. */
  readonly creates: readonly string[];
  /** Named functions called directly by this function's own code. */
  readonly calls: readonly FunctionInfo[];
  /** Receive cases in this function's code (each a function of kind "receive"). */
  readonly receives: readonly FunctionInfo[];
}

/** `pure f(x: T): R (= e)?;` */
export interface PureInfo {
  readonly name: string;
  readonly decl: PureDecl;
  readonly params: readonly VariableInfo[];
  readonly returnType: Type;
  readonly body: Expr | undefined;
}

/** The handler of one event in one state. `fn` is undefined when a named function did not resolve. */
export type HandlerInfo =
  | { readonly kind: "do"; readonly event: string; readonly item: OnDoItem; readonly fn: FunctionInfo | undefined }
  | {
      readonly kind: "goto";
      readonly event: string;
      readonly item: OnGotoItem;
      readonly target: string;
      /** The `with` function, if any. */
      readonly fn: FunctionInfo | undefined;
    };

export interface StateInfo {
  readonly name: string;
  readonly machine: string;
  readonly decl: StateDecl;
  /** Position among the machine's states. */
  readonly index: number;
  readonly start: boolean;
  readonly temperature: "hot" | "cold" | undefined;
  readonly entry: FunctionInfo | undefined;
  readonly exit: FunctionInfo | undefined;
  /** The type of the entry function's parameter; undefined when the entry takes none. */
  readonly entryPayload: Type | undefined;
  /** Handlers by event name; `null` and `halt` for the special events. */
  readonly handlers: ReadonlyMap<string, HandlerInfo>;
  readonly deferred: readonly string[];
  readonly ignored: readonly string[];
}

/** A machine or a spec (monitor). */
export interface MachineInfo {
  readonly name: string;
  readonly kind: "machine" | "spec";
  readonly decl: MachineDecl | SpecDecl;
  /** The type of references to it (`machine` kind only; specs cannot be referred to). */
  readonly type: MachineRefType;
  readonly vars: readonly VariableInfo[];
  readonly functions: ReadonlyMap<string, FunctionInfo>;
  readonly states: ReadonlyMap<string, StateInfo>;
  readonly start: StateInfo | undefined;
  /** The payload `new` must pass: the start state's entry parameter type, if it takes one. */
  readonly startPayload: Type | undefined;
  /** Specs: the observed events (event sets expanded). Empty for machines. */
  readonly observes: readonly string[];
  /** The `receives` / `sends` lists (event sets expanded), when written. */
  readonly receives: readonly string[] | undefined;
  readonly sends: readonly string[] | undefined;
  /**
   * Machine and interface names this machine's code can create with `new`, directly or through
   * the global functions it calls (transitively).
   */
  readonly creates: readonly string[];
}

export interface EventInfo {
  readonly name: string;
  /** Undefined for the special events `halt` and `null`, which are listed too. */
  readonly decl: EventDecl | undefined;
  /** Undefined when the event carries no payload. */
  readonly payload: Type | undefined;
}

export interface EventSetInfo {
  readonly name: string;
  readonly decl: EventSetDecl;
  readonly events: readonly string[];
}

export interface EnumElementInfo {
  readonly name: string;
  readonly value: number;
  readonly decl: EnumElement;
}

export interface EnumInfo {
  readonly name: string;
  readonly decl: EnumDecl;
  /** In declaration order; values as written, or counting on from the previous one (first: 0). */
  readonly elements: readonly EnumElementInfo[];
}

export interface InterfaceInfo {
  readonly name: string;
  readonly decl: InterfaceDecl;
  /** The payload `new I(...)` passes; undefined when none. */
  readonly payload: Type | undefined;
  readonly receives: readonly string[] | undefined;
}

export interface GlobalParamInfo {
  readonly name: string;
  readonly decl: ParamDecl;
  readonly type: Type;
}

/** What a module expression denotes. */
export interface ModuleValue {
  /** The machines in the module (implementations), in order of appearance. */
  readonly machines: readonly string[];
  /**
   * Creation bindings: `new X` creates machine `bindings.get(X)`. `{A}` binds A to itself;
   * `{A -> I}` binds I to A.
   */
  readonly bindings: ReadonlyMap<string, string>;
  /** Specs asserted on the module (`assert S in M`). */
  readonly specs: readonly string[];
  readonly hiddenEvents: readonly string[];
  readonly hiddenInterfaces: readonly string[];
  /** Set by `main M in ...`. */
  readonly main: string | undefined;
}

export interface ModuleInfo {
  readonly name: string;
  readonly decl: ModuleDecl;
  readonly value: ModuleValue;
}

export interface TestParamInfo {
  readonly name: string;
  /** The global `param` assigned; undefined when it did not resolve. */
  readonly param: GlobalParamInfo | undefined;
  readonly values: readonly (number | boolean)[];
}

export interface TestInfo {
  readonly name: string;
  readonly decl: TestDecl;
  readonly main: string | undefined;
  readonly module: ModuleValue;
  /** `refines`: the abstraction, when written. */
  readonly refines: ModuleValue | undefined;
  readonly params: readonly TestParamInfo[];
  /** Boolean condition over the params; its names resolve to the params' symbols. */
  readonly assume: Expr | undefined;
  readonly wise: number | undefined;
}

export interface ImplementationInfo {
  readonly name: string;
  readonly decl: ImplementationDecl;
  readonly main: string | undefined;
  readonly module: ModuleValue;
}

export interface InvariantInfo {
  /** Undefined for an unnamed top-level invariant. */
  readonly name: string | undefined;
  readonly decl: InvariantDecl;
  /** The Lemma/Theorem group it belongs to, if any. */
  readonly lemma: string | undefined;
}

export interface LemmaInfo {
  readonly name: string;
  readonly decl: LemmaDecl;
  readonly keyword: "Lemma" | "Theorem";
  readonly invariants: readonly InvariantInfo[];
}

export type ProofTarget =
  | { readonly kind: "default" }
  | { readonly kind: "invariant"; readonly invariant: InvariantInfo }
  | { readonly kind: "lemma"; readonly lemma: LemmaInfo };

export interface ProofStepInfo {
  readonly decl: ProveStep;
  readonly targets: readonly ProofTarget[];
  readonly using: readonly ProofTarget[];
}

export interface ProofInfo {
  readonly name: string | undefined;
  readonly decl: ProofDecl;
  readonly steps: readonly ProofStepInfo[];
}

export interface CheckedProgram {
  readonly program: Program;

  // Side tables keyed by node id.
  /**
   * What each name occurrence refers to: Name expressions, the identifiers of calls, `new`, `goto`,
   * named types, `is`, `on ... goto` targets, handler function references, module expressions,
   * test mains and proof steps, the field identifier of a machine-variable read (`c.votes`), the
   * item of a `foreach`, and every EventRef.
   */
  readonly symbols: ReadonlyMap<NodeId, Symbol>;
  /** The type of every expression. */
  readonly exprTypes: ReadonlyMap<NodeId, Type>;
  /** The meaning of every type expression, aliases expanded. */
  readonly typeExprTypes: ReadonlyMap<NodeId, Type>;
  /** Every function with code (named and anonymous), by FunDecl or AnonFunction node id. */
  readonly functionsById: ReadonlyMap<NodeId, FunctionInfo>;

  // Declaration tables keyed by name.
  /** Type aliases, expanded. */
  readonly aliases: ReadonlyMap<string, Type>;
  readonly enums: ReadonlyMap<string, EnumInfo>;
  /** Declared events, then the special events `halt` and `null`. */
  readonly events: ReadonlyMap<string, EventInfo>;
  readonly eventSets: ReadonlyMap<string, EventSetInfo>;
  readonly interfaces: ReadonlyMap<string, InterfaceInfo>;
  /** Machines only. */
  readonly machines: ReadonlyMap<string, MachineInfo>;
  /** Specs (monitors) only. */
  readonly specs: ReadonlyMap<string, MachineInfo>;
  /** Global named functions. */
  readonly functions: ReadonlyMap<string, FunctionInfo>;
  readonly pures: ReadonlyMap<string, PureInfo>;
  readonly params: ReadonlyMap<string, GlobalParamInfo>;
  readonly modules: ReadonlyMap<string, ModuleInfo>;
  readonly tests: ReadonlyMap<string, TestInfo>;
  readonly implementations: ReadonlyMap<string, ImplementationInfo>;

  // Verification declarations, in declaration order.
  /** Top-level invariants (named or not); lemma members are in `lemmas`. */
  readonly invariants: readonly InvariantInfo[];
  readonly lemmas: ReadonlyMap<string, LemmaInfo>;
  readonly initConditions: readonly InitConditionDecl[];
  readonly axioms: readonly AxiomDecl[];
  readonly proofs: readonly ProofInfo[];
}

export interface CheckResult {
  readonly checked: CheckedProgram;
  readonly diagnostics: readonly Diagnostic[];
}
