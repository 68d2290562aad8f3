import { describe, expect, it } from "vitest";
import { exploreSync, type CheckResult } from "../../../src/explore/engine/index.ts";
import { Grid } from "./models/grid.ts";
import { Locks } from "./models/locks.ts";
import { TwoPhase } from "./models/twophase.ts";

/** A result without the wall-clock numbers, which are the only thing allowed to differ. */
function timeless(r: CheckResult) {
  return {
    ...r,
    stats: { ...r.stats, elapsedMs: 0, statesPerSecond: 0 },
    violation: r.violation && { ...r.violation, trace: r.violation.trace.map((s) => s.label) },
  };
}

describe("random simulation", () => {
  const model = new Grid({ width: 20, height: 20, monotone: false, bug: [19, 19] });
  const options = { mode: "simulate", seed: 42, runs: 100, maxSteps: 200 } as const;

  it("is determined by its seed: same seed, same walks, same counts, same trace", () => {
    const a = exploreSync(model, options);
    const b = exploreSync(model, options);
    expect(timeless(a)).toEqual(timeless(b));
    expect(a.verdict).toBe("violation");
    expect(a.stats).toMatchObject({ seed: 42, runs: 93, distinct: 387, transitions: 70823, expanded: 18748, maxDepth: 200 });
    // A random walk: initial step, 147 moves, then the failing move into (19, 19).
    expect(a.violation?.trace.length).toBe(149);
    expect(a.violation?.trace.at(-2)?.state).toEqual(new Int32Array([19, 18]));
    expect(a.violation?.trace.at(-1)?.label).toBe("up");
  });

  it("walks differently with another seed", () => {
    const a = exploreSync(model, options);
    const c = exploreSync(model, { ...options, seed: 43 });
    expect(c.stats.seed).toBe(43);
    expect(timeless(c)).not.toEqual(timeless(a));
  });

  it("reports the seed it chose when none was given", () => {
    const r = exploreSync(new Grid({ width: 3, height: 3, monotone: true }), { mode: "simulate", runs: 1, maxSteps: 10 });
    expect(r.stats.seed).toBeTypeOf("number");
    const again = exploreSync(new Grid({ width: 3, height: 3, monotone: true }), {
      mode: "simulate",
      runs: 1,
      maxSteps: 10,
      seed: r.stats.seed,
    });
    expect(timeless(again)).toEqual(timeless(r));
  });

  it("passes without claiming exhaustiveness when no walk finds anything", () => {
    const r = exploreSync(new TwoPhase(3), { mode: "simulate", seed: 5, runs: 50, maxSteps: 30 });
    expect(r.verdict).toBe("pass");
    expect(r.exhaustive).toBe(false);
    expect(r.stats.runs).toBe(50);
    expect(r.stats.distinct).toBeLessThanOrEqual(288);
    expect(r.stats.maxDepth).toBe(30);
  });

  it("finds deadlocks and failing steps enabled along a walk", () => {
    const d = exploreSync(new Locks(), { mode: "simulate", seed: 1, runs: 100, maxSteps: 50 });
    expect(d.violation?.kind).toBe("deadlock");
    const f = exploreSync(new TwoPhase(3, { commitEarly: true }), { mode: "simulate", seed: 1, runs: 100, maxSteps: 20 });
    expect(f.violation?.kind).toBe("assertion");
    expect(f.violation?.trace.at(-1)?.label).toMatch(/^RMRcv(Commit|Abort)Msg|^RMChooseToAbort|^TMCommit/);
  });
});
