// Inputs that once made the front end throw, each cut down to the smallest one that did. The fixed
// ones must go through parse, check and lower and come out with diagnostics; the ones whose fix is
// still pending (known-crashes.ts) are expected to throw until it lands.
import { describe, expect, it } from "vitest";
import { frontEnd } from "../../src/driver.ts";
import { SourceFile } from "../../src/diagnostics/source.ts";
import { KNOWN_CRASHES } from "./known-crashes.ts";

function run(text: string) {
  return frontEnd([new SourceFile("regression.p", text)]);
}

describe("inputs that once crashed the front end", () => {
  it("a postfix expression whose operand error recovery left out, as an assignment target", () => {
    // `.5` is not a literal: `g(` is followed by `.` `5`, a tuple index with no operand.
    const result = run("fun f() { send, g(.5);");
    expect(result.diagnostics.map((d) => d.code)).toContain(1005);
    expect(result.ir).toBeUndefined();
  });
});

describe("known crashes, fix pending", () => {
  for (const crash of KNOWN_CRASHES) {
    it.fails(crash.description, () => {
      frontEnd(crash.input.map((f) => new SourceFile(f.path, f.text)));
    });
  }
});
