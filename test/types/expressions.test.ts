import { describe, expect, it } from "vitest";
import { printType } from "../../src/types/types.ts";
import { check, codes, messages, nodesOf } from "./helpers.ts";

/** The printed type of the first expression whose source text is `text`. */
function typeOf(c: ReturnType<typeof check>, text: string): string {
  const node = [...nodesOf(c, "Name", text), ...nodesOf(c, "Call", text), ...nodesOf(c, "Binary", text)][0] ??
    nodesOf(c, "CollectionOp", text)[0] ?? nodesOf(c, "Choose", text)[0] ?? nodesOf(c, "Field", text)[0] ??
    nodesOf(c, "Index", text)[0] ?? nodesOf(c, "Tuple", text)[0] ?? nodesOf(c, "NamedTuple", text)[0] ??
    nodesOf(c, "Cast", text)[0] ?? nodesOf(c, "New", text)[0] ?? nodesOf(c, "This", text)[0] ??
    nodesOf(c, "Default", text)[0] ?? nodesOf(c, "Format", text)[0] ?? nodesOf(c, "TupleIndex", text)[0];
  if (node === undefined) throw new Error(`no expression '${text}'`);
  const type = c.checked.exprTypes.get(node.id);
  return type === undefined ? "<none>" : printType(type);
}

describe("expression types", () => {
  it("records the type of every expression", () => {
    const c = check(`
      enum Color { RED, GREEN }
      type tReq = (id: int, color: Color);
      machine M {
        var m: map[string, seq[tReq]];
        var r: tReq;
        var t: (int, bool);
        start state S {
          entry {
            print format("{0} {1} {2} {3}", keys(m), values(m), sizeof(m), m["a"][0].color);
            print format("{0} {1} {2} {3}", choose(m), choose(values(m)), choose(5), choose());
            print format("{0} {1} {2} {3}", (1, "a"), (x = 1.5, y = this), t.1, default(set[Color]));
            print format("{0} {1} {2}", RED to int, 0 to Color, r as any);
          }
        }
      }
    `);
    expect(c.diagnostics).toEqual([]);
    expect(typeOf(c, "keys(m)")).toBe("seq[string]");
    expect(typeOf(c, "values(m)")).toBe("seq[seq[tReq]]");
    expect(typeOf(c, "sizeof(m)")).toBe("int");
    expect(typeOf(c, "m[\"a\"][0].color")).toBe("Color");
    expect(typeOf(c, "choose(m)")).toBe("string");
    expect(typeOf(c, "choose(values(m))")).toBe("seq[tReq]");
    expect(typeOf(c, "choose(5)")).toBe("int");
    expect(typeOf(c, "choose()")).toBe("bool");
    expect(typeOf(c, "(1, \"a\")")).toBe("(int, string)");
    expect(typeOf(c, "(x = 1.5, y = this)")).toBe("(x: float, y: M)");
    expect(typeOf(c, "t.1")).toBe("bool");
    expect(typeOf(c, "default(set[Color])")).toBe("set[Color]");
    expect(typeOf(c, "RED to int")).toBe("int");
    expect(typeOf(c, "0 to Color")).toBe("Color");
    expect(typeOf(c, "r as any")).toBe("any");
    expect(typeOf(c, "RED")).toBe("Color");
  });

  it("gives events, halt and this their types", () => {
    const c = check(`
      event ePing;
      fun G(): machine { return this; }
      machine M {
        start state S { entry { var e: event; var me: M; e = ePing; e = halt; me = this; } }
      }
    `);
    expect(c.diagnostics).toEqual([]);
    expect(typeOf(c, "ePing")).toBe("event");
    const [globalThis, machineThis] = nodesOf(c, "This");
    expect(printType(c.checked.exprTypes.get(globalThis.id) ?? { kind: "Error" })).toBe("machine");
    expect(printType(c.checked.exprTypes.get(machineThis.id) ?? { kind: "Error" })).toBe("M");
  });
});

describe("operators", () => {
  it("does not mix ints and floats", () => {
    expect(
      messages(`
        fun F(i: int, f: float, s: string, b: bool) {
          var x: float;
          x = f * 2.0 + f / f - f % f;
          i = i * 2 + i / 3 - i % 4;
          s = s + "!";
          x = i + f;
          b = i < f;
          b = s < "z" && i >= 0 || !b;
          b = b + b;
          i = -s;
        }
      `),
    ).toEqual([
      "3005@6:7 Operator '+' cannot be applied to int and float.",
      "3005@7:7 Operator '<' cannot be applied to int and float.",
      "3005@9:7 Operator '+' cannot be applied to bool and bool.",
      "3006@10:7 Operator '-' cannot be applied to string.",
    ]);
  });

  it("compares values of related types only", () => {
    expect(
      codes(`
        enum A { A1 }
        enum B { B1 }
        machine M {
          start state S {
            entry {
              var m: machine; var me: M; var a: any; var b: bool;
              b = m == me && me != null && a == 1 && A1 == A1;
              b = A1 == B1;
              b = 1 == "1";
              b = (1, 2) == (a = 1, b = 2);
            }
          }
        }
      `),
    ).toEqual(["3005@8:11", "3005@9:11", "3005@10:11"]);
  });

  it("checks membership against the element or key type", () => {
    expect(
      codes(`
        fun F(s: seq[int], m: map[string, int], t: set[machine], i: int) {
          var b: bool;
          b = 1 in s && "k" in m && null in t;
          b = "k" in s;
          b = 1 in m;
          b = 1 in i;
        }
      `),
    ).toEqual(["3001@4:7", "3001@5:7", "3010@6:12"]);
  });

  it("casts only between related types, and converts with 'to' between numbers and enums", () => {
    expect(
      messages(`
        enum E { E1 }
        machine M {
          start state S {
            entry {
              var a: any; var i: int; var f: float; var m: machine; var me: M; var e: E;
              i = a as int; me = m as M; a = i as any;
              i = f to int; f = i to float; i = e to int; e = i to E;
              i = f as int;
              me = i as M;
              i = "1" to int;
              e = f to E;
            }
          }
        }
      `),
    ).toEqual([
      "3013@8:11 Cannot cast float to int: neither type is a subtype of the other.",
      "3013@9:12 Cannot cast int to M: neither type is a subtype of the other.",
      "3014@10:11 Cannot convert string to int with 'to'.",
      "3014@11:11 Cannot convert float to E with 'to'.",
    ]);
  });
});

describe("access and collections", () => {
  it("reads fields of named tuples and elements of tuples", () => {
    expect(
      messages(`
        type tReq = (source: machine, id: int);
        fun F(r: tReq, t: (int, bool), i: int) {
          i = r.id + t.0;
          i = r.ide;
          i = t.2;
          i = i.x;
        }
      `),
    ).toEqual([
      "3053@4:9 Type tReq has no field 'ide'. Did you mean 'id'?",
      "3008@5:7 Tuple index 2 is out of range for (int, bool).",
      "3007@6:9 Type int has no field 'x'.",
    ]);
  });

  it("indexes seqs and sets by int and maps by key", () => {
    expect(
      codes(`
        fun F(s: seq[bool], t: set[string], m: map[string, int], i: int) {
          var b: bool;
          b = s[0] && t[1] == "a" && m["k"] == 1;
          b = s["0"];
          i = m[0];
          i = i[0];
        }
      `),
    ).toEqual(["3001@4:9", "3001@5:9", "3009@6:7"]);
  });

  it("applies keys, values, sizeof and choose to the right collections", () => {
    expect(
      messages(`
        fun F(s: seq[int], i: int) {
          var x: seq[int];
          x = keys(s);
          i = sizeof(i);
          i = choose("abc");
        }
      `),
    ).toEqual([
      "3010@3:12 'keys' requires a map but found seq[int].",
      "3010@4:14 'sizeof' requires a seq, set or map but found int.",
      "3010@5:14 'choose' requires an int or a seq, set or map but found string.",
    ]);
  });

  it("warns when format placeholders and arguments disagree", () => {
    expect(
      messages(`
        fun F(i: int) {
          print format("{0} and {1}", i);
          print format("no placeholder", i);
          print format("{1} {0}", i, i);
        }
      `),
    ).toEqual([
      "3015@2:16 The format string uses 2 argument(s) but 1 were given.",
      "3015@3:16 The format string uses 0 argument(s) but 1 were given.",
    ]);
  });
});

describe("calls and new", () => {
  it("checks arity, argument types and the use of a result", () => {
    expect(
      messages(`
        fun Add(a: int, b: int): int { return a + b; }
        fun Log(s: string) { print s; }
        fun F() {
          var i: int;
          i = Add(1, 2);
          i = Add(1);
          i = Add(1, true);
          i = Log("x");
          Log("x");
          Add(1, 2);
        }
      `),
    ).toEqual([
      "3011@6:11 Function 'Add' takes 2 argument(s) but 1 were given.",
      "3001@7:14 Type mismatch: expected int but found bool.",
      "3012@8:7 Function 'Log' returns no value, so its call cannot be used as a value.",
    ]);
  });

  it("checks the payload of new against the start state's entry or the interface", () => {
    expect(
      messages(`
        interface IServer(int) receives;
        machine Server { start state S { entry (cfg: (n: int, b: bool)) { } } }
        machine Empty { start state S { } }
        machine Main {
          start state S {
            entry {
              var s: Server; var i: IServer;
              s = new Server((n = 1, b = true));
              s = new Server(1, true);
              new Server();
              new Empty(1);
              i = new IServer(1);
              i = new IServer("x");
              i = new Server((n = 1, b = true));
            }
          }
        }
      `),
    ).toEqual([
      "3030@9:22 Machine 'Server' expects a payload of type (n: int, b: bool) but found (int, bool).",
      "3029@10:11 Machine 'Server' expects a payload of type (n: int, b: bool), but none was given.",
      "3028@11:17 Machine 'Empty' takes no payload, but one was given.",
      "3030@13:23 Interface 'IServer' expects a payload of type int but found string.",
      "3001@14:11 Type mismatch: expected IServer but found Server.",
    ]);
  });
});
