import { describe, expect, it } from "vitest";
import { exploreSync, type SearchMode } from "../../../src/explore/engine/index.ts";
import { EdgeStore } from "../../../src/explore/engine/liveness/edges.ts";
import { stronglyConnected } from "../../../src/explore/engine/liveness/scc.ts";
import { e, GraphModel } from "./models/graph.ts";
import { lassoProblems } from "./lasso-check.ts";
import { Spinner } from "./models/spinner.ts";
import { TwoPhase } from "./models/twophase.ts";

const labels = (steps: readonly { label: string }[] | undefined) => steps?.map((s) => s.label);
const modes: SearchMode[] = ["bfs", "dfs"];

describe("strongly connected components", () => {
  it("groups a graph's cycles, iteratively, and leaves excluded states out", () => {
    // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 4 -> 3, 4 -> 5 (5 excluded), 5 -> 5
    const edges = new EdgeStore(1);
    const flags = new Uint32Array(1);
    const adjacency = [[1], [2], [0, 3], [4], [3, 5], [5]];
    adjacency.forEach((targets, s) => {
      edges.begin(s, flags);
      for (const t of targets) edges.add(s, t, 0, 0);
    });
    const include = new Uint8Array([1, 1, 1, 1, 1, 0]);
    const { component, count } = stronglyConnected(edges, 6, include);
    expect(count).toBe(2);
    expect([...component]).toEqual([1, 1, 1, 0, 0, -1]);
  });

  it("handles a path a million states long without recursion", () => {
    const n = 1_000_000;
    const edges = new EdgeStore(1);
    const flags = new Uint32Array(1);
    for (let s = 0; s < n; s++) {
      edges.begin(s, flags);
      edges.add(s, (s + 1) % n, 0, 0);
    }
    const { component, count } = stronglyConnected(edges, n, new Uint8Array(n).fill(1));
    expect(count).toBe(1);
    expect(component[n - 1]).toBe(0);
  });
});

describe("liveness", () => {
  for (const mode of modes) {
    it(`${mode}: reports a hot cycle on which the server keeps moving (fair), as a lasso`, () => {
      const model = new Spinner("server");
      const r = exploreSync(model, { mode, liveness: true });
      expect(r.verdict).toBe("violation");
      expect(r.violation?.kind).toBe("liveness");
      expect(r.violation?.monitor).toBe(0);
      expect(r.violation?.message).toBe("monitor Responsive can stay hot forever: a fair cycle of 2 steps never cools it");
      expect(labels(r.violation?.trace)).toEqual(["start", "request"]);
      expect(labels(r.violation?.cycle)).toEqual(["spin", "spin"]);
      expect(lassoProblems(model, r.violation!)).toEqual([]);
    });

    it(`${mode}: does not report a hot cycle on which the enabled server never moves (unfair)`, () => {
      const r = exploreSync(new Spinner("noise"), { mode, liveness: true });
      expect(r.verdict).toBe("pass");
      expect(r.stats.distinct).toBe(4);
    });

    it(`${mode}: reports a monitor still hot when nothing can move`, () => {
      const r = exploreSync(new Spinner("none", false), { mode, liveness: true });
      expect(r.verdict).toBe("violation");
      expect(r.violation?.kind).toBe("liveness");
      expect(r.violation?.message).toBe("monitor Responsive is hot in a state where no step is possible");
      expect(labels(r.violation?.trace)).toEqual(["start", "request"]);
      expect(r.violation?.cycle).toBeUndefined();
    });
  }

  it("ignores liveness unless asked", () => {
    expect(exploreSync(new Spinner("server"), { mode: "bfs" }).verdict).toBe("pass");
    expect(exploreSync(new Spinner("none", false), { mode: "bfs" }).verdict).toBe("pass");
  });

  it("routes the cycle through a state where an intermittently enabled process is disabled", () => {
    // Hot component {1, 2, 3}: 1 <-> 2 <-> 3 moved by p0. p1 can leave to the cold node 4 from 1
    // and 2 but not from 3, so 1 -> 2 -> 1 is unfair to p1; a fair cycle must pass through 3.
    const model = new GraphModel(
      [e(0, 1, 0), e(1, 2, 0), e(1, 4, 1), e(2, 1, 0), e(2, 3, 0), e(2, 4, 1), e(3, 2, 0), e(4, 4, 0)],
      [1, 2, 3],
    );
    const r = exploreSync(model, { mode: "bfs", liveness: true });
    expect(r.verdict).toBe("violation");
    expect(labels(r.violation?.trace)).toEqual(["init", "to 1"]);
    expect(labels(r.violation?.cycle)).toEqual(["to 2", "to 3", "to 2", "to 1"]);
    expect(lassoProblems(model, r.violation!)).toEqual([]);
  });

  it("takes a step of every always-enabled process on the cycle", () => {
    // Hot component {1, 2}: p0 goes 1 -> 2 -> 1, p1 loops on 1 and on 2. Both are always enabled.
    const model = new GraphModel([e(0, 1, 0), e(1, 2, 0), e(1, 1, 1), e(2, 1, 0), e(2, 2, 1)], [1, 2]);
    const r = exploreSync(model, { mode: "bfs", liveness: true });
    expect(r.verdict).toBe("violation");
    expect(r.violation?.cycle?.map((s) => s.process)).toEqual([0, 0, 1]);
    expect(labels(r.violation?.cycle)).toEqual(["to 2", "to 1", "to 1"]);
    expect(lassoProblems(model, r.violation!)).toEqual([]);
  });

  it("finds no fair cycle when a process enabled everywhere never moves inside", () => {
    // As above, but p1 leaves the hot component from every state and never moves inside it.
    const model = new GraphModel(
      [e(0, 1, 0), e(1, 2, 0), e(1, 4, 1), e(2, 1, 0), e(2, 3, 0), e(2, 4, 1), e(3, 2, 0), e(3, 4, 1), e(4, 4, 0)],
      [1, 2, 3],
    );
    expect(exploreSync(model, { mode: "bfs", liveness: true }).verdict).toBe("pass");
  });

  it("finds nothing in two-phase commit, which has no monitors, and keeps its state count", () => {
    const r = exploreSync(new TwoPhase(3), { mode: "bfs", liveness: true });
    expect(r.verdict).toBe("pass");
    expect(r.stats.distinct).toBe(288);
  });
});
