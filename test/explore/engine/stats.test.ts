import { describe, expect, it } from "vitest";
import { birthdayBound, collisionProbability, exploreSync, type Stats } from "../../../src/explore/engine/index.ts";
import { Grid } from "./models/grid.ts";
import { TwoPhase } from "./models/twophase.ts";

describe("statistics", () => {
  it("estimates fingerprint collisions as TLC does, and by the birthday bound", () => {
    expect(collisionProbability(1_000_000, 5_000_000)).toBeCloseTo((1e6 * 4e6) / 2 ** 64, 20);
    expect(collisionProbability(10, 5)).toBe(0);
    expect(birthdayBound(2 ** 32)).toBeCloseTo(0.5, 6);
    expect(birthdayBound(1)).toBe(0);
  });

  it("reports them for a finished search", () => {
    const r = exploreSync(new TwoPhase(3), { mode: "bfs" });
    // 288 distinct, 1,145 transitions plus 1 initial state generated.
    expect(r.stats.collisionProbability).toBe((288 * (1_146 - 288)) / 2 ** 64);
    expect(r.stats.birthdayBound).toBe((288 * 287) / 2 / 2 ** 64);
    expect(r.stats.model).toBe("two-phase commit, 3 RMs");
    expect(r.stats.mode).toBe("bfs");
    expect(r.stats.visitedBytes).toBeGreaterThan(0);
  });

  it("calls the progress callback about every N distinct states, with growing counts", () => {
    const seen: Stats[] = [];
    exploreSync(new Grid({ width: 100, height: 100, monotone: false }), {
      mode: "bfs",
      progressEvery: 1_000,
      checkEvery: 50,
      onProgress: (s) => seen.push(s),
    });
    expect(seen.length).toBe(9);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].distinct).toBeGreaterThanOrEqual(seen[i - 1].distinct + 1_000);
    }
    expect(seen[0].distinct).toBeGreaterThanOrEqual(1_000);
    expect(seen[0].queue).toBeGreaterThan(0);
  });
});
