// Statements: assignments and collection updates to locations, control flow, and the statements
// that talk to other machines (send, raise, announce, goto, new, receive), whose payloads are
// checked against the declared payload types.
import type {
  Expr,
  ForeachStmt,
  GotoStmt,
  InsertStmt,
  LoopInvariant,
  ReceiveStmt,
  RemoveStmt,
  SendStmt,
  Stmt,
} from "../ast/nodes.ts";
import { unreachable } from "../ast/nodes.ts";
import { reportUnknown, resolveEventRef } from "../names/resolve.ts";
import { describeKind } from "../names/symbols.ts";
import { checkCall, checkNew, checkPayload } from "./calls.ts";
import type { BodyContext } from "./context.ts";
import { checkExpr, expectType, forbidInSpec, lookupValue } from "./expressions.ts";
import { checkFunctionBody, createFunction, declareLocals } from "./functions.ts";
import { checkHandlerParam } from "./handlers.ts";
import { expectBool } from "./operators.ts";
import { BOOL, ERROR, EVENT, INT, STRING, isMachineLike, isSubtype, printPair, printType, type Type } from "./types.ts";

export function checkStmt(ctx: BodyContext, stmt: Stmt): void {
  const checker = ctx.checker;
  switch (stmt.kind) {
    case "Block":
      if (stmt.vars.length > 0 && ctx.fn !== undefined) declareLocals(ctx, ctx.fn, stmt.vars);
      for (const s of stmt.statements) checkStmt(ctx, s);
      return;
    case "Assert":
      expectBool(ctx, stmt.condition);
      if (stmt.message !== undefined) expectType(ctx, stmt.message, STRING);
      return;
    case "Print":
      expectType(ctx, stmt.message, STRING);
      return;
    case "Return": {
      const fn = ctx.fn;
      if (fn === undefined) return;
      if (stmt.value === undefined) {
        if (fn.returnType.kind !== "Void" && fn.returnType.kind !== "Error") {
          checker.report(3023, stmt.span, [fn.name, printType(fn.returnType)]);
        }
      } else if (fn.returnType.kind === "Void") {
        checkExpr(ctx, stmt.value);
        checker.report(3024, stmt.value.span, [fn.name]);
      } else {
        expectType(ctx, stmt.value, fn.returnType);
      }
      return;
    }
    case "Break":
    case "Continue":
      if (ctx.loops === 0) checker.report(3025, stmt.span, [stmt.kind === "Break" ? "break" : "continue"]);
      return;
    case "Assign": {
      const target = checkLocation(ctx, stmt.target);
      expectType(ctx, stmt.value, target);
      return;
    }
    case "Insert":
      checkInsert(ctx, stmt);
      return;
    case "Remove":
      checkRemove(ctx, stmt);
      return;
    case "While":
      expectBool(ctx, stmt.condition);
      checkLoopInvariants(ctx, stmt.invariants);
      checkStmt({ ...ctx, loops: ctx.loops + 1 }, stmt.body);
      return;
    case "Foreach":
      checkForeach(ctx, stmt);
      return;
    case "If":
      expectBool(ctx, stmt.condition);
      checkStmt(ctx, stmt.then);
      if (stmt.else !== undefined) checkStmt(ctx, stmt.else);
      return;
    case "NewStmt":
      checkNew(ctx, stmt.machine, stmt.args, stmt.span);
      return;
    case "CallStmt":
      checkCall(ctx, stmt.callee, stmt.args, false);
      return;
    case "Raise":
      checkEventAndPayload(ctx, stmt.event, stmt.args, "raised");
      return;
    case "Send":
      checkSend(ctx, stmt);
      return;
    case "Announce":
      forbidInSpec(ctx, stmt.span, "'announce'");
      checkEventAndPayload(ctx, stmt.event, stmt.args, "announced");
      return;
    case "Goto":
      checkGoto(ctx, stmt);
      return;
    case "Receive":
      checkReceive(ctx, stmt);
      return;
    case "Empty":
      return;
    default:
      unreachable(stmt);
  }
}

function checkLoopInvariants(ctx: BodyContext, invariants: readonly LoopInvariant[]): void {
  for (const inv of invariants) expectType({ ...ctx, verification: true, loopInvariant: true }, inv.condition, BOOL);
}

/**
 * The left of `=`, `+=`, `-=`: a variable, or a field or element of one. Returns its type; reports
 * a location that is not a variable (an enum element, an event, a param, a call's result).
 */
function checkLocation(ctx: BodyContext, target: Expr): Type {
  const type = checkExpr(ctx, target);
  let root: Expr = target;
  while (root.kind === "Field" || root.kind === "TupleIndex" || root.kind === "Index") {
    // A set's elements are read by position, but a set is changed only with += and -=.
    if (root.kind === "Index" && ctx.checker.exprTypes.get(root.target.id)?.kind === "Set") {
      ctx.checker.report(3021, root.span, ["an element of a set", "read by position only (use += and -= to change a set)"]);
      return ERROR;
    }
    root = root.target;
  }
  if (root.kind === "Name") {
    const symbol = ctx.checker.symbols.get(root.id);
    if (symbol === undefined) return type; // unknown name, reported
    if (symbol.kind === "Variable" && symbol.variable.storage !== "bound") return type;
    ctx.checker.report(3021, root.span, [`'${root.name}'`, describeKind(symbol.kind)]);
    return ERROR;
  }
  ctx.checker.report(3021, root.span, ["this expression", "a computed value"]);
  return ERROR;
}

function checkInsert(ctx: BodyContext, stmt: InsertStmt): void {
  const t = checkLocation(ctx, stmt.target);
  const key = stmt.key;
  const shape = (wanted: string): void => ctx.checker.report(3022, stmt.span, ["+=", printType(t), wanted]);
  switch (t.kind) {
    case "Seq":
      if (key === undefined) shape("(index, value)");
      else expectType(ctx, key, INT);
      expectType(ctx, stmt.value, t.element);
      return;
    case "Map":
      if (key === undefined) shape("(key, value)");
      else expectType(ctx, key, t.key);
      expectType(ctx, stmt.value, t.value);
      return;
    case "Set":
      if (key !== undefined) {
        shape("(value)");
        checkExpr(ctx, key);
      }
      expectType(ctx, stmt.value, t.element);
      return;
    default:
      if (key !== undefined) checkExpr(ctx, key);
      checkExpr(ctx, stmt.value);
      if (t.kind !== "Error") ctx.checker.report(3010, stmt.target.span, ["'+='", "a seq, set or map", printType(t)]);
  }
}

function checkRemove(ctx: BodyContext, stmt: RemoveStmt): void {
  const t = checkLocation(ctx, stmt.target);
  switch (t.kind) {
    case "Seq":
      expectType(ctx, stmt.key, INT);
      return;
    case "Map":
      expectType(ctx, stmt.key, t.key);
      return;
    case "Set":
      expectType(ctx, stmt.key, t.element);
      return;
    default:
      checkExpr(ctx, stmt.key);
      if (t.kind !== "Error") ctx.checker.report(3010, stmt.target.span, ["'-='", "a seq, set or map", printType(t)]);
  }
}

function checkForeach(ctx: BodyContext, stmt: ForeachStmt): void {
  const checker = ctx.checker;
  const c = checkExpr(ctx, stmt.collection);
  const element = c.kind === "Seq" || c.kind === "Set" ? c.element : c.kind === "Map" ? c.key : undefined;
  if (element === undefined && c.kind !== "Error") {
    checker.report(3010, stmt.collection.span, ["'foreach'", "a seq, set or map", printType(c)]);
  }
  const symbol = lookupValue(ctx, stmt.item.name);
  if (symbol === undefined) {
    const candidates = [...ctx.scope.allNames(), ...(ctx.machine?.vars.map((v) => v.name) ?? [])];
    reportUnknown(checker, "variable", stmt.item.name, stmt.item.span, candidates);
  } else if (symbol.kind !== "Variable" || symbol.variable.storage === "bound") {
    checker.report(3021, stmt.item.span, [`'${stmt.item.name}'`, describeKind(symbol.kind)]);
  } else {
    checker.bind(stmt.item, symbol);
    if (element !== undefined && !isSubtype(element, symbol.variable.type)) {
      checker.report(3001, stmt.item.span, printPair(symbol.variable.type, element));
    }
  }
  checkLoopInvariants(ctx, stmt.invariants);
  checkStmt({ ...ctx, loops: ctx.loops + 1 }, stmt.body);
}

/**
 * The event of raise/send/announce: an expression of type event; when it names an event, the
 * arguments are checked against that event's payload type. Returns the event's name when known.
 */
function checkEventAndPayload(
  ctx: BodyContext,
  event: Expr,
  args: readonly Expr[],
  verb: "raised" | "sent" | "announced",
): string | undefined {
  const checker = ctx.checker;
  if (event.kind === "NullLit") {
    checker.setType(event, EVENT);
    checker.report(3026, event.span, [verb]);
    for (const arg of args) checkExpr(ctx, arg);
    return undefined;
  }
  expectType(ctx, event, EVENT);
  const symbol = checker.symbols.get(event.id);
  const name = event.kind === "Halt" ? "halt" : symbol?.kind === "Event" ? symbol.name : undefined;
  if (name === undefined) {
    for (const arg of args) checkExpr(ctx, arg);
    return undefined;
  }
  checkPayload(ctx, `Event '${name}'`, checker.events.get(name)?.payload, args, event.span);
  return name;
}

function checkSend(ctx: BodyContext, stmt: SendStmt): void {
  const checker = ctx.checker;
  forbidInSpec(ctx, stmt.span, "'send'");
  const target = checkExpr(ctx, stmt.target);
  if (!isMachineLike(target)) checker.report(3001, stmt.target.span, ["machine", printType(target)]);
  const event = checkEventAndPayload(ctx, stmt.event, stmt.args, "sent");
  // Every machine can be sent `halt`, whatever its lists say.
  if (event === undefined || event === "halt") return;
  const machine = ctx.machine;
  if (machine?.sends !== undefined && !machine.sends.includes(event)) {
    checker.report(3044, stmt.event.span, [machine.name, event]);
  }
  if (target.kind === "MachineRef") {
    const receives =
      target.of === "machine" ? checker.machines.get(target.name)?.receives : checker.interfaces.get(target.name)?.receives;
    if (receives !== undefined && !receives.includes(event)) {
      checker.report(3045, stmt.event.span, [target.name, event]);
    }
  }
}

function checkGoto(ctx: BodyContext, stmt: GotoStmt): void {
  const checker = ctx.checker;
  const machine = ctx.machine;
  if (machine === undefined) {
    checker.report(3027, stmt.span, ["'goto'"]);
    for (const arg of stmt.args) checkExpr(ctx, arg);
    return;
  }
  const state = machine.states.get(stmt.state.name);
  if (state === undefined) {
    reportUnknown(checker, "state", stmt.state.name, stmt.state.span, machine.states.keys());
    for (const arg of stmt.args) checkExpr(ctx, arg);
    return;
  }
  checker.bind(stmt.state, { kind: "State", name: state.name, machine: machine.name, decl: state.decl });
  checkPayload(ctx, `State '${state.name}'`, state.entryPayload, stmt.args, stmt.state.span);
}

function checkReceive(ctx: BodyContext, stmt: ReceiveStmt): void {
  const checker = ctx.checker;
  forbidInSpec(ctx, stmt.span, "'receive'");
  const seen = new Map<string, ReceiveStmt["span"]>();
  stmt.cases.forEach((c) => {
    const events: string[] = [];
    for (const ref of c.events) {
      for (const event of resolveEventRef(checker, ref) ?? []) {
        const first = seen.get(event);
        if (first !== undefined) {
          checker.report(3033, ref.span, [event], [{ message: `'${event}' is first received here.`, span: first }]);
        } else {
          seen.set(event, ref.span);
          events.push(event);
        }
      }
    }
    const fn = createFunction(checker, c.handler, "receive", `receive ${events.join(", ")}`, ctx.machine?.name, ctx.fn);
    ctx.fn?.receives.push(fn);
    if (c.handler.params.length > 1) checker.report(3034, c.handler.params[1].span, [c.handler.params.length]);
    checkHandlerParam(checker, fn, events, c.handler.span);
    checkFunctionBody(fn, { checker, machine: ctx.machine, parentScope: ctx.scope, thisType: ctx.thisType });
  });
}
