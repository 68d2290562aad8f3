// Checks a liveness counterexample independently of how the engine built it: the cycle returns to
// where it starts, the monitor is hot in every state on it, and it is weakly fair per process
// (a process enabled in every state of the cycle moves somewhere on it). Enabledness is asked of
// the model directly.
import type { Model, SuccessorSink, Violation } from "../../../src/explore/engine/index.ts";

function enabledProcesses(model: Model, state: Int32Array): Set<number> {
  const processes = new Set<number>();
  const sink: SuccessorSink = {
    next: (_a, process) => processes.add(process),
    fail: (_a, process) => processes.add(process),
  };
  model.successors(state, state.length, sink);
  return processes;
}

/** Problems with the lasso; empty when it is a valid hot, weakly fair cycle. */
export function lassoProblems(model: Model, violation: Violation): string[] {
  const problems: string[] = [];
  const cycle = violation.cycle ?? [];
  const monitor = violation.monitor ?? -1;
  const start = violation.trace.at(-1)?.state ?? null;
  if (cycle.length === 0 || start === null) return ["no cycle"];
  const end = cycle.at(-1)?.state ?? null;
  if (end === null || end.join() !== start.join()) problems.push("the cycle does not return to its start");
  const states = [start, ...cycle.slice(0, -1).map((s) => s.state ?? new Int32Array(0))];
  const flags = new Uint32Array(1);
  for (const s of states) {
    model.hot(s, s.length, flags);
    if (((flags[monitor >>> 5] >>> (monitor & 31)) & 1) === 0) problems.push(`monitor cold in [${s.join()}]`);
  }
  const enabledEverywhere = states
    .map((s) => enabledProcesses(model, s))
    .reduce((a, b) => new Set([...a].filter((p) => b.has(p))));
  const moved = new Set(cycle.map((s) => s.process));
  for (const p of enabledEverywhere) if (!moved.has(p)) problems.push(`process ${p} is always enabled and never moves`);
  return problems;
}
