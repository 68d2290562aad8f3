// The checker's working state: the diagnostics, the side tables being filled, the declaration
// tables being built, and the context in which a piece of code is checked (which machine, which
// function, which variables are in scope, whether verification expressions are allowed).
import type { AxiomDecl, InitConditionDecl, Node, NodeId, Program } from "../ast/nodes.ts";
import type { Code } from "../diagnostics/codes.ts";
import { DiagnosticBag, type RelatedInfo } from "../diagnostics/diagnostic.ts";
import type { Span } from "../diagnostics/source.ts";
import { GlobalTable, type Scope } from "../names/scopes.ts";
import type { Symbol } from "../names/symbols.ts";
import type {
  EnumInfo,
  EventInfo,
  EventSetInfo,
  FunctionInfo,
  GlobalParamInfo,
  ImplementationInfo,
  InterfaceInfo,
  InvariantInfo,
  LemmaInfo,
  MachineInfo,
  ModuleInfo,
  ProofInfo,
  PureInfo,
  StateInfo,
  TestInfo,
  VariableInfo,
} from "./program.ts";
import type { Type } from "./types.ts";

/** A FunctionInfo whose lists are still being filled. */
export interface FunctionBuilder extends FunctionInfo {
  readonly locals: VariableInfo[];
  readonly creates: string[];
  readonly calls: FunctionInfo[];
  readonly receives: FunctionInfo[];
}

/** A MachineInfo whose tables are still being filled. */
export interface MachineBuilder extends MachineInfo {
  readonly vars: VariableInfo[];
  readonly functions: Map<string, FunctionBuilder>;
  readonly states: Map<string, StateInfo>;
  start: StateInfo | undefined;
  startPayload: Type | undefined;
  creates: readonly string[];
  /** Names of the machine's variables and functions, for duplicate detection. */
  readonly memberSpans: Map<string, Span>;
  /**
   * The anonymous handlers of its states (and functions whose name was taken), whose bodies are
   * checked with the machine's.
   */
  readonly anonymous: FunctionBuilder[];
}

export class Checker {
  readonly program: Program;
  readonly diags = new DiagnosticBag();
  readonly globals = new GlobalTable();

  readonly symbols = new Map<NodeId, Symbol>();
  readonly exprTypes = new Map<NodeId, Type>();
  readonly typeExprTypes = new Map<NodeId, Type>();
  readonly functionsById = new Map<NodeId, FunctionBuilder>();

  readonly aliases = new Map<string, Type>();
  readonly enums = new Map<string, EnumInfo>();
  readonly events = new Map<string, EventInfo>();
  readonly eventSets = new Map<string, EventSetInfo>();
  readonly interfaces = new Map<string, InterfaceInfo>();
  /** Machines and specs together, while checking. */
  readonly machines = new Map<string, MachineBuilder>();
  readonly functions = new Map<string, FunctionBuilder>();
  readonly pures = new Map<string, PureInfo>();
  readonly params = new Map<string, GlobalParamInfo>();
  readonly modules = new Map<string, ModuleInfo>();
  readonly tests = new Map<string, TestInfo>();
  readonly implementations = new Map<string, ImplementationInfo>();
  readonly invariants: InvariantInfo[] = [];
  readonly lemmas = new Map<string, LemmaInfo>();
  readonly initConditions: InitConditionDecl[] = [];
  readonly axioms: AxiomDecl[] = [];
  readonly proofs: ProofInfo[] = [];

  /** Machines and global functions whose names were already taken: checked, but not listed. */
  readonly duplicateMachines: MachineBuilder[] = [];
  readonly duplicateFunctions: FunctionBuilder[] = [];

  /** Type aliases whose expansion is in progress (for cycle detection), in order. */
  readonly aliasStack: string[] = [];
  /** Type aliases found to refer to themselves: they mean the error type. */
  readonly cyclicAliases = new Set<string>();
  /** Named modules whose evaluation is in progress (for cycle detection). */
  readonly modulesInProgress = new Set<string>();

  constructor(program: Program) {
    this.program = program;
  }

  report(code: Code, span: Span, args: readonly (string | number)[] = [], related: readonly RelatedInfo[] = []): void {
    this.diags.report(code, span, args, related);
  }

  bind(node: { readonly id: NodeId }, symbol: Symbol): void {
    this.symbols.set(node.id, symbol);
  }

  setType(node: Node, type: Type): Type {
    this.exprTypes.set(node.id, type);
    return type;
  }
}

/** Where a piece of code is checked. Immutable: nested constructs derive a new context. */
export interface BodyContext {
  readonly checker: Checker;
  /** Variables in scope (parameters, locals, quantified variables). */
  readonly scope: Scope;
  /** The machine or spec whose code this is; undefined in global functions and declarations. */
  readonly machine: MachineBuilder | undefined;
  /** The function whose code this is; undefined in invariants and other verification declarations. */
  readonly fn: FunctionBuilder | undefined;
  /** Quantifiers, `is`, `targets`, `inflight`, `sent`, `==>`, machine-variable reads are allowed. */
  readonly verification: boolean;
  /** `forall new` is allowed (loop invariants). */
  readonly loopInvariant: boolean;
  /** Number of loops around this statement (for break and continue). */
  readonly loops: number;
  /** The type of `this`; undefined where `this` means nothing (specs, declarations). */
  readonly thisType: Type | undefined;
}

/** Whether the code is a spec's: specs may not send, create, receive, or choose. */
export function inSpec(ctx: BodyContext): boolean {
  return ctx.machine?.kind === "spec";
}
