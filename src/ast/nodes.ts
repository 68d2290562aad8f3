// The abstract syntax tree of Pith's P dialect. Nodes are plain immutable records discriminated by
// `kind`; every node has a program-unique `id` (side tables of later phases are keyed by it) and a
// `span`. The tree is never mutated after parsing.
import type { Span } from "../diagnostics/source.ts";

export type NodeId = number;

interface Base {
  readonly id: NodeId;
  readonly span: Span;
}

/** An identifier occurrence: a name together with where it was written. */
export interface Ident extends Base {
  readonly kind: "Ident";
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------
// Types

export type PrimitiveTypeName = "int" | "bool" | "float" | "string" | "event" | "machine" | "data" | "any";

export interface PrimitiveTypeExpr extends Base {
  readonly kind: "PrimitiveType";
  readonly name: PrimitiveTypeName;
}
export interface SeqTypeExpr extends Base {
  readonly kind: "SeqType";
  readonly element: TypeExpr;
}
export interface SetTypeExpr extends Base {
  readonly kind: "SetType";
  readonly element: TypeExpr;
}
export interface MapTypeExpr extends Base {
  readonly kind: "MapType";
  readonly key: TypeExpr;
  readonly value: TypeExpr;
}
export interface TupleTypeExpr extends Base {
  readonly kind: "TupleType";
  readonly elements: readonly TypeExpr[];
}
export interface NamedTupleTypeField {
  readonly name: Ident;
  readonly type: TypeExpr;
}
export interface NamedTupleTypeExpr extends Base {
  readonly kind: "NamedTupleType";
  readonly fields: readonly NamedTupleTypeField[];
}
/** A type alias, enum, machine, interface or foreign type, by name. */
export interface NamedTypeExpr extends Base {
  readonly kind: "NamedType";
  readonly name: Ident;
}

export type TypeExpr =
  | PrimitiveTypeExpr
  | SeqTypeExpr
  | SetTypeExpr
  | MapTypeExpr
  | TupleTypeExpr
  | NamedTupleTypeExpr
  | NamedTypeExpr;

// ---------------------------------------------------------------------------------------------
// Expressions

export type BinaryOp =
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
  | "in"
  | "==>"
  | "<==>";

export interface NameExpr extends Base {
  readonly kind: "Name";
  readonly name: string;
}
export interface IntLiteral extends Base {
  readonly kind: "IntLit";
  readonly value: number;
}
export interface FloatLiteral extends Base {
  readonly kind: "FloatLit";
  readonly value: number;
  /** The literal as written, for printing. */
  readonly text: string;
}
export interface BoolLiteral extends Base {
  readonly kind: "BoolLit";
  readonly value: boolean;
}
export interface StringLiteral extends Base {
  readonly kind: "StringLit";
  /** The string's value, escapes decoded. */
  readonly value: string;
}
export interface NullLiteral extends Base {
  readonly kind: "NullLit";
}
export interface ThisExpr extends Base {
  readonly kind: "This";
}
/** `halt` used as a value: the special halt event. */
export interface HaltExpr extends Base {
  readonly kind: "Halt";
}
/** `$` (fair: false) or `$$` (fair: true): a nondeterministic boolean. */
export interface NondetExpr extends Base {
  readonly kind: "Nondet";
  readonly fair: boolean;
}
export interface TupleExpr extends Base {
  readonly kind: "Tuple";
  readonly elements: readonly Expr[];
}
export interface NamedTupleField {
  readonly name: Ident;
  readonly value: Expr;
}
export interface NamedTupleExpr extends Base {
  readonly kind: "NamedTuple";
  readonly fields: readonly NamedTupleField[];
}
/** `e.name` */
export interface FieldExpr extends Base {
  readonly kind: "Field";
  readonly target: Expr;
  readonly field: Ident;
}
/** `e.0` */
export interface TupleIndexExpr extends Base {
  readonly kind: "TupleIndex";
  readonly target: Expr;
  readonly index: number;
}
/** `e[i]` */
export interface IndexExpr extends Base {
  readonly kind: "Index";
  readonly target: Expr;
  readonly index: Expr;
}
/** `keys(e)`, `values(e)`, `sizeof(e)` */
export interface CollectionOpExpr extends Base {
  readonly kind: "CollectionOp";
  readonly op: "keys" | "values" | "sizeof";
  readonly operand: Expr;
}
/** `default(T)` */
export interface DefaultExpr extends Base {
  readonly kind: "Default";
  readonly type: TypeExpr;
}
/** `new M(args)` as an expression; several arguments form a tuple payload. */
export interface NewExpr extends Base {
  readonly kind: "New";
  readonly machine: Ident;
  readonly args: readonly Expr[];
}
/** `f(args)` */
export interface CallExpr extends Base {
  readonly kind: "Call";
  readonly callee: Ident;
  readonly args: readonly Expr[];
}
export interface UnaryExpr extends Base {
  readonly kind: "Unary";
  readonly op: "-" | "!";
  readonly operand: Expr;
}
export interface BinaryExpr extends Base {
  readonly kind: "Binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}
/** `e as T` (checked downcast) or `e to T` (coercion: float or enum to int, int to float or enum). */
export interface CastExpr extends Base {
  readonly kind: "Cast";
  readonly op: "as" | "to";
  readonly operand: Expr;
  readonly type: TypeExpr;
}
/** `choose()`, `choose(n)`, `choose(collection)` */
export interface ChooseExpr extends Base {
  readonly kind: "Choose";
  readonly operand: Expr | undefined;
}
/** `format("... {0} ...", args)` */
export interface FormatExpr extends Base {
  readonly kind: "Format";
  readonly format: StringLiteral;
  readonly args: readonly Expr[];
}

// Verification-only expressions (PVerifier syntax).

export interface Binder {
  readonly name: Ident;
  readonly type: TypeExpr;
}
/** `forall (x: T, ...) :: body`, `exists ...`; `forall new (e: event) :: ...` in loop invariants. */
export interface QuantifierExpr extends Base {
  readonly kind: "Quantifier";
  readonly quantifier: "forall" | "exists";
  readonly overNew: boolean;
  readonly binders: readonly Binder[];
  readonly body: Expr;
}
/** `e is Name`: an event of that event type, a machine of that machine type, or a machine in that state. */
export interface IsExpr extends Base {
  readonly kind: "Is";
  readonly operand: Expr;
  readonly name: Ident;
}
/** `e targets m`: the message e is addressed to machine m. */
export interface TargetsExpr extends Base {
  readonly kind: "Targets";
  readonly message: Expr;
  readonly machine: Expr;
}
/** `inflight e` / `sent e` */
export interface MessagePredicateExpr extends Base {
  readonly kind: "MessagePredicate";
  readonly predicate: "inflight" | "sent";
  readonly message: Expr;
}

export type Expr =
  | NameExpr
  | IntLiteral
  | FloatLiteral
  | BoolLiteral
  | StringLiteral
  | NullLiteral
  | ThisExpr
  | HaltExpr
  | NondetExpr
  | TupleExpr
  | NamedTupleExpr
  | FieldExpr
  | TupleIndexExpr
  | IndexExpr
  | CollectionOpExpr
  | DefaultExpr
  | NewExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | CastExpr
  | ChooseExpr
  | FormatExpr
  | QuantifierExpr
  | IsExpr
  | TargetsExpr
  | MessagePredicateExpr;

// ---------------------------------------------------------------------------------------------
// Statements

export interface VarDecl extends Base {
  readonly kind: "VarDecl";
  readonly names: readonly Ident[];
  readonly type: TypeExpr;
}

/** `{ var ...; stmt ... }`: a function body (vars allowed) or a compound statement (vars empty). */
export interface Block extends Base {
  readonly kind: "Block";
  readonly vars: readonly VarDecl[];
  readonly statements: readonly Stmt[];
}
export interface AssertStmt extends Base {
  readonly kind: "Assert";
  readonly condition: Expr;
  readonly message: Expr | undefined;
}
export interface PrintStmt extends Base {
  readonly kind: "Print";
  readonly message: Expr;
}
export interface ReturnStmt extends Base {
  readonly kind: "Return";
  readonly value: Expr | undefined;
}
export interface BreakStmt extends Base {
  readonly kind: "Break";
}
export interface ContinueStmt extends Base {
  readonly kind: "Continue";
}
/** `lvalue = value;` where target is a Name, Field, TupleIndex or Index expression. */
export interface AssignStmt extends Base {
  readonly kind: "Assign";
  readonly target: Expr;
  readonly value: Expr;
}
/** `lvalue += (key, value);` (seq insert at index, map insert) or `lvalue += (value);` (set add). */
export interface InsertStmt extends Base {
  readonly kind: "Insert";
  readonly target: Expr;
  readonly key: Expr | undefined;
  readonly value: Expr;
}
/** `lvalue -= key;` (seq index, map key or set element) */
export interface RemoveStmt extends Base {
  readonly kind: "Remove";
  readonly target: Expr;
  readonly key: Expr;
}
/** A loop invariant `invariant e;` written between a loop header and its body (PVerifier). */
export interface LoopInvariant extends Base {
  readonly kind: "LoopInvariant";
  readonly condition: Expr;
}
export interface WhileStmt extends Base {
  readonly kind: "While";
  readonly condition: Expr;
  readonly invariants: readonly LoopInvariant[];
  readonly body: Stmt;
}
export interface ForeachStmt extends Base {
  readonly kind: "Foreach";
  readonly item: Ident;
  readonly collection: Expr;
  readonly invariants: readonly LoopInvariant[];
  readonly body: Stmt;
}
export interface IfStmt extends Base {
  readonly kind: "If";
  readonly condition: Expr;
  readonly then: Stmt;
  readonly else: Stmt | undefined;
}
export interface NewStmt extends Base {
  readonly kind: "NewStmt";
  readonly machine: Ident;
  readonly args: readonly Expr[];
}
export interface CallStmt extends Base {
  readonly kind: "CallStmt";
  readonly callee: Ident;
  readonly args: readonly Expr[];
}
/** `raise e(, payload...)?;` */
export interface RaiseStmt extends Base {
  readonly kind: "Raise";
  readonly event: Expr;
  readonly args: readonly Expr[];
}
/** `send target, e(, payload...)?;` */
export interface SendStmt extends Base {
  readonly kind: "Send";
  readonly target: Expr;
  readonly event: Expr;
  readonly args: readonly Expr[];
}
export interface AnnounceStmt extends Base {
  readonly kind: "Announce";
  readonly event: Expr;
  readonly args: readonly Expr[];
}
export interface GotoStmt extends Base {
  readonly kind: "Goto";
  readonly state: Ident;
  readonly args: readonly Expr[];
}
export interface ReceiveCase extends Base {
  readonly kind: "ReceiveCase";
  readonly events: readonly EventRef[];
  readonly handler: AnonFunction;
}
export interface ReceiveStmt extends Base {
  readonly kind: "Receive";
  readonly cases: readonly ReceiveCase[];
}
export interface EmptyStmt extends Base {
  readonly kind: "Empty";
}

export type Stmt =
  | Block
  | AssertStmt
  | PrintStmt
  | ReturnStmt
  | BreakStmt
  | ContinueStmt
  | AssignStmt
  | InsertStmt
  | RemoveStmt
  | WhileStmt
  | ForeachStmt
  | IfStmt
  | NewStmt
  | CallStmt
  | RaiseStmt
  | SendStmt
  | AnnounceStmt
  | GotoStmt
  | ReceiveStmt
  | EmptyStmt;

// ---------------------------------------------------------------------------------------------
// Functions, states and machines

export interface Param extends Base {
  readonly kind: "Param";
  readonly name: Ident;
  readonly type: TypeExpr;
}

/**
 * An anonymous function: entry/exit/handler bodies and receive cases. P allows at most one
 * parameter; the parser accepts several so that the checker can say so clearly.
 */
export interface AnonFunction extends Base {
  readonly kind: "AnonFunction";
  readonly params: readonly Param[];
  readonly body: Block;
}
/** A handler given by the name of a function: `entry Init;`, `on E do Handle;`. */
export interface FunctionRef extends Base {
  readonly kind: "FunctionRef";
  readonly name: Ident;
}
export type HandlerFunction = AnonFunction | FunctionRef;

/** A reference to an event in an event list; `null` and `halt` are the special events. */
export interface EventRef extends Base {
  readonly kind: "EventRef";
  readonly name: string;
}

/** PVerifier function contracts: `requires e;`, `ensures e;`, `return (x: T);` */
export interface FunctionContract extends Base {
  readonly kind: "FunctionContract";
  readonly clause: "requires" | "ensures";
  readonly condition: Expr;
}

export interface FunDecl extends Base {
  readonly kind: "FunDecl";
  readonly name: Ident;
  readonly params: readonly Param[];
  readonly returnType: TypeExpr | undefined;
  /** Undefined for a foreign function (declared without a body). */
  readonly body: Block | undefined;
  /** `creates I` on a foreign function. */
  readonly creates: Ident | undefined;
  readonly contracts: readonly FunctionContract[];
  /** `return (x: T);` naming the result for contracts. */
  readonly resultName: Param | undefined;
}

export interface EntryItem extends Base {
  readonly kind: "Entry";
  readonly handler: HandlerFunction;
}
export interface ExitItem extends Base {
  readonly kind: "Exit";
  readonly handler: HandlerFunction;
}
export interface DeferItem extends Base {
  readonly kind: "Defer";
  readonly events: readonly EventRef[];
}
export interface IgnoreItem extends Base {
  readonly kind: "Ignore";
  readonly events: readonly EventRef[];
}
export interface OnDoItem extends Base {
  readonly kind: "OnDo";
  readonly events: readonly EventRef[];
  readonly handler: HandlerFunction;
}
export interface OnGotoItem extends Base {
  readonly kind: "OnGoto";
  readonly events: readonly EventRef[];
  readonly target: Ident;
  /** The `with` function, run after the exit function and before the target's entry. */
  readonly handler: HandlerFunction | undefined;
}
export type StateItem = EntryItem | ExitItem | DeferItem | IgnoreItem | OnDoItem | OnGotoItem;

export interface StateDecl extends Base {
  readonly kind: "StateDecl";
  readonly name: Ident;
  readonly start: boolean;
  readonly temperature: "hot" | "cold" | undefined;
  readonly items: readonly StateItem[];
}

export type MachineMember = VarDecl | FunDecl | StateDecl;

export interface MachineDecl extends Base {
  readonly kind: "MachineDecl";
  readonly name: Ident;
  readonly receives: readonly EventRef[] | undefined;
  readonly sends: readonly EventRef[] | undefined;
  readonly members: readonly MachineMember[];
}

/** `spec Name observes e1, e2 { ... }`: a monitor. */
export interface SpecDecl extends Base {
  readonly kind: "SpecDecl";
  readonly name: Ident;
  readonly observes: readonly EventRef[];
  readonly members: readonly MachineMember[];
}

// ---------------------------------------------------------------------------------------------
// Top-level declarations

/** `type T = ...;`, or `type T;` (a foreign type: type undefined). */
export interface TypeDefDecl extends Base {
  readonly kind: "TypeDef";
  readonly name: Ident;
  readonly type: TypeExpr | undefined;
}
export interface EnumElement extends Base {
  readonly kind: "EnumElement";
  readonly name: Ident;
  /** The written value, or undefined when the enum lists names only. */
  readonly value: number | undefined;
}
export interface EnumDecl extends Base {
  readonly kind: "EnumDecl";
  readonly name: Ident;
  readonly elements: readonly EnumElement[];
}
export interface EventDecl extends Base {
  readonly kind: "EventDecl";
  readonly name: Ident;
  readonly payload: TypeExpr | undefined;
}
export interface EventSetDecl extends Base {
  readonly kind: "EventSetDecl";
  readonly name: Ident;
  readonly events: readonly EventRef[];
}
/** `interface I(T) receives e1, e2;` */
export interface InterfaceDecl extends Base {
  readonly kind: "InterfaceDecl";
  readonly name: Ident;
  readonly payload: TypeExpr | undefined;
  readonly receives: readonly EventRef[] | undefined;
}
/** `param n : int;`: a global parameter that parametric tests assign. */
export interface ParamDecl extends Base {
  readonly kind: "ParamDecl";
  readonly name: Ident;
  readonly type: TypeExpr;
}

// Module expressions.

export interface ModuleBinding extends Base {
  readonly kind: "ModuleBinding";
  /** The machine that implements. */
  readonly machine: Ident;
  /** `machine -> iface`: creating `iface` creates `machine`. */
  readonly iface: Ident | undefined;
}
export interface PrimitiveModule extends Base {
  readonly kind: "PrimitiveModule";
  readonly bindings: readonly ModuleBinding[];
}
export interface NamedModuleRef extends Base {
  readonly kind: "NamedModuleRef";
  readonly name: Ident;
}
export interface ComposeModule extends Base {
  readonly kind: "ComposeModule";
  readonly modules: readonly ModuleExpr[];
}
export interface UnionModule extends Base {
  readonly kind: "UnionModule";
  readonly modules: readonly ModuleExpr[];
}
export interface HideEventsModule extends Base {
  readonly kind: "HideEventsModule";
  readonly events: readonly EventRef[];
  readonly module: ModuleExpr;
}
export interface HideInterfacesModule extends Base {
  readonly kind: "HideInterfacesModule";
  readonly interfaces: readonly Ident[];
  readonly module: ModuleExpr;
}
/** `assert Spec1, Spec2 in M` */
export interface AssertModule extends Base {
  readonly kind: "AssertModule";
  readonly specs: readonly Ident[];
  readonly module: ModuleExpr;
}
export interface RenameModule extends Base {
  readonly kind: "RenameModule";
  readonly from: Ident;
  readonly to: Ident;
  readonly module: ModuleExpr;
}
export interface MainModule extends Base {
  readonly kind: "MainModule";
  readonly machine: Ident;
  readonly module: ModuleExpr;
}
export type ModuleExpr =
  | PrimitiveModule
  | NamedModuleRef
  | ComposeModule
  | UnionModule
  | HideEventsModule
  | HideInterfacesModule
  | AssertModule
  | RenameModule
  | MainModule;

export interface ModuleDecl extends Base {
  readonly kind: "ModuleDecl";
  readonly name: Ident;
  readonly module: ModuleExpr;
}

/** `x in [1, 2, 3]` in a parametric test. */
export interface TestParam extends Base {
  readonly kind: "TestParam";
  readonly name: Ident;
  readonly values: readonly (IntLiteral | BoolLiteral)[];
}

/**
 * `test name [main=M]: module;`, `test param (...) assume (...) (2 wise) name [main=M]: module;`,
 * and `test name [main=M]: module refines module;`.
 */
export interface TestDecl extends Base {
  readonly kind: "TestDecl";
  readonly name: Ident;
  readonly params: readonly TestParam[];
  readonly assume: Expr | undefined;
  /** `(N wise)` combinatorial coverage instead of the full product. */
  readonly wise: number | undefined;
  readonly main: Ident | undefined;
  readonly module: ModuleExpr;
  readonly refines: ModuleExpr | undefined;
}

/** `implementation name [main=M]: module;` */
export interface ImplementationDecl extends Base {
  readonly kind: "ImplementationDecl";
  readonly name: Ident;
  readonly main: Ident | undefined;
  readonly module: ModuleExpr;
}

// Verification declarations (PVerifier syntax).

/** `invariant name: e;` (the name is optional at top level). */
export interface InvariantDecl extends Base {
  readonly kind: "InvariantDecl";
  readonly name: Ident | undefined;
  readonly condition: Expr;
}
/** `init-condition e;` */
export interface InitConditionDecl extends Base {
  readonly kind: "InitConditionDecl";
  readonly condition: Expr;
}
/** `axiom e;` */
export interface AxiomDecl extends Base {
  readonly kind: "AxiomDecl";
  readonly condition: Expr;
}
/** `pure f(x: T): R;` (uninterpreted) or `pure f(x: T): R = e;` */
export interface PureDecl extends Base {
  readonly kind: "PureDecl";
  readonly name: Ident;
  readonly params: readonly Param[];
  readonly returnType: TypeExpr;
  readonly body: Expr | undefined;
}
/** `Lemma name { invariant ...; }` or `Theorem name { invariant ...; }` */
export interface LemmaDecl extends Base {
  readonly kind: "LemmaDecl";
  readonly keyword: "Lemma" | "Theorem";
  readonly name: Ident;
  readonly invariants: readonly InvariantDecl[];
}
/** `prove A, B using C, D;` where a target or helper may be `default` (P's built-in obligations). */
export interface ProveStep extends Base {
  readonly kind: "ProveStep";
  readonly targets: readonly Ident[];
  readonly using: readonly Ident[];
}
/** `Proof { prove ...; }` (optionally named: `Proof name { ... }`). */
export interface ProofDecl extends Base {
  readonly kind: "ProofDecl";
  readonly name: Ident | undefined;
  readonly steps: readonly ProveStep[];
}

export type TopDecl =
  | TypeDefDecl
  | EnumDecl
  | EventDecl
  | EventSetDecl
  | InterfaceDecl
  | MachineDecl
  | SpecDecl
  | FunDecl
  | ParamDecl
  | ModuleDecl
  | TestDecl
  | ImplementationDecl
  | InvariantDecl
  | InitConditionDecl
  | AxiomDecl
  | PureDecl
  | LemmaDecl
  | ProofDecl;

/** One parsed source file. */
export interface FileNode extends Base {
  readonly kind: "File";
  readonly path: string;
  readonly decls: readonly TopDecl[];
}

/** A model: the files read together (like P's PSrc, PSpec and PTst folders). */
export interface Program {
  readonly files: readonly FileNode[];
  /** Ids are allocated from 1 up to (and excluding) this number. */
  readonly nextId: NodeId;
}

export type Node =
  | Ident
  | TypeExpr
  | Expr
  | Stmt
  | VarDecl
  | LoopInvariant
  | ReceiveCase
  | Param
  | AnonFunction
  | FunctionRef
  | EventRef
  | FunctionContract
  | FunDecl
  | StateItem
  | StateDecl
  | MachineDecl
  | SpecDecl
  | EnumElement
  | ModuleBinding
  | ModuleExpr
  | TestParam
  | ProveStep
  | TopDecl
  | FileNode;

/** Signals a `switch` that should have covered every kind; a compile error when one is missing. */
export function unreachable(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify((x as { kind?: string })?.kind ?? x)}`);
}
