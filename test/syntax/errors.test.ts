// Syntax errors: each is reported with its code at the right place, recovery finds the next one,
// and the lexer's own problems (stray characters, unterminated strings and comments) are reported.
import { describe, expect, it } from "vitest";
import { codesAt, parse } from "./helpers.ts";

describe("syntax errors", () => {
  it("reports a missing semicolon at the end of the line it was left off", () => {
    expect(codesAt("event e: int\nevent f;")).toEqual(["1004@1:13"]);
    expect(parse("event e: int\nevent f;").diagnostics[0].message).toBe("Expected ';' but found 'event'.");
  });

  it("keeps going after an error, so the next one is reported too", () => {
    const text = "machine M { start state S { entry { x = 1 } } }\nmachine N { start state S { entry { y = ; } } }";
    expect(codesAt(text)).toEqual(["1004@1:42", "1005@2:41"]);
    expect(parse(text).diagnostics[1].message).toBe("Expected an expression but found ';'.");
  });

  it("names what was expected in words", () => {
    expect(parse("machine M { start state S { on e do { foo; } } }").diagnostics[0].message).toBe(
      "Expected a statement but found 'foo'.",
    );
    expect(parse("test t [main=M]: ;").diagnostics[0].message).toBe("Expected a module expression but found ';'.");
    expect(parse("machine M { start state S { entry x; } } }").diagnostics.map((d) => d.message)).toEqual([
      "Unexpected '}' after the end of the declaration.",
    ]);
  });

  it("reports the end of the file", () => {
    const r = parse("fun f() { x = ");
    expect(r.diagnostics.map((d) => d.message)).toEqual(["Expected an expression but found end of file."]);
    expect(r.diagnostics[0].span).toMatchObject({ start: 14, end: 14 });
  });

  it("reports lexical problems", () => {
    expect(codesAt("fun f() { x = 1; }  # stray")).toEqual(["1001@1:21", "1005@1:23"]);
    expect(codesAt('fun f() { s = "abc')).toEqual(["1002@1:15", "1005@1:19"]);
    expect(codesAt("/* never closed")).toEqual(["1003@1:1"]);
    expect(codesAt("fun f(): int { return 99999999999; }")).toEqual(["1007@1:23"]);
  });

  it("requires variables before statements and locations on the left of assignments", () => {
    expect(codesAt("fun f() { x = 1; var y: int; }")).toEqual(["1008@1:18"]);
    expect(codesAt("fun f() { 3 = x; (a, b) = 2; }")).toEqual(["1009@1:11", "1009@1:18"]);
  });

  it("accepts verification words as ordinary names", () => {
    const text = `machine M { var sent: int; var is: bool; var targets: seq[int];
      start state S { entry { sent = sent + 1; is = sent == 2; targets += (0, sent); invariant(sent); } } }
      fun invariant(x: int) { }`;
    expect(parse(text).diagnostics).toEqual([]);
  });

  it("builds the right tree for the verification operators", () => {
    const r = parse("invariant i: forall (e: eYes, c: C) :: e is eYes && e targets c ==> !inflight e;");
    expect(r.diagnostics).toEqual([]);
    const inv = r.program.files[0].decls[0];
    if (inv.kind !== "InvariantDecl" || inv.condition.kind !== "Quantifier") throw new Error("shape");
    const body = inv.condition.body;
    expect(body.kind).toBe("Binary");
    if (body.kind !== "Binary") return;
    expect(body.op).toBe("==>");
    expect(body.left.kind).toBe("Binary");
    expect(body.right).toMatchObject({ kind: "Unary", op: "!", operand: { kind: "MessagePredicate", predicate: "inflight" } });
  });

  it("gives every node a unique id across files", () => {
    const r = parse("event a; event b: int;");
    const ids = new Set<number>();
    const collect = (n: unknown): void => {
      if (n === null || typeof n !== "object") return;
      const rec = n as Record<string, unknown>;
      if (typeof rec.id === "number" && typeof rec.kind === "string") {
        expect(ids.has(rec.id)).toBe(false);
        ids.add(rec.id);
      }
      for (const v of Object.values(rec)) collect(v);
    };
    collect(r.program);
    expect(ids.size).toBeGreaterThan(5);
    expect(Math.max(...ids)).toBeLessThan(r.program.nextId);
  });
});
