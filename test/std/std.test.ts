// The standard library of environment machines (lib/std/): every file checks on its own, all of
// them check together (their names do not clash), and each has a model here that uses it, whose
// verdicts and state counts are pinned. The violations are the point of those models (a timeout
// taken for a fresh one, a crash too many, a lost or duplicated or reordered message), so each one
// is pinned with its kind, its message and the length of its shortest counterexample.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderText } from "../../src/diagnostics/render.ts";
import { frontEnd, loadModel, standardLibrary } from "../../src/driver.ts";
import { checkTests } from "../../src/explore/check.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const LIBRARY = ["duplicating-channel", "failure-injector", "lossy-channel", "reordering-channel", "timer"];

function frontEndOf(paths: readonly string[]) {
  const loaded = loadModel(paths, root);
  expect(loaded.problems).toEqual([]);
  return frontEnd(loaded.files);
}

function diagnosticsOf(paths: readonly string[]): string {
  const result = frontEndOf(paths);
  return renderText(result.diagnostics, result.sources, { color: false });
}

interface Expected {
  readonly verdict: "pass" | "violation";
  readonly states: number;
  /** Violations: kind, message, counterexample length. */
  readonly kind?: string;
  readonly message?: string;
  readonly steps?: number;
}

/** Each library file, the model in test/std/ that uses it, and what checking that model gives. */
const models: Record<string, { paths: string[]; outcomes: Record<string, Expected> }> = {
  timer: {
    paths: ["test/std/timer.p", "std:timer"],
    outcomes: {
      "TimerOwner(checkTags=true)": { verdict: "pass", states: 163 },
      "TimerOwner(checkTags=false)": {
        verdict: "violation",
        states: 97,
        kind: "assertion",
        message: "question 2 given up, but its timer never fired",
        steps: 13,
      },
    },
  },
  "failure-injector": {
    paths: ["test/std/failure-injector.p", "std:failure-injector"],
    outcomes: {
      "Replication(crashBudget=1)": { verdict: "pass", states: 931 },
      "Replication(crashBudget=2)": {
        verdict: "violation",
        states: 2_885,
        kind: "liveness",
        message: "monitor LeaderCommits is hot in a state where no step is possible",
        steps: 17,
      },
    },
  },
  "lossy-channel": {
    paths: ["test/std/lossy-channel.p", "std:lossy-channel", "std:timer"],
    outcomes: {
      "Retransmission(maxAttempts=3)": { verdict: "pass", states: 2_356 },
      SingleAttempt: {
        verdict: "violation",
        states: 84,
        kind: "liveness",
        message: "monitor AllDelivered is hot in a state where no step is possible",
        steps: 12,
      },
    },
  },
  "duplicating-channel": {
    paths: ["test/std/duplicating-channel.p", "std:duplicating-channel"],
    outcomes: {
      "Increments(dedupe=true)": { verdict: "pass", states: 34 },
      "Increments(dedupe=false)": {
        verdict: "violation",
        states: 26,
        kind: "assertion",
        message: "increment 1 counted twice (total 2)",
        steps: 8,
      },
    },
  },
  "reordering-channel": {
    paths: ["test/std/reordering-channel.p", "std:reordering-channel"],
    outcomes: {
      "Versions(versioned=true)": { verdict: "pass", states: 76 },
      "Versions(versioned=false)": {
        verdict: "violation",
        states: 50,
        kind: "assertion",
        message: "the register went back from version 2 to 1",
        steps: 11,
      },
    },
  },
};

describe("lib/std", () => {
  it("holds the five environment machines", () => {
    expect(standardLibrary()).toEqual(LIBRARY);
    expect(Object.keys(models).sort()).toEqual(LIBRARY);
  });

  it.each(LIBRARY)("std:%s checks on its own", (name) => {
    expect(diagnosticsOf([`std:${name}`])).toBe("0 errors, 0 warnings\n");
  });

  it("checks as one model with every file of the library", () => {
    expect(diagnosticsOf(LIBRARY.map((name) => `std:${name}`))).toBe("0 errors, 0 warnings\n");
  });

  it("names its files std:NAME in diagnostics and traces", () => {
    const { files } = loadModel(["std:timer"], root);
    expect(files.map((f) => f.path)).toEqual(["std:timer"]);
  });
});

describe.each(Object.keys(models))("test/std model for std:%s", (name) => {
  const { paths, outcomes } = models[name];

  it("checks with the library file", () => {
    expect(diagnosticsOf(paths)).toBe("0 errors, 0 warnings\n");
  });

  it("checks to the pinned verdicts, state counts and shortest counterexamples", async () => {
    const ir = frontEndOf(paths).ir;
    expect(ir).toBeDefined();
    if (ir === undefined) return;
    const results = await checkTests(ir, ir.tests, { mode: "bfs", budget: {}, liveness: true });
    const actual = Object.fromEntries(
      results.map((r): [string, Expected] => {
        const base = { verdict: r.verdict as Expected["verdict"], states: r.stats.distinct };
        const v = r.violation;
        return [r.test, v === undefined ? base : { ...base, kind: v.kind, message: v.message, steps: v.steps.length }];
      }),
    );
    expect(actual).toEqual(outcomes);
    expect(results.every((r) => r.verdict !== "pass" || r.exhaustive)).toBe(true);
  });
});
