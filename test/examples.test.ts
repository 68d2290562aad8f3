// The teaching examples under examples/ are models readers copy from: each must check cleanly,
// print back through the formatter to a program that prints the same way, and declare the
// machines, specs and tests it is written to teach.
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { printFile } from "../src/ast/printer.ts";
import { renderText } from "../src/diagnostics/render.ts";
import { SourceFile } from "../src/diagnostics/source.ts";
import { frontEnd, loadModel } from "../src/driver.ts";
import { parseProgram } from "../src/syntax/parse.ts";

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "examples");

/** Example models: the folders of examples/ that hold `.p` files. */
function exampleModels(): string[] {
  return readdirSync(examplesDir)
    .filter((name) => statSync(join(examplesDir, name)).isDirectory())
    .filter((name) => loadModel([name], examplesDir).files.length > 0)
    .sort();
}

function load(name: string): SourceFile[] {
  const { files, problems } = loadModel([name], examplesDir);
  expect(problems).toEqual([]);
  return files;
}

/** What each example must declare, beyond checking cleanly. */
const promised: Record<string, { tests: string[]; specs: string[]; machines: string[] }> = {
  "ping-pong": { tests: ["PingPong"], specs: [], machines: ["Pinger", "Ponger"] },
  "two-phase-commit": {
    tests: ["TwoParticipants", "ManyParticipants", "CommitOnTimeout"],
    specs: ["Atomicity", "EventuallyDecided"],
    machines: ["Coordinator", "Participant", "Client", "TestDriver", "VoteTimer", "HastyCoordinator"],
  },
  "lock-server": {
    tests: ["Contention"],
    specs: ["MutualExclusion", "NoStarvation"],
    machines: ["LockServer", "LockClient", "Clients"],
  },
  "client-server": {
    tests: ["KvClients", "StaleRead"],
    specs: ["CorrectResponses", "EveryRequestAnswered"],
    machines: ["KvServer", "KvClient", "KvDriver", "StaleReadServer"],
  },
  "two-phase-commit-tla": { tests: ["tc"], specs: [], machines: ["TwoPhase"] },
};

describe("examples/", () => {
  it("holds the three teaching examples", () => {
    expect(exampleModels()).toEqual(expect.arrayContaining(Object.keys(promised)));
  });

  describe.each(exampleModels())("%s", (name) => {
    it("checks cleanly", () => {
      const result = frontEnd(load(name));
      expect(renderText(result.diagnostics, result.sources, { color: false })).toBe("0 errors, 0 warnings\n");
    });

    it("declares the machines, specs and tests it teaches", () => {
      const expected = promised[name];
      if (expected === undefined) return;
      const checked = frontEnd(load(name)).checked;
      expect(checked).toBeDefined();
      if (checked === undefined) return;
      expect([...checked.tests.keys()].sort()).toEqual([...expected.tests].sort());
      expect([...checked.specs.keys()].sort()).toEqual([...expected.specs].sort());
      expect([...checked.machines.keys()].sort()).toEqual([...expected.machines].sort());
    });

    it("prints back to a program that prints the same way", () => {
      const files = load(name);
      const first = parseProgram(files);
      expect(first.diagnostics).toEqual([]);
      const once = first.program.files.map(printFile);
      const second = parseProgram(files.map((f, i) => new SourceFile(f.path, once[i])));
      expect(second.diagnostics).toEqual([]);
      expect(second.program.files.map(printFile)).toEqual(once);
    });
  });
});
