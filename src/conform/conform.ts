// `pith conform --trace`: reads a recorded trace, checks its lines against the model, cuts it into
// partitions when asked, and searches the model for each partition. The result is one
// ConformanceReport, which src/conform/report.ts prints; the CLI sets the exit code from its verdict.
import { PModel } from "../explore/p/model.ts";
import { CompiledProgram } from "../explore/p/program.ts";
import type { ModelIR, TestIR } from "../ir/ir.ts";
import { ModelNames } from "./json-values.ts";
import { searchTrace, type TraceCheck, type TraceVerdict } from "./search.ts";
import { parseTrace, partition, type TraceProblem } from "./trace-file.ts";

export interface PartitionReport {
  /** The partition's key (JSON of the field's value); undefined when the trace is not partitioned. */
  readonly key: string | undefined;
  readonly check: TraceCheck;
}

export type ConformVerdict = "conforms" | "mismatch" | "violation" | "inconclusive" | "bad-trace" | "error";

export interface ConformanceReport {
  readonly model: readonly string[];
  readonly test: string;
  readonly trace: string;
  readonly partitionBy: string | undefined;
  /** Problems with the trace file itself (errors make a bad trace; nothing is searched). */
  readonly problems: readonly TraceProblem[];
  readonly partitions: readonly PartitionReport[];
  readonly verdict: ConformVerdict;
}

export interface TraceCheckOptions {
  readonly maxStates: number;
  readonly partitionBy: string | undefined;
}

/** The test `name` names (a configuration, or a declared test's first configuration), or the model's first test. */
export function chooseTest(model: ModelIR, name: string | undefined): TestIR | undefined {
  if (name === undefined) return model.tests[0];
  return model.tests.find((t) => t.name === name) ?? model.tests.find((t) => t.test === name);
}

const SEVERITY: readonly TraceVerdict["kind"][] = ["error", "violation", "mismatch", "inconclusive", "conforms"];

/** Checks the trace `text` (from the file `tracePath`) against `test` of `model`. */
export function conformTrace(
  model: ModelIR,
  test: TestIR,
  text: string,
  paths: { readonly model: readonly string[]; readonly trace: string },
  options: TraceCheckOptions,
): ConformanceReport {
  const names = new ModelNames(model);
  const parsed = parseTrace(text, model, names);
  const base = { model: paths.model, test: test.name, trace: paths.trace, partitionBy: options.partitionBy, problems: parsed.problems };
  if (parsed.problems.some((p) => p.code !== 6012)) return { ...base, partitions: [], verdict: "bad-trace" };
  const program = new CompiledProgram(model);
  const parts =
    options.partitionBy === undefined ? [{ key: undefined as string | undefined, entries: parsed.entries }] : partition(parsed.entries, options.partitionBy);
  const partitions = parts.map((p) => ({
    key: p.key,
    check: searchTrace(new PModel(program, test), names, p.entries, { maxStates: options.maxStates }),
  }));
  const worst = partitions.reduce<TraceVerdict["kind"]>((w, p) => (SEVERITY.indexOf(p.check.verdict.kind) < SEVERITY.indexOf(w) ? p.check.verdict.kind : w), "conforms");
  return { ...base, partitions, verdict: worst };
}
