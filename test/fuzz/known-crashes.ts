// Crashes of the front end that fuzzing found and whose fix is more than a guard: each is
// pinned by a failing regression test (regressions.test.ts) and tolerated by the property tests,
// so that they keep looking for new crashes meanwhile. Fixing one makes its regression test fail
// as "expected to fail but passed": move the case to the fixed ones there and delete it here.
import type { ModelFile } from "./minimise.ts";

export interface KnownCrash {
  /** What goes wrong, and where the fix belongs. */
  readonly description: string;
  /** The crash's signature, as `signature()` in minimise.ts computes it. */
  readonly signature: string;
  /** The smallest input known to cause it. */
  readonly input: readonly ModelFile[];
}

export const KNOWN_CRASHES: readonly KnownCrash[] = [
  {
    description:
      "assigning to an element of a set: the checker accepts `s[i]` as a location (checkLocation in " +
      "src/types/statements.ts), and the lowering has no set-element store",
    signature: "Error: lowering: Index is not assignable (at lowerLValue src/ir/lower-expr.ts)",
    input: [{ path: "set-element.p", text: "fun f() { var s: set[int]; s[0] = 1; }\n" }],
  },
  {
    description:
      "deep nesting overflows the parser's stack: about 150 nested parentheses or brackets in an " +
      "expression (1,000 nested blocks, 2,000 nested types) throw a RangeError out of the Chevrotain " +
      "rules of src/syntax instead of a diagnostic",
    signature: "RangeError: Maximum call stack size exceeded (in src/syntax)",
    input: [{ path: "nested.p", text: `fun f() { var x: int; x = ${"(".repeat(1000)}1${")".repeat(1000)}; }\n` }],
  },
  {
    description:
      "a long chain of binary operators overflows the checker's stack: the parser builds a left-deep " +
      "tree, and checkExpr/checkBinary (src/types) recurse once per operator; about 3,000 terms suffice",
    signature: "RangeError: Maximum call stack size exceeded (in src/types)",
    input: [{ path: "long-sum.p", text: `fun f() { var x: int; x = ${Array(20_000).fill("1").join(" + ")}; }\n` }],
  },
];
