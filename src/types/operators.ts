// Operators: arithmetic (int with int, float with float, no implicit mixing; `+` also joins
// strings), comparisons, equality on comparable types, the logical operators, membership, casts
// (`as`: between a type and its subtypes; `to`: int <-> float, enum <-> int), choose and format.
import type { BinaryExpr, CastExpr, ChooseExpr, Expr, FormatExpr, UnaryExpr } from "../ast/nodes.ts";
import type { BodyContext } from "./context.ts";
import { checkExpr, expectType, forbidInSpec } from "./expressions.ts";
import { requireVerification } from "./verification.ts";
import { resolveType } from "./resolve-types.ts";
import { BOOL, ERROR, INT, comparable, isSubtype, printPair, printType, type Type } from "./types.ts";

export function checkUnary(ctx: BodyContext, expr: UnaryExpr): Type {
  const t = checkExpr(ctx, expr.operand);
  if (t.kind === "Error") return expr.op === "!" ? BOOL : ERROR;
  if (expr.op === "!") {
    if (t.kind !== "Bool") ctx.checker.report(3006, expr.span, ["!", printType(t)]);
    return BOOL;
  }
  if (t.kind === "Int" || t.kind === "Float") return t;
  ctx.checker.report(3006, expr.span, ["-", printType(t)]);
  return ERROR;
}

function isNumeric(t: Type): boolean {
  return t.kind === "Int" || t.kind === "Float";
}

export function checkBinary(ctx: BodyContext, expr: BinaryExpr): Type {
  const { op } = expr;
  if (op === "==>" || op === "<==>") requireVerification(ctx, expr.span, `'${op}'`);
  const l = checkExpr(ctx, expr.left);
  const r = checkExpr(ctx, expr.right);
  const bad = (): void => ctx.checker.report(3005, expr.span, [op, printType(l), printType(r)]);
  const anyError = l.kind === "Error" || r.kind === "Error";
  switch (op) {
    case "+":
    case "-":
    case "*":
    case "/":
    case "%":
      if (anyError) return l.kind === "Error" ? (isNumeric(r) ? r : ERROR) : isNumeric(l) ? l : ERROR;
      if (isNumeric(l) && l.kind === r.kind) return l;
      if (op === "+" && l.kind === "String" && r.kind === "String") return l;
      bad();
      return ERROR;
    case "<":
    case "<=":
    case ">":
    case ">=":
      if (!anyError && !(l.kind === r.kind && (isNumeric(l) || l.kind === "String"))) bad();
      return BOOL;
    case "==":
    case "!=":
      if (!comparable(l, r)) bad();
      return BOOL;
    case "&&":
    case "||":
    case "==>":
    case "<==>":
      if (!anyError && !(l.kind === "Bool" && r.kind === "Bool")) bad();
      return BOOL;
    case "in": {
      if (r.kind === "Error") return BOOL;
      const element = r.kind === "Seq" || r.kind === "Set" ? r.element : r.kind === "Map" ? r.key : undefined;
      if (element === undefined) {
        ctx.checker.report(3010, expr.right.span, ["'in'", "a seq, set or map", printType(r)]);
      } else if (!comparable(l, element)) {
        ctx.checker.report(3001, expr.left.span, printPair(element, l));
      }
      return BOOL;
    }
  }
}

export function checkCast(ctx: BodyContext, expr: CastExpr): Type {
  const source = checkExpr(ctx, expr.operand);
  const target = resolveType(ctx.checker, expr.type);
  if (source.kind === "Error" || target.kind === "Error") return target;
  if (expr.op === "as") {
    if (!comparable(source, target)) ctx.checker.report(3013, expr.span, [printType(source), printType(target)]);
    return target;
  }
  const ok =
    (source.kind === target.kind && (source.kind !== "Enum" || isSubtype(source, target))) ||
    (source.kind === "Float" && target.kind === "Int") ||
    (source.kind === "Int" && target.kind === "Float") ||
    (source.kind === "Enum" && target.kind === "Int") ||
    (source.kind === "Int" && target.kind === "Enum");
  if (!ok) ctx.checker.report(3014, expr.span, [printType(source), printType(target)]);
  return target;
}

export function checkChoose(ctx: BodyContext, expr: ChooseExpr): Type {
  forbidInSpec(ctx, expr.span, "'choose'");
  if (expr.operand === undefined) return BOOL;
  const t = checkExpr(ctx, expr.operand);
  switch (t.kind) {
    case "Error":
      return ERROR;
    case "Int":
      return INT;
    case "Seq":
    case "Set":
      return t.element;
    case "Map":
      return t.key;
    default:
      ctx.checker.report(3010, expr.operand.span, ["'choose'", "an int or a seq, set or map", printType(t)]);
      return ERROR;
  }
}

export function checkFormat(ctx: BodyContext, expr: FormatExpr): Type {
  for (const arg of expr.args) checkExpr(ctx, arg);
  let needed = 0;
  for (const match of expr.format.value.matchAll(/\{(\d+)\}/g)) needed = Math.max(needed, Number(match[1]) + 1);
  if (needed !== expr.args.length) ctx.checker.report(3015, expr.format.span, [needed, expr.args.length]);
  ctx.checker.setType(expr.format, { kind: "String" });
  return { kind: "String" };
}

/** Conditions of `if`, `while`, `assert`, invariants: must be bool. */
export function expectBool(ctx: BodyContext, expr: Expr): void {
  expectType(ctx, expr, BOOL);
}
