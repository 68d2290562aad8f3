// pith.json: found from subfolders, validated against the published schema with errors at their
// line and column, profiles and their settings, expectations, and `pith init`.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { parse } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { BUILTIN_PROFILES } from "../../src/config/config.ts";
import { parseConfig } from "../../src/config/load.ts";
import { starterConfig } from "../../src/cli/init.ts";
import { broken, configText, counter, hello, twoTests } from "./models.ts";
import { folder, pith, pithProcess, write } from "./helpers.ts";

const SCHEMA = join(import.meta.dirname, "..", "..", "schema", "pith.schema.json");

describe("pith.json", () => {
  it("is described by a JSON Schema that editors and ajv both accept", () => {
    const schema = JSON.parse(readFileSync(SCHEMA, "utf8"));
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);
    expect(validate(parse(starterConfig("./schema.json")))).toBe(true);
    // Every built-in profile's settings are settings the schema allows.
    for (const settings of Object.values(BUILTIN_PROFILES)) expect(validate({ models: [{ name: "m", paths: ["m.p"] }], profiles: { x: settings } })).toBe(true);
  });

  it("reports every error at its line and column, and says what to do", async () => {
    const text = [
      "{",
      "  // comments are allowed",
      '  "models": [',
      '    { "name": "a", "paths": ["a.p"], "tsts": ["tc"] },',
      '    { "name": "b" }',
      "  ],",
      '  "profiles": { "ci": { "mode": "bsf", "time": "5 seconds", "maxStates": "many" } },',
      "}",
    ].join("\n");
    const dir = folder({ "pith.json": text });
    const r = await pith(dir, "check");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pith.json:4:38: error: unknown property "tsts" in models[0]; did you mean "tests"?');
    expect(r.stderr).toContain('pith.json:5:5: error: models[1] is missing "paths": add it.');
    expect(r.stderr).toContain('pith.json:7:33: error: profiles.ci.mode is the string "bsf"; it must be one of "bfs", "dfs", "random". Did you mean "bfs"?');
    expect(r.stderr).toContain('pith.json:7:48: error: profiles.ci.time is the string "5 seconds", which is not in the form expected.');
    expect(r.stderr).toContain('For example "5s" or "10m".');
    expect(r.stderr).toContain("pith.json:7:74: error: profiles.ci.maxStates must be a whole number, not the string \"many\".");
    // The line itself, with carets under the place.
    expect(r.stderr).toContain('4 |     { "name": "a", "paths": ["a.p"], "tsts": ["tc"] },\n  |                                      ^^^^^^');
    expect(r.stderr).toContain("5 errors in pith.json");
  });

  it("reports syntax errors and repeated model names at their place", () => {
    const syntax = parseConfig('{ "models": [ { "name": "a" "paths": [] } ] }', "/p/pith.json", "pith.json");
    expect("errors" in syntax && syntax.errors[0]).toMatchObject({ offset: 28, message: "',' was expected between two entries" });
    const twice = parseConfig('{ "models": [ { "name": "a", "paths": ["x.p"] },\n { "name": "a", "paths": ["y.p"] } ] }', "/p/pith.json", "pith.json");
    expect("errors" in twice && twice.errors[0].message).toBe('models[1] is named "a" like models[0]: give each model its own name.');
  });

  it("is found from a subfolder, and its model paths are relative to its own folder", async () => {
    const dir = folder({ "pith.json": configText({ hello: ["models/hello.p"] }) });
    write(dir, { "models/hello.p": hello, "docs/notes/readme.txt": "" });
    const r = await pith(join(dir, "docs", "notes"), "check");
    expect(r.code).toBe(0);
    // Paths are shown from where the command runs.
    expect(r.stdout).toContain("pass          tcHello: 8 distinct states");
    expect(r.stdout).toContain("1 model, 1 test: 1 passed, 0 violated, 0 inconclusive");
  });

  it("applies a profile's settings, the model's own over the project's, and the command line's over both", async () => {
    const config = `{
      "models": [
        { "name": "small", "paths": ["small.p"], "params": { "limit": 100 } },
        { "name": "big", "paths": ["big.p"], "params": { "limit": 100 }, "profiles": { "quick": { "maxStates": 1000 } } }
      ],
      "profiles": { "quick": { "maxStates": 10 } }
    }`;
    const dir = folder({ "pith.json": config, "small.p": counter(), "big.p": counter() });
    const r = await pith(dir, "check", "--profile", "quick", "--json", "--no-cache");
    const doc = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(doc.models.map((m: { tests: { verdict: string }[] }) => m.tests[0].verdict)).toEqual(["inconclusive", "pass"]);
    const wide = JSON.parse((await pith(dir, "check", "--profile", "quick", "--max-states", "500", "--json", "--no-cache")).stdout);
    expect(wide.models.map((m: { tests: { verdict: string }[] }) => m.tests[0].verdict)).toEqual(["pass", "pass"]);
    expect(await pith(dir, "check", "--profile", "quik")).toMatchObject({ code: 2, stderr: expect.stringContaining("there is no profile 'quik'; did you mean 'quick'?") });
    // The built-in profiles exist in every project.
    expect((await pith(dir, "check", "--profile", "ci", "--no-cache")).code).toBe(0);
  });

  it("fails on a budget that runs out only when the profile says so", async () => {
    const config = `{ "models": [ { "name": "m", "paths": ["m.p"], "params": { "limit": 1000 } } ],
      "profiles": { "strict": { "maxStates": 10, "failInconclusive": true }, "lenient": { "maxStates": 10 } } }`;
    const dir = folder({ "pith.json": config, "m.p": counter() });
    expect((await pith(dir, "check", "--profile", "lenient")).code).toBe(0);
    expect((await pith(dir, "check", "--profile", "strict")).code).toBe(3);
  });

  it("checks only the models named with --model, and says which ones exist", async () => {
    const dir = folder({ "pith.json": configText({ good: ["good.p"], bad: ["bad.p"] }), "good.p": hello, "bad.p": broken });
    expect((await pith(dir, "check")).code).toBe(1);
    const r = await pith(dir, "check", "--model", "good");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("tcBroken");
    expect(await pith(dir, "check", "--model", "godo")).toMatchObject({ code: 2, stderr: expect.stringContaining("no model 'godo'; did you mean 'good'?") });
    expect(await pith(dir, "check", "good.p", "--model", "good")).toMatchObject({ code: 2, stderr: expect.stringContaining("give no paths") });
  });

  it("leaves out of a profile's runs the models that profile skips, unless --model names them", async () => {
    const config = `{ "models": [
      { "name": "good", "paths": ["good.p"] },
      { "name": "big", "paths": ["bad.p"], "profiles": { "ci": { "skip": true } } } ] }`;
    const dir = folder({ "pith.json": config, "good.p": hello, "bad.p": broken });
    const ci = await pith(dir, "check", "--profile", "ci");
    expect(ci.code).toBe(0);
    expect(ci.stdout).not.toContain("tcBroken");
    expect((await pith(dir, "check", "--profile", "ci", "--model", "big")).code).toBe(1);
    expect((await pith(dir, "check")).code).toBe(1);
  });

  it("reports a model whose files are missing, and still checks the others", async () => {
    const dir = folder({ "pith.json": configText({ gone: ["nowhere/"], good: ["good.p"] }), "good.p": hello });
    const r = await pith(dir, "check");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("error: nowhere/: no such file or folder");
    expect(r.stdout).toContain("pass          tcHello");
  });

  it("compares verdicts and state counts with the expected ones", async () => {
    const config = `{
      "models": [
        { "name": "hello", "paths": ["hello.p"], "expect": { "tcHello": { "verdict": "pass", "states": 10 } } },
        { "name": "bug", "paths": ["bug.p"], "expect": { "tcBroken": { "verdict": "violation", "kind": "assertion" } } }
      ]
    }`;
    const dir = folder({ "pith.json": config, "hello.p": hello, "bug.p": broken });
    const r = await pith(dir, "check");
    // The expected violation does not fail the run; the drift in the state count is a warning.
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("violation     tcBroken: assertion: x is not 2 (expected)");
    expect(r.stdout).toContain(
      'pith.json:3:62: warning: hello tcHello: 8 distinct states where pith.json expects 10 (-20.0%): the state space changed. If that is intended, set "states" to 8.',
    );
    expect(r.stdout).toContain("1 violated (1 as expected)");
    // A verdict that changed is an error.
    writeFileSync(join(dir, "pith.json"), config.replace('"verdict": "violation", "kind": "assertion"', '"verdict": "pass"'));
    const changed = await pith(dir, "check");
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain("error: bug tcBroken: the verdict changed: pith.json expects pass, and an assertion violation was found");
    // Expectations of configurations that do not exist are pointed out.
    writeFileSync(join(dir, "pith.json"), config.replace('"tcHello": {', '"tcHelo": {'));
    expect((await pith(dir, "check")).stdout).toContain('pith.json expects a result of "tcHelo", but model hello has no such test configuration; did you mean "tcHello"?');
  });

  it("runs the tests a model lists, and points at a name that is not one of them", async () => {
    const config = '{ "models": [\n  { "name": "m", "paths": ["m.p"], "tests": ["tcB", "tcA(limit=1)"] }\n] }';
    const dir = folder({ "pith.json": config, "m.p": twoTests });
    const doc = JSON.parse((await pith(dir, "check", "--json")).stdout);
    expect(doc.models[0].tests.map((t: { test: string }) => t.test)).toEqual(["tcA(limit=1)", "tcB(limit=3)", "tcB(limit=4)"]);
    writeFileSync(join(dir, "pith.json"), config.replace('"tcB"', '"tcC"'));
    const r = await pith(dir, "check");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("error: pith.json:2:46: no test named 'tcC'; did you mean 'tcA'? (tests: tcA, tcB)");
  });

  it("says how to start when there is neither a path nor a pith.json", async () => {
    const r = await pith(folder({}), "check");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'pith init' writes a first one");
  });
});

describe("pith init", () => {
  it("writes pith.json and a first model whose test passes as pith.json expects", async () => {
    const dir = folder({});
    const r = await pith(dir, "init");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Wrote pith.json and models/hello.p.");
    const config = readFileSync(join(dir, "pith.json"), "utf8");
    expect(config).toContain('"$schema": ');
    const checked = pithProcess(dir, "check", "--json");
    expect(checked.code).toBe(0);
    const doc = JSON.parse(checked.stdout);
    expect(doc.models[0].tests[0]).toMatchObject({ test: "tcHello", verdict: "pass", stats: { distinct: 8 } });
    expect(doc.expectations).toEqual([]);
    // The "$schema" it writes points at the schema file.
    const schema = (parse(config) as { $schema: string }).$schema;
    expect(existsSync(join(dir, schema))).toBe(true);
  });

  it("never overwrites a file, and then writes nothing at all", async () => {
    const dir = folder({ "models/hello.p": "// mine\n" });
    const r = await pith(dir, "init");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("models/hello.p already exists: nothing was written.");
    expect(existsSync(join(dir, "pith.json"))).toBe(false);
    expect(readFileSync(join(dir, "models", "hello.p"), "utf8")).toBe("// mine\n");
    const elsewhere = folder({});
    expect((await pith(elsewhere, "init", "project")).code).toBe(0);
    expect(existsSync(join(elsewhere, "project", "pith.json"))).toBe(true);
    expect((await pith(elsewhere, "init", "project")).stderr).toContain("project/pith.json and project/models/hello.p already exist");
  });
});
