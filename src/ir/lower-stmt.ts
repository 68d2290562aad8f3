// Lowering statements. Blocks flatten into statement lists; `new` and calls written as statements
// become `eval`; collection updates learn their collection kind from the target's type.
import * as A from "../ast/nodes.ts";
import type { LowerContext } from "./context.ts";
import type { StmtIR } from "./ir.ts";
import { lowerExpr, lowerLValue, payload } from "./lower-expr.ts";

function kindOf(ctx: LowerContext, target: A.Expr): "seq" | "set" | "map" {
  const t = ctx.exprType(target.id);
  if (t.kind === "Seq") return "seq";
  if (t.kind === "Set") return "set";
  if (t.kind === "Map") return "map";
  throw new Error(`lowering: collection update on ${t.kind}`);
}

export function lowerBlock(ctx: LowerContext, stmts: readonly A.Stmt[]): StmtIR[] {
  return stmts.flatMap((s) => lowerStmt(ctx, s));
}

function body(ctx: LowerContext, s: A.Stmt): StmtIR[] {
  return s.kind === "Block" ? lowerBlock(ctx, s.statements) : lowerStmt(ctx, s);
}

export function lowerStmt(ctx: LowerContext, s: A.Stmt): StmtIR[] {
  const span = s.span;
  switch (s.kind) {
    case "Block":
      return lowerBlock(ctx, s.statements);
    case "Assert":
      return [
        {
          k: "assert",
          span,
          condition: lowerExpr(ctx, s.condition),
          message: s.message === undefined ? undefined : lowerExpr(ctx, s.message),
        },
      ];
    case "Print":
      return [{ k: "print", span, message: lowerExpr(ctx, s.message) }];
    case "Return":
      return [{ k: "return", span, value: s.value === undefined ? undefined : lowerExpr(ctx, s.value) }];
    case "Break":
      return [{ k: "break", span }];
    case "Continue":
      return [{ k: "continue", span }];
    case "Assign":
      return [{ k: "assign", span, target: lowerLValue(ctx, s.target), value: lowerExpr(ctx, s.value) }];
    case "Insert":
      return [
        {
          k: "insert",
          span,
          collection: kindOf(ctx, s.target),
          target: lowerLValue(ctx, s.target),
          key: s.key === undefined ? undefined : lowerExpr(ctx, s.key),
          value: lowerExpr(ctx, s.value),
        },
      ];
    case "Remove":
      return [
        { k: "remove", span, collection: kindOf(ctx, s.target), target: lowerLValue(ctx, s.target), key: lowerExpr(ctx, s.key) },
      ];
    case "While":
      return [
        {
          k: "while",
          span,
          condition: lowerExpr(ctx, s.condition),
          body: body(ctx, s.body),
          invariants: s.invariants.map((i) => lowerExpr(ctx, i.condition)),
        },
      ];
    case "Foreach":
      return [
        {
          k: "foreach",
          span,
          collection: kindOf(ctx, s.collection),
          item: lowerLValue(ctx, { kind: "Name", id: s.item.id, span: s.item.span, name: s.item.name }),
          source: lowerExpr(ctx, s.collection),
          body: body(ctx, s.body),
          invariants: s.invariants.map((i) => lowerExpr(ctx, i.condition)),
        },
      ];
    case "If":
      return [
        {
          k: "if",
          span,
          condition: lowerExpr(ctx, s.condition),
          then: body(ctx, s.then),
          else: s.else === undefined ? [] : body(ctx, s.else),
        },
      ];
    case "NewStmt":
      return [
        {
          k: "eval",
          span,
          expr: { k: "new", type: { kind: "Machine" }, span, machine: s.machine.name, payload: payload(ctx, s.args, span) },
        },
      ];
    case "CallStmt": {
      const call: A.CallExpr = { kind: "Call", id: s.id, span, callee: s.callee, args: s.args };
      return [{ k: "eval", span, expr: lowerExpr(ctx, call) }];
    }
    case "Raise":
      return [{ k: "raise", span, event: lowerExpr(ctx, s.event), payload: payload(ctx, s.args, span) }];
    case "Send":
      return [
        { k: "send", span, target: lowerExpr(ctx, s.target), event: lowerExpr(ctx, s.event), payload: payload(ctx, s.args, span) },
      ];
    case "Announce":
      return [{ k: "announce", span, event: lowerExpr(ctx, s.event), payload: payload(ctx, s.args, span) }];
    case "Goto": {
      const machine = ctx.machine ?? "";
      return [{ k: "goto", span, state: ctx.state(machine, s.state.name), payload: payload(ctx, s.args, span) }];
    }
    case "Receive":
      return [
        {
          k: "receive",
          span,
          cases: s.cases.map((c) => ({
            events: c.events.map((e) => ctx.event(e.name)).sort((a, b) => a - b),
            fn: ctx.functionId(c.handler.id),
          })),
        },
      ];
    case "Empty":
      return [];
    default:
      return A.unreachable(s);
  }
}
