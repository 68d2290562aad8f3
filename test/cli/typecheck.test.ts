// `pith typecheck` and the command framework: exit codes, the caret output, JSON, help, and the
// messages for mistyped commands and options.
import { describe, expect, it } from "vitest";
import { folder, pith, pithProcess } from "./helpers.ts";

const good = "event e: int;\nmachine M {\n  start state S {\n    on e do (n: int) { assert n > 0; }\n  }\n}\n";
const bad = "event e: int;\nmachine M {\n  var x: int;\n  start state S {\n    entry { x = true; }\n  }\n}\n";

describe("pith typecheck", () => {
  it("exits 0 on a clean model and 2 with errors, printing carets under the span", async () => {
    const dir = folder({ "good.p": good, "bad.p": bad });
    expect((await pith(dir, "typecheck", "good.p")).code).toBe(0);
    const r = await pith(dir, "typecheck", "bad.p");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      [
        "bad.p:5:17: error PTH3001: Type mismatch: expected int but found bool.",
        "  |",
        "5 |     entry { x = true; }",
        "  |                 ^^^^",
        "",
        "1 error, 0 warnings",
        "",
      ].join("\n"),
    );
  });

  it("reads folders and reports every file's errors in one run", async () => {
    const dir = folder({ "a.p": "event e: nope;", "b.p": "machine M { start state S { entry { y = 1; } } }" });
    const r = await pith(dir, "typecheck", ".");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("a.p:1:10: error PTH2001");
    expect(r.stdout).toContain("b.p:1:37: error PTH2001");
  });

  it("prints JSON with --json", async () => {
    const dir = folder({ "bad.p": bad });
    const r = await pith(dir, "typecheck", "bad.p", "--json");
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: 1, errors: 1, warnings: 0 });
    expect(doc.diagnostics[0]).toMatchObject({ code: "PTH3001", file: "bad.p", line: 5, column: 17, endLine: 5, endColumn: 21 });
  });

  it("says what is wrong with the paths, commands and options it was given", async () => {
    const dir = folder({});
    expect(await pith(dir, "typecheck", "missing.p")).toMatchObject({ code: 2, stderr: expect.stringContaining("missing.p: no such file or folder") });
    expect(await pith(dir, "typecheck")).toMatchObject({ code: 2, stderr: expect.stringContaining("name the model") });
    expect(await pith(dir, "tpyecheck")).toMatchObject({ code: 2, stderr: expect.stringContaining("did you mean 'typecheck'?") });
    expect(await pith(dir, "typecheck", "--jsno", "x.p")).toMatchObject({ code: 2, stderr: expect.stringContaining("did you mean '--json'?") });
    expect(await pith(dir, "explain", "PTH9999")).toMatchObject({ code: 2 });
    expect((await pith(dir, "explain", "PTH3001")).stdout).toContain("PTH3001 (error)");
  });

  it("has help for every command, with examples", async () => {
    const dir = folder({});
    const general = await pith(dir, "--help");
    expect(general.code).toBe(0);
    for (const command of ["check", "replay", "typecheck", "prove", "conform", "gen", "link", "history", "init", "explain"]) {
      expect(general.stdout).toContain(command);
      const help = await pith(dir, command, "--help");
      expect(help.code).toBe(0);
      expect(help.stdout).toContain("Usage: pith " + command);
      expect(help.stdout).toContain("Examples:");
    }
  });

  it("runs as a real process through bin/pith.js", () => {
    const dir = folder({ "bad.p": bad, "good.p": good });
    const r = pithProcess(dir, "typecheck", "bad.p");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("bad.p:5:17: error PTH3001");
    expect(pithProcess(dir, "typecheck", "good.p").code).toBe(0);
  });
});
