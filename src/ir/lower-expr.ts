// Lowering expressions: names become slots, constants or ids; named-tuple fields become positions;
// `in`, indexing and `choose` learn which collection they work on from the checked types.
import * as A from "../ast/nodes.ts";
import type { Type } from "../types/types.ts";
import type { LowerContext } from "./context.ts";
import type { ExprIR, LValueIR } from "./ir.ts";

function collectionKind(t: Type): "seq" | "set" | "map" {
  if (t.kind === "Seq" || t.kind === "Set" || t.kind === "Map") return t.kind === "Seq" ? "seq" : t.kind === "Set" ? "set" : "map";
  throw new Error(`lowering: expected a collection type, found ${t.kind}`);
}

/** The position of `field` in a named tuple (or message payload) type. */
function fieldIndex(t: Type, field: string): number {
  if (t.kind === "NamedTuple") {
    const i = t.fields.findIndex((f) => f.name === field);
    if (i >= 0) return i;
  }
  throw new Error(`lowering: no field ${field} in ${t.kind}`);
}

export function lowerExpr(ctx: LowerContext, e: A.Expr): ExprIR {
  const type = ctx.exprType(e.id);
  const span = e.span;
  switch (e.kind) {
    case "Name":
      return lowerName(ctx, e, type);
    case "IntLit":
    case "FloatLit":
    case "BoolLit":
    case "StringLit":
      return { k: "const", type, span, value: e.value };
    case "NullLit":
      return { k: "const", type, span, value: null };
    case "Halt":
      return { k: "const", type, span, value: ctx.event("halt") };
    case "This":
      return { k: "this", type, span };
    case "Nondet":
      return { k: "nondet", type, span, fair: e.fair };
    case "Tuple":
      return { k: "tuple", type, span, elements: e.elements.map((x) => lowerExpr(ctx, x)) };
    case "NamedTuple":
      return { k: "tuple", type, span, elements: e.fields.map((f) => lowerExpr(ctx, f.value)) };
    case "Field":
      return lowerField(ctx, e, type);
    case "TupleIndex": {
      const targetType = ctx.exprType(e.target.id);
      let target = lowerExpr(ctx, e.target);
      // `m.0` on a message bound by a quantifier reads its payload, as `m.field` does.
      if (targetType.kind === "Message") {
        target = { k: "payload", type: ctx.checked.events.get(targetType.event)?.payload ?? type, span, message: target };
      }
      return { k: "get", type, span, target, index: e.index };
    }
    case "Index": {
      const targetType = ctx.exprType(e.target.id);
      return {
        k: "index",
        type,
        span,
        collection: collectionKind(targetType),
        target: lowerExpr(ctx, e.target),
        key: lowerExpr(ctx, e.index),
      };
    }
    case "CollectionOp":
      return { k: e.op, type, span, operand: lowerExpr(ctx, e.operand) };
    case "Default":
      return { k: "default", type: ctx.typeOf(e.type.id), span };
    case "New":
      return { k: "new", type, span, machine: e.machine.name, payload: payload(ctx, e.args, span) };
    case "Call":
      return lowerCall(ctx, e, type);
    case "Unary":
      return { k: "unary", type, span, op: e.op, operand: lowerExpr(ctx, e.operand) };
    case "Binary":
      if (e.op === "in") {
        return {
          k: "in",
          type,
          span,
          collection: collectionKind(ctx.exprType(e.right.id)),
          element: lowerExpr(ctx, e.left),
          target: lowerExpr(ctx, e.right),
        };
      }
      return { k: "binary", type, span, op: e.op, left: lowerExpr(ctx, e.left), right: lowerExpr(ctx, e.right) };
    case "Cast":
      return { k: e.op === "as" ? "cast" : "coerce", type, span, operand: lowerExpr(ctx, e.operand) };
    case "Choose": {
      if (e.operand === undefined) return { k: "choose", type, span, from: "bool", operand: undefined };
      const operandType = ctx.exprType(e.operand.id);
      const from = operandType.kind === "Int" ? "int" : collectionKind(operandType);
      return { k: "choose", type, span, from, operand: lowerExpr(ctx, e.operand) };
    }
    case "Format":
      return { k: "format", type, span, format: e.format.value, args: e.args.map((a) => lowerExpr(ctx, a)) };
    case "Quantifier": {
      ctx.quantifiers.push(e.id);
      const binders = e.binders.map((b) => ({ name: b.name.name, type: ctx.typeOf(b.type.id) }));
      const body = lowerExpr(ctx, e.body);
      ctx.quantifiers.pop();
      return { k: e.quantifier, type, span, overNew: e.overNew, binders, body };
    }
    case "Is":
      return { k: "is", type, span, operand: lowerExpr(ctx, e.operand), test: isTest(ctx, e) };
    case "Targets":
      return { k: "targets", type, span, message: lowerExpr(ctx, e.message), machine: lowerExpr(ctx, e.machine) };
    case "MessagePredicate":
      return { k: e.predicate, type, span, message: lowerExpr(ctx, e.message) };
    default:
      return A.unreachable(e);
  }
}

function lowerName(ctx: LowerContext, e: A.NameExpr, type: Type): ExprIR {
  const span = e.span;
  const sym = ctx.symbol(e.id);
  switch (sym?.kind) {
    case "Variable": {
      const v = sym.variable;
      switch (v.storage) {
        case "machine":
          return { k: "var", type, span, slot: v.index };
        case "param":
        case "local":
          return { k: "local", type, span, slot: v.index, depth: ctx.depthOf(v.ownerId) };
        case "bound": {
          const depth = ctx.quantifiers.length - 1 - ctx.quantifiers.lastIndexOf(v.ownerId);
          return { k: "bound", type, span, depth, index: v.index };
        }
        case "result":
          return { k: "local", type, span, slot: -1, depth: 0 };
      }
      break;
    }
    case "EnumElement":
      return { k: "const", type, span, value: sym.value };
    case "Event":
      return { k: "const", type, span, value: ctx.event(sym.name) };
    case "Param":
      return { k: "param", type, span, index: ctx.ids.params.get(sym.name) ?? 0 };
    default:
      break;
  }
  throw new Error(`lowering: name ${e.name} resolved to ${sym?.kind ?? "nothing"}`);
}

function lowerField(ctx: LowerContext, e: A.FieldExpr, type: Type): ExprIR {
  const span = e.span;
  const sym = ctx.symbol(e.field.id);
  if (sym?.kind === "Variable" && sym.variable.storage === "machine") {
    const targetType = ctx.exprType(e.target.id);
    const machine = targetType.kind === "MachineRef" ? targetType.name : (ctx.machine ?? "");
    return {
      k: "machineVar",
      type,
      span,
      target: lowerExpr(ctx, e.target),
      machine: ctx.machineId(machine),
      slot: sym.variable.index,
    };
  }
  const targetType = ctx.exprType(e.target.id);
  if (targetType.kind === "Message") {
    const payloadType = ctx.checked.events.get(targetType.event)?.payload ?? type;
    const message = lowerExpr(ctx, e.target);
    const inner: ExprIR = { k: "payload", type: payloadType, span, message };
    return { k: "get", type, span, target: inner, index: fieldIndex(payloadType, e.field.name) };
  }
  return { k: "get", type, span, target: lowerExpr(ctx, e.target), index: fieldIndex(targetType, e.field.name) };
}

function lowerCall(ctx: LowerContext, e: A.CallExpr, type: Type): ExprIR {
  const sym = ctx.symbol(e.callee.id);
  const args = e.args.map((a) => lowerExpr(ctx, a));
  if (sym?.kind === "Pure") return { k: "pure", type, span: e.span, name: sym.name, args };
  if (sym?.kind === "Function") return { k: "call", type, span: e.span, fn: ctx.functionId(sym.decl.id), args };
  throw new Error(`lowering: call of ${e.callee.name} resolved to ${sym?.kind ?? "nothing"}`);
}

function isTest(ctx: LowerContext, e: A.IsExpr): Extract<ExprIR, { k: "is" }>["test"] {
  const sym = ctx.symbol(e.name.id);
  switch (sym?.kind) {
    case "Event":
      return { kind: "event", event: ctx.event(sym.name) };
    case "Machine":
      return { kind: "machine", machine: ctx.machineId(sym.name) };
    case "State":
      return { kind: "state", machine: ctx.machineId(sym.machine), state: ctx.state(sym.machine, sym.name) };
    default:
      throw new Error(`lowering: 'is ${e.name.name}' resolved to ${sym?.kind ?? "nothing"}`);
  }
}

/** The payload of send/raise/new/goto/announce: none, the one argument, or a tuple of several. */
export function payload(ctx: LowerContext, args: readonly A.Expr[], span: A.Expr["span"]): ExprIR | undefined {
  if (args.length === 0) return undefined;
  if (args.length === 1) return lowerExpr(ctx, args[0]);
  const elements = args.map((a) => lowerExpr(ctx, a));
  return { k: "tuple", type: { kind: "Tuple", elements: elements.map((x) => x.type) }, span, elements };
}

export function lowerLValue(ctx: LowerContext, e: A.Expr): LValueIR {
  const type = ctx.exprType(e.id);
  switch (e.kind) {
    case "Name": {
      const sym = ctx.symbol(e.id);
      const declared = sym?.kind === "Variable" ? sym.variable.type : type;
      const lowered = lowerName(ctx, e, declared);
      if (lowered.k === "var") return { k: "var", slot: lowered.slot, type: declared };
      if (lowered.k === "local") return { k: "local", slot: lowered.slot, depth: lowered.depth, type: declared };
      break;
    }
    case "Field":
      return { k: "get", target: lowerLValue(ctx, e.target), index: fieldIndex(ctx.exprType(e.target.id), e.field.name), type };
    case "TupleIndex":
      return { k: "get", target: lowerLValue(ctx, e.target), index: e.index, type };
    case "Index": {
      const kind = collectionKind(ctx.exprType(e.target.id));
      if (kind === "set") break;
      return { k: "index", collection: kind, target: lowerLValue(ctx, e.target), key: lowerExpr(ctx, e.index), type };
    }
    default:
      break;
  }
  throw new Error(`lowering: ${e.kind} is not assignable`);
}

