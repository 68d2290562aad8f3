// Running a test's monitors on messages that did not come from a run of the model: the sends and
// announces an implementation recorded or made. This says in terms of the specs why an
// implementation that leaves the model is wrong (a write acknowledged before it was replicated),
// where the model alone can only say that it would not do the same.
import { MonitorRun } from "../explore/p/exec.ts";
import type { PModel } from "../explore/p/model.ts";
import { Names } from "../explore/p/names.ts";
import { Failure } from "../explore/p/signals.ts";
import type { MonitorState, World } from "../explore/p/world.ts";
import type { Ref, Value } from "../explore/runtime/values.ts";
import type { Span } from "../diagnostics/source.ts";

/** A spec that fails: which monitor, and why. */
export interface SpecFailure {
  readonly spec: string | undefined;
  readonly kind: string;
  readonly message: string;
  readonly span: Span | undefined;
}

/** Which spec a failure is in (by where its code is), with its kind and message. */
export function specFailure(model: PModel, failure: Failure): SpecFailure {
  const ir = model.ctx.program.model;
  const span = failure.span;
  const spec =
    span === undefined
      ? undefined
      : model.ctx.test.specs.map((s) => ir.machines[s]).find((m) => m.span.file === span.file && m.span.start <= span.start && span.start < m.span.end);
  return { spec: spec?.name, kind: failure.kind, message: failure.message, span };
}

/** Machine names for the specs' messages: the implementation's ids where they are known. */
class ImplementationIds extends Names {
  private readonly idOf: (n: number) => string | undefined;
  constructor(model: PModel["ctx"]["program"]["model"], idOf: (n: number) => string | undefined) {
    super(model);
    this.idOf = idOf;
  }
  override machine(r: Ref): string {
    return this.idOf(r.id) ?? super.machine(r);
  }
}

/**
 * Runs the monitors of `world` on `messages` in order: the first spec that fails, with the index
 * of the message it fails on, or undefined.
 */
export function runSpecs(
  model: PModel,
  world: World,
  messages: readonly { readonly event: number; readonly payload: Value }[],
  idOf: (n: number) => string | undefined,
): { readonly failure: SpecFailure; readonly at: number } | undefined {
  const ctx = model.ctx;
  const specCtx = { ...ctx, names: new ImplementationIds(ctx.program.model, idOf).use(world) };
  const monitors: MonitorState[] = world.monitors.slice();
  for (let k = 0; k < messages.length; k++) {
    const { event, payload } = messages[k];
    for (const position of ctx.observers[event] ?? []) {
      const runner = new MonitorRun(specCtx, ctx.test.specs[position], monitors[position]);
      try {
        runner.handle(event, payload);
      } catch (error) {
        const failure = runner.wrap(error);
        if (failure instanceof Failure) return { failure: specFailure(model, failure), at: k };
        throw failure;
      }
      monitors[position] = { state: runner.state, vars: runner.V };
    }
  }
  return undefined;
}
