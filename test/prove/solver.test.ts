// The pieces under `pith prove`: SMT terms folded on constants, the order in which counterexample
// sizes are tried, Z3's answers read back as P values, and the Z3 service's timeouts and worker
// recycling.
import { describe, expect, it } from "vitest";
import { sizeVectors } from "../../src/prove/cti.ts";
import { and, arith, eq, implies, int, ite, not, or, sym, TRUE } from "../../src/prove/smt.ts";
import { Z3Service } from "../../src/prove/solver.ts";
import { parseSExprs, ValuePrinter, valuesOf } from "../../src/prove/values.ts";
import type { ModelIR } from "../../src/ir/ir.ts";

describe("SMT terms", () => {
  it("fold constants and quote symbols that need it", () => {
    const x = { s: "x", sort: "Int" };
    expect(arith("+", int(2), int(3))).toEqual(int(5));
    expect(arith("<", int(2), int(3)).value).toBe(true);
    expect(arith("+", x, int(1)).s).toBe("(+ x 1)");
    expect(int(-4).s).toBe("(- 4)");
    expect(and(TRUE, { s: "a", sort: "Bool" }).s).toBe("a");
    expect(or(TRUE, { s: "a", sort: "Bool" }).value).toBe(true);
    expect(implies({ s: "a", sort: "Bool" }, TRUE).value).toBe(true);
    expect(not(not({ s: "a", sort: "Bool" })).s).toBe("a");
    expect(ite(TRUE, x, int(0))).toBe(x);
    expect(eq(x, x).value).toBe(true);
    expect(sym("Client.state")).toBe("Client.state");
    expect(sym("(a: int)")).toBe("|(a: int)|");
  });
});

describe("counterexample sizes", () => {
  it("are tried fewest machines first", () => {
    expect(sizeVectors(2, 2)).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [1, 3],
      [2, 2],
      [3, 1],
    ]);
    expect(sizeVectors(1, 3)).toEqual([[1], [2], [3], [4]]);
  });
});

describe("values from Z3", () => {
  const model = { machines: [], events: [], enums: [] } as unknown as ModelIR;
  it("parse get-value answers and print them as P values", () => {
    const raw = valuesOf('((x 3) (y (- 2)) (s (store ((as const (Array Int Bool)) false) 5 true)) (t "a""b") (|q r| true))');
    const p = new ValuePrinter(model);
    expect(p.print(raw[0], { kind: "type", type: { kind: "Int" } })).toBe("3");
    expect(p.print(raw[1], { kind: "type", type: { kind: "Int" } })).toBe("-2");
    expect(p.print(raw[2], { kind: "type", type: { kind: "Set", element: { kind: "Int" } } })).toBe("{5}");
    expect(raw[3]).toBe('"a""b"');
    expect(parseSExprs("(a |b c| (d))")).toEqual([["a", "b c", ["d"]]]);
    const seq = valuesOf("((s (|seq[int].mk| 2 (store ((as const (Array Int Int)) 7) 0 1))))")[0];
    expect(p.print(seq, { kind: "type", type: { kind: "Seq", element: { kind: "Int" } } })).toBe("[1, 7]");
    p.names.set("Id.C!val!0", "C(0)");
    expect(p.print("Id.C!val!0", { kind: "id", machine: 0 })).toBe("C(0)");
    expect(p.print(["Machine.C", "Id.C!val!0"], { kind: "type", type: { kind: "Machine" } })).toBe("C(0)");
  });
});

describe("the Z3 service", () => {
  it("answers, names the unsat core, times out, and replaces its worker", async () => {
    const z3 = new Z3Service({ timeoutMs: 300, recycleAfter: 2, graceMs: 2000 });
    try {
      const unsat = await z3.check({ script: "(declare-const a Bool)(declare-const b Bool)(assert (=> a (not b)))", assumptions: ["a", "b"], values: [] });
      expect(unsat.status).toBe("unsat");
      expect(unsat.status === "unsat" ? [...unsat.core].sort() : []).toEqual(["a", "b"]);
      const sat = await z3.check({ script: "(declare-const x Int)(assert (> x 41))(assert (< x 43))", assumptions: [], values: ["x"] });
      expect(sat.status === "sat" ? valuesOf(sat.values ?? "") : []).toEqual(["42"]);
      const hard = await z3.check({
        script: "(declare-fun f (Int) Int)(assert (forall ((x Int)) (> (f x) (f (+ x 1)))))(assert (forall ((x Int)) (>= (f x) 0)))",
        assumptions: [],
        values: [],
      });
      expect(hard.status).toBe("unknown");
      expect(z3.workersStarted).toBe(2);
      const bad = await z3.check({ script: "(assert (undeclared))", assumptions: [], values: [] });
      expect(bad.status).toBe("error");
    } finally {
      await z3.close();
    }
  });
});
