// Counterexamples to induction, made small: the failing query is asked again with exactly so many
// machines of each type (fewest first: every type at one machine, then one more in total, ...),
// then with as few messages as will do, each machine and message named by a constant. The values
// of the two states are read with `get-value` and laid out as one table per machine type.
import type { ModelIR } from "../ir/ir.ts";
import type { Obligation } from "./obligations.ts";
import { buildQuery, type Query } from "./query.ts";
import type { Cti, CtiMessage, CtiTable } from "./result.ts";
import type { Solver } from "./solver.ts";
import { handlerLabel } from "./step.ts";
import { ValuePrinter, valuesOf, type SExpr } from "./values.ts";

const EXTRA_MACHINES = 4;
const MAX_MESSAGES = 10;
const MAX_ATTEMPTS = 24;

/** Vectors of `n` counts, each at least 1, by increasing total then in lexicographic order. */
export function sizeVectors(n: number, extra: number): number[][] {
  const out: number[][] = [];
  const rec = (prefix: number[], left: number, remaining: number): void => {
    if (remaining === 0) {
      if (left === 0) out.push(prefix);
      return;
    }
    for (let k = 1; k <= left - (remaining - 1); k++) rec([...prefix, k], left - k, remaining - 1);
  };
  for (let total = n; total <= n + extra; total++) rec([], total, n);
  return out;
}

export async function findCti(model: ModelIR, ob: Obligation, checkIndex: number | undefined, failing: Query, solver: Solver): Promise<{ cti?: Cti; missing?: string }> {
  const types = failing.machineTypes;
  let attempts = 0;
  const ask = async (machines: number[], messages: number | undefined) => {
    attempts++;
    const q = buildQuery(model, ob, checkIndex, { machines: new Map(types.map((t, i) => [t, machines[i]])), messages });
    const answer = await solver.check({ script: q.script, assumptions: q.assumptions, values: q.values.map((v) => v.term) });
    return { q, answer };
  };
  let sizes: number[] | undefined;
  let found: Awaited<ReturnType<typeof ask>> | undefined;
  for (const v of types.length === 0 ? [[]] : sizeVectors(types.length, EXTRA_MACHINES)) {
    if (attempts >= MAX_ATTEMPTS) break;
    const r = await ask(v, undefined);
    if (r.answer.status === "sat") {
      sizes = v;
      found = r;
      break;
    }
    if (r.answer.status !== "unsat") return { missing: `the search for a small counterexample stopped: ${r.answer.message}` };
  }
  if (sizes === undefined || found === undefined) return { missing: `no counterexample with at most ${types.length + EXTRA_MACHINES} machines was found` };
  if (failing.hasMessages) {
    found = undefined;
    for (let k = 1; k <= MAX_MESSAGES && attempts < MAX_ATTEMPTS + MAX_MESSAGES; k++) {
      const r = await ask(sizes, k);
      if (r.answer.status === "sat") {
        found = r;
        break;
      }
      if (r.answer.status !== "unsat") break;
    }
    if (found === undefined) return { missing: `no counterexample with at most ${MAX_MESSAGES} messages was found` };
  }
  if (found.answer.status !== "sat" || found.answer.values === undefined) return { missing: "Z3 gave no values" };
  return { cti: layout(model, ob, found.q, valuesOf(found.answer.values)) };
}

function layout(model: ModelIR, ob: Obligation, q: Query, raw: readonly SExpr[]): Cti {
  const l = q.layout!;
  const byKey = new Map<string, { e: SExpr; kind: Query["values"][number]["value"] }>();
  q.values.forEach((v, i) => byKey.set(v.key, { e: raw[i] ?? "?", kind: v.value }));
  const p = new ValuePrinter(model);
  for (const [machine, count] of l.counts) {
    for (let i = 0; i < count; i++) {
      const id = byKey.get(`${machine}.${i}.id`);
      if (id !== undefined && typeof id.e === "string") p.names.set(id.e, `${model.machines[machine].name}(${i})`);
    }
  }
  const sentMessages: number[] = [];
  for (let j = 0; j < l.messages; j++) {
    const sent = byKey.get(`msg.${j}.before.sent`)?.e === "true" || (l.hasAfter && byKey.get(`msg.${j}.after.sent`)?.e === "true");
    if (sent) sentMessages.push(j);
  }
  // Messages are numbered in a stable order: those sent before the step, then the new ones.
  sentMessages.sort((a, b) => Number(byKey.get(`msg.${b}.before.sent`)?.e === "true") - Number(byKey.get(`msg.${a}.before.sent`)?.e === "true") || a - b);
  sentMessages.forEach((j, n) => {
    const id = byKey.get(`msg.${j}.id`);
    if (id !== undefined && typeof id.e === "string") p.names.set(id.e, `#${n + 1}`);
  });
  const show = (key: string): string => {
    const v = byKey.get(key);
    return v === undefined ? "?" : p.print(v.e, v.kind);
  };
  const tables: CtiTable[] = l.machines.map((m) => {
    const mt = model.machines[m.machine];
    const started = byKey.has(`${m.machine}.0.before.started`);
    const columns = ["state", ...m.vars.map((s) => mt.vars[s].name)];
    const rows = Array.from({ length: m.count }, (_, i) => {
      const cells = (when: string) => {
        const state = show(`${m.machine}.${i}.${when}.state`);
        const notStarted = started && byKey.get(`${m.machine}.${i}.${when}.started`)?.e === "false";
        return [notStarted ? `${state} (not started)` : state, ...m.vars.map((s) => show(`${m.machine}.${i}.${when}.var.${s}`))];
      };
      const before = cells("before");
      if (!l.hasAfter) return { id: `${mt.name}(${i})`, before };
      const after = cells("after");
      return { id: `${mt.name}(${i})`, before, after, changed: after.map((c, k) => c !== before[k]) };
    });
    return { machineType: mt.name, columns, rows };
  });
  const messages: CtiMessage[] = sentMessages.map((j) => {
    const event = show(`msg.${j}.event`);
    const e = model.events.find((x) => x.name === event);
    const payloadKey = e === undefined ? undefined : `msg.${j}.payload.${e.id}`;
    const before = byKey.get(`msg.${j}.before.sent`)?.e === "true";
    return {
      id: show(`msg.${j}.id`),
      event,
      target: show(`msg.${j}.target`),
      ...(payloadKey !== undefined && byKey.has(payloadKey) ? { payload: show(payloadKey) } : {}),
      inflight: byKey.get(`msg.${j}.before.inflight`)?.e === "true",
      ...(l.hasAfter ? { inflightAfter: byKey.get(`msg.${j}.after.inflight`)?.e === "true" } : {}),
      isNew: !before,
    };
  });
  const counts = l.machines.map((m) => `${m.count} ${model.machines[m.machine].name}`);
  const size = [...counts, ...(q.hasMessages ? [`${sentMessages.length} message${sentMessages.length === 1 ? "" : "s"}`] : [])].join(", ");
  let step: Cti["step"];
  if (ob.handler !== undefined) {
    const h = ob.handler;
    step = {
      kind: ob.kind === "check" ? "check" : "step",
      handler: handlerLabel(model, h),
      machine: show("self"),
      ...(byKey.has("msg") ? { message: show("msg") } : {}),
      ...(h.kind === "event" ? { event: model.events[h.event].name } : {}),
      ...(byKey.has("payload") ? { payload: show("payload") } : {}),
    };
  } else if (ob.unhandled !== undefined) {
    const m = model.machines[ob.unhandled.machine];
    step = { kind: "unhandled", handler: `${m.name}.${m.states[ob.unhandled.state].name}`, machine: show("self"), message: show("msg") };
  }
  return {
    size,
    tables,
    messages,
    ...(step === undefined ? {} : { step }),
    witnesses: l.witnesses.map((w) => ({ name: w.name, value: show(w.key) })),
    pures: l.pures.map((name) => ({ name: `${name}()`, value: show(`pure.${name}`) })),
    single: !l.hasAfter,
  };
}

