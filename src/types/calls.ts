// Calls, machine creation, and payloads. A payload is what `new`, `send`, `raise`, `announce` and
// `goto` pass on: no argument, one argument (the payload itself), or several (an unnamed tuple).
import type { Expr, Ident } from "../ast/nodes.ts";
import type { Span } from "../diagnostics/source.ts";
import { joinSpans } from "../diagnostics/source.ts";
import { reportUnknown, reportWrongKind, resolveIdent } from "../names/resolve.ts";
import type { BodyContext } from "./context.ts";
import { checkExpr, forbidInSpec } from "./expressions.ts";
import type { FunctionInfo, PureInfo } from "./program.ts";
import { ERROR, isSubtype, printPair, printType, tupleOf, type Type } from "./types.ts";

/** The span covering a list of arguments (or `fallback` when there are none). */
export function argsSpan(args: readonly Expr[], fallback: Span): Span {
  if (args.length === 0) return fallback;
  return joinSpans(args[0].span, args[args.length - 1].span);
}

/**
 * Checks the arguments passed as a payload against the expected payload type (undefined: none).
 * `what` names the receiver in messages: "Event 'eReq'", "Machine 'Server'", "State 'Done'".
 */
export function checkPayload(
  ctx: BodyContext,
  what: string,
  expected: Type | undefined,
  args: readonly Expr[],
  missingAt: Span,
): void {
  const types = args.map((a) => checkExpr(ctx, a));
  if (expected === undefined) {
    if (args.length > 0) ctx.checker.report(3028, argsSpan(args, missingAt), [what]);
    return;
  }
  if (args.length === 0) {
    if (expected.kind !== "Error") ctx.checker.report(3029, missingAt, [what, printType(expected)]);
    return;
  }
  const found = types.length === 1 ? types[0] : tupleOf(types);
  if (!isSubtype(found, expected)) {
    const [e, f] = printPair(expected, found);
    ctx.checker.report(3030, argsSpan(args, missingAt), [what, e, f]);
  }
}

type Callee = { readonly kind: "function"; readonly info: FunctionInfo } | { readonly kind: "pure"; readonly info: PureInfo };

function resolveCallee(ctx: BodyContext, callee: Ident): Callee | undefined {
  const checker = ctx.checker;
  const own = ctx.machine?.functions.get(callee.name);
  if (own !== undefined) {
    if (own.decl.kind === "FunDecl") {
      checker.bind(callee, { kind: "Function", name: callee.name, decl: own.decl, machine: ctx.machine?.name });
    }
    return { kind: "function", info: own };
  }
  const symbol = checker.globals.get("entity", callee.name);
  if (symbol === undefined) {
    const candidates = [
      ...(ctx.machine?.functions.keys() ?? []),
      ...checker.globals.names("entity", (s) => s.kind === "Function" || s.kind === "Pure"),
    ];
    reportUnknown(checker, "function", callee.name, callee.span, candidates);
    return undefined;
  }
  if (symbol.kind === "Function") {
    const info = checker.functions.get(symbol.name);
    if (info === undefined) return undefined;
    checker.bind(callee, symbol);
    return { kind: "function", info };
  }
  if (symbol.kind === "Pure") {
    const info = checker.pures.get(symbol.name);
    if (info === undefined) return undefined;
    checker.bind(callee, symbol);
    return { kind: "pure", info };
  }
  reportWrongKind(checker, callee.name, callee.span, symbol.kind, "function");
  return undefined;
}

/**
 * Checks a call; returns the function's result type. In an expression (`asValue`), calling a
 * function that returns nothing is an error.
 */
export function checkCall(ctx: BodyContext, callee: Ident, args: readonly Expr[], asValue: boolean): Type {
  const target = resolveCallee(ctx, callee);
  if (target === undefined) {
    for (const arg of args) checkExpr(ctx, arg);
    return ERROR;
  }
  if (ctx.verification && target.kind === "function") {
    ctx.checker.report(3020, callee.span, [callee.name]);
  }
  if (target.kind === "function" && ctx.fn !== undefined && !ctx.fn.calls.includes(target.info)) {
    ctx.fn.calls.push(target.info);
  }
  const params = target.info.params;
  const types = args.map((a) => checkExpr(ctx, a));
  if (params.length !== args.length) {
    ctx.checker.report(3011, argsSpan(args, callee.span), [callee.name, params.length, args.length]);
  }
  for (let i = 0; i < Math.min(params.length, args.length); i++) {
    if (!isSubtype(types[i], params[i].type)) {
      ctx.checker.report(3001, args[i].span, printPair(params[i].type, types[i]));
    }
  }
  const result = target.info.returnType;
  if (asValue && result.kind === "Void") {
    ctx.checker.report(3012, callee.span, [callee.name]);
    return ERROR;
  }
  return result;
}

/** `new M(args)` as an expression or a statement: returns the reference type. */
export function checkNew(ctx: BodyContext, machine: Ident, args: readonly Expr[], span: Span): Type {
  forbidInSpec(ctx, span, "'new'");
  const checker = ctx.checker;
  const symbol = resolveIdent(checker, machine, ["Machine", "Interface"], "machine or interface");
  if (symbol === undefined) {
    for (const arg of args) checkExpr(ctx, arg);
    return ERROR;
  }
  if (ctx.fn !== undefined && !ctx.fn.creates.includes(symbol.name)) ctx.fn.creates.push(symbol.name);
  if (symbol.kind === "Machine") {
    const info = checker.machines.get(symbol.name);
    checkPayload(ctx, `Machine '${symbol.name}'`, info?.startPayload, args, machine.span);
    return { kind: "MachineRef", name: symbol.name, of: "machine" };
  }
  const iface = checker.interfaces.get(symbol.name);
  checkPayload(ctx, `Interface '${symbol.name}'`, iface?.payload, args, machine.span);
  return { kind: "MachineRef", name: symbol.name, of: "interface" };
}
