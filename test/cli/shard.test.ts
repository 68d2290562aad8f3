// `--shard i/n`: the shards of a run are disjoint, cover every test configuration, differ in size
// by one at most, and are the same on every machine.
import { describe, expect, it } from "vitest";
import { inShard, parseShard } from "../../src/cli/shard.ts";
import { configText, counter, hello, twoTests } from "./models.ts";
import { folder, pith } from "./helpers.ts";

describe("--shard", () => {
  it("reads i/n and says what is wrong with anything else", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShard("0/4")).toEqual({ error: "--shard 0/4: the shard number goes from 1 to 4" });
    expect(parseShard("5/4")).toMatchObject({ error: expect.stringContaining("from 1 to 4") });
    expect(parseShard("1/0")).toMatchObject({ error: expect.stringContaining("at least one shard") });
    expect(parseShard("half")).toMatchObject({ error: expect.stringContaining("such as 2/4") });
  });

  it("splits any list into disjoint parts that cover it", () => {
    for (let size = 0; size < 12; size++) {
      const all = Array.from({ length: size }, (_, i) => i);
      for (let count = 1; count <= 5; count++) {
        const parts = Array.from({ length: count }, (_, i) => inShard(all, { index: i + 1, count }));
        expect(parts.flat().sort((a, b) => a - b)).toEqual(all);
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("splits the test configurations of every model of a project across the shards", async () => {
    const dir = folder({ "pith.json": configText({ one: ["one.p"], two: ["two.p"], three: ["three.p"] }), "one.p": twoTests, "two.p": hello, "three.p": counter() });
    const ran = async (...args: string[]) => {
      const r = await pith(dir, "check", "--json", "--no-cache", ...args);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { models: { model: string; tests: { test: string }[] }[] }).models.flatMap((m) => m.tests.map((t) => `${m.model}/${t.test}`));
    };
    const all = await ran();
    expect(all).toEqual(["one/tcA(limit=1)", "one/tcA(limit=2)", "one/tcB(limit=3)", "one/tcB(limit=4)", "two/tcHello", "three/tc(limit=3)"]);
    const shards = [await ran("--shard", "1/4"), await ran("--shard", "2/4"), await ran("--shard", "3/4"), await ran("--shard", "4/4")];
    expect(shards).toEqual([["one/tcA(limit=1)", "two/tcHello"], ["one/tcA(limit=2)", "three/tc(limit=3)"], ["one/tcB(limit=3)"], ["one/tcB(limit=4)"]]);
    // The same split every time.
    expect(await ran("--shard", "2/4")).toEqual(shards[1]);
    // More shards than configurations: the extra ones check nothing, and that is no failure.
    expect(await ran("--shard", "7/7")).toEqual([]);
    expect(await pith(dir, "check", "--shard", "3")).toMatchObject({ code: 2, stderr: expect.stringContaining("--shard takes i/n") });
  });

  it("splits the configurations of a model named by its paths too", async () => {
    const dir = folder({ "m.p": twoTests });
    const r = await pith(dir, "check", "m.p", "--shard", "2/2");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("tcA(limit=2)");
    expect(r.stdout).toContain("tcB(limit=4)");
    expect(r.stdout).not.toContain("tcA(limit=1)");
    expect(r.stdout).toContain("2 tests: 2 passed");
  });
});
