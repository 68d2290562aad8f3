import { describe, expect, it } from "vitest";
import { replay, type Model, type SuccessorSink } from "../../../src/explore/engine/index.ts";
import { TwoPhase } from "./models/twophase.ts";

describe("replay", () => {
  it("rebuilds states, actions, processes and labels from emission ordinals", () => {
    const model = new TwoPhase(2);
    // Emissions of the initial state with 2 RMs: 0 TMAbort, 1 RMPrepare(rm0), 2 RMChooseToAbort(rm0), ...
    const steps = replay(model, { ordinals: [0, 1, 0], indices: [0, 5, 9] });
    expect(steps.map((s) => s.label)).toEqual(["Init", "RMPrepare(rm0)", "TMAbort"]);
    expect(steps.map((s) => s.process)).toEqual([0, 1, 0]);
    expect(steps.map((s) => s.stateIndex)).toEqual([0, 5, 9]);
    expect(steps[2].state).toEqual(new Int32Array([1, 0, 2, 0, 0b1001]));
  });

  it("refuses a model whose successors change between calls", () => {
    let calls = 0;
    const fickle: Model = {
      name: "fickle",
      monitorCount: 0,
      initial: (out: SuccessorSink) => out.next(0, 0, new Int32Array([0]), 1),
      successors: (_s: Int32Array, _l: number, out: SuccessorSink) => {
        if (calls++ === 0) out.next(0, 0, new Int32Array([1]), 1);
      },
      acceptableEnd: () => true,
      hot: () => {},
      initialLabel: () => "start",
      actionLabel: () => "step",
      processLabel: () => "p",
      monitorLabel: () => "m",
    };
    replay(fickle, { ordinals: [0, 0], indices: [0, 1] });
    expect(() => replay(fickle, { ordinals: [0, 0], indices: [0, 1] })).toThrow(/did not emit step 0 again/);
  });
});
