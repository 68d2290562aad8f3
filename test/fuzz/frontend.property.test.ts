// The front end never throws: whatever the input, parse + check + lower return diagnostics or an
// IR. Three generators feed it: token soup (the lexer and the parser's error recovery), mutations
// of the real models in the repository (the checker's error paths on models that are almost
// right), and well-formed models from a grammar-directed generator, with and without wrong types
// (deep, plausible input for the checker and the lowering). PITH_FUZZ_SEED and PITH_FUZZ_RUNS
// override the fixed seed and the number of inputs (see harness.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frontEnd } from "../../src/driver.ts";
import { SourceFile } from "../../src/diagnostics/source.ts";
import { Choices, choiceArray } from "./choices.ts";
import { expectNoCrash, fuzzSettings } from "./harness.ts";
import { loadCorpus, mutatedModel } from "./mutate.ts";
import { generateProgram } from "./program/declarations.ts";
import { soup } from "./soup.ts";

const { seed, runs } = fuzzSettings();
/** How the inputs are shared out: a generated model costs several times a soup or a mutation. */
const SHARES = { soup: 0.4, mutations: 0.4, generated: 0.2 };
const share = (fraction: number) => Math.max(1, Math.round(runs * fraction));
const asModel = (path: string) => (text: string) => [{ path, text }];

describe(`the front end never throws (seed ${seed}, ${runs} inputs)`, () => {
  it("on token soup", () => {
    expectNoCrash(soup.map(asModel("soup.p")), share(SHARES.soup), seed);
  });

  it("on mutated models of the repository", () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThan(0);
    expectNoCrash(mutatedModel(corpus), share(SHARES.mutations), seed);
  });

  it("on generated models, with and without wrong types", () => {
    const models = choiceArray(50, 2500).map((choices) => generateProgram(new Choices(choices)));
    const n = share(SHARES.generated);
    const outcome = expectNoCrash(models.map(asModel("generated.p")), n, seed);
    // The generator is useful only while its models get past the parser and, often, the checker
    // (about half of them are written with wrong types on purpose).
    if (n >= 100) {
      expect(outcome.checked).toBeGreaterThan(n * 0.9);
      expect(outcome.lowered + outcome.known).toBeGreaterThan(n * 0.4);
    }
  });
});

describe("the program generator", () => {
  it("writes models without wrong types that check without errors", () => {
    const samples = fc.sample(choiceArray(50, 2500), { numRuns: 200, seed });
    const outcome = { ok: 0, errors: new Map<string, number>() };
    for (const choices of samples) {
      const text = generateProgram(new Choices(choices), false);
      const errors = diagnosticsOf(text);
      if (errors.length === 0) outcome.ok++;
      for (const e of errors) outcome.errors.set(e, (outcome.errors.get(e) ?? 0) + 1);
    }
    expect(outcome.ok, `errors in generated models: ${JSON.stringify([...outcome.errors])}`).toBeGreaterThanOrEqual(190);
  });
});

/** The codes of the errors of a model; a crash counts as no error (the properties look for those). */
function diagnosticsOf(text: string): string[] {
  try {
    const result = frontEnd([new SourceFile("generated.p", text)]);
    return result.diagnostics.filter((d) => d.severity === "error").map((d) => `PTH${d.code}`);
  } catch {
    return [];
  }
}
