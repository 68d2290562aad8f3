// The machine IR: what the explorer compiles to step functions and the prover encodes for Z3. It
// is flat and resolved: every name is an index (event, machine, state, function, variable slot),
// named-tuple fields are positions, event sets are expanded, and every expression carries its
// type. Nothing here refers back to AST nodes except through spans, for messages and traces.
import type { Span } from "../diagnostics/source.ts";
import type { Type } from "../types/types.ts";

/** Index into ModelIR.events. 0 is the special `null` event, 1 is `halt`. */
export type EventId = number;
/** Index into ModelIR.machines (machines first, then specs). */
export type MachineId = number;
/** Index into ModelIR.functions. */
export type FunctionId = number;
/** Index into MachineIR.states. */
export type StateIndex = number;

export const NULL_EVENT: EventId = 0;
export const HALT_EVENT: EventId = 1;

export interface ModelIR {
  readonly events: readonly EventIR[];
  readonly enums: readonly EnumIR[];
  readonly machines: readonly MachineIR[];
  /** Every function with code: global, machine-local, anonymous handlers and receive cases. */
  readonly functions: readonly FunctionIR[];
  readonly params: readonly GlobalParamIR[];
  readonly interfaces: readonly InterfaceIR[];
  readonly tests: readonly TestIR[];
  /** Verification declarations, with their conditions lowered like any expression. */
  readonly invariants: readonly InvariantIR[];
  readonly initConditions: readonly ExprIR[];
  readonly axioms: readonly ExprIR[];
  readonly pures: readonly PureIR[];
}

export interface EventIR {
  readonly id: EventId;
  readonly name: string;
  /** Undefined when the event carries no payload. */
  readonly payload: Type | undefined;
}

export interface EnumIR {
  readonly name: string;
  readonly elements: readonly { readonly name: string; readonly value: number }[];
}

export interface GlobalParamIR {
  readonly index: number;
  readonly name: string;
  readonly type: Type;
}

export interface InterfaceIR {
  readonly name: string;
  readonly payload: Type | undefined;
}

export interface VariableIR {
  readonly name: string;
  readonly type: Type;
}

export interface MachineIR {
  readonly id: MachineId;
  readonly name: string;
  readonly kind: "machine" | "spec";
  /** Machine variables, by slot. */
  readonly vars: readonly VariableIR[];
  readonly states: readonly StateIR[];
  readonly start: StateIndex;
  /** Specs: the events observed (sorted ids). Empty for machines. */
  readonly observes: readonly EventId[];
  readonly span: Span;
}

export type HandlerIR =
  | { readonly kind: "do"; readonly fn: FunctionId }
  | { readonly kind: "goto"; readonly target: StateIndex; readonly fn: FunctionId | undefined };

export interface StateIR {
  readonly index: StateIndex;
  readonly name: string;
  readonly temperature: "hot" | "cold" | undefined;
  readonly entry: FunctionId | undefined;
  readonly exit: FunctionId | undefined;
  /** Handlers by event id (sparse: undefined where the state has none). */
  readonly handlers: readonly (HandlerIR | undefined)[];
  /** Sorted event ids. */
  readonly deferred: readonly EventId[];
  readonly ignored: readonly EventId[];
  readonly span: Span;
}

export interface FunctionIR {
  readonly id: FunctionId;
  /** e.g. `Client.SendRequest`, `Client.Init.entry`, `Client.Wait.on eResp`, `Broadcast`. */
  readonly name: string;
  readonly kind: "global" | "machine" | "handler" | "receive";
  /** The machine whose variables the code reads and writes; undefined for global functions. */
  readonly machine: MachineId | undefined;
  /** Parameters then locals: slots 0..params-1 are parameters. */
  readonly locals: readonly VariableIR[];
  readonly paramCount: number;
  /** Undefined when the function returns nothing. */
  readonly returnType: Type | undefined;
  readonly body: readonly StmtIR[];
  /**
   * For a receive case: the function in which it is written. Its code reads and writes that
   * function's locals through `outer` references.
   */
  readonly enclosing: FunctionId | undefined;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Expressions. Every expression has its type; `span` points at the source for runtime errors.

interface ExprBase {
  readonly type: Type;
  readonly span: Span;
}

/** A constant: ints, floats, bools, strings, enum elements (their int value), events (their id), null. */
export interface ConstIR extends ExprBase {
  readonly k: "const";
  readonly value: number | boolean | string | null;
}
/** A parameter or local of the running function (depth 0) or of an enclosing one (receive cases). */
export interface LocalIR extends ExprBase {
  readonly k: "local";
  readonly slot: number;
  /** 0: this function; 1: the function enclosing a receive case; ... */
  readonly depth: number;
}
/** A variable of the running machine. */
export interface VarIR extends ExprBase {
  readonly k: "var";
  readonly slot: number;
}
export interface ParamRefIR extends ExprBase {
  readonly k: "param";
  readonly index: number;
}
export interface ThisIR extends ExprBase {
  readonly k: "this";
}
export interface NondetIR extends ExprBase {
  readonly k: "nondet";
  readonly fair: boolean;
}
/** Tuples and named tuples alike: fields by position. */
export interface TupleIR extends ExprBase {
  readonly k: "tuple";
  readonly elements: readonly ExprIR[];
}
/** Field `index` of a tuple or named tuple. */
export interface GetIR extends ExprBase {
  readonly k: "get";
  readonly target: ExprIR;
  readonly index: number;
}
/** `c[i]`: seq element, set element by position, or map value (missing key is a runtime error). */
export interface IndexIR extends ExprBase {
  readonly k: "index";
  readonly collection: "seq" | "set" | "map";
  readonly target: ExprIR;
  readonly key: ExprIR;
}
export interface CollectionOpIR extends ExprBase {
  readonly k: "keys" | "values" | "sizeof";
  readonly operand: ExprIR;
}
export interface DefaultIR extends ExprBase {
  readonly k: "default";
}
/** Creates a machine. `machine` is the name written: a machine or an interface, bound by the test. */
export interface NewIR extends ExprBase {
  readonly k: "new";
  readonly machine: string;
  readonly payload: ExprIR | undefined;
}
export interface CallIR extends ExprBase {
  readonly k: "call";
  readonly fn: FunctionId;
  readonly args: readonly ExprIR[];
}
export interface UnaryIR extends ExprBase {
  readonly k: "unary";
  readonly op: "-" | "!";
  readonly operand: ExprIR;
}
export type BinaryOpIR =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "<"
  | "<="
  | ">"
  | ">="
  | "=="
  | "!="
  | "&&"
  | "||"
  | "==>"
  | "<==>";
export interface BinaryIR extends ExprBase {
  readonly k: "binary";
  readonly op: BinaryOpIR;
  readonly left: ExprIR;
  readonly right: ExprIR;
}
/** `e in c`: element of a seq or set, key of a map. */
export interface InIR extends ExprBase {
  readonly k: "in";
  readonly collection: "seq" | "set" | "map";
  readonly element: ExprIR;
  readonly target: ExprIR;
}
/** `e as T`: a checked downcast (failure is a runtime error); `e to T`: a coercion. */
export interface CastIR extends ExprBase {
  readonly k: "cast" | "coerce";
  readonly operand: ExprIR;
}
/** `choose()`, `choose(n)`, `choose(c)`: branches the search over every possible value. */
export interface ChooseIR extends ExprBase {
  readonly k: "choose";
  readonly from: "bool" | "int" | "seq" | "set" | "map";
  readonly operand: ExprIR | undefined;
}
export interface FormatIR extends ExprBase {
  readonly k: "format";
  readonly format: string;
  readonly args: readonly ExprIR[];
}

// Verification-only expressions.

export interface QuantifierIR extends ExprBase {
  readonly k: "forall" | "exists";
  readonly overNew: boolean;
  /** Bound variables; referenced by `bound` expressions with their position here. */
  readonly binders: readonly VariableIR[];
  readonly body: ExprIR;
}
export interface BoundIR extends ExprBase {
  readonly k: "bound";
  /** Quantifiers out from the innermost (0), and the binder's position in it. */
  readonly depth: number;
  readonly index: number;
}
/** A machine variable of the machine denoted by `target` (`c.yesVotes` for a quantified `c: Coordinator`). */
export interface MachineVarIR extends ExprBase {
  readonly k: "machineVar";
  readonly target: ExprIR;
  readonly machine: MachineId;
  readonly slot: number;
}
/** `e is X`: `test` says which test it is. */
export interface IsIR extends ExprBase {
  readonly k: "is";
  readonly operand: ExprIR;
  readonly test:
    | { readonly kind: "event"; readonly event: EventId }
    | { readonly kind: "machine"; readonly machine: MachineId }
    | { readonly kind: "state"; readonly machine: MachineId; readonly state: StateIndex };
}
export interface TargetsIR extends ExprBase {
  readonly k: "targets";
  readonly message: ExprIR;
  readonly machine: ExprIR;
}
export interface MessagePredicateIR extends ExprBase {
  readonly k: "inflight" | "sent";
  readonly message: ExprIR;
}
/** A call of a pure function (verification). */
export interface PureCallIR extends ExprBase {
  readonly k: "pure";
  readonly name: string;
  readonly args: readonly ExprIR[];
}
/** The payload of a message bound by a quantifier over an event type (`e.source` for `e: eYes`). */
export interface PayloadIR extends ExprBase {
  readonly k: "payload";
  readonly message: ExprIR;
}

export type ExprIR =
  | ConstIR
  | LocalIR
  | VarIR
  | ParamRefIR
  | ThisIR
  | NondetIR
  | TupleIR
  | GetIR
  | IndexIR
  | CollectionOpIR
  | DefaultIR
  | NewIR
  | CallIR
  | UnaryIR
  | BinaryIR
  | InIR
  | CastIR
  | ChooseIR
  | FormatIR
  | QuantifierIR
  | BoundIR
  | MachineVarIR
  | IsIR
  | TargetsIR
  | MessagePredicateIR
  | PureCallIR
  | PayloadIR;

// ---------------------------------------------------------------------------------------------
// Statements

/** An assignable location: a variable, a local, and fields or elements inside them. */
export type LValueIR =
  | { readonly k: "local"; readonly slot: number; readonly depth: number; readonly type: Type }
  | { readonly k: "var"; readonly slot: number; readonly type: Type }
  | { readonly k: "get"; readonly target: LValueIR; readonly index: number; readonly type: Type }
  | {
      readonly k: "index";
      readonly collection: "seq" | "map";
      readonly target: LValueIR;
      readonly key: ExprIR;
      readonly type: Type;
    };

interface StmtBase {
  readonly span: Span;
}

export type StmtIR =
  | (StmtBase & { readonly k: "assign"; readonly target: LValueIR; readonly value: ExprIR })
  /** seq: insert `value` at index `key`; map: set `key` to `value` (fails if present); set: add `value`. */
  | (StmtBase & {
      readonly k: "insert";
      readonly collection: "seq" | "set" | "map";
      readonly target: LValueIR;
      readonly key: ExprIR | undefined;
      readonly value: ExprIR;
    })
  /** seq: remove at index; map: remove key; set: remove element. */
  | (StmtBase & {
      readonly k: "remove";
      readonly collection: "seq" | "set" | "map";
      readonly target: LValueIR;
      readonly key: ExprIR;
    })
  /** An expression evaluated for its effects: a call or `new` written as a statement. */
  | (StmtBase & { readonly k: "eval"; readonly expr: ExprIR })
  | (StmtBase & { readonly k: "assert"; readonly condition: ExprIR; readonly message: ExprIR | undefined })
  | (StmtBase & { readonly k: "print"; readonly message: ExprIR })
  | (StmtBase & { readonly k: "return"; readonly value: ExprIR | undefined })
  | (StmtBase & { readonly k: "break" })
  | (StmtBase & { readonly k: "continue" })
  | (StmtBase & {
      readonly k: "while";
      readonly condition: ExprIR;
      readonly body: readonly StmtIR[];
      readonly invariants: readonly ExprIR[];
    })
  /** Iterates over a snapshot of the collection (seq/set elements, map keys), assigning `item`. */
  | (StmtBase & {
      readonly k: "foreach";
      readonly collection: "seq" | "set" | "map";
      readonly item: LValueIR;
      readonly source: ExprIR;
      readonly body: readonly StmtIR[];
      readonly invariants: readonly ExprIR[];
    })
  | (StmtBase & {
      readonly k: "if";
      readonly condition: ExprIR;
      readonly then: readonly StmtIR[];
      readonly else: readonly StmtIR[];
    })
  | (StmtBase & { readonly k: "raise"; readonly event: ExprIR; readonly payload: ExprIR | undefined })
  | (StmtBase & {
      readonly k: "send";
      readonly target: ExprIR;
      readonly event: ExprIR;
      readonly payload: ExprIR | undefined;
    })
  | (StmtBase & { readonly k: "announce"; readonly event: ExprIR; readonly payload: ExprIR | undefined })
  | (StmtBase & { readonly k: "goto"; readonly state: StateIndex; readonly payload: ExprIR | undefined })
  | (StmtBase & {
      readonly k: "receive";
      readonly cases: readonly { readonly events: readonly EventId[]; readonly fn: FunctionId }[];
    });

// ---------------------------------------------------------------------------------------------
// Tests and verification

/** One configuration of a test: parametric tests expand into one per assignment of their params. */
export interface TestIR {
  /** `tc`, or `tc(n=2,b=true)` for one configuration of a parametric test. */
  readonly name: string;
  /** The declared test name. */
  readonly test: string;
  readonly main: MachineId;
  /** Machines in the closed module. */
  readonly machines: readonly MachineId[];
  /** Specs asserted on it. */
  readonly specs: readonly MachineId[];
  /** `new X` creates machine `bindings[X]`. */
  readonly bindings: Readonly<Record<string, MachineId>>;
  /** Values of the global params, by GlobalParamIR index (undefined: not assigned, the type's default). */
  readonly paramValues: readonly (number | boolean | undefined)[];
  readonly span: Span;
}

export interface InvariantIR {
  /** `name`, or `Lemma.name` for a member of a lemma; `invariant@line` when unnamed. */
  readonly name: string;
  readonly lemma: string | undefined;
  readonly condition: ExprIR;
  readonly span: Span;
}

export interface PureIR {
  readonly name: string;
  readonly params: readonly VariableIR[];
  readonly returnType: Type;
  /** Undefined for an uninterpreted function. */
  readonly body: ExprIR | undefined;
}
