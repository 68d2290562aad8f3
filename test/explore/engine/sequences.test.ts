import { describe, expect, it } from "vitest";
import { exploreSync, type SearchMode } from "../../../src/explore/engine/index.ts";
import { Sequences } from "./models/sequences.ts";

describe("variable-length states", () => {
  for (const mode of ["bfs", "dfs"] as SearchMode[]) {
    it(`${mode}: tells apart sequences of every length, the empty one included`, () => {
      // 1 + 2 + 4 + 8 + 16 sequences over {0, 1} of length at most 4.
      expect(exploreSync(new Sequences(2, 4), { mode }).stats.distinct).toBe(31);
      expect(exploreSync(new Sequences(3, 3), { mode }).stats.distinct).toBe(1 + 3 + 9 + 27);
    });

    it(`${mode}: handles states longer than its initial buffers`, () => {
      const r = exploreSync(new Sequences(1, 300), { mode });
      expect(r.stats.distinct).toBe(301);
      expect(r.stats.maxDepth).toBe(300);
    });
  }

  it("simulates long states too", () => {
    const r = exploreSync(new Sequences(1, 300), {
      mode: "simulate",
      seed: 9,
      runs: 1,
      maxSteps: 100_000,
      budget: { maxStates: 100 },
    });
    // A walk that grows or shrinks the queue by one each step, until 101 lengths were seen.
    expect(r.verdict).toBe("inconclusive");
    expect(r.reason).toBe("states");
    expect(r.stats.distinct).toBe(101);
    expect(r.stats.maxDepth).toBe(48_546);
  });

  for (const mode of ["bfs", "simulate"] as SearchMode[]) {
    it(`${mode}: replays a trace through states of changing length`, () => {
      const r = exploreSync(new Sequences(1, 300, 120), { mode, seed: 4, runs: 1, maxSteps: 1_000_000 });
      expect(r.violation?.message).toBe("queue overflow at length 120");
      const trace = r.violation?.trace ?? [];
      expect(trace[0].state?.length).toBe(0);
      expect(trace.at(-2)?.state?.length).toBe(119);
      expect(trace.at(-1)?.state).toBeNull();
      for (let i = 1; i < trace.length - 1; i++) {
        const grew = (trace[i].state?.length ?? 0) - (trace[i - 1].state?.length ?? 0);
        expect(grew).toBe(trace[i].label === "drop" ? -1 : 1);
      }
      if (mode === "bfs") expect(trace.length).toBe(121);
    });
  }
});
