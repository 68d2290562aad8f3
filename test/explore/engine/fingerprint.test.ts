import { describe, expect, it } from "vitest";
import { fingerprint, fingerprintHex, VisitedSet } from "../../../src/explore/engine/index.ts";

/** Number of adjacent equal values once sorted: how many repeats a lane has. */
function repeats(values: Uint32Array): number {
  values.sort();
  let n = 0;
  for (let i = 1; i < values.length; i++) if (values[i] === values[i - 1]) n++;
  return n;
}

describe("fingerprint", () => {
  it("is a fixed function of the words (pinned values)", () => {
    expect(fingerprintHex(new Int32Array([]))).toBe("4886c14fb495a129");
    expect(fingerprintHex(new Int32Array([0]))).toBe("b1c64bf52f52706d");
    expect(fingerprintHex(new Int32Array([1, 2, 3]))).toBe("1edc888f7465abf1");
    expect(fingerprintHex(new Int32Array([0, 0]))).toBe("636a39bf234f4110");
  });

  it("reads only the first `length` words and never yields 0 in lane A", () => {
    const out = new Int32Array(2);
    fingerprint(new Int32Array([1, 2, 3, 99]), 3, out);
    expect(fingerprintHex(new Int32Array([1, 2, 3]))).toBe(
      (out[1] >>> 0).toString(16).padStart(8, "0") + (out[0] >>> 0).toString(16).padStart(8, "0"),
    );
    expect(out[0]).not.toBe(0);
  });

  it("separates a million small states, and each lane alone collides about as a 32-bit hash should", () => {
    const side = 1024;
    const n = side * side;
    const set = new VisitedSet({ initialCapacity: 16 });
    const laneA = new Uint32Array(n);
    const laneB = new Uint32Array(n);
    const words = new Int32Array(3);
    const out = new Int32Array(2);
    for (let x = 0; x < side; x++) {
      for (let y = 0; y < side; y++) {
        words[0] = x;
        words[1] = y;
        words[2] = 0;
        fingerprint(words, 3, out);
        laneA[x * side + y] = out[0];
        laneB[x * side + y] = out[1];
        set.add(out[0], out[1], -1, 0);
      }
    }
    expect(set.count).toBe(n);
    // Expected repeats among n uniform 32-bit values: n^2 / 2^33 = 128.
    expect(repeats(laneA)).toBeLessThan(256);
    expect(repeats(laneB)).toBeLessThan(256);
  });
});
