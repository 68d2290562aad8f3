// The pre-commit hook, `pith check --profile precommit --staged`, as real processes in temporary
// git repositories: it checks what is staged and not the working tree, only the models a staged
// change touches, answers unchanged ones from the cache, treats a budget that runs out as no
// failure, and with nothing staged returns at once without loading the parser or the explorer.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { broken, configText, counter, hello, illTyped } from "./models.ts";
import { git, pithProcessWith, repository, write } from "./helpers.ts";

const HOOK = ["check", "--profile", "precommit", "--staged"];

function hook(dir: string, ...extra: string[]) {
  return pithProcessWith(dir, {}, ...HOOK, ...extra);
}

/** The modules a run of the CLI loaded, as paths inside the repository. */
function modulesLoaded(dir: string, ...args: string[]): string[] {
  const out = join(dir, ".loaded.txt");
  const preload = join(dir, ".loads.mjs");
  writeFileSync(
    preload,
    `import { registerHooks } from "node:module";
import { writeFileSync } from "node:fs";
const seen = new Set();
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.add(r.url); return r; } });
process.on("exit", () => writeFileSync(${JSON.stringify(out)}, [...seen].join("\\n")));
`,
  );
  pithProcessWith(dir, { NODE_OPTIONS: `--import ${preload}` }, ...args);
  const root = new URL("../../", import.meta.url).href;
  return readFileSync(out, "utf8")
    .split("\n")
    .filter((u) => u.startsWith(root))
    .map((u) => u.slice(root.length));
}

describe("pith check --staged", () => {
  it("does nothing, fast, on a clean tree: no parser, no explorer, no schema validator", () => {
    const dir = repository({ "pith.json": configText({ hello: ["models/hello.p"] }), "models/hello.p": hello });
    const { ran, ms } = hook(dir);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain("nothing is staged");
    expect(ms).toBeLessThan(5000);
    const loaded = modulesLoaded(dir, ...HOOK);
    expect(loaded).toContain("src/cli/check.ts");
    expect(loaded.filter((m) => /^src\/(syntax|types|ir|explore)\//.test(m) || m.includes("node_modules/ajv/") || m.includes("chevrotain"))).toEqual([]);
  });

  it("checks a staged change to a model", () => {
    const dir = repository({ "pith.json": configText({ hello: ["models/hello.p"] }), "models/hello.p": hello });
    write(dir, { "models/hello.p": broken });
    git(dir, "add", "models/hello.p");
    const { ran } = hook(dir);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain("violation     tcBroken: assertion: x is not 2");
    // Static errors stop the commit too.
    write(dir, { "models/hello.p": illTyped });
    git(dir, "add", "models/hello.p");
    const typed = hook(dir).ran;
    expect(typed.code).toBe(2);
    expect(typed.stdout).toContain("models/hello.p:4:31: error PTH3001");
  });

  it("checks the staged contents, not the working tree's", () => {
    const dir = repository({ "pith.json": configText({ hello: ["models/hello.p"] }), "models/hello.p": hello });
    // A good change staged, then a bug left unstaged: the commit holds the good one.
    write(dir, { "models/hello.p": hello + "\n// staged\n" });
    git(dir, "add", "models/hello.p");
    write(dir, { "models/hello.p": broken });
    const good = hook(dir).ran;
    expect(good.code).toBe(0);
    expect(good.stdout).toContain("pass          tcHello");
    // A bug staged, then fixed in the working tree only: the commit still holds the bug.
    write(dir, { "models/hello.p": broken });
    git(dir, "add", "models/hello.p");
    write(dir, { "models/hello.p": hello });
    expect(hook(dir).ran.code).toBe(1);
    // An unstaged change alone: nothing is staged, nothing to check.
    git(dir, "reset", "-q");
    write(dir, { "models/hello.p": broken });
    expect(hook(dir).ran).toMatchObject({ code: 0, stderr: expect.stringContaining("nothing is staged") });
  });

  it("checks only the models a staged change touches, including through a shared folder", () => {
    const config = `{
      "models": [
        { "name": "a", "paths": ["a/", "shared/"] },
        { "name": "b", "paths": ["b/", "shared/"] },
        { "name": "c", "paths": ["c/"] }
      ]
    }`;
    const dir = repository({ "pith.json": config, "a/a.p": hello, "b/b.p": counter(), "c/c.p": counter(5), "shared/types.p": "type tShared = int;\n" });
    write(dir, { "c/c.p": counter(6) });
    git(dir, "add", "-A");
    let r = hook(dir, "--json").ran;
    expect(JSON.parse(r.stdout).models.map((m: { model: string }) => m.model)).toEqual(["c"]);
    git(dir, "commit", "-q", "-m", "c");
    write(dir, { "shared/types.p": "type tShared = int;\ntype tOther = bool;\n" });
    git(dir, "add", "-A");
    r = hook(dir, "--json").ran;
    expect(JSON.parse(r.stdout).models.map((m: { model: string }) => m.model)).toEqual(["a", "b"]);
    git(dir, "commit", "-q", "-m", "shared");
    // A staged change outside every model: nothing to check.
    write(dir, { "README.md": "notes\n", "c/notes.txt": "not a model file\n" });
    git(dir, "add", "-A");
    expect(hook(dir).ran).toMatchObject({ code: 0, stderr: expect.stringContaining("no staged change touches a model") });
    // A staged pith.json: every model is a candidate (the cache answers the unchanged ones).
    write(dir, { "pith.json": config.replace('"c/"', '"c/", "shared/"') });
    git(dir, "add", "-A");
    r = hook(dir, "--json").ran;
    expect(JSON.parse(r.stdout).models.map((m: { model: string }) => m.model)).toEqual(["a", "b", "c"]);
  });

  it("reads pith.json itself from the index", () => {
    const dir = repository({ "pith.json": configText({ hello: ["models/hello.p"] }), "models/hello.p": hello });
    write(dir, { "models/hello.p": hello + "\n// changed\n" });
    git(dir, "add", "-A");
    // An unstaged mistake in pith.json does not concern this commit.
    write(dir, { "pith.json": "{ not json" });
    expect(hook(dir).ran.code).toBe(0);
    // A staged one does.
    git(dir, "add", "pith.json");
    const r = hook(dir).ran;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("pith.json:1:3: error");
  });

  it("answers an unchanged staged model from the cache, and rebuilds a corrupt entry", () => {
    const dir = repository({ "pith.json": configText({ hello: ["models/hello.p"] }), "models/hello.p": hello });
    write(dir, { "models/hello.p": hello + "\n// changed\n" });
    git(dir, "add", "-A");
    const first = JSON.parse(hook(dir, "--json").ran.stdout);
    expect(first.models[0]).toMatchObject({ parsed: true, cached: [] });
    const second = JSON.parse(hook(dir, "--json").ran.stdout);
    expect(second.models[0]).toMatchObject({ parsed: false, cached: ["tcHello"] });
    // Corrupt every entry: each is ignored, the model is checked again, and the entries rewritten.
    for (const kind of ["config", "index", "outcome"]) {
      for (const f of readdirSync(join(dir, ".pith-cache", kind))) writeFileSync(join(dir, ".pith-cache", kind, f), "{ corrupt");
    }
    const third = hook(dir, "--json").ran;
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout).models[0]).toMatchObject({ parsed: true, cached: [], tests: [{ verdict: "pass" }] });
    expect(JSON.parse(hook(dir, "--json").ran.stdout).models[0]).toMatchObject({ parsed: false, cached: ["tcHello"] });
    // The cache is never committed.
    expect(git(dir, "status", "--porcelain", "--untracked-files=all")).not.toContain(".pith-cache");
  });

  it("does not fail a commit when the budget runs out before a verdict", () => {
    const config = `{ "models": [ { "name": "big", "paths": ["big.p"], "params": { "limit": 100000 } } ],
      "profiles": { "precommit": { "maxStates": 50 } } }`;
    const dir = repository({ "pith.json": config, "big.p": counter() });
    write(dir, { "big.p": counter() + "\n// changed\n" });
    git(dir, "add", "-A");
    const r = hook(dir).ran;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/inconclusive  tc\(limit=100000\): the state budget ran out after \d+ distinct states/);
  });

  it("says what is wrong outside a git repository", () => {
    const dir = repository({ "pith.json": configText({ hello: ["hello.p"] }), "hello.p": hello });
    const outside = join(dir, "..", `not-a-repo-${Date.now()}`);
    write(outside, { "pith.json": configText({ hello: ["hello.p"] }), "hello.p": hello });
    const r = hook(outside).ran;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("pith check: git rev-parse failed");
  });
});
