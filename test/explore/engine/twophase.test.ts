import { describe, expect, it } from "vitest";
import { exploreSync } from "../../../src/explore/engine/index.ts";
import { TwoPhase } from "./models/twophase.ts";

describe("two-phase commit", () => {
  // The state counts of the classic specification (the 7-RM count, 296,448, is in bench/engine.ts).
  const counts: [number, number, number][] = [
    [3, 288, 10],
    [4, 1_568, 13],
    [5, 8_832, 16],
  ];
  for (const [rms, states, depth] of counts) {
    it(`has ${states} distinct states with ${rms} resource managers, whatever the search order`, () => {
      const bfs = exploreSync(new TwoPhase(rms), { mode: "bfs" });
      expect(bfs.verdict).toBe("pass");
      expect(bfs.exhaustive).toBe(true);
      expect(bfs.stats.distinct).toBe(states);
      expect(bfs.stats.expanded).toBe(states);
      expect(bfs.stats.maxDepth).toBe(depth);
      const dfs = exploreSync(new TwoPhase(rms), { mode: "dfs" });
      expect(dfs.stats.distinct).toBe(states);
      expect(dfs.stats.transitions).toBe(bfs.stats.transitions);
    });
  }

  it("counts every enabled step as a transition, self-loops included (3 RMs)", () => {
    expect(exploreSync(new TwoPhase(3), { mode: "bfs" }).stats.transitions).toBe(1_145);
  });
});
