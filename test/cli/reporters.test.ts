// Reporters and artifacts from the command line: choosing them, GitHub Actions (annotations on
// standard output, the job summary in $GITHUB_STEP_SUMMARY), SARIF, JUnit and JSON files, HTML
// pages and the artifacts folder, and the terminal's colours.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { broken, configText, hello, illTyped } from "./models.ts";
import { BIN, folder, pith, pithProcessWith, pithWith } from "./helpers.ts";

function project() {
  return folder({ "pith.json": configText({ good: ["good.p"], bad: ["bad.p"] }), "good.p": hello, "bad.p": broken });
}

describe("reporters", () => {
  it("are chosen with --reporter, and mistakes are explained", async () => {
    const dir = project();
    expect(await pith(dir, "check", "--reporter", "sarf")).toMatchObject({ code: 2, stderr: expect.stringContaining("no reporter 'sarf'; did you mean 'sarif'?") });
    expect(await pith(dir, "check", "--reporter", "github", "--reporter", "sarif")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("github and sarif would both write to standard output: give --out FILE for sarif"),
    });
    expect(await pith(dir, "check", "--out", "x.json")).toMatchObject({ code: 2, stderr: expect.stringContaining("add --reporter sarif") });
    expect(await pith(dir, "check", "--reportr", "json")).toMatchObject({ code: 2, stderr: expect.stringContaining("did you mean '--reporter'?") });
  });

  it("write GitHub annotations and the job summary when running in GitHub Actions", async () => {
    const dir = project();
    const summary = join(dir, "summary.md");
    const r = await pithWith(dir, { GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary }, "check");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("violation     tcBroken: assertion: x is not 2");
    expect(r.stdout).toMatch(/^::error file=bad\.p,line=5,col=\d+,.*::assertion: x is not 2/m);
    const md = readFileSync(summary, "utf8");
    expect(md).toContain("## Pith check: ❌ 1 violated");
    expect(md).toContain("| `good` | `tcHello` |");
    // Outside GitHub Actions, no annotations unless asked for.
    expect((await pith(dir, "check")).stdout).not.toContain("::error");
    expect((await pith(dir, "check", "--reporter", "github")).stdout).toContain("::error file=bad.p");
  });

  it("annotate static errors of a model named by its paths", async () => {
    const dir = folder({ "typo.p": illTyped });
    const r = await pith(dir, "check", "typo.p", "--reporter", "github");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("typo.p:4:31: error PTH3001");
    expect(r.stdout).toMatch(/^::error file=typo\.p,line=4,col=31,.*PTH3001/m);
    const json = JSON.parse((await pith(dir, "check", "typo.p", "--json")).stdout);
    expect(json.diagnostics[0]).toMatchObject({ code: "PTH3001", line: 4, column: 31 });
  });

  it("annotate pith.json where an expectation does not hold, and leave out the violations it expects", async () => {
    const config = `{
      "models": [
        { "name": "good", "paths": ["good.p"], "expect": { "tcHello": { "states": 9 } } },
        { "name": "bad", "paths": ["bad.p"], "expect": { "tcBroken": { "verdict": "violation" } } }
      ]
    }`;
    const dir = folder({ "pith.json": config, "good.p": hello, "bad.p": broken });
    const summary = join(dir, "summary.md");
    const r = await pithWith(dir, { GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary }, "check");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("::warning file=pith.json,line=3,col=");
    expect(r.stdout).not.toContain("::error");
    const md = readFileSync(summary, "utf8");
    expect(md).toContain("### Expected violations");
    expect(md).toContain("### Results that differ from pith.json");
  });

  it("write SARIF, JUnit and JSON to the files named by --out, and the text report to standard output", async () => {
    const dir = project();
    const r = await pith(dir, "check", "--reporter", "sarif", "--out", "out/pith.sarif", "--reporter", "junit", "--out", "out/junit.xml", "--reporter", "json", "--out", "out/pith.json");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("2 models, 2 tests: 1 passed, 1 violated");
    const sarif = JSON.parse(readFileSync(join(dir, "out", "pith.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    const junit = readFileSync(join(dir, "out", "junit.xml"), "utf8");
    expect(junit).toContain("<testsuites");
    expect(junit).toContain("tcBroken");
    const json = JSON.parse(readFileSync(join(dir, "out", "pith.json"), "utf8"));
    expect(json).toMatchObject({ version: 1, passed: 1, violated: 1 });
    // A document alone goes to standard output.
    expect(JSON.parse((await pith(dir, "check", "--reporter", "sarif")).stdout).version).toBe("2.1.0");
  });

  it("say which path could not be written, with exit 2, when --out points under a file", async () => {
    const dir = project();
    writeFileSync(join(dir, "out"), "kept\n");
    const r = await pith(dir, "check", "--reporter", "junit", "--out", "out/junit.xml");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`pith check: cannot open ${join(dir, "out", "junit.xml")}: a part of the path is a file, not a folder [ENOTDIR]\n`);
    expect(readFileSync(join(dir, "out"), "utf8")).toBe("kept\n");
  });

  it("write every counterexample as a JSON trace and an HTML page for upload", async () => {
    const dir = project();
    const r = await pith(dir, "check", "--artifacts", "artifacts", "--html", "pages");
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, "artifacts", "bad")).sort()).toEqual(["tcBroken.html", "tcBroken.json"]);
    const trace = JSON.parse(readFileSync(join(dir, "artifacts", "bad", "tcBroken.json"), "utf8"));
    expect(trace["#meta"]).toMatchObject({ tool: "pith", test: "tcBroken", kind: "assertion", model: ["bad.p"] });
    expect(readFileSync(join(dir, "pages", "bad", "tcBroken.html"), "utf8")).toContain("<!DOCTYPE html>");
    expect(existsSync(join(dir, "artifacts", "good"))).toBe(false);
    // A counterexample answered from the cache is written all the same.
    const again = await pith(dir, "check", "--artifacts", "again");
    expect(again.stdout).toContain("from the cache");
    expect(readFileSync(join(dir, "again", "bad", "tcBroken.json"), "utf8")).toBe(readFileSync(join(dir, "artifacts", "bad", "tcBroken.json"), "utf8"));
    // ... and replays.
    const replay = await pith(dir, "replay", "again/bad/tcBroken.json");
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain("x is not 2");
  });
});

describe("the terminal", () => {
  it("prints no colour when standard output is not a terminal", () => {
    const dir = project();
    // Not a terminal (a pipe): no colour.
    const piped = pithProcessWith(dir, { NO_COLOR: "" }, "check", "--model", "bad").ran;
    expect(piped.stdout).toContain("violation");
    expect(piped.stdout).not.toContain("\u001b[");
  });

  it.skipIf(spawnSync("script", ["--version"]).status !== 0)("on a terminal (util-linux 'script' gives it one), colours unless NO_COLOR or --no-color", () => {
    const dir = project();
    const onTerminal = (env: Record<string, string | undefined>, ...args: string[]) => {
      const command = [process.execPath, BIN, "check", "--model", "bad", ...args].map((a) => `'${a}'`).join(" ");
      const environment: Record<string, string | undefined> = { ...process.env, GITHUB_ACTIONS: "", TERM: "xterm", ...env };
      for (const [k, v] of Object.entries(environment)) if (v === undefined) delete environment[k];
      return spawnSync("script", ["-qec", command, "/dev/null"], { cwd: dir, encoding: "utf8", env: environment }).stdout;
    };
    expect(onTerminal({ NO_COLOR: undefined })).toContain("\u001b[31mviolation");
    expect(onTerminal({ NO_COLOR: "1" })).not.toContain("\u001b[");
    expect(onTerminal({ NO_COLOR: undefined }, "--no-color")).not.toContain("\u001b[");
  });

  it("prints only problems and the tally with --quiet", async () => {
    const dir = project();
    const r = await pith(dir, "check", "--quiet");
    expect(r.stdout).not.toContain("tcHello");
    expect(r.stdout).toContain("tcBroken");
    expect(r.stdout).toContain("2 models, 2 tests");
  });

  it("has help for every command, the new options and pith init included", async () => {
    const dir = folder({});
    const general = await pith(dir, "--help");
    expect(general.stdout).toContain("init");
    const check = (await pith(dir, "check", "--help")).stdout;
    for (const option of ["--profile", "--staged", "--shard", "--no-cache", "--reporter", "--out", "--html", "--artifacts", "--model"]) expect(check).toContain(option);
    expect(check).toContain("pith check --profile precommit --staged");
    expect((await pith(dir, "init", "--help")).stdout).toContain("Examples:");
    expect(await pith(dir, "check", "--stagde")).toMatchObject({ code: 2, stderr: expect.stringContaining("did you mean '--staged'?") });
    expect(await pith(dir, "int")).toMatchObject({ code: 2, stderr: expect.stringContaining("did you mean 'init'?") });
  });
});
