// The outcome-by-folder corpus of the front end. Every program under ok/ must parse, resolve and
// type-check without a single diagnostic, and print back to text that parses to the same program.
// Every case under static-error/ must produce exactly the rendered diagnostics of its expected.txt
// (the golden baseline), and together the baselines must show every registered 1xxx-3xxx code.
//
// PITH_UPDATE_GOLDEN=1 rewrites the baselines instead of comparing; read every rewritten one before
// keeping it. See README.md next to this file.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { printFile } from "../../src/ast/printer.ts";
import { registry } from "../../src/diagnostics/codes.ts";
import { renderText } from "../../src/diagnostics/render.ts";
import { SourceFile } from "../../src/diagnostics/source.ts";
import { frontEnd, loadModel } from "../../src/driver.ts";
import { parseProgram } from "../../src/syntax/parse.ts";
import { expectGolden } from "../golden.ts";

const here = dirname(fileURLToPath(import.meta.url));
const okDir = join(here, "ok");
const errorDir = join(here, "static-error");
const BASELINE = "expected.txt";

/** The models of a corpus folder: each `.p` file, and each sub-folder (a multi-file model). */
function models(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => !name.startsWith("."))
    .filter((name) => name.endsWith(".p") || statSync(join(folder, name)).isDirectory())
    .sort();
}

/** Reads a model; paths in its diagnostics are relative to `cwd`. */
function load(paths: readonly string[], cwd: string): SourceFile[] {
  const { files, problems } = loadModel(paths, cwd);
  expect(problems).toEqual([]);
  return files;
}

/** The formatter's text for every file of a model, each parsed afresh. */
function printed(files: readonly SourceFile[]): string[] {
  const parsed = parseProgram(files);
  expect(parsed.diagnostics.map((d) => d.message)).toEqual([]);
  return parsed.program.files.map(printFile);
}

describe("ok/: programs without a single diagnostic", () => {
  const names = models(okDir);

  it("holds enough programs to cover the language", () => {
    expect(names.length).toBeGreaterThanOrEqual(55);
  });

  describe.each(names)("%s", (name) => {
    it("checks cleanly", () => {
      const result = frontEnd(load([name], okDir));
      // Comparing the rendered text shows the messages themselves when this fails.
      expect(renderText(result.diagnostics, result.sources, { color: false })).toBe("0 errors, 0 warnings\n");
      expect(result.checked).toBeDefined();
    });

    it("prints back to a program that prints the same way", () => {
      const files = load([name], okDir);
      const once = printed(files);
      const again = printed(files.map((f, i) => new SourceFile(f.path, once[i])));
      expect(again).toEqual(once);
    });
  });
});

/** The code of every diagnostic shown in a baseline, from its header lines. */
function codesIn(baseline: string): number[] {
  const codes: number[] = [];
  for (const match of baseline.matchAll(/^\S+:\d+:\d+: (?:error|warning) PTH(\d{4}): /gm)) codes.push(Number(match[1]));
  return codes;
}

describe("static-error/: golden baselines of rendered diagnostics", () => {
  const cases = models(errorDir).filter((name) => statSync(join(errorDir, name)).isDirectory());

  it("holds enough cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("%s", (name) => {
    const caseDir = join(errorDir, name);
    const result = frontEnd(load(["."], caseDir));
    const text = renderText(result.diagnostics, result.sources, { color: false });
    expect(result.diagnostics.length, "a static-error case must report something").toBeGreaterThan(0);
    expectGolden(join(caseDir, BASELINE), text);
  });

  it("shows every registered syntax, name and type code in some baseline", () => {
    const shown = new Set<number>();
    for (const name of cases) {
      const baseline = join(errorDir, name, BASELINE);
      if (existsSync(baseline)) for (const code of codesIn(readFileSync(baseline, "utf8"))) shown.add(code);
    }
    const registered = Object.keys(registry)
      .map(Number)
      .filter((code) => code >= 1000 && code < 4000);
    const uncovered = registered.filter((code) => !shown.has(code));
    expect(uncovered, `codes shown in no baseline: ${uncovered.map((c) => `PTH${c}`).join(", ")}`).toEqual([]);
  });
});
