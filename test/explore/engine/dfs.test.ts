import { describe, expect, it } from "vitest";
import { exploreSync } from "../../../src/explore/engine/index.ts";
import { Grid } from "./models/grid.ts";
import { Locks } from "./models/locks.ts";

describe("DFS", () => {
  it("dives to a deep bug that BFS reaches only after sweeping the whole grid", () => {
    const model = new Grid({ width: 100, height: 100, monotone: true, bug: [99, 99] });
    const dfs = exploreSync(model, { mode: "dfs" });
    const bfs = exploreSync(model, { mode: "bfs" });
    expect(dfs.verdict).toBe("violation");
    expect(bfs.verdict).toBe("violation");
    // Every path to the corner has 198 moves: the trace is the initial step plus 198.
    expect(dfs.violation?.trace.length).toBe(199);
    expect(dfs.stats.distinct).toBe(297);
    expect(bfs.stats.distinct).toBe(9999);
    // The last emitted successor (up) is explored first: up the left edge, then right along the top.
    const moves = dfs.violation?.trace.slice(1).map((s) => s.label);
    expect(moves).toEqual([...Array(99).fill("up"), ...Array(99).fill("right")]);
  });

  it("explores an open grid completely, with its own depth profile", () => {
    const r = exploreSync(new Grid({ width: 30, height: 20, monotone: false }), { mode: "dfs" });
    expect(r.verdict).toBe("pass");
    expect(r.stats).toMatchObject({ distinct: 600, transitions: 2300, expanded: 600, maxDepth: 314, queue: 0 });
  });

  it("finds the deadlock too, by another path", () => {
    const r = exploreSync(new Locks(), { mode: "dfs" });
    expect(r.violation?.kind).toBe("deadlock");
    expect(r.violation?.trace.map((s) => s.label)).toEqual(["start", "P1 take first", "P0 take first"]);
  });

  it("says the depth bound cut the search", () => {
    const r = exploreSync(new Grid({ width: 10, height: 10, monotone: true }), { mode: "dfs", budget: { maxDepth: 5 } });
    expect(r.verdict).toBe("inconclusive");
    expect(r.reason).toBe("depth");
    // Cells with x + y <= 5 are reached, those with x + y <= 4 expanded.
    expect(r.stats).toMatchObject({ distinct: 21, expanded: 15, maxDepth: 5 });
  });
});
