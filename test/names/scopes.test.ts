import { describe, expect, it } from "vitest";
import { check, codes, codesInFiles, messages, nodesOf } from "../types/helpers.ts";

describe("machine scopes", () => {
  it("reports duplicate variables, functions and states with a note", () => {
    expect(
      codesInFiles({
        "m.p": `
          machine M {
            var x: int;
            var x: bool;
            fun x() { }
            start state S { }
            state S { }
          }
        `,
      }),
    ).toEqual(["2002@m.p:3:7 note@m.p:2:7", "2002@m.p:4:7 note@m.p:2:7", "2002@m.p:6:9 note@m.p:5:15"]);
  });

  it("resolves calls to the machine's own functions before global ones", () => {
    const c = check(`
      fun Work(): int { return 1; }
      machine M {
        start state S { entry { var b: bool; b = Work(); } }
        fun Work(): bool { return true; }
      }
    `);
    expect(c.diagnostics).toEqual([]);
    const [call] = nodesOf(c, "Call");
    expect(c.checked.symbols.get(call.callee.id)).toMatchObject({ kind: "Function", machine: "M" });
    expect(c.checked.exprTypes.get(call.id)).toEqual({ kind: "Bool" });
  });
});

describe("function scopes", () => {
  it("puts parameters and locals in one scope", () => {
    expect(
      codes(`
        fun F(a: int, a: bool) {
          var b: int;
          var a: string;
          var b: int;
        }
      `),
    ).toEqual(["2002@1:15", "2002@3:7", "2002@4:7"]);
  });

  it("lets locals shadow machine variables", () => {
    const c = check(`
      machine M {
        var v: int;
        start state S { entry { var v: bool; v = true; } }
      }
    `);
    expect(c.diagnostics).toEqual([]);
    const [v] = nodesOf(c, "Name", "v");
    expect(c.checked.symbols.get(v.id)).toMatchObject({ kind: "Variable", variable: { storage: "local", index: 0 } });
  });

  it("numbers slots: parameters first, then locals", () => {
    const c = check(`
      fun F(a: int, b: int): int { var x: int; var y, z: bool; return a; }
    `);
    const fn = c.checked.functions.get("F");
    expect(fn?.params.map((p) => [p.name, p.index])).toEqual([["a", 0], ["b", 1]]);
    expect(fn?.locals.map((l) => [l.name, l.index, l.storage])).toEqual([
      ["x", 2, "local"],
      ["y", 3, "local"],
      ["z", 4, "local"],
    ]);
  });

  it("lets receive cases use the locals of the function around them", () => {
    const c = check(`
      event eDone: int;
      fun Wait(): int {
        var result: int;
        receive {
          case eDone: (n: int) { var twice: int; twice = n * 2; result = twice; }
        }
        return result;
      }
    `);
    expect(c.diagnostics).toEqual([]);
    const caseFn = c.checked.functions.get("Wait")?.receives[0];
    expect(caseFn).toMatchObject({ kind: "receive", name: "receive eDone", enclosing: { name: "Wait" } });
    expect(caseFn?.locals.map((l) => [l.name, l.index])).toEqual([["twice", 1]]);
    const [result] = nodesOf(c, "Name", "result");
    expect(c.checked.symbols.get(result.id)).toMatchObject({ variable: { storage: "local", ownerId: c.checked.functions.get("Wait")?.id } });
  });

  it("reports unknown variables with a suggestion from the scope", () => {
    expect(
      messages(`
        machine M {
          var counter: int;
          start state S { entry { var total: int; totl = countr; } }
        }
      `),
    ).toEqual([
      "2003@3:43 Unknown name 'totl'. Did you mean 'total'?",
      "2003@3:50 Unknown name 'countr'. Did you mean 'counter'?",
    ]);
  });

  it("gives a quantifier its own scope", () => {
    expect(
      codes(`
        machine M { var x: int; start state S { } }
        invariant i1: forall (x: int, x: bool) :: true;
        invariant i2: forall (m: M) :: (exists (y: int) :: y == 1) && y == 2;
      `),
    ).toEqual(["2002@2:31", "2001@3:63"]);
  });
});
