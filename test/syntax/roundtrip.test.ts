// The formatter's output parses back to the same tree: printing twice gives the same text, and the
// printed form of each construct is pinned.
import { describe, expect, it } from "vitest";
import { printExpr, printFile } from "../../src/ast/printer.ts";
import type { Expr } from "../../src/ast/nodes.ts";
import { parse } from "./helpers.ts";

function format(text: string): string {
  const r = parse(text);
  expect(r.diagnostics).toEqual([]);
  return r.program.files.map(printFile).join("");
}

function exprOf(text: string): Expr {
  const r = parse(`fun f() { x = ${text}; }`);
  expect(r.diagnostics).toEqual([]);
  const fun = r.program.files[0].decls[0];
  if (fun.kind !== "FunDecl" || fun.body === undefined) throw new Error("expected a function");
  const stmt = fun.body.statements[0];
  if (stmt.kind !== "Assign") throw new Error("expected an assignment");
  return stmt.value;
}

const everything = `
type tReq = (client: Client, key: int, tags: seq[string]);
type tPair = (int, bool);
type tOne = (int,);
type tOneNamed = (n: int,);
type Handle;
enum Status { OK, FAIL }
enum Code { A = 1, B = -2 }
event eReq: tReq;
event ePing;
event eOld assert 3: int;
eventset es = { eReq, ePing };
interface IServer(int) receives eReq, ePing;
interface IEmpty();
param nClients: int;
machine Client receives eResp, ePing; sends eReq; {
    var server: machine;
    var a, b: int;
    start state Init {
        entry (s: machine) {
            server = s;
            send server, eReq, (client = this, key = 1, tags = default(seq[string]));
            goto Wait;
        }
        on ePing do {
            a = a + 1;
        }
        defer eReq;
        ignore halt, eOld;
    }
    state Wait {
        on eResp goto Init with (r: int) {
            b = r;
        }
        on null goto Init;
        on eX goto Init with Handle;
        on eY do Handle;
        exit {
            print format("a is {0} and b is {1}", a, b);
        }
    }
    fun Handle(x: int): int {
        var y: seq[int];
        var m: map[int, set[string]];
        y += (0, x);
        y -= (0);
        m[1] += ("s");
        m -= 1;
        t.0.1 = 3;
        t.f.g[2] = 4;
        while (i < 3)
            invariant i >= 0;
        {
            i = i + 1;
            if (i == 2)
                continue;
            else
                break;
        }
        foreach (k in keys(m)) {
            print "k";
        }
        receive {
            case eA, eB: (p: int) {
                x = p;
            }
            case eC: {
                ;
            }
        }
        if ($) {
            raise halt;
        } else if ($$) {
            new Foo(1, 2);
        }
        assert sizeof(y) > 0, "empty";
        Foo(1);
        announce eReq, 3;
        return sizeof(y) + x * 2 - x as int;
    }
}
spec Safety observes eReq {
    start cold state S {
        on eReq do (r: tReq) {
            assert r.key > 0, "bad";
        }
    }
    hot state T {
    }
}
fun Foreign(x: int): int;
fun Pick(s: set[machine]): machine
    return (x: machine);
    ensures x in s;
    requires sizeof(s) > 0;
module M = { Client, Server -> IServer };
module N = (union M, { Other }, (compose M, M));
module H = (hidee eReq in (hidei IServer in (rename Client to C2 in (main Client in M))));
test tc [main=Client]: (assert Safety in (union M, { Other }));
test param (nClients in [1, 2], b1 in [true, false]) assume (nClients > 1) (2 wise) tc2 [main=Client]: M;
test tc3: M refines N;
implementation impl [main=Client]: M;
invariant inv1: forall (e: event, c: Client) :: e is eReq && e targets c ==> !inflight e;
invariant true;
init-condition forall (m: machine) :: m == coord() <==> m is Coordinator;
pure coord(): machine;
pure double(x: int): int = x * 2;
axiom 1 == 1;
Lemma L {
    invariant a: true;
    invariant b: sent x;
}
Theorem Th {
    invariant c: exists (p: Participant) :: p.done;
}
Proof {
    prove L;
    prove Th, inv1 using L, default;
    prove default using L;
}
`;

describe("the formatter", () => {
  it("prints every construct and reads back the same program", () => {
    const once = format(everything);
    expect(format(once)).toBe(once);
  });

  it("pins the printed form of a machine", () => {
    expect(format("machine M{start state S{entry{x=1;}on e goto T;}}")).toBe(
      ["machine M {", "    start state S {", "        entry {", "            x = 1;", "        }", "        on e goto T;", "    }", "}", ""].join("\n"),
    );
  });

  it("keeps only the parentheses that precedence needs", () => {
    const cases: [string, string][] = [
      ["(a + b) * c", "(a + b) * c"],
      ["a + (b * c)", "a + b * c"],
      ["a - (b - c)", "a - (b - c)"],
      ["(a - b) - c", "a - b - c"],
      ["!(a && b) || c", "!(a && b) || c"],
      ["a ==> b ==> c", "a ==> b ==> c"],
      ["(a ==> b) ==> c", "(a ==> b) ==> c"],
      ["-x.f[1]", "-x.f[1]"],
      ["(x as int) + 1", "(x as int) + 1"],
      ["x + 1 as float", "x + 1 as float"],
      ["a in s == b", "a in s == b"],
      ["(1,)", "(1,)"],
      ["(f = 1,)", "(f = 1,)"],
      ['"a\\"b\\n"', '"a\\"b\\n"'],
      ["float(15, -1)", "float(15, -1)"],
      ["1.25", "1.25"],
      ["choose(3) + choose()", "choose(3) + choose()"],
      ["(forall (x: int) :: x > 0) && y", "(forall (x: int) :: x > 0) && y"],
    ];
    for (const [input, expected] of cases) expect(printExpr(exprOf(input))).toBe(expected);
  });
});
