// Golden files: expected output kept next to the test's input. Setting PITH_UPDATE_GOLDEN=1
// rewrites them from the actual output (read the diff before committing); otherwise they are
// compared.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

export const UPDATE_GOLDEN = process.env.PITH_UPDATE_GOLDEN === "1";

export function expectGolden(path: string, actual: string): void {
  if (UPDATE_GOLDEN) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${path}: run with PITH_UPDATE_GOLDEN=1 to create it`);
  expect(actual).toBe(readFileSync(path, "utf8"));
}
