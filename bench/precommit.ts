// Benchmark of the pre-commit hook, `pith check --profile precommit --staged`, as the process a
// commit waits for, in a temporary git repository holding two shipped examples as the models of a
// pith.json: with nothing staged (what most commits of a service see: it must cost next to
// nothing), with a staged change the cache has seen before (answered without parsing), and with a
// staged change to one model (type-checked and checked within the precommit profile's budgets).
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Benchmark, Figure } from "./run.ts";

const ROOT = join(import.meta.dirname, "..");
const PITH = join(ROOT, "bin", "pith.js");
/** The hook with nothing to do must answer within half a second. */
const NO_CHANGE_TARGET_MS = 500;
/** The precommit profile's time budget per test configuration, as the benchmark's pith.json sets it. */
const BUDGET_PER_CONFIGURATION_MS = 3000;
/** Test configurations of the changed model (examples/two-phase-commit). */
const CONFIGURATIONS = 5;

const CONFIG = `{
  "models": [
    { "name": "two-phase-commit", "paths": ["two-phase-commit/PSrc", "two-phase-commit/PSpec", "two-phase-commit/PTst"] },
    { "name": "ping-pong", "paths": ["ping-pong"] }
  ],
  "profiles": { "precommit": { "mode": "bfs", "maxStates": 200000, "time": "${BUDGET_PER_CONFIGURATION_MS / 1000}s" } }
}
`;

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
}

/** Milliseconds that one run of the hook takes, start-up included; it must pass. */
function hook(cwd: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, [PITH, "check", "--profile", "precommit", "--staged", "--quiet"], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`the hook exited with ${r.status}:\n${r.stdout}${r.stderr}`);
  return ms;
}

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), "pith-bench-precommit-"));
  cpSync(join(ROOT, "examples", "two-phase-commit"), join(dir, "two-phase-commit"), { recursive: true });
  cpSync(join(ROOT, "examples", "ping-pong"), join(dir, "ping-pong"), { recursive: true });
  writeFileSync(join(dir, "pith.json"), CONFIG);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "bench@example.com");
  git(dir, "config", "user.name", "Pith benchmark");
  git(dir, "config", "commit.gpgsign", "false");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "models");
  return dir;
}

export const precommitBenchmark: Benchmark = {
  name: "precommit",
  description: "'pith check --profile precommit --staged' as a process: nothing staged, a change the cache knows, one changed model",
  async run({ runs }) {
    const dir = repository();
    const changed = join(dir, "two-phase-commit", "PSrc", "coordinator.p");
    try {
      hook(dir); // warm-up: Node's compile cache
      const nothing: number[] = [];
      for (let i = 0; i < runs; i++) nothing.push(hook(dir));

      // One changed model: a new comment each time, so the cache never has it.
      const fresh: number[] = [];
      for (let i = 0; i <= runs; i++) {
        appendFileSync(changed, `// edit ${i}\n`);
        git(dir, "add", "-A");
        const ms = hook(dir);
        if (i > 0) fresh.push(ms);
      }

      // A staged change the cache has seen: the last one, staged again.
      const known: number[] = [];
      for (let i = 0; i < runs; i++) known.push(hook(dir));

      const budget = CONFIGURATIONS * BUDGET_PER_CONFIGURATION_MS;
      return [
        {
          name: "nothing staged",
          unit: "ms",
          samples: nothing,
          target: { value: NO_CHANGE_TARGET_MS, better: "lower" },
          note: "a clean tree: git diff --cached, then exit; neither the parser nor the explorer is loaded",
        },
        {
          name: "staged, answered by the cache",
          unit: "ms",
          samples: known,
          target: { value: NO_CHANGE_TARGET_MS, better: "lower" },
          note: "a staged change to a model whose contents were checked before: hashes, no parsing",
        },
        {
          name: "one changed model",
          unit: "ms",
          samples: fresh,
          target: { value: budget, better: "lower" },
          note: `two-phase-commit (${CONFIGURATIONS} test configurations) type-checked and explored; the precommit budget is ${BUDGET_PER_CONFIGURATION_MS / 1000} s a configuration`,
        },
      ] satisfies Figure[];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
