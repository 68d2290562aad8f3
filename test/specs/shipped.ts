// Shared by the tests of the shipped models (specs/*): loading a model, checking its
// configurations to what they are pinned to, and reading what pith.json expects of it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "jsonc-parser";
import { expect } from "vitest";
import type { Span } from "../../src/diagnostics/source.ts";
import { frontEnd, loadModel, type FrontEndResult } from "../../src/driver.ts";
import { checkTests, selectTests } from "../../src/explore/check.ts";
import type { ModelIR } from "../../src/ir/ir.ts";
import type { StepView } from "../../src/explore/p/trace.ts";

export const ROOT = join(import.meta.dirname, "..", "..");

/** What a configuration gives: a pass with its state count, or a violation and its counterexample. */
export interface Expected {
  readonly verdict: "pass" | "violation";
  readonly states: number;
  readonly kind?: string;
  /** The monitor that catches the violation (pinned only by the tests that say so). */
  readonly monitor?: string;
  readonly message?: string;
  readonly steps?: number;
}

export const pass = (states: number): Expected => ({ verdict: "pass", states });

/** The model in `folder` (relative to the repository), which must load and check without errors. */
export function loadShipped(folder: string): FrontEndResult {
  const loaded = loadModel([folder], ROOT);
  expect(loaded.problems).toEqual([]);
  const fe = frontEnd(loaded.files);
  expect(fe.diagnostics).toEqual([]);
  return fe;
}

/** A step in one line: who moved, on what, and what it sent. */
export function line(s: StepView): string {
  const on = s.kind === "event" ? ` ${s.event}` : s.kind === "start" ? " start" : "";
  const sends = s.sends.map((x) => ` -> ${x.event} to ${x.to}`).join("");
  return `${s.machine}${on}${sends}`;
}

/**
 * Checks the configurations `expected` names, breadth-first with liveness, and returns what each
 * gave in the form of `expected`; `monitorOf` names the monitor of a violation when the
 * expectations pin it. Every pass must be exhaustive.
 */
export async function checkPinned(
  ir: ModelIR,
  expected: Readonly<Record<string, Expected>>,
  monitorOf?: (monitor: string | undefined, span: Span | undefined) => string | undefined,
): Promise<Record<string, Expected>> {
  const { tests, unknown } = selectTests(ir, Object.keys(expected));
  expect(unknown).toEqual([]);
  const results = await checkTests(ir, tests, { mode: "bfs", budget: {}, liveness: true });
  expect(results.filter((r) => r.verdict === "pass").every((r) => r.exhaustive)).toBe(true);
  return Object.fromEntries(
    results.map((r): [string, Expected] => {
      const base = { verdict: r.verdict as Expected["verdict"], states: r.stats.distinct };
      const v = r.violation;
      if (v === undefined) return [r.test, base];
      const monitor = monitorOf === undefined ? {} : { monitor: monitorOf(v.monitor, v.span) };
      return [r.test, { ...base, kind: v.kind, ...monitor, message: v.message, steps: v.steps.length }];
    }),
  );
}

/** The shortest counterexample of configuration `test`, a line per step. */
export async function counterexample(ir: ModelIR, test: string): Promise<string[]> {
  const [r] = await checkTests(ir, selectTests(ir, [test]).tests, { mode: "bfs", budget: {}, liveness: true });
  return r!.violation!.steps.map(line);
}

export interface PithJsonModel {
  readonly name: string;
  readonly paths: readonly string[];
  readonly tests?: readonly string[];
  readonly expect: Readonly<Record<string, { readonly verdict: string; readonly states?: number; readonly kind?: string }>>;
}

/** The entry of model `name` in the repository's pith.json. */
export function pithJsonModel(name: string): PithJsonModel | undefined {
  const config = parse(readFileSync(join(ROOT, "pith.json"), "utf8")) as { models: PithJsonModel[] };
  return config.models.find((m) => m.name === name);
}

/**
 * What pith.json should expect of these configurations: a pass and its state count, or a
 * violation and its kind; `passing` adds configurations that pith.json alone checks.
 */
export function pithJsonExpect(expected: Readonly<Record<string, Expected>>, passing: Readonly<Record<string, number>> = {}): PithJsonModel["expect"] {
  return Object.fromEntries([
    ...Object.entries(expected).map(([k, e]) => [k, e.verdict === "pass" ? { verdict: "pass", states: e.states } : { verdict: "violation", kind: e.kind }]),
    ...Object.entries(passing).map(([k, states]) => [k, { verdict: "pass", states }]),
  ]);
}
