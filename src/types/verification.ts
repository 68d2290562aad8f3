// Verification expressions (P's PVerifier syntax): quantifiers, `is`, `targets`, `inflight`,
// `sent`, and reading a machine's variables through a reference of a specific machine type
// (`forall (c: Coordinator) :: c.yesVotes == ...`). They are legal only where a formula is expected:
// invariants, init-conditions, axioms, pure function bodies, loop invariants and contracts.
import type { FieldExpr, IsExpr, MessagePredicateExpr, QuantifierExpr, TargetsExpr } from "../ast/nodes.ts";
import type { Span } from "../diagnostics/source.ts";
import { reportUnknown } from "../names/resolve.ts";
import { Scope } from "../names/scopes.ts";
import type { BodyContext } from "./context.ts";
import { checkExpr, expectType, reportNoField } from "./expressions.ts";
import type { VariableInfo } from "./program.ts";
import { resolveType } from "./resolve-types.ts";
import { BOOL, ERROR, isEventLike, isMachineLike, printType, type MachineRefType, type Type } from "./types.ts";

/** Reports `what` when it is used outside verification code. */
export function requireVerification(ctx: BodyContext, span: Span, what: string): void {
  if (!ctx.verification) ctx.checker.report(3016, span, [what]);
}

export function checkQuantifier(ctx: BodyContext, expr: QuantifierExpr): Type {
  requireVerification(ctx, expr.span, `'${expr.quantifier}'`);
  if (expr.overNew && !ctx.loopInvariant) ctx.checker.report(3017, expr.span, []);
  const scope = new Scope(ctx.scope);
  expr.binders.forEach((binder, index) => {
    const type = resolveType(ctx.checker, binder.type, { messages: true });
    const variable: VariableInfo = {
      id: binder.name.id,
      name: binder.name.name,
      type,
      storage: "bound",
      index,
      ownerId: expr.id,
      decl: binder.name,
    };
    if (scope.declare(variable, ctx.checker.diags)) {
      ctx.checker.bind(binder.name, { kind: "Variable", name: variable.name, variable });
    }
  });
  expectType({ ...ctx, scope }, expr.body, BOOL);
  return BOOL;
}

/** `e is E` (event), `m is M` (machine or interface type), `m is S` (machine in state S). */
export function checkIs(ctx: BodyContext, expr: IsExpr): Type {
  requireVerification(ctx, expr.span, "'is'");
  const checker = ctx.checker;
  const t = checkExpr(ctx, expr.operand);
  const name = expr.name.name;
  const symbol = checker.globals.get("entity", name);
  if (symbol?.kind === "Event") {
    if (!isEventLike(t)) checker.report(3001, expr.operand.span, ["event", printType(t)]);
    checker.bind(expr.name, symbol);
    return BOOL;
  }
  if (symbol?.kind === "Machine" || symbol?.kind === "Interface") {
    if (!isMachineLike(t)) checker.report(3001, expr.operand.span, ["machine", printType(t)]);
    checker.bind(expr.name, symbol);
    return BOOL;
  }
  // A state: of the operand's machine type, or of the one machine that has a state of that name.
  const owners =
    t.kind === "MachineRef" && t.of === "machine"
      ? [t.name]
      : t.kind === "Machine" || t.kind === "Error" || t.kind === "Null"
        ? [...checker.machines.values()].filter((m) => m.kind === "machine").map((m) => m.name)
        : [];
  if (owners.length === 0 && t.kind !== "MachineRef") {
    checker.report(3019, expr.name.span, [name, printType(t)]);
    return BOOL;
  }
  const matches = owners.filter((m) => checker.machines.get(m)?.states.has(name) === true);
  if (matches.length === 1) {
    const state = checker.machines.get(matches[0])?.states.get(name);
    if (state !== undefined) checker.bind(expr.name, { kind: "State", name, machine: matches[0], decl: state.decl });
    return BOOL;
  }
  if (matches.length > 1) {
    checker.report(2005, expr.name.span, [name, matches.map((m) => `'${m}'`).join(", ")]);
    return BOOL;
  }
  if (symbol !== undefined || t.kind === "Error" || t.kind === "MachineRef") {
    if (t.kind !== "Error") checker.report(3019, expr.name.span, [name, printType(t)]);
    return BOOL;
  }
  const candidates = [
    ...checker.globals.names("entity", (s) => s.kind === "Event" || s.kind === "Machine" || s.kind === "Interface"),
    ...owners.flatMap((m) => [...(checker.machines.get(m)?.states.keys() ?? [])]),
  ];
  reportUnknown(checker, "event, machine or state", name, expr.name.span, candidates);
  return BOOL;
}

export function checkTargets(ctx: BodyContext, expr: TargetsExpr): Type {
  requireVerification(ctx, expr.span, "'targets'");
  const m = checkExpr(ctx, expr.message);
  if (!isEventLike(m)) ctx.checker.report(3001, expr.message.span, ["event", printType(m)]);
  const t = checkExpr(ctx, expr.machine);
  if (!isMachineLike(t)) ctx.checker.report(3001, expr.machine.span, ["machine", printType(t)]);
  return BOOL;
}

export function checkMessagePredicate(ctx: BodyContext, expr: MessagePredicateExpr): Type {
  requireVerification(ctx, expr.span, `'${expr.predicate}'`);
  const m = checkExpr(ctx, expr.message);
  if (!isEventLike(m)) ctx.checker.report(3001, expr.message.span, ["event", printType(m)]);
  return BOOL;
}

/** `m.v` where m is a machine reference: reads machine variable v (verification code only). */
export function checkMachineField(
  ctx: BodyContext,
  expr: FieldExpr,
  t: MachineRefType | { readonly kind: "Machine" },
): Type {
  const checker = ctx.checker;
  const name = expr.field.name;
  if (t.kind === "Machine" || t.of === "interface") {
    checker.report(3018, expr.field.span, [name, printType(t)]);
    return ERROR;
  }
  requireVerification(ctx, expr.span, "Reading a variable of another machine");
  const vars = checker.machines.get(t.name)?.vars ?? [];
  const variable = vars.find((v) => v.name === name);
  if (variable === undefined) {
    reportNoField(checker, expr.field.span, t.name, name, vars.map((v) => v.name));
    return ERROR;
  }
  checker.bind(expr.field, { kind: "Variable", name, variable });
  return variable.type;
}
