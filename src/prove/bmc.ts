// Bounded model checking (`pith prove --bmc K`): in one fixed instance, is a violation reachable
// within K steps? One query, in which steps may be idle, asks it for every depth at once; when it
// finds one, depths 0, 1, ..., K are asked in turn, so the run reported is a shortest one.
// It is read back from Z3's model as a trace: the initial state, then per step the machine, the
// handler, the message it takes and the messages it sends, and the state after it, laid out as
// the tables of a counterexample to induction.
import type { Span } from "../diagnostics/source.ts";
import type { ModelIR } from "../ir/ir.ts";
import { bmcQuery, initialQuery, type BmcQuery, type Instance } from "./bmc-query.ts";
import type { ValueKind } from "./query.ts";
import type { CtiMessage, CtiTable } from "./result.ts";
import { Unsupported } from "./smt.ts";
import type { Solver, SolverAnswer } from "./solver.ts";
import { handlerLabel, isDriver } from "./step.ts";
import { ValuePrinter, valuesOf, type SExpr } from "./values.ts";

/** At most this many machines of each type in the default instance. */
export const DEFAULT_PER_TYPE = 2;

export interface InstanceChoice {
  readonly instance: Instance;
  /** The machine types whose count Pith chose (those --instance did not give). */
  readonly defaulted: readonly string[];
}

export interface BmcStep {
  /** `Client(0)`. */
  readonly machine: string;
  readonly handler: string;
  /** The message taken, `#1`, and its event and payload. */
  readonly message?: string;
  readonly event?: string;
  readonly payload?: string;
  readonly sends: readonly CtiMessage[];
  /** `before` is the state before the step, `after` the state after it (no `after` when the step fails). */
  readonly tables: readonly CtiTable[];
  /** The step fails here (an assertion): what fails. */
  readonly fails?: string;
  /** In flight after the step. */
  readonly inflight: readonly CtiMessage[];
}

export interface BmcTrace {
  readonly initial: readonly CtiTable[];
  readonly steps: readonly BmcStep[];
  readonly broken: {
    readonly target: string;
    readonly description: string;
    readonly span?: Span;
    readonly witnesses: readonly { readonly name: string; readonly value: string }[];
  };
}

interface Common {
  /** `2 Client, 1 Server`. */
  readonly instance: string;
  readonly counts: readonly { readonly machine: string; readonly count: number }[];
  readonly defaulted: readonly string[];
  readonly bound: number;
  readonly queries: number;
  readonly cached: number;
  readonly ms: number;
}

export type BmcResult =
  | (Common & { readonly status: "none" })
  | (Common & { readonly status: "violation"; readonly trace: BmcTrace })
  /** `depth`: the depth whose query had no answer; every shallower one has no violation. */
  | (Common & { readonly status: "unknown"; readonly depth: number; readonly reason: string; readonly span?: Span });

/** The machine types an instance has: every machine type but the tests' drivers, in model order. */
export function instanceTypes(model: ModelIR): number[] {
  return model.machines.filter((m) => m.kind === "machine" && !isDriver(model, m.id)).map((m) => m.id);
}

/**
 * The instance to check: the counts asked for, and for the other types at most DEFAULT_PER_TYPE
 * each, trying the most machines first and keeping the first that the init-conditions and axioms
 * allow an initial state for.
 */
export async function chooseInstance(model: ModelIR, solver: Solver, requested: ReadonlyMap<number, number>): Promise<InstanceChoice | { problem: string }> {
  const types = instanceTypes(model);
  const open = types.filter((t) => !requested.has(t));
  const candidates: number[][] = [];
  const rec = (prefix: number[]): void => {
    if (prefix.length === open.length) return void candidates.push(prefix);
    for (let n = DEFAULT_PER_TYPE; n >= 1; n--) rec([...prefix, n]);
  };
  rec([]);
  candidates.sort((a, b) => b.reduce((x, y) => x + y, 0) - a.reduce((x, y) => x + y, 0));
  for (const counts of candidates) {
    const instance = new Map(types.map((t) => [t, requested.get(t) ?? counts[open.indexOf(t)]]));
    let script: string;
    try {
      script = initialQuery(model, instance);
    } catch (error) {
      if (error instanceof Unsupported) return { problem: `the init-conditions or axioms use a construct bounded model checking cannot encode: ${error.construct}` };
      throw error;
    }
    const answer = await solver.check({ script, assumptions: [], values: [] });
    if (answer.status === "sat") return { instance, defaulted: open.map((t) => model.machines[t].name) };
    if (answer.status !== "unsat") return { problem: `Z3 could not tell whether the instance ${instanceText(model, instance)} has an initial state: ${answer.message}` };
  }
  const given = instanceText(model, requested);
  const others = `1 to ${DEFAULT_PER_TYPE} of each of ${open.map((t) => model.machines[t].name).join(", ")}`;
  const which = open.length === 0 ? given : requested.size === 0 ? others : `${given} with ${others}`;
  return { problem: `the init-conditions and axioms allow no initial state for ${which}; choose another one with --instance` };
}

export function instanceText(model: ModelIR, instance: Instance): string {
  return [...instance].map(([m, n]) => `${n} ${model.machines[m].name}`).join(", ");
}

export interface BmcOptions {
  readonly solver: Solver;
  /** The most steps a run may take. */
  readonly bound: number;
}

export async function bmc(model: ModelIR, choice: InstanceChoice, options: BmcOptions): Promise<BmcResult> {
  const started = performance.now();
  let queries = 0;
  let cached = 0;
  const common = (): Common => ({
    instance: instanceText(model, choice.instance),
    counts: [...choice.instance].map(([m, count]) => ({ machine: model.machines[m].name, count })),
    defaulted: choice.defaulted,
    bound: options.bound,
    queries,
    cached,
    ms: performance.now() - started,
  });
  const ask = async (q: BmcQuery, values: boolean) => {
    queries++;
    const answer = (await options.solver.check({ script: q.script, assumptions: [], values: values ? q.values.map((v) => v.term) : [] })) as SolverAnswer & { cached?: boolean };
    if (answer.cached === true) cached++;
    return answer;
  };
  const build = (depth: number, stutter: boolean): BmcQuery | Unsupported => {
    try {
      return bmcQuery(model, choice.instance, depth, stutter);
    } catch (error) {
      if (error instanceof Unsupported) return error;
      throw error;
    }
  };
  // One query with idle steps covers every depth: when its answer is "no", that is all. (When it
  // cannot be built, the depths below say at which one.)
  const all = options.bound > 1 ? build(options.bound, true) : undefined;
  if (all !== undefined && !(all instanceof Unsupported) && (await ask(all, false)).status === "unsat") return { ...common(), status: "none" };
  for (let depth = 0; depth <= options.bound; depth++) {
    const q = build(depth, false);
    if (q instanceof Unsupported) {
      return { ...common(), status: "unknown", depth, reason: `unsupported construct: ${q.construct}`, ...(q.span === undefined ? {} : { span: q.span }) };
    }
    const answer = await ask(q, true);
    if (answer.status === "unsat") continue;
    if (answer.status === "sat" && answer.values !== undefined) return { ...common(), status: "violation", trace: readTrace(model, choice.instance, depth, q, valuesOf(answer.values)) };
    const reason = answer.status === "unknown" ? (/timeout|canceled/.test(answer.message) ? "timeout" : `Z3 gave up (${answer.message})`) : answer.status === "error" ? `Z3 error: ${answer.message}` : "Z3 gave no values";
    return { ...common(), status: "unknown", depth, reason };
  }
  return { ...common(), status: "none" };
}

/** The run in Z3's model, as tables and steps. */
function readTrace(model: ModelIR, instance: Instance, depth: number, q: BmcQuery, raw: readonly SExpr[]): BmcTrace {
  const byKey = new Map<string, { e: SExpr; kind: ValueKind }>();
  q.values.forEach((v, i) => byKey.set(v.key, { e: raw[i] ?? "?", kind: v.value }));
  const p = new ValuePrinter(model);
  for (const [machine, n] of instance) {
    for (let i = 0; i < n; i++) {
      const id = byKey.get(`id.${machine}.${i}`)?.e;
      if (typeof id === "string") p.names.set(id, `${model.machines[machine].name}(${i})`);
    }
  }
  const show = (key: string): string => {
    const v = byKey.get(key);
    return v === undefined ? "?" : p.print(v.e, v.kind);
  };
  const isTrue = (key: string) => byKey.get(key)?.e === "true";
  let labels = 0;
  /** Names the message of `key` (`#n`) the first time it is seen, and describes it. */
  const messageAt = (key: string, event: number | undefined): CtiMessage => {
    const id = byKey.get(`${key}.id`)?.e;
    if (typeof id === "string" && !p.names.has(id)) p.names.set(id, `#${++labels}`);
    const name = show(`${key}.event`);
    const e = event ?? model.events.find((x) => x.name === name)?.id;
    const payloadKey = `${key}.payload.${e}`;
    return {
      id: show(`${key}.id`),
      event: e === undefined ? name : model.events[e].name,
      target: show(`${key}.target`),
      ...(byKey.has(payloadKey) ? { payload: show(payloadKey) } : {}),
      inflight: true,
      isNew: true,
    };
  };
  const cells = (f: number): Map<number, string[][]> => {
    const out = new Map<number, string[][]>();
    for (const [machine, n] of instance) {
      const m = model.machines[machine];
      out.set(
        machine,
        Array.from({ length: n }, (_, i) => {
          const at = `f.${f}.${machine}.${i}`;
          const state = show(`${at}.state`);
          const notStarted = byKey.has(`${at}.started`) && !isTrue(`${at}.started`);
          return [notStarted ? `${state} (not started)` : state, ...m.vars.map((_, slot) => show(`${at}.var.${slot}`))];
        }),
      );
    }
    return out;
  };
  const tables = (before: Map<number, string[][]>, after: Map<number, string[][]> | undefined): CtiTable[] =>
    [...instance.keys()].map((machine) => {
      const m = model.machines[machine];
      return {
        machineType: m.name,
        columns: ["state", ...m.vars.map((v) => v.name)],
        rows: before.get(machine)!.map((b, i) => {
          const id = `${m.name}(${i})`;
          if (after === undefined) return { id, before: b };
          const a = after.get(machine)![i];
          return { id, before: b, after: a, changed: a.map((c, k) => c !== b[k]) };
        }),
      };
    });
  const found = q.cases.find((c) => isTrue(c.key)) ?? q.cases[0];
  let previous = cells(0);
  const initial = tables(previous, undefined);
  const inflight = new Map<string, CtiMessage>();
  const steps: BmcStep[] = [];
  for (let i = 0; i < depth; i++) {
    const j = Number(show(`choice.${i}`));
    const h = q.handlers[j];
    let taken: CtiMessage | undefined;
    if (h.kind === "event") {
      taken = messageAt(`msg.${i}`, h.event);
      inflight.delete(taken.id);
    }
    const sends: CtiMessage[] = [];
    q.sends[i][j].forEach((event, k) => {
      if (!isTrue(`send.${i}.${j}.${k}.guard`)) return;
      const m = messageAt(`send.${i}.${j}.${k}`, event);
      sends.push(m);
      inflight.set(m.id, m);
    });
    const fails = found.inStep && i === depth - 1 ? found.description.replace(/ fails$/, "") : undefined;
    const now = cells(i + 1);
    steps.push({
      machine: show(`self.${i}.${j}`),
      handler: handlerLabel(model, h),
      ...(taken === undefined ? {} : { message: taken.id, event: taken.event, ...(taken.payload === undefined ? {} : { payload: taken.payload }) }),
      ...(byKey.has(`payload.${i}.${j}`) ? { payload: show(`payload.${i}.${j}`) } : {}),
      sends,
      tables: tables(previous, fails === undefined ? now : undefined),
      inflight: [...inflight.values()],
      ...(fails === undefined ? {} : { fails }),
    });
    previous = now;
  }
  return {
    initial,
    steps,
    broken: {
      target: found.target,
      description: found.description,
      ...(found.span === undefined ? {} : { span: found.span }),
      witnesses: found.witnesses.map((w) => ({ name: w.name, value: show(w.key) })),
    },
  };
}
