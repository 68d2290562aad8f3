// The result cache: a second run of an unchanged model answers without parsing it; any change to a
// file, a param or a result-affecting option misses; damaged entries are ignored and rewritten;
// --no-cache bypasses it; writes leave no temporary files behind.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ResultCache } from "../../src/cli/cache.ts";
import { configText, counter, hello, twoTests } from "./models.ts";
import { BIN, folder, pith } from "./helpers.ts";

interface ModelDoc {
  model: string;
  cached: string[];
  parsed: boolean;
  tests: { test: string; verdict: string; stats: { distinct: number } }[];
}

async function checkJson(dir: string, ...args: string[]): Promise<{ code: number; models: ModelDoc[] }> {
  const r = await pith(dir, "check", "--json", ...args);
  return { code: r.code, models: (JSON.parse(r.stdout) as { models: ModelDoc[] }).models };
}

function entries(dir: string, kind: string): string[] {
  const folderPath = join(dir, ".pith-cache", kind);
  return readdirSync(folderPath).map((f) => join(folderPath, f));
}

describe("the result cache", () => {
  it("answers an unchanged model without parsing it", async () => {
    const dir = folder({ "pith.json": configText({ hello: ["hello.p"], counter: ["counter.p"] }), "hello.p": hello, "counter.p": counter() });
    const first = await checkJson(dir);
    expect(first.models.map((m) => [m.parsed, m.cached])).toEqual([
      [true, []],
      [true, []],
    ]);
    const second = await checkJson(dir);
    expect(second.code).toBe(0);
    expect(second.models.map((m) => [m.parsed, m.cached])).toEqual([
      [false, ["tcHello"]],
      [false, ["tc(limit=3)"]],
    ]);
    // The cached results are the results.
    expect(second.models.map((m) => m.tests.map((t) => [t.verdict, t.stats.distinct]))).toEqual(first.models.map((m) => m.tests.map((t) => [t.verdict, t.stats.distinct])));
    // The text report says where results came from.
    expect((await pith(dir, "check")).stdout).toContain("2 from the cache");
  });

  it("misses when a file, a param or a result-affecting option changes, and only for that model", async () => {
    const dir = folder({ "pith.json": configText({ hello: ["hello.p"], counter: ["counter.p"] }), "hello.p": hello, "counter.p": counter() });
    await checkJson(dir);
    writeFileSync(join(dir, "counter.p"), counter() + "\n// a comment changes the contents\n");
    let r = await checkJson(dir);
    expect(r.models.map((m) => m.parsed)).toEqual([false, true]);
    r = await checkJson(dir, "--param", "limit=4");
    expect(r.models.find((m) => m.model === "counter")?.tests[0]).toMatchObject({ test: "tc(limit=4)", stats: { distinct: 6 } });
    r = await checkJson(dir, "--max-states", "3");
    expect(r.models.map((m) => m.cached)).toEqual([[], []]);
    expect(r.models.map((m) => m.tests[0].verdict)).toEqual(["inconclusive", "inconclusive"]);
    // Touching a file without changing it is not a change: the key is the contents, not the time.
    const before = statSync(join(dir, "hello.p")).mtimeMs;
    writeFileSync(join(dir, "hello.p"), hello);
    expect(statSync(join(dir, "hello.p")).mtimeMs).toBeGreaterThanOrEqual(before);
    expect((await checkJson(dir)).models[0].cached).toEqual(["tcHello"]);
  });

  it("ignores a damaged entry and writes it again", async () => {
    const dir = folder({ "pith.json": configText({ hello: ["hello.p"] }), "hello.p": hello });
    await checkJson(dir);
    const [outcome] = entries(dir, "outcome");
    const sound = readFileSync(outcome);
    const damages: [string, Buffer][] = [
      ["truncated", sound.subarray(0, sound.length - 40)],
      ["empty", Buffer.alloc(0)],
      ["a changed byte", Buffer.from(sound.toString("latin1").replace('"pass"', '"pasS"'), "latin1")],
      ["garbage", Buffer.from("\u0000\u0001 not a cache entry")],
    ];
    for (const [what, bytes] of damages) {
      writeFileSync(outcome, bytes);
      const r = await checkJson(dir);
      expect(r.code, what).toBe(0);
      expect(r.models[0].cached, what).toEqual([]);
      expect(r.models[0].tests[0], what).toMatchObject({ verdict: "pass", stats: { distinct: 8 } });
      // Written again, sound: the next run is answered from it.
      expect((await checkJson(dir)).models[0], what).toMatchObject({ parsed: false, cached: ["tcHello"] });
    }
  });

  it("does not trust an entry of the right checksum but the wrong shape", () => {
    const dir = folder({});
    const cache = new ResultCache(dir, "test");
    const key = cache.key("outcome", { any: 1 });
    cache.put("outcome", key, { outcome: { test: "tc", verdict: "maybe" } });
    const isOutcome = (x: unknown): x is { outcome: { verdict: "pass" } } => (x as { outcome: { verdict: string } }).outcome.verdict === "pass";
    expect(cache.get("outcome", key, isOutcome)).toBeUndefined();
    expect(cache.rejected).toBe(1);
    // Nothing but entries and the cache's own .gitignore are left: the temporary files were renamed.
    expect(readdirSync(join(dir, ".pith-cache", "outcome")).every((f) => f.endsWith(".json") && !f.includes(".tmp"))).toBe(true);
    expect(readFileSync(join(dir, ".pith-cache", ".gitignore"), "utf8")).toContain("*");
  });

  it("is neither read nor written with --no-cache", async () => {
    const dir = folder({ "pith.json": configText({ m: ["m.p"] }), "m.p": twoTests });
    await checkJson(dir, "--no-cache");
    expect(readdirSync(dir)).not.toContain(".pith-cache");
    await checkJson(dir);
    const r = await checkJson(dir, "--no-cache");
    expect(r.models[0]).toMatchObject({ parsed: true, cached: [] });
  });

  it("keeps one entry per test configuration, so --test and --shard share them", async () => {
    const dir = folder({ "pith.json": configText({ m: ["m.p"] }), "m.p": twoTests });
    await checkJson(dir, "--test", "tcA");
    const r = await checkJson(dir);
    expect(r.models[0].cached).toEqual(["tcA(limit=1)", "tcA(limit=2)"]);
    expect(r.models[0].parsed).toBe(true);
    expect((await checkJson(dir, "--shard", "2/2")).models[0]).toMatchObject({ parsed: false, cached: ["tcA(limit=2)", "tcB(limit=4)"] });
  });

  it("is shared by processes running at the same time", async () => {
    const dir = folder({ "pith.json": configText({ a: ["a.p"], b: ["b.p"] }), "a.p": twoTests, "b.p": hello });
    const run = () =>
      new Promise<number>((done) => {
        const child = spawn(process.execPath, [BIN, "check", "--quiet"], { cwd: dir, stdio: "ignore" });
        child.on("exit", (code) => done(code ?? -1));
      });
    expect(await Promise.all([run(), run(), run(), run()])).toEqual([0, 0, 0, 0]);
    expect(readdirSync(join(dir, ".pith-cache", "outcome")).filter((f) => !f.endsWith(".json"))).toEqual([]);
    const after = await checkJson(dir);
    expect(after.models.map((m) => [m.parsed, m.cached.length])).toEqual([
      [false, 4],
      [false, 1],
    ]);
  });
});
