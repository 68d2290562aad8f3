// Verification declarations: invariants, init-conditions and axioms are boolean formulas over the
// global state; pure functions are formulas with parameters; lemmas group invariants; proof steps
// name invariants, lemmas, or `default` (P's built-in obligations).
import type { Expr, Ident, InvariantDecl, LemmaDecl, ProofDecl, PureDecl } from "../ast/nodes.ts";
import { reportUnknown } from "../names/resolve.ts";
import { reportDuplicate, Scope } from "../names/scopes.ts";
import type { BodyContext, Checker } from "./context.ts";
import { expectType } from "./expressions.ts";
import type { InvariantInfo, LemmaInfo, ProofStepInfo, ProofTarget } from "./program.ts";
import { BOOL } from "./types.ts";

/** The context of a formula outside any machine: only globals and quantified variables in scope. */
function formulaContext(checker: Checker, scope: Scope = new Scope(undefined)): BodyContext {
  return {
    checker,
    scope,
    machine: undefined,
    fn: undefined,
    verification: true,
    loopInvariant: false,
    loops: 0,
    thisType: undefined,
  };
}

export function checkFormula(checker: Checker, condition: Expr): void {
  expectType(formulaContext(checker), condition, BOOL);
}

export function checkInvariant(checker: Checker, decl: InvariantDecl, lemma: string | undefined): InvariantInfo {
  checkFormula(checker, decl.condition);
  return { name: decl.name?.name, decl, lemma };
}

export function checkPureBody(checker: Checker, decl: PureDecl): void {
  const info = checker.pures.get(decl.name.name);
  if (info === undefined || info.decl !== decl || decl.body === undefined) return;
  const scope = new Scope(undefined);
  for (const param of info.params) {
    if (scope.declare(param, checker.diags)) checker.bind(param.decl, { kind: "Variable", name: param.name, variable: param });
  }
  expectType(formulaContext(checker, scope), decl.body, info.returnType);
}

export function checkLemma(checker: Checker, decl: LemmaDecl): void {
  const invariants: InvariantInfo[] = [];
  const seen = new Map<string, Ident["span"]>();
  for (const inv of decl.invariants) {
    if (inv.name !== undefined) {
      const first = seen.get(inv.name.name);
      if (first !== undefined) reportDuplicate(checker.diags, inv.name.name, inv.name.span, first);
      else seen.set(inv.name.name, inv.name.span);
    }
    invariants.push(checkInvariant(checker, inv, decl.name.name));
  }
  const symbol = checker.globals.get("proof", decl.name.name);
  if (symbol?.kind === "Lemma" && symbol.decl === decl) {
    checker.lemmas.set(decl.name.name, { name: decl.name.name, decl, keyword: decl.keyword, invariants });
  }
}

function proofTarget(checker: Checker, ident: Ident): ProofTarget | undefined {
  if (ident.name === "default") {
    checker.bind(ident, { kind: "DefaultObligations", name: "default" });
    return { kind: "default" };
  }
  const symbol = checker.globals.get("proof", ident.name);
  if (symbol?.kind === "Invariant") {
    const invariant = checker.invariants.find((i) => i.decl === symbol.decl);
    if (invariant === undefined) return undefined;
    checker.bind(ident, symbol);
    return { kind: "invariant", invariant };
  }
  if (symbol?.kind === "Lemma") {
    const lemma: LemmaInfo | undefined = checker.lemmas.get(symbol.name);
    if (lemma === undefined) return undefined;
    checker.bind(ident, symbol);
    return { kind: "lemma", lemma };
  }
  reportUnknown(checker, "invariant or lemma", ident.name, ident.span, checker.globals.names("proof"));
  return undefined;
}

export function checkProof(checker: Checker, decl: ProofDecl): void {
  const steps: ProofStepInfo[] = decl.steps.map((step) => ({
    decl: step,
    targets: step.targets.map((t) => proofTarget(checker, t)).filter((t) => t !== undefined),
    using: step.using.map((t) => proofTarget(checker, t)).filter((t) => t !== undefined),
  }));
  checker.proofs.push({ name: decl.name?.name, decl, steps });
}
