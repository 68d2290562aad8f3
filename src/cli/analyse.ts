// The expensive half of `pith check`, loaded only when the result cache cannot answer: parse and
// type-check a model, list its test configurations, explore the ones asked for, and make the
// trace document of each counterexample (kept with the result, so that a cached violation can
// still be written out as an artifact).
import { frontEnd, hasErrors, type FrontEndResult } from "../driver.ts";
import { SourceFile } from "../diagnostics/source.ts";
import { checkTests, withParams, type CheckOptions } from "../explore/check.ts";
import { PModel } from "../explore/p/model.ts";
import { CompiledProgram } from "../explore/p/program.ts";
import type { ModelIR, TestIR } from "../ir/ir.ts";
import { suggestName } from "../names/suggest.ts";
import { location } from "../report/check-text.ts";
import { traceDocument } from "../report/trace-json.ts";
import type { CheckedConfiguration, ModelIndex } from "./cache-entries.ts";
import { UsageError } from "./command.ts";
import type { ModelFile } from "../model-files.ts";

export class AnalysedModel {
  readonly front: FrontEndResult;
  private readonly files: readonly ModelFile[];
  private readonly tests: TestIR[];
  readonly index: ModelIndex;

  /** `params` are `NAME=VALUE` texts, as --param takes them; later ones win. */
  constructor(files: readonly ModelFile[], params: readonly string[]) {
    this.files = files;
    this.front = frontEnd(files.map((f) => new SourceFile(f.path, f.text)));
    const ir = this.front.ir;
    let problem: string | null = null;
    this.tests = [];
    if (ir !== undefined) {
      try {
        this.tests = withParams(ir, ir.tests, parseParams(ir, params));
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        problem = error.message;
      }
    }
    this.index = {
      diagnostics: this.front.diagnostics,
      errors: hasErrors(this.front.diagnostics) || ir === undefined,
      problem,
      configurations: this.tests.map((t) => ({ name: t.name, test: t.test })),
    };
  }

  /** Explores the configurations named (in the model's order). */
  async check(names: readonly string[], options: CheckOptions): Promise<CheckedConfiguration[]> {
    const ir = this.front.ir;
    if (ir === undefined) return [];
    const tests = this.tests.filter((t) => names.includes(t.name));
    const outcomes = await checkTests(ir, tests, options);
    let program: CompiledProgram | undefined;
    return outcomes.map((outcome) => {
      const test = tests.find((t) => t.name === outcome.test);
      if (outcome.violation === undefined || test === undefined) return { outcome, trace: null };
      program ??= new CompiledProgram(ir);
      const trace = traceDocument(
        new PModel(program, test),
        outcome,
        this.files.map((f) => f.path),
        location(outcome.violation.span, this.front.sources),
      );
      return { outcome, trace };
    });
  }
}

/** `--param n=3 --param fast=true`, checked against the params the model declares. */
export function parseParams(model: ModelIR, texts: readonly string[]): Record<string, number | boolean> {
  const values: Record<string, number | boolean> = {};
  for (const text of texts) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(text);
    if (m === null) throw new UsageError(`--param takes NAME=VALUE, not '${text}'`);
    const [, name, raw] = m;
    const param = model.params.find((p) => p.name === name);
    if (param === undefined) {
      const guess = suggestName(name, model.params.map((p) => p.name));
      throw new UsageError(`the model declares no param '${name}'${guess === undefined ? "" : `; did you mean '${guess}'?`}`);
    }
    if (param.type.kind === "Bool") {
      if (raw !== "true" && raw !== "false") throw new UsageError(`param ${name} is a bool: give true or false, not '${raw}'`);
      values[name] = raw === "true";
    } else {
      const n = Number(raw);
      if (!Number.isInteger(n)) throw new UsageError(`param ${name} is an int: give a whole number, not '${raw}'`);
      values[name] = n;
    }
  }
  return values;
}

/** A configuration by its printed name, including ones made by --param. */
export function findConfiguration(model: ModelIR, name: string): TestIR | undefined {
  const direct = model.tests.find((t) => t.name === name);
  if (direct !== undefined) return direct;
  const m = /^([^(]+)\((.*)\)$/.exec(name);
  if (m === null) return undefined;
  const values: Record<string, number | boolean> = {};
  for (const pair of m[2].split(",")) {
    const [k, v] = pair.split("=");
    values[k] = v === "true" ? true : v === "false" ? false : Number(v);
  }
  return withParams(model, model.tests.filter((t) => t.test === m[1]), values).find((t) => t.name === name);
}
