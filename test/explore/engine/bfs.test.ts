import { describe, expect, it } from "vitest";
import { explore, exploreSync } from "../../../src/explore/engine/index.ts";
import { Grid } from "./models/grid.ts";
import { Locks } from "./models/locks.ts";
import { TwoPhase } from "./models/twophase.ts";

const labels = (steps: readonly { label: string }[] | undefined) => steps?.map((s) => s.label);

describe("BFS", () => {
  it("explores an open grid completely: width·height states, every move counted, depth = far corner", () => {
    const r = exploreSync(new Grid({ width: 30, height: 20, monotone: false }), { mode: "bfs" });
    expect(r.verdict).toBe("pass");
    expect(r.exhaustive).toBe(true);
    expect(r.stats).toMatchObject({ distinct: 600, transitions: 2300, expanded: 600, maxDepth: 48, queue: 0 });
  });

  it("finds the shortest trace to a failing step, ending with the failing step", () => {
    const r = exploreSync(new Grid({ width: 30, height: 20, monotone: false, bug: [5, 7] }), { mode: "bfs" });
    expect(r.verdict).toBe("violation");
    expect(r.violation?.kind).toBe("assertion");
    expect(r.violation?.message).toBe("reached the bug cell (5, 7)");
    // 12 moves: 5 right then 7 up, in emission order; the 12th is the failing one.
    expect(labels(r.violation?.trace)).toEqual(["start", ...Array(5).fill("right"), ...Array(7).fill("up")]);
    const trace = r.violation?.trace ?? [];
    expect(trace[0].state).toEqual(new Int32Array([0, 0]));
    expect(trace[0].stateIndex).toBe(0);
    expect(trace[11].state).toEqual(new Int32Array([5, 6]));
    expect(trace[12].state).toBeNull();
    expect(trace[12].stateIndex).toBe(-1);
    expect(r.stats).toMatchObject({ distinct: 85, transitions: 269, expanded: 73, maxDepth: 12 });
  });

  it("reports a deadlock with the shortest trace into it", () => {
    const r = exploreSync(new Locks(), { mode: "bfs" });
    expect(r.verdict).toBe("violation");
    expect(r.violation?.kind).toBe("deadlock");
    expect(labels(r.violation?.trace)).toEqual(["start", "P0 take first", "P1 take first"]);
    expect(r.violation?.trace.at(-1)?.state).toEqual(new Int32Array([1, 1, 0, 1]));
    expect(r.violation?.trace.map((s) => s.process)).toEqual([0, 0, 1]);
    expect(r.stats).toMatchObject({ distinct: 6, transitions: 7, expanded: 5, maxDepth: 2 });
  });

  it("gives the same result through the asynchronous driver", async () => {
    const model = new Grid({ width: 30, height: 20, monotone: false, bug: [5, 7] });
    const a = exploreSync(model, { mode: "bfs" });
    const b = await explore(model, { mode: "bfs", checkEvery: 3, yieldEveryMs: 0 });
    expect(labels(b.violation?.trace)).toEqual(labels(a.violation?.trace));
    expect({ ...b.stats, elapsedMs: 0, statesPerSecond: 0 }).toEqual({ ...a.stats, elapsedMs: 0, statesPerSecond: 0 });
  });

  it("reports the shortest counterexample to TCConsistent when the TM commits early", () => {
    const r = exploreSync(new TwoPhase(3, { commitEarly: true }), { mode: "bfs" });
    expect(r.verdict).toBe("violation");
    expect(r.violation?.message).toBe("TCConsistent: one resource manager committed and another aborted");
    expect(labels(r.violation?.trace)).toEqual(["Init", "TMCommit", "RMChooseToAbort(rm0)", "RMRcvCommitMsg(rm1)"]);
    expect(r.violation?.trace.map((s) => s.process)).toEqual([0, 0, 1, 2]);
  });
});
