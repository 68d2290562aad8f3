// Expressions: every expression gets a type, recorded in the side table, and every name in it a
// symbol. Unknown or ill-typed parts get the error type, which silences the errors they would
// otherwise cause further out. This file holds the dispatcher, names and literals, tuples and
// field access, indexing and the collection operations; operators, calls and the verification
// expressions are in their own files.
import type { Expr, FieldExpr, IndexExpr, NameExpr, TupleIndexExpr } from "../ast/nodes.ts";
import { unreachable } from "../ast/nodes.ts";
import type { Span } from "../diagnostics/source.ts";
import { reportUnknown, reportWrongKind } from "../names/resolve.ts";
import { reportDuplicate } from "../names/scopes.ts";
import { suggestName } from "../names/suggest.ts";
import type { Symbol } from "../names/symbols.ts";
import { checkCall, checkNew } from "./calls.ts";
import { inSpec, type BodyContext, type Checker } from "./context.ts";
import { checkBinary, checkCast, checkChoose, checkFormat, checkUnary } from "./operators.ts";
import { resolveType } from "./resolve-types.ts";
import {
  BOOL,
  ERROR,
  EVENT,
  FLOAT,
  INT,
  NULL,
  STRING,
  isSubtype,
  printPair,
  printType,
  seqOf,
  type NamedTupleFieldType,
  type Type,
} from "./types.ts";
import { checkIs, checkMachineField, checkMessagePredicate, checkQuantifier, checkTargets } from "./verification.ts";

/** Checks an expression and returns (and records) its type. */
export function checkExpr(ctx: BodyContext, expr: Expr): Type {
  return ctx.checker.setType(expr, compute(ctx, expr));
}

/** Checks an expression whose value must be a subtype of `expected`; reports a mismatch. */
export function expectType(ctx: BodyContext, expr: Expr, expected: Type): Type {
  const found = checkExpr(ctx, expr);
  if (!isSubtype(found, expected)) ctx.checker.report(3001, expr.span, printPair(expected, found));
  return found;
}

/** Reports a construct that a spec's code may not use. */
export function forbidInSpec(ctx: BodyContext, span: Expr["span"], what: string): void {
  if (inSpec(ctx)) ctx.checker.report(3042, span, [what]);
}

function compute(ctx: BodyContext, expr: Expr): Type {
  switch (expr.kind) {
    case "Name":
      return checkName(ctx, expr);
    case "IntLit":
      return INT;
    case "FloatLit":
      return FLOAT;
    case "BoolLit":
      return BOOL;
    case "StringLit":
      return STRING;
    case "NullLit":
      return NULL;
    case "This":
      if (inSpec(ctx)) {
        ctx.checker.report(3042, expr.span, ["'this'"]);
        return ERROR;
      }
      if (ctx.thisType === undefined) {
        ctx.checker.report(3027, expr.span, ["'this'"]);
        return ERROR;
      }
      return ctx.thisType;
    case "Halt":
      return EVENT;
    case "Nondet":
      forbidInSpec(ctx, expr.span, expr.fair ? "'$$'" : "'$'");
      return BOOL;
    case "Tuple":
      return { kind: "Tuple", elements: expr.elements.map((e) => checkExpr(ctx, e)) };
    case "NamedTuple": {
      const fields: NamedTupleFieldType[] = [];
      const seen = new Map<string, typeof expr.span>();
      for (const field of expr.fields) {
        const type = checkExpr(ctx, field.value);
        const first = seen.get(field.name.name);
        if (first !== undefined) {
          reportDuplicate(ctx.checker.diags, field.name.name, field.name.span, first);
          continue;
        }
        seen.set(field.name.name, field.name.span);
        fields.push({ name: field.name.name, type });
      }
      return { kind: "NamedTuple", fields };
    }
    case "Field":
      return checkField(ctx, expr);
    case "TupleIndex":
      return checkTupleIndex(ctx, expr);
    case "Index":
      return checkIndex(ctx, expr);
    case "CollectionOp": {
      const t = checkExpr(ctx, expr.operand);
      if (t.kind === "Error") return expr.op === "sizeof" ? INT : ERROR;
      if (expr.op === "sizeof") {
        if (t.kind === "Seq" || t.kind === "Set" || t.kind === "Map") return INT;
        ctx.checker.report(3010, expr.operand.span, ["'sizeof'", "a seq, set or map", printType(t)]);
        return INT;
      }
      if (t.kind === "Map") return seqOf(expr.op === "keys" ? t.key : t.value);
      ctx.checker.report(3010, expr.operand.span, [`'${expr.op}'`, "a map", printType(t)]);
      return ERROR;
    }
    case "Default":
      return resolveType(ctx.checker, expr.type);
    case "New":
      return checkNew(ctx, expr.machine, expr.args, expr.span);
    case "Call":
      return checkCall(ctx, expr.callee, expr.args, true);
    case "Unary":
      return checkUnary(ctx, expr);
    case "Binary":
      return checkBinary(ctx, expr);
    case "Cast":
      return checkCast(ctx, expr);
    case "Choose":
      return checkChoose(ctx, expr);
    case "Format":
      return checkFormat(ctx, expr);
    case "Quantifier":
      return checkQuantifier(ctx, expr);
    case "Is":
      return checkIs(ctx, expr);
    case "Targets":
      return checkTargets(ctx, expr);
    case "MessagePredicate":
      return checkMessagePredicate(ctx, expr);
    default:
      return unreachable(expr);
  }
}

/** What a name in an expression refers to: a variable in scope, a machine variable, or a global value. */
export function lookupValue(ctx: BodyContext, name: string): Symbol | undefined {
  const local = ctx.scope.lookup(name);
  if (local !== undefined) return { kind: "Variable", name, variable: local };
  const field = ctx.machine?.vars.find((v) => v.name === name);
  if (field !== undefined) return { kind: "Variable", name, variable: field };
  return ctx.checker.globals.get("entity", name);
}

function checkName(ctx: BodyContext, expr: NameExpr): Type {
  const checker = ctx.checker;
  const symbol = lookupValue(ctx, expr.name);
  if (symbol === undefined) {
    const candidates = [
      ...ctx.scope.allNames(),
      ...(ctx.machine?.vars.map((v) => v.name) ?? []),
      ...checker.globals.names("entity", (s) => s.kind === "EnumElement" || s.kind === "Event" || s.kind === "Param"),
    ];
    reportUnknown(checker, "name", expr.name, expr.span, candidates);
    return ERROR;
  }
  switch (symbol.kind) {
    case "Variable":
      checker.bind(expr, symbol);
      return symbol.variable.type;
    case "EnumElement":
      checker.bind(expr, symbol);
      return { kind: "Enum", name: symbol.enumName };
    case "Event":
      checker.bind(expr, symbol);
      return EVENT;
    case "Param":
      checker.bind(expr, symbol);
      return checker.params.get(symbol.name)?.type ?? ERROR;
    default:
      reportWrongKind(checker, expr.name, expr.span, symbol.kind, "value");
      return ERROR;
  }
}

function checkField(ctx: BodyContext, expr: FieldExpr): Type {
  const t = checkExpr(ctx, expr.target);
  const name = expr.field.name;
  switch (t.kind) {
    case "Error":
      return ERROR;
    case "NamedTuple": {
      const field = t.fields.find((f) => f.name === name);
      if (field !== undefined) return field.type;
      reportNoField(ctx.checker, expr.field.span, printType(t), name, t.fields.map((f) => f.name));
      return ERROR;
    }
    case "MachineRef":
    case "Machine":
      return checkMachineField(ctx, expr, t);
    case "Message": {
      const payload = ctx.checker.events.get(t.event)?.payload;
      if (payload?.kind === "NamedTuple") {
        const field = payload.fields.find((f) => f.name === name);
        if (field !== undefined) return field.type;
      }
      const fields = payload?.kind === "NamedTuple" ? payload.fields.map((f) => f.name) : [];
      reportNoField(ctx.checker, expr.field.span, payload === undefined ? t.event : printType(payload), name, fields);
      return ERROR;
    }
    default:
      break;
  }
  ctx.checker.report(3007, expr.field.span, [printType(t), name]);
  return ERROR;
}

/** `Type T has no field 'x'`, suggesting a close field name. */
export function reportNoField(checker: Checker, span: Span, typeText: string, name: string, fields: readonly string[]): void {
  const suggestion = suggestName(name, fields);
  if (suggestion === undefined) checker.report(3007, span, [typeText, name]);
  else checker.report(3053, span, [typeText, name, suggestion]);
}

function checkTupleIndex(ctx: BodyContext, expr: TupleIndexExpr): Type {
  let t = checkExpr(ctx, expr.target);
  if (t.kind === "Message") t = ctx.checker.events.get(t.event)?.payload ?? t;
  if (t.kind === "Error") return ERROR;
  // Fields of a named tuple may also be read by position.
  const elements = t.kind === "Tuple" ? t.elements : t.kind === "NamedTuple" ? t.fields.map((f) => f.type) : undefined;
  if (elements === undefined) {
    ctx.checker.report(3007, expr.span, [printType(t), String(expr.index)]);
    return ERROR;
  }
  if (expr.index < 0 || expr.index >= elements.length) {
    ctx.checker.report(3008, expr.span, [expr.index, printType(t)]);
    return ERROR;
  }
  return elements[expr.index];
}

function checkIndex(ctx: BodyContext, expr: IndexExpr): Type {
  const t = checkExpr(ctx, expr.target);
  switch (t.kind) {
    case "Error":
      checkExpr(ctx, expr.index);
      return ERROR;
    case "Seq":
    case "Set":
      expectType(ctx, expr.index, INT);
      return t.element;
    case "Map":
      expectType(ctx, expr.index, t.key);
      return t.value;
    default:
      checkExpr(ctx, expr.index);
      ctx.checker.report(3009, expr.target.span, [printType(t)]);
      return ERROR;
  }
}
