// Counterexamples as files: an ITF-style JSON document with the full state after each step and,
// in its metadata, what `pith replay` needs to run the trace again (the model's files, the test,
// its parameters, and the choice taken at each step).
import type { SourceSet } from "../diagnostics/source.ts";
import type { TestOutcome } from "../explore/check.ts";
import { fingerprintHex } from "../explore/engine/index.ts";
import { PModel } from "../explore/p/model.ts";
import { CompiledProgram } from "../explore/p/program.ts";
import type { ModelIR, TestIR } from "../ir/ir.ts";
import { location } from "./check-text.ts";
import { HALTED, RUNNING, type World } from "../explore/p/world.ts";
import { toItf, type Itf } from "./itf.ts";

export const TRACE_FORMAT_VERSION = 1;

export interface TraceFile {
  readonly "#meta": {
    readonly format: "ITF";
    readonly "format-description": string;
    readonly tool: "pith";
    readonly "pith-trace-version": number;
    readonly model: readonly string[];
    readonly test: string;
    readonly params: Readonly<Record<string, number | boolean>>;
    readonly kind: string;
    readonly message: string;
    readonly location: string | undefined;
    /** Emission ordinals from the initial state; the cycle's follow for a liveness lasso. */
    readonly ordinals: readonly number[];
    readonly cycle: readonly number[] | undefined;
  };
  readonly vars: readonly string[];
  readonly states: readonly Record<string, Itf>[];
  /** Index of the state the cycle returns to (liveness). */
  readonly loop?: number;
}

function worldToItf(model: PModel, world: World): Record<string, Itf> {
  const { program, names, test } = model.ctx;
  const ir = program.model;
  names.use(world);
  const payload = (event: number, p: Parameters<typeof toItf>[0]): Itf => {
    const t = ir.events[event]?.payload;
    return t === undefined ? null : toItf(p, t, names);
  };
  return {
    machines: world.machines.map((m, i) => {
      const type = ir.machines[m.type];
      const vars: Record<string, Itf> = {};
      type.vars.forEach((v, slot) => (vars[v.name] = m.status === HALTED ? null : toItf(m.vars[slot], v.type, names)));
      return {
        id: names.machineAt(i, m.type),
        state: type.states[m.state]?.name ?? "",
        status: m.status === HALTED ? "halted" : m.status === RUNNING ? (m.run?.waiting != null ? "blocked" : "running") : "idle",
        vars,
        inbox: m.inbox.map((msg) => ({ event: names.event(msg.event), payload: payload(msg.event, msg.payload) })),
      };
    }),
    monitors: world.monitors.map((mon, i) => {
      const spec = ir.machines[test.specs[i]];
      const vars: Record<string, Itf> = {};
      spec.vars.forEach((v, slot) => (vars[v.name] = toItf(mon.vars[slot], v.type, names)));
      return { monitor: spec.name, state: spec.states[mon.state]?.name ?? "", vars };
    }),
  };
}

/** The trace document for a violated test; `files` are the model's files as the user named them. */
export function traceDocument(model: PModel, outcome: TestOutcome, files: readonly string[], location: string | undefined): TraceFile {
  const v = outcome.violation!;
  const ir = model.ctx.program.model;
  const params: Record<string, number | boolean> = {};
  model.ctx.test.paramValues.forEach((value, i) => {
    if (value !== undefined) params[ir.params[i].name] = value;
  });
  const states: Record<string, Itf>[] = [];
  let previous: Int32Array | null = null;
  const all = [...v.steps, ...(v.cycle ?? [])];
  const cycleOrdinals = v.cycle?.map((s) => s.ordinal);
  all.forEach((step, i) => {
    const emission = model.emission(previous, step.ordinal);
    const meta = {
      index: i + 1,
      action:
        step.kind === "start" ? `${step.machine} starts` : step.event !== undefined ? `${step.machine} handles ${step.event}` : `${step.machine} goes on`,
      ordinal: step.ordinal,
      ...(emission.failure === undefined ? {} : { failure: `${emission.failure.kind}: ${emission.failure.message}` }),
    };
    if (emission.world === undefined) {
      states.push({ "#meta": meta });
      return;
    }
    const encoded = model.encode(emission.world);
    states.push({ "#meta": { ...meta, fingerprint: fingerprintHex(encoded, encoded.length) }, ...worldToItf(model, emission.world) });
    previous = encoded;
  });
  return {
    "#meta": {
      format: "ITF",
      "format-description": "https://apalache-mc.org/docs/adr/015adr-trace.html",
      tool: "pith",
      "pith-trace-version": TRACE_FORMAT_VERSION,
      model: files,
      test: outcome.test,
      params,
      kind: v.kind,
      message: v.message,
      location,
      ordinals: v.ordinals,
      cycle: cycleOrdinals,
    },
    vars: ["machines", "monitors"],
    states,
    ...(v.cycle === undefined ? {} : { loop: v.steps.length }),
  };
}

/**
 * The trace document of `outcome`, a violation of `test` (the configuration of the model `ir` that
 * was checked), with the model's files and the violation's location taken from `sources`.
 */
export function violationTrace(ir: ModelIR, test: TestIR, outcome: TestOutcome, sources: SourceSet): TraceFile {
  const model = new PModel(new CompiledProgram(ir), test);
  return traceDocument(model, outcome, sources.all().map((f) => f.path), location(outcome.violation?.span, sources));
}

/** Reads a trace document back, or says in words what is wrong with it. */
export function parseTraceFile(text: string): { trace: TraceFile } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  const meta = (data as { "#meta"?: Record<string, unknown> } | null)?.["#meta"];
  if (meta === undefined || meta === null || typeof meta !== "object") return { error: 'no "#meta" object: this is not a Pith trace' };
  if (meta.tool !== "pith") return { error: '"#meta.tool" is not "pith": this trace was not written by Pith' };
  if (meta["pith-trace-version"] !== TRACE_FORMAT_VERSION) {
    return { error: `trace format version ${String(meta["pith-trace-version"])} is not the one this Pith reads (${TRACE_FORMAT_VERSION})` };
  }
  const isStrings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === "string");
  const isOrdinals = (x: unknown) => Array.isArray(x) && x.every((n) => Number.isInteger(n) && n >= 0);
  if (!isStrings(meta.model) || (meta.model as unknown[]).length === 0) return { error: '"#meta.model" must list the model\'s files' };
  if (typeof meta.test !== "string") return { error: '"#meta.test" must name the test' };
  if (!isOrdinals(meta.ordinals)) return { error: '"#meta.ordinals" must be a list of step numbers' };
  if (meta.cycle !== undefined && !isOrdinals(meta.cycle)) return { error: '"#meta.cycle" must be a list of step numbers' };
  const params = meta.params;
  if (params !== undefined && (typeof params !== "object" || params === null || Object.values(params).some((v) => typeof v !== "number" && typeof v !== "boolean"))) {
    return { error: '"#meta.params" must map parameter names to numbers or booleans' };
  }
  return { trace: data as TraceFile };
}
