// Functions: building the record of a function from its declaration (signature first, so that
// calls can be checked before the callee's body), then checking its body in a scope holding its
// parameters and locals. Named functions, anonymous handlers and receive cases all go through here.
import type { AnonFunction, FunDecl, VarDecl } from "../ast/nodes.ts";
import { Scope } from "../names/scopes.ts";
import type { BodyContext, Checker, FunctionBuilder, MachineBuilder } from "./context.ts";
import { expectBool } from "./operators.ts";
import type { FunctionInfo, VariableInfo } from "./program.ts";
import { resolveType } from "./resolve-types.ts";
import { endsOnEveryPath } from "./returns.ts";
import { checkStmt } from "./statements.ts";
import { MACHINE, VOID, printType, sameType, type Type } from "./types.ts";

/** Creates (and registers) the record of a function; resolves its parameter and result types. */
export function createFunction(
  checker: Checker,
  decl: FunDecl | AnonFunction,
  kind: FunctionInfo["kind"],
  name: string,
  machine: string | undefined,
  enclosing: FunctionInfo | undefined,
): FunctionBuilder {
  const params: VariableInfo[] = decl.params.map((p, index) => ({
    id: p.name.id,
    name: p.name.name,
    type: resolveType(checker, p.type),
    storage: "param",
    index,
    ownerId: decl.id,
    decl: p.name,
  }));
  let returnType: Type = VOID;
  let result: VariableInfo | undefined;
  if (decl.kind === "FunDecl") {
    if (decl.returnType !== undefined) returnType = resolveType(checker, decl.returnType);
    if (decl.resultName !== undefined) {
      const type = resolveType(checker, decl.resultName.type);
      if (decl.returnType !== undefined && !sameType(type, returnType)) {
        checker.report(3001, decl.resultName.type.span, [printType(returnType), printType(type)]);
      }
      if (decl.returnType === undefined) returnType = type;
      const ident = decl.resultName.name;
      result = { id: ident.id, name: ident.name, type, storage: "result", index: 0, ownerId: decl.id, decl: ident };
    }
    if (decl.body === undefined && decl.contracts.length === 0 && decl.resultName === undefined) {
      checker.report(3003, decl.name.span, [decl.name.name]);
    }
    if (decl.creates !== undefined && decl.body !== undefined) {
      checker.report(3046, decl.creates.span, [decl.name.name]);
    }
  }
  const fn: FunctionBuilder = {
    id: decl.id,
    name,
    kind,
    machine,
    decl,
    params,
    locals: [],
    returnType,
    result,
    body: decl.body,
    enclosing,
    creates: [],
    calls: [],
    receives: [],
  };
  checker.functionsById.set(decl.id, fn);
  return fn;
}

export interface FunctionSite {
  readonly checker: Checker;
  readonly machine: MachineBuilder | undefined;
  /** The scope the function's own scope nests in (a receive case sees its enclosing function's). */
  readonly parentScope: Scope | undefined;
  readonly thisType: Type | undefined;
}

/** The type of `this` in code of a machine (its reference type), a spec (none) or a global function. */
export function thisTypeFor(machine: MachineBuilder | undefined): Type | undefined {
  if (machine === undefined) return MACHINE;
  return machine.kind === "spec" ? undefined : machine.type;
}

/** Checks the contracts and body of a function (nothing to do for a foreign function). */
export function checkFunctionBody(fn: FunctionBuilder, site: FunctionSite): void {
  const { checker } = site;
  const scope = new Scope(site.parentScope);
  for (const param of fn.params) {
    if (scope.declare(param, checker.diags)) checker.bind(param.decl, { kind: "Variable", name: param.name, variable: param });
  }
  const ctx: BodyContext = {
    checker,
    scope,
    machine: site.machine,
    fn,
    verification: false,
    loopInvariant: false,
    loops: 0,
    thisType: site.thisType,
  };
  if (fn.decl.kind === "FunDecl") {
    for (const contract of fn.decl.contracts) {
      let contractScope = scope;
      if (contract.clause === "ensures" && fn.result !== undefined) {
        contractScope = new Scope(scope);
        contractScope.declare(fn.result, checker.diags);
      }
      expectBool({ ...ctx, scope: contractScope, verification: true }, contract.condition);
    }
    if (fn.result !== undefined) checker.bind(fn.result.decl, { kind: "Variable", name: fn.result.name, variable: fn.result });
  }
  if (fn.body === undefined) return;
  declareLocals(ctx, fn, fn.body.vars);
  for (const stmt of fn.body.statements) checkStmt(ctx, stmt);
  const returns = fn.returnType;
  if (fn.decl.kind === "FunDecl" && returns.kind !== "Void" && returns.kind !== "Error" && !endsOnEveryPath(fn.body.statements)) {
    checker.report(3056, fn.decl.name.span, [fn.decl.name.name, printType(returns)]);
  }
}

/** Declares `var`s as locals of the function, in the context's scope. */
export function declareLocals(ctx: BodyContext, fn: FunctionBuilder, vars: readonly VarDecl[]): void {
  for (const varDecl of vars) {
    const type = resolveType(ctx.checker, varDecl.type);
    for (const ident of varDecl.names) {
      const variable: VariableInfo = {
        id: ident.id,
        name: ident.name,
        type,
        storage: "local",
        index: fn.params.length + fn.locals.length,
        ownerId: fn.id,
        decl: ident,
      };
      if (ctx.scope.declare(variable, ctx.checker.diags)) {
        fn.locals.push(variable);
        ctx.checker.bind(ident, { kind: "Variable", name: ident.name, variable });
      }
    }
  }
}
