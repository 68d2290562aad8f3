import { describe, expect, it } from "vitest";
import { explore, exploreSync } from "../../../src/explore/engine/index.ts";
import { Grid } from "./models/grid.ts";
import { TwoPhase } from "./models/twophase.ts";

const open = new Grid({ width: 50, height: 50, monotone: false });

describe("budgets", () => {
  it("stops at a state budget with partial statistics", () => {
    const r = exploreSync(open, { mode: "bfs", budget: { maxStates: 100 } });
    expect(r.verdict).toBe("inconclusive");
    expect(r.reason).toBe("states");
    expect(r.exhaustive).toBe(false);
    // The expansion that goes past the budget completes, then the search stops.
    expect(r.stats).toMatchObject({ distinct: 101, transitions: 323, expanded: 87, maxDepth: 13, queue: 14 });
  });

  it("passes a model with exactly as many states as the budget", () => {
    const r = exploreSync(new Grid({ width: 10, height: 10, monotone: false }), { mode: "bfs", budget: { maxStates: 100 } });
    expect(r.verdict).toBe("pass");
  });

  it("stops at a depth bound: states at the bound are reached, not expanded", () => {
    const r = exploreSync(open, { mode: "bfs", budget: { maxDepth: 10 } });
    expect(r.verdict).toBe("inconclusive");
    expect(r.reason).toBe("depth");
    // Cells with x + y <= 10, of which those with x + y <= 9 were expanded.
    expect(r.stats).toMatchObject({ distinct: 66, expanded: 55, maxDepth: 10 });
  });

  it("stops on wall time", () => {
    const r = exploreSync(new TwoPhase(7), { mode: "bfs", budget: { maxTimeMs: 0 }, checkEvery: 100 });
    expect(r.verdict).toBe("inconclusive");
    expect(r.reason).toBe("time");
    expect(r.stats.expanded).toBe(100);
  });

  it("stops on memory", () => {
    const r = exploreSync(new TwoPhase(5), { mode: "bfs", budget: { maxMemoryBytes: 1 }, checkEvery: 10, memoryEvery: 10 });
    expect(r.verdict).toBe("inconclusive");
    expect(r.reason).toBe("memory");
    expect(r.stats.expanded).toBe(10);
  });

  it("stops when aborted before it starts", () => {
    const controller = new AbortController();
    controller.abort();
    const r = exploreSync(new TwoPhase(5), { mode: "dfs", budget: { signal: controller.signal }, checkEvery: 1 });
    expect(r.verdict).toBe("inconclusive");
    expect(r.reason).toBe("aborted");
    expect(r.stats.expanded).toBe(1);
  });

  it("stops when aborted while running, because the asynchronous driver yields", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const r = await explore(new TwoPhase(9), { mode: "bfs", budget: { signal: controller.signal }, yieldEveryMs: 5 });
    expect(r.verdict).toBe("inconclusive");
    expect(r.reason).toBe("aborted");
    expect(r.stats.distinct).toBeGreaterThan(0);
    expect(r.stats.queue).toBeGreaterThan(0);
  });

  it("applies the same budgets to simulation", () => {
    const r = exploreSync(open, { mode: "simulate", seed: 3, runs: 1000, maxSteps: 1000, budget: { maxStates: 50 } });
    expect(r.verdict).toBe("inconclusive");
    expect(r.reason).toBe("states");
    expect(r.stats.distinct).toBe(51);
  });
});
