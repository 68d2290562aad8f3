// Lowering to the machine IR: each model under golden/ is lowered and its printed IR compared with
// the .ir file beside it (PITH_UPDATE_GOLDEN=1 rewrites them).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frontEnd, loadModel } from "../../src/driver.ts";
import { printModel } from "../../src/ir/print.ts";
import { expectGolden } from "../golden.ts";

const folder = join(import.meta.dirname, "golden");

function lower(file: string) {
  const loaded = loadModel([file], folder);
  expect(loaded.problems).toEqual([]);
  const result = frontEnd(loaded.files);
  expect(result.diagnostics.map((d) => d.message)).toEqual([]);
  if (result.ir === undefined) throw new Error("no IR");
  return result.ir;
}

describe("lowering", () => {
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".p"))) {
    it(`lowers ${file}`, () => {
      expectGolden(join(folder, file.replace(/\.p$/, ".ir")), printModel(lower(file)));
    });
  }

  it("numbers events with null and halt first", () => {
    const ir = lower("client-server.p");
    expect(ir.events.map((e) => e.name)).toEqual(["null", "halt", "eReq", "eResp"]);
  });

  it("expands parametric tests, filtering by assume and covering pairs", () => {
    const ir = lower("parametric.p");
    expect(ir.tests.map((t) => t.name)).toEqual([
      "small(n=1)",
      "small(n=3)",
      "pairs(n=1,fast=true,k=0)",
      "pairs(n=1,fast=false,k=1)",
      "pairs(n=2,fast=true,k=1)",
      "pairs(n=2,fast=false,k=0)",
      "plain",
    ]);
    expect(ir.tests[0].paramValues).toEqual([1, undefined, undefined]);
  });
});
