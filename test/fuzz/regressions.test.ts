// Inputs that once made the front end throw, each cut down to the smallest one that did. The fixed
// ones must go through parse, check and lower and come out with diagnostics. The ones whose fix is
// pending (known-crashes.ts) must still crash exactly as recorded, so that the list the property
// tests tolerate never goes stale: when a fix lands, its case here fails and moves to the first group.
import { describe, expect, it } from "vitest";
import { frontEnd } from "../../src/driver.ts";
import { SourceFile } from "../../src/diagnostics/source.ts";
import { KNOWN_CRASHES } from "./known-crashes.ts";
import { crashOf } from "./minimise.ts";

function codes(text: string): number[] {
  return frontEnd([new SourceFile("regression.p", text)]).diagnostics.map((d) => d.code);
}

describe("inputs that once crashed the front end", () => {
  it("an assignment whose target lost its operand to error recovery", () => {
    // `.5` is not a literal: `g(` is followed by `.` and `5`, a tuple index of nothing, which the
    // parser once tested for being a location (isLocation in src/syntax/parser-statements.ts).
    expect(codes("fun f() { send, g(.5);")).toContain(1005);
  });

  it("a variable declaration that error recovery dropped after a statement", () => {
    // `var` cannot start an expression; the block rule once recorded the missing declaration as
    // a late one and read its span (the block rule in src/syntax/parser-statements.ts).
    expect(codes("fun f() { x = var; }")).toContain(1005);
    expect(codes("machine receives;state{entry{w=var(")).not.toHaveLength(0);
  });
});

describe("inputs that once exhausted a phase or reached the lowering unchecked", () => {
  it("an assignment to an element of a set", () => {
    // Sets are read by position but changed only with += and -=; the checker once accepted
    // `s[0] = 1` and the lowering had no way to store it.
    expect(codes("fun f() { var s: set[int]; s[0] = 1; }\n")).toEqual([3021]);
  });

  it("hundreds of nested parentheses", () => {
    expect(codes(`fun f() { var x: int; x = ${"(".repeat(1000)}1${")".repeat(1000)}; }\n`)).toEqual([1010]);
  });

  it("thousands of chained operators", () => {
    expect(codes(`fun f() { var x: int; x = ${Array(20_000).fill("1").join(" + ")}; }\n`)).toEqual([3057]);
  });
});

describe.skipIf(KNOWN_CRASHES.length === 0)("known crashes, fix pending", () => {
  for (const crash of KNOWN_CRASHES) {
    it(crash.description, () => {
      expect(crashOf(crash.input), "if this no longer crashes, move the case to the group above").toBe(crash.signature);
    });
  }
});
