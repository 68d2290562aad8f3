// Crashes of the front end that fuzzing found and whose fix belongs to the type checker: each is
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
];
