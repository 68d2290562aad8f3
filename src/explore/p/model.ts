// A test of a P model, as the search engine sees it: initial state, successors, acceptable ends and
// hot monitors, all over the canonical encoding of the world. Successors of a state are every step
// of every enabled machine (in machine order) under every combination of its choices (enumerated
// like an odometer: run, note how many options each new choice had, advance the last one that
// can advance, run again).
import type { TestIR } from "../../ir/ir.ts";
import type { Model, SuccessorSink } from "../engine/index.ts";
import { Reader, Writer } from "../runtime/encode.ts";
import type { Value } from "../runtime/values.ts";
import { dequeue, enabled, MachineRun, MonitorRun, newMachine, type Dequeue, type StepRecord, type TestContext } from "./exec.ts";
import { Names } from "./names.ts";
import type { CompiledProgram } from "./program.ts";
import { Failure } from "./signals.ts";
import { HALTED, IDLE, RUNNING, WorldCodec, type World } from "./world.ts";

/** What one emission was, when a trace asks for it again. */
export interface Emission {
  readonly machine: number;
  readonly world: World | undefined;
  readonly failure: Failure | undefined;
  readonly record: StepRecord | undefined;
}

/** Receives each step of a machine: its successor, or the failure it ends in. */
type StepSink = (
  machine: number,
  next: World | undefined,
  failure: Failure | undefined,
  record: StepRecord | undefined,
  unchanged: boolean,
  fair: boolean,
) => void;

export class PModel implements Model {
  readonly name: string;
  readonly monitorCount: number;
  readonly ctx: TestContext;
  readonly codec: WorldCodec;
  /**
   * Whether steps that change nothing are emitted. They add no state, so only the liveness pass
   * (for which a machine spinning in place is a cycle) needs them; `checkTest` turns them on
   * when it looks for hot cycles.
   */
  emitSelfLoops = true;
  private readonly writer = new Writer();
  private readonly runner: MachineRun;

  constructor(program: CompiledProgram, test: TestIR) {
    const model = program.model;
    this.name = test.name;
    const params: Value[] = model.params.map((p, i) => test.paramValues[i] ?? program.defaultOf(p.type));
    const observers: number[][] = model.events.map(() => []);
    test.specs.forEach((spec, position) => {
      for (const e of model.machines[spec].observes) observers[e].push(position);
    });
    this.ctx = { program, test, params, names: new Names(model), observers };
    this.runner = new MachineRun(this.ctx);
    this.codec = new WorldCodec(model, test.specs, program.strings);
    this.monitorCount = test.specs.length;
  }

  decode(state: Int32Array): World {
    return this.codec.decode(new Reader(state, 0));
  }

  encode(world: World): Int32Array {
    this.writer.reset();
    this.codec.encode(world, this.writer);
    return this.writer.toArray();
  }

  /**
   * The world before anything runs: the main machine just created, monitors in their start states
   * (their start entries run).
   */
  createdWorld(): World | Failure {
    const { program, test } = this.ctx;
    const monitors = [];
    for (const spec of test.specs) {
      const m = program.model.machines[spec];
      const runner = new MonitorRun(this.ctx, spec, { state: m.start, vars: m.vars.map((v) => program.defaultOf(v.type)) });
      try {
        runner.enter(m.start, null);
      } catch (error) {
        const failure = runner.wrap(error);
        if (failure instanceof Failure) return failure;
        throw failure;
      }
      monitors.push({ state: runner.state, vars: runner.V });
    }
    return { machines: [newMachine(program, test.main, null)], monitors };
  }

  /**
   * The initial states are what the main machine's first step (its start state's entry, up to its
   * first observable operation after which it would interleave) can lead to: nothing else exists
   * yet, so nothing can happen before it. One initial state per combination of its choices.
   */
  initial(out: SuccessorSink): void {
    this.forEachInitial((next, failure) => {
      if (failure !== undefined) out.fail(0, 0, failure.kind, failure.message);
      else {
        this.writer.reset();
        this.codec.encode(next!, this.writer);
        out.next(0, 0, this.writer.words, this.writer.length);
      }
    });
  }

  private forEachInitial(
    emit: (next: World | undefined, failure: Failure | undefined, record: StepRecord | undefined) => void,
    record = false,
  ): void {
    const created = this.createdWorld();
    if (created instanceof Failure) return emit(undefined, created, undefined);
    // Only a start entry belongs to the first step. A main machine whose start state has no entry
    // is idle once created, and that is the one initial state: an `on null` handler it may run
    // is a step like any other, taken from there.
    if (created.machines[0].status !== RUNNING) return emit(created, undefined, undefined);
    this.forEachRun(created, 0, (_machine, next, failure, rec) => emit(next, failure, rec), record);
  }

  successors(state: Int32Array, length: number, out: SuccessorSink): void {
    void length;
    this.emissions(this.decode(state), false, (machine, next, failure, _record, process) => {
      if (failure !== undefined) out.fail(machine, process, failure.kind, failure.message);
      else {
        this.writer.reset();
        this.codec.encode(next!, this.writer);
        out.next(machine, process, this.writer.words, this.writer.length);
      }
    });
  }

  /**
   * The emissions from `world`, in order: every step, except steps that change nothing when
   * self-loops are off — but a state whose only steps change nothing keeps one of them, so that
   * it is not taken for an end (or a deadlock).
   */
  //
  // Fairness: the engine applies weak fairness per process. Machine m's steps are process 2m. A
  // step in which a fair choice `$$` came out true is emitted a second time as process 2m+1, so
  // that a cycle along which such a step is always possible but never taken counts as unfair —
  // `$$` cannot come out false forever. (Only when self-loops are on, that is when liveness is
  // checked; the duplicate leads to the same state and adds nothing else.)
  private emissions(
    world: World,
    record: boolean,
    visit: (
      machine: number,
      next: World | undefined,
      failure: Failure | undefined,
      record: StepRecord | undefined,
      process: number,
    ) => void,
  ): void {
    let emitted = 0;
    let firstSkipped: { machine: number; next: World; record: StepRecord | undefined } | undefined;
    this.forEachStep(
      world,
      (machine, next, failure, rec, unchanged, fair) => {
        if (failure === undefined && unchanged && !this.emitSelfLoops) {
          firstSkipped ??= { machine, next: next!, record: rec };
          return;
        }
        emitted++;
        visit(machine, next, failure, rec, 2 * machine);
        if (fair && failure === undefined && this.emitSelfLoops) {
          emitted++;
          visit(machine, next, undefined, rec, 2 * machine + 1);
        }
      },
      record,
    );
    if (emitted === 0 && firstSkipped !== undefined) {
      visit(firstSkipped.machine, firstSkipped.next, undefined, firstSkipped.record, 2 * firstSkipped.machine);
    }
  }

  /** Every step from `world`, in emission order; with `record`, each step's record is kept. */
  forEachStep(
    world: World,
    emit: StepSink,
    record = false,
  ): void {
    for (let i = 0; i < world.machines.length; i++) {
      const m = world.machines[i];
      let dequeued: Dequeue | undefined;
      if (m.status === IDLE) {
        dequeued = dequeue(this.ctx, m);
        if (dequeued.kind === "none") continue;
      } else if (!enabled(this.ctx, world, i)) continue;
      this.forEachRun(world, i, emit, record, dequeued);
    }
  }

  /** Every step of machine `i` from `world`: one per combination of its choices. */
  private forEachRun(
    world: World,
    i: number,
    emit: StepSink,
    record: boolean,
    dequeued?: Dequeue,
  ): void {
    this.ctx.names.use(world);
    const run = this.runner;
    run.prepare(world, i, dequeued);
    do {
      run.begin();
      if (record) run.record = emptyRecord(i);
      const result = run.execute();
      if (result instanceof Failure) emit(i, undefined, result, run.record, false, false);
      else emit(i, result, undefined, run.record, run.unchanged, run.fairTaken);
    } while (run.nextChoices());
  }

  /** The emission with `ordinal` from `state` (or among the initial states when `state` is null), recorded. */
  emission(state: Int32Array | null, ordinal: number): Emission {
    let found: Emission | undefined;
    let n = 0;
    if (state === null) {
      this.forEachInitial((world, failure, record) => {
        if (n++ === ordinal) found = { machine: 0, world, failure, record };
      }, true);
    } else {
      this.emissions(this.decode(state), true, (machine, world, failure, record) => {
        if (n++ === ordinal) found = { machine, world, failure, record };
      });
    }
    if (found === undefined) throw new Error(`no emission ${ordinal} from this state`);
    return found;
  }

  acceptableEnd(state: Int32Array): boolean {
    const world = this.decode(state);
    return world.machines.every((m) => m.status !== RUNNING || m.run?.waiting === null);
  }

  hot(state: Int32Array, length: number, out: Uint32Array): void {
    void length;
    out.fill(0);
    const world = this.decode(state);
    const { program, test } = this.ctx;
    world.monitors.forEach((mon, position) => {
      const spec = program.model.machines[test.specs[position]];
      if (spec.states[mon.state]?.temperature === "hot") out[position >> 5] |= 1 << (position & 31);
    });
  }

  initialLabel(): string {
    return `start ${this.ctx.program.model.machines[this.ctx.test.main].name}(0)`;
  }

  actionLabel(state: Int32Array, length: number, action: number): string {
    void length;
    const world = this.decode(state);
    const m = world.machines[action];
    return m === undefined ? `step of machine ${action}` : this.ctx.names.use(world).machineAt(action, m.type);
  }

  processLabel(process: number): string {
    return process % 2 === 0 ? `machine ${process >> 1}` : `machine ${process >> 1} (a fair choice)`;
  }

  monitorLabel(monitor: number): string {
    const spec = this.ctx.test.specs[monitor];
    return this.ctx.program.model.machines[spec]?.name ?? `monitor ${monitor}`;
  }

  /** Machines blocked in a receive in `world` (what a deadlock report names). */
  blocked(world: World): number[] {
    return world.machines.flatMap((m, i) => (m.status === RUNNING && m.run?.waiting != null ? [i] : []));
  }

  halted(world: World, i: number): boolean {
    return world.machines[i]?.status === HALTED;
  }
}

function emptyRecord(machine: number): StepRecord {
  return { machine, event: -1, payload: null, sends: [], announces: [], creates: [], prints: [], monitorEvents: [] };
}
