// Shared by the tests of the case studies' implementations: the checks that tie an implementation
// to its model through `pith gen ts` and `pith link`.
import { join } from "node:path";
import { expect } from "vitest";
import { pith } from "../cli/helpers.ts";
import { expectGolden } from "../golden.ts";

/** The implementation's generated types are what `pith gen ts` makes of the model now (PITH_UPDATE_GOLDEN=1 writes them again). */
export async function expectGeneratedCurrent(root: string, model: readonly string[], out: string): Promise<void> {
  const ran = await pith(root, "gen", "ts", ...model, "-o", out, "--check");
  if (ran.code !== 0 && process.env.PITH_UPDATE_GOLDEN === "1") {
    expect(await pith(root, "gen", "ts", ...model, "-o", out)).toMatchObject({ code: 0 });
    return;
  }
  expect(ran).toMatchObject({ code: 0, stdout: `${out} is up to date\n` });
}

/** `pith link` finds nothing wrong, and its report is the example's link-report.txt. */
export async function expectCleanLink(root: string, model: readonly string[], example: string): Promise<void> {
  const ran = await pith(root, "link", ...model, example);
  expectGolden(join(root, example, "link-report.txt"), ran.stdout);
  expect(ran.code).toBe(0);
}
