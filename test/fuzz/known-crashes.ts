// Crashes of the front end that fuzzing found and whose fix is more than a guard. The property
// tests tolerate exactly these signatures, so that they keep looking for new crashes meanwhile;
// regressions.test.ts checks that each input here still crashes as recorded. When a fix lands,
// that check fails: move the case to the fixed ones there and delete it here.
import type { ModelFile } from "./minimise.ts";

export interface KnownCrash {
  /** What goes wrong, and where the fix belongs. */
  readonly description: string;
  /** The crash's signature, as `signature()` in minimise.ts computes it. */
  readonly signature: string;
  /** The smallest input known to cause it. */
  readonly input: readonly ModelFile[];
}

export const KNOWN_CRASHES: readonly KnownCrash[] = [];
