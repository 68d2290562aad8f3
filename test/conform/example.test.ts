// The example in examples/conformance: a primary-backup key-value store, its model, and its
// implementation. Its generated types and recorded traces are committed; these tests fail when
// they drift from the model or the implementation (PITH_UPDATE_GOLDEN=1 writes them again).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectGolden } from "../golden.ts";
import { assertMbt, loadSpec } from "../../src/conform/mbt.ts";
import { SCENARIOS, recordScenario } from "../../examples/conformance/impl/scenarios.ts";
import storeTests from "../../examples/conformance/impl/mbt.ts";
import { pith } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const EXAMPLE = "examples/conformance";

describe("the conformance example", () => {
  test("its generated types are what 'pith gen ts' makes of the model", async () => {
    const out = `${EXAMPLE}/impl/generated.ts`;
    const ran = await pith(ROOT, "gen", "ts", `${EXAMPLE}/model`, "-o", out, "--check");
    if (ran.code !== 0 && process.env.PITH_UPDATE_GOLDEN === "1") {
      expect(await pith(ROOT, "gen", "ts", `${EXAMPLE}/model`, "-o", out)).toMatchObject({ code: 0 });
      return;
    }
    expect(ran).toMatchObject({ code: 0, stdout: `${out} is up to date\n` });
  });

  test("the model passes its own check", async () => {
    const ran = await pith(ROOT, "check", `${EXAMPLE}/model`, "--no-cache");
    expect(ran.stdout).toMatch(/^pass +tcPrimaryBackup\(nOps=3\): 1,243 distinct states/);
    expect(ran.code).toBe(0);
  });

  test("its link report is clean", async () => {
    const ran = await pith(ROOT, "link", `${EXAMPLE}/model`, `${EXAMPLE}/impl`);
    expect(ran.stdout).toBe(readFileSync(join(ROOT, EXAMPLE, "link-report.txt"), "utf8"));
    expect(ran.code).toBe(0);
  });

  for (const name of Object.keys(SCENARIOS)) {
    test(`the trace of scenario ${name} is recorded from the implementation and conforms`, async () => {
      const path = `${EXAMPLE}/traces/${name}.ndjson`;
      expectGolden(join(ROOT, path), await recordScenario(name));
      const ran = await pith(ROOT, "conform", `${EXAMPLE}/model`, "--trace", path);
      expect(ran.stdout).toMatch(new RegExp(`^${path} against tcPrimaryBackup\\(nOps=3\\): conforms \\(\\d+ lines`));
      expect(ran.code).toBe(0);
    });
  }

  test("the model-based tests pass (vitest)", async () => {
    const spec = loadSpec([`${EXAMPLE}/model`], { cwd: ROOT });
    const result = await assertMbt(spec, storeTests, { runs: 150, seed: 7 });
    expect(result).toMatchObject({ ok: true, runs: 150 });
  });

  test("the model-based tests pass (pith conform --mbt)", async () => {
    const ran = await pith(ROOT, "conform", `${EXAMPLE}/model`, "--mbt", `${EXAMPLE}/impl/mbt.ts`, "--runs", "50", "--seed", "3");
    expect(ran).toMatchObject({ code: 0, stdout: "model-based tests 'store' against tcPrimaryBackup(nOps=3): passed 50 runs (seed 3)\n" });
  });
});
