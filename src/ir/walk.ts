// A walk over the code of IR functions: every statement, and every expression inside it (keys of
// assignment targets included), in source order. Loop invariants are left out: they are for proofs
// and never run. A receive statement's cases are functions of their own; the walk names them
// (`Visitor.stmt` sees the receive) but does not enter them.
import { unreachable } from "../ast/nodes.ts";
import type { ExprIR, LValueIR, StmtIR } from "./ir.ts";

export interface Visitor {
  stmt?(s: StmtIR): void;
  expr?(e: ExprIR): void;
}

export function walkStmts(stmts: readonly StmtIR[], v: Visitor): void {
  for (const s of stmts) walkStmt(s, v);
}

function walkStmt(s: StmtIR, v: Visitor): void {
  v.stmt?.(s);
  switch (s.k) {
    case "assign":
      walkTarget(s.target, v);
      return walkExpr(s.value, v);
    case "insert":
      walkTarget(s.target, v);
      walkOptional(s.key, v);
      return walkExpr(s.value, v);
    case "remove":
      walkTarget(s.target, v);
      return walkExpr(s.key, v);
    case "eval":
      return walkExpr(s.expr, v);
    case "assert":
      walkExpr(s.condition, v);
      return walkOptional(s.message, v);
    case "print":
      return walkExpr(s.message, v);
    case "return":
      return walkOptional(s.value, v);
    case "break":
    case "continue":
    case "receive":
      return;
    case "goto":
      return walkOptional(s.payload, v);
    case "while":
      walkExpr(s.condition, v);
      return walkStmts(s.body, v);
    case "foreach":
      walkTarget(s.item, v);
      walkExpr(s.source, v);
      return walkStmts(s.body, v);
    case "if":
      walkExpr(s.condition, v);
      walkStmts(s.then, v);
      return walkStmts(s.else, v);
    case "raise":
    case "announce":
      walkExpr(s.event, v);
      return walkOptional(s.payload, v);
    case "send":
      walkExpr(s.target, v);
      walkExpr(s.event, v);
      return walkOptional(s.payload, v);
    default:
      return unreachable(s);
  }
}

/** The expressions inside an assignment target: the keys of its indexed parts. */
function walkTarget(l: LValueIR, v: Visitor): void {
  switch (l.k) {
    case "local":
    case "var":
      return;
    case "get":
      return walkTarget(l.target, v);
    case "index":
      walkTarget(l.target, v);
      return walkExpr(l.key, v);
    default:
      return unreachable(l);
  }
}

function walkOptional(e: ExprIR | undefined, v: Visitor): void {
  if (e !== undefined) walkExpr(e, v);
}

export function walkExpr(e: ExprIR, v: Visitor): void {
  v.expr?.(e);
  switch (e.k) {
    case "call":
      for (const a of e.args) walkExpr(a, v);
      return;
    case "tuple":
      for (const x of e.elements) walkExpr(x, v);
      return;
    case "get":
      return walkExpr(e.target, v);
    case "index":
      walkExpr(e.target, v);
      return walkExpr(e.key, v);
    case "keys":
    case "values":
    case "sizeof":
    case "unary":
    case "cast":
    case "coerce":
      return walkExpr(e.operand, v);
    case "new":
      return walkOptional(e.payload, v);
    case "binary":
      walkExpr(e.left, v);
      return walkExpr(e.right, v);
    case "in":
      walkExpr(e.element, v);
      return walkExpr(e.target, v);
    case "choose":
      return walkOptional(e.operand, v);
    case "format":
    case "pure":
      for (const a of e.args) walkExpr(a, v);
      return;
    case "const":
    case "local":
    case "var":
    case "param":
    case "this":
    case "nondet":
    case "default":
    case "forall":
    case "exists":
    case "bound":
    case "machineVar":
    case "is":
    case "targets":
    case "inflight":
    case "sent":
    case "payload":
      return;
    default:
      return unreachable(e);
  }
}
