// Confirming a failed proof with the explorer (`pith prove --confirm INV`): explore every test of
// the model (small, fixed instances) breadth first, evaluating the invariant on each reachable
// state where no machine is part way through a handler (the states a proof speaks of). A state
// that breaks it is a real bug, and the explorer's trace to it is the shortest. When the search
// is exhaustive and meets none, the counterexample to induction is not reachable in these
// instances: the invariant most likely holds and needs a helper invariant to be inductive.
import type { Span } from "../diagnostics/source.ts";
import type { ModelIR, TestIR } from "../ir/ir.ts";
import { explore, type Budget, type Model, type StopReason, type SuccessorSink } from "../explore/engine/index.ts";
import { PModel } from "../explore/p/model.ts";
import { CompiledProgram } from "../explore/p/program.ts";
import { describeTrace, type StepView } from "../explore/p/trace.ts";
import { RUN_START, RUNNING, type MachineState, type World } from "../explore/p/world.ts";
import type { Names } from "../explore/p/names.ts";
import { formatValue } from "../explore/runtime/format.ts";
import type { Value } from "../explore/runtime/core.ts";
import type { Type } from "../types/types.ts";
import { someNode } from "./ir-walk.ts";
import { NotEvaluable, WorldFormula, type FormulaValue, type InboxMessage } from "./world-formula.ts";

export const INVARIANT_KIND = "invariant";

export type TestConfirmation =
  | { readonly test: string; readonly verdict: "violated"; readonly states: number; readonly steps: readonly StepView[]; readonly message: string }
  /** Every reachable state was evaluated, and none breaks the invariant. */
  | { readonly test: string; readonly verdict: "holds"; readonly states: number }
  /** A budget ran out first. */
  | { readonly test: string; readonly verdict: "inconclusive"; readonly states: number; readonly reason: StopReason | undefined }
  /** The test stops at another violation (an assertion, an unhandled event, ...) first. */
  | { readonly test: string; readonly verdict: "other-violation"; readonly states: number; readonly steps: readonly StepView[]; readonly kind: string; readonly message: string };

export interface Confirmation {
  readonly invariant: string;
  readonly span: Span;
  readonly tests: readonly TestConfirmation[];
  /** The invariant uses something that cannot be evaluated on explored states. */
  readonly notEvaluable?: { readonly construct: string; readonly span: Span };
  /** It speaks of messages, of which the explorer knows only those in flight. */
  readonly messagesInFlightOnly: boolean;
}

export async function confirm(model: ModelIR, invariant: string, tests: readonly TestIR[], budget: Budget): Promise<Confirmation> {
  const inv = model.invariants.find((i) => i.name === invariant);
  if (inv === undefined) throw new Error(`no invariant ${invariant}`);
  const program = new CompiledProgram(model);
  const messagesInFlightOnly = speaksOfMessages(inv.condition);
  const results: TestConfirmation[] = [];
  for (const test of tests) {
    const inner = new PModel(program, test);
    inner.emitSelfLoops = false;
    const formula = new WorldFormula(model, (t) => program.defaultOf(t), inner.ctx.params);
    let notEvaluable: NotEvaluable | undefined;
    const broken = (state: Int32Array): string | undefined => {
      const world = inner.decode(state);
      if (notEvaluable !== undefined || world.machines.some(partWay)) return undefined;
      try {
        if (formula.holds(inv.condition, world)) return undefined;
        const names = inner.ctx.names.use(world);
        const ws = formula.witnesses(inv.condition, world).map((w) => `${w.name} = ${show(w.value, w.type, world, names, model)}`);
        return `${invariant} is false${ws.length === 0 ? "" : ` with ${ws.join(", ")}`}`;
      } catch (error) {
        if (!(error instanceof NotEvaluable)) throw error;
        // Stops the search: nothing can be confirmed.
        notEvaluable = error;
        return error.message;
      }
    };
    const result = await explore(new InvariantWatch(inner, broken), { mode: "bfs", budget });
    if (notEvaluable !== undefined) return { invariant, span: inv.span, tests: results, notEvaluable: { construct: notEvaluable.construct, span: notEvaluable.span }, messagesInFlightOnly };
    const states = result.stats.distinct;
    const v = result.violation;
    if (v !== undefined) {
      const steps = describeTrace(inner, v.trace);
      if (v.kind === INVARIANT_KIND) results.push({ test: test.name, verdict: "violated", states, steps, message: v.message });
      else results.push({ test: test.name, verdict: "other-violation", states, steps, kind: v.kind, message: v.message });
    } else if (result.exhaustive) results.push({ test: test.name, verdict: "holds", states });
    else results.push({ test: test.name, verdict: "inconclusive", states, reason: result.reason });
    if (budget.signal?.aborted === true) break;
  }
  return { invariant, span: inv.span, tests: results, messagesInFlightOnly };
}

/**
 * A machine part way through a handler: running, unless it is a machine just created whose start
 * entry has not begun (a machine that has not started, as proofs have them).
 */
function partWay(m: MachineState): boolean {
  if (m.status !== RUNNING || m.run === null) return false;
  const begun = m.run.log.length > 0 || m.run.done > 0 || m.run.waiting !== null;
  return m.run.kind !== RUN_START || begun;
}

/** A test's model, with each new state that breaks the invariant reported as a failing step. */
class InvariantWatch implements Model {
  readonly name: string;
  readonly monitorCount = 0;
  private readonly inner: PModel;
  private readonly broken: (state: Int32Array) => string | undefined;

  constructor(inner: PModel, broken: (state: Int32Array) => string | undefined) {
    this.inner = inner;
    this.name = inner.name;
    this.broken = broken;
  }

  private watch(out: SuccessorSink): SuccessorSink {
    return {
      next: (action, process, state, length) => {
        const message = this.broken(state.subarray(0, length));
        if (message === undefined) out.next(action, process, state, length);
        else out.fail(action, process, INVARIANT_KIND, message);
      },
      fail: (action, process, kind, message) => out.fail(action, process, kind, message),
    };
  }

  initial(out: SuccessorSink): void {
    this.inner.initial(this.watch(out));
  }

  successors(state: Int32Array, length: number, out: SuccessorSink): void {
    this.inner.successors(state, length, this.watch(out));
  }

  /** Only the invariant is looked for here: a state with no step is an end like any other. */
  acceptableEnd(): boolean {
    return true;
  }

  hot(): void {}

  initialLabel(): string {
    return this.inner.initialLabel();
  }

  actionLabel(state: Int32Array, length: number, action: number): string {
    return this.inner.actionLabel(state, length, action);
  }

  processLabel(process: number): string {
    return this.inner.processLabel(process);
  }

  monitorLabel(monitor: number): string {
    return this.inner.monitorLabel(monitor);
  }
}

function show(v: FormulaValue, type: Type, world: World, names: Names, model: ModelIR): string {
  if (typeof v === "object" && v !== null && (v as InboxMessage).kind === "message") {
    const m = v as InboxMessage;
    return `${model.events[m.event].name} in flight to ${names.machineAt(m.target, world.machines[m.target].type)}`;
  }
  return formatValue(v as Value, type, names);
}

/** Whether a formula quantifies over messages or asks whether one was sent. */
function speaksOfMessages(formula: unknown): boolean {
  return someNode(formula, (o) => o.k === "sent" || ((o.k === "forall" || o.k === "exists") && (o.binders as { type: Type }[]).some((b) => b.type.kind === "Event" || b.type.kind === "Message")));
}
