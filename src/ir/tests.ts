// Expanding test declarations into the configurations the explorer runs: a plain test is one
// configuration; a parametric test is one per assignment of its parameters that satisfies its
// `assume`, or, with `(t wise)`, a smaller set that still covers every combination of values of
// any t parameters (chosen greedily and deterministically).
import type { Expr } from "../ast/nodes.ts";
import type { LowerContext } from "./context.ts";
import type { TestInfo } from "../types/program.ts";
import type { MachineId, TestIR } from "./ir.ts";

type Value = number | boolean;
type Assignment = ReadonlyMap<string, Value>;

export function expandTest(ctx: LowerContext, test: TestInfo, paramCount: number): TestIR[] {
  const mainName = test.main ?? test.module.main;
  if (mainName === undefined) return [];
  const machineIds = test.module.machines.map((m) => ctx.machineId(m));
  const specs = test.module.specs.map((s) => ctx.machineId(s));
  const bindings: Record<string, MachineId> = {};
  for (const [name, impl] of test.module.bindings) bindings[name] = ctx.machineId(impl);
  let assignments: Assignment[] = product(test.params.map((p) => [p.name, p.values] as const));
  if (test.assume !== undefined) {
    const assume = test.assume;
    assignments = assignments.filter((a) => evaluate(assume, a) === true);
  }
  if (test.wise !== undefined && test.params.length > test.wise) assignments = cover(assignments, test.wise);
  return assignments.map((assignment) => {
    const paramValues: (Value | undefined)[] = new Array(paramCount).fill(undefined);
    for (const [name, value] of assignment) {
      const index = ctx.ids.params.get(name);
      if (index !== undefined) paramValues[index] = value;
    }
    const suffix = assignment.size === 0 ? "" : `(${[...assignment].map(([n, v]) => `${n}=${v}`).join(",")})`;
    return {
      name: test.name + suffix,
      test: test.name,
      main: ctx.machineId(mainName),
      machines: machineIds,
      specs,
      bindings,
      paramValues,
      span: test.decl.span,
    };
  });
}

/** Every assignment of the parameters, the first parameter varying slowest. */
function product(params: readonly (readonly [string, readonly Value[]])[]): Map<string, Value>[] {
  let out: Map<string, Value>[] = [new Map()];
  for (const [name, values] of params) {
    out = out.flatMap((a) => values.map((v) => new Map(a).set(name, v)));
  }
  return out;
}

/** A subset of `all` covering every combination of values of every `t` parameters that `all` has. */
function cover(all: readonly Assignment[], t: number): Assignment[] {
  const key = (a: Assignment, names: readonly string[]): string => names.map((n) => `${n}=${a.get(n)}`).join(",");
  const names = all.length === 0 ? [] : [...all[0].keys()];
  const groups = combinations(names, t);
  const needed = new Set<string>();
  for (const a of all) for (const g of groups) needed.add(key(a, g));
  const chosen: Assignment[] = [];
  while (needed.size > 0) {
    let best = all[0];
    let bestGain = -1;
    for (const a of all) {
      const gain = groups.filter((g) => needed.has(key(a, g))).length;
      if (gain > bestGain) {
        best = a;
        bestGain = gain;
      }
    }
    chosen.push(best);
    for (const g of groups) needed.delete(key(best, g));
  }
  return chosen;
}

function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, k - 1).map((c) => [first, ...c]), ...combinations(rest, k)];
}

/** Evaluates an `assume` condition over parameter values (ints, bools, arithmetic, logic). */
function evaluate(e: Expr, env: Assignment): Value | undefined {
  switch (e.kind) {
    case "IntLit":
    case "BoolLit":
      return e.value;
    case "Name":
      return env.get(e.name);
    case "Unary": {
      const v = evaluate(e.operand, env);
      return e.op === "!" ? !v : -(v as number);
    }
    case "Binary": {
      const l = evaluate(e.left, env) as number;
      const r = evaluate(e.right, env) as number;
      switch (e.op) {
        case "+":
          return l + r;
        case "-":
          return l - r;
        case "*":
          return l * r;
        case "/":
          return r === 0 ? undefined : Math.trunc(l / r);
        case "%":
          return r === 0 ? undefined : l % r;
        case "<":
          return l < r;
        case "<=":
          return l <= r;
        case ">":
          return l > r;
        case ">=":
          return l >= r;
        case "==":
          return l === r;
        case "!=":
          return l !== r;
        case "&&":
          return Boolean(l) && Boolean(r);
        case "||":
          return Boolean(l) || Boolean(r);
        case "==>":
          return !l || Boolean(r);
        case "<==>":
          return Boolean(l) === Boolean(r);
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}
