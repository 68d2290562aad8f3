// One step of one machine: the unit of interleaving. A step starts when the machine takes an event
// from its inbox (or goes on with a handler it is part way through), runs through at most one
// send, announcement or creation (the operations other machines can observe), and stops just
// before the next one, or when the handler is done, or when it blocks in a receive. Taking an
// event and local computation commute with every other machine's steps, so cutting the run only
// at the observable operations keeps every behaviour while adding no state in between.
//
// A step that stops part way through a handler leaves the machine "running": its state and
// variables as they were when the handler began, the event it is handling, the inputs it has
// consumed (choices, machines created, messages received), and how many observable operations it
// has carried out. The next step runs the handler again from the start with those inputs,
// skipping the operations already carried out, and goes on from there.
import type { TestIR } from "../../ir/ir.ts";
import { ref, Ref, RuntimeError, type Value } from "../runtime/values.ts";
import { Runner } from "./handlers.ts";
import type { Names } from "./names.ts";
import { DEFERRED, HANDLED, IGNORED, type CompiledProgram } from "./program.ts";
import { BLOCK, Failure, HALT, SUSPEND } from "./signals.ts";
import { HALTED, IDLE, RUN_EVENT, RUN_START, RUNNING, type LogEntry, type MachineState, type Message, type MonitorState, type Run, type World } from "./world.ts";
import { NULL_EVENT } from "../../ir/ir.ts";

const NO_LOG: readonly LogEntry[] = [];
const NO_MESSAGES: readonly Message[] = [];
/** What an `on null` handler takes when nothing else can be taken. */
const NULL_MESSAGE: Message = { event: NULL_EVENT, payload: null };

/** What a step did, for traces (recorded only when asked). */
export interface StepRecord {
  machine: number;
  /** The event taken from the inbox, or -1 when the step went on with a running handler. */
  event: number;
  payload: Value;
  readonly sends: { target: number; event: number; payload: Value }[];
  readonly announces: { event: number; payload: Value }[];
  readonly creates: { machine: number; type: number; payload: Value }[];
  readonly prints: string[];
  readonly monitorEvents: { monitor: number; event: number }[];
}

/** What a quiet call did: its result, the variables after it, and the loop iterations it ran. */
interface QuietCall {
  readonly value: Value;
  readonly vars: readonly Value[];
  readonly ticks: number;
  readonly at: number;
}

/** The test-wide facts a step needs. */
export interface TestContext {
  readonly program: CompiledProgram;
  readonly test: TestIR;
  readonly params: readonly Value[];
  readonly names: Names;
  /** Monitor positions observing each event id. */
  readonly observers: readonly (readonly number[])[];
}

/** A machine's next event under P's dequeue rule, or what the step does when there is none. */
export type Dequeue =
  | { readonly kind: "event"; readonly message: Message; readonly inbox: readonly Message[] }
  | { readonly kind: "drop"; readonly inbox: readonly Message[] }
  | { readonly kind: "none" };

/** The first event of the inbox that the state neither defers nor ignores; ignored ones before it are dropped. */
export function dequeue(ctx: TestContext, m: MachineState): Dequeue {
  const flags = ctx.program.flags[m.type][m.state];
  const inbox = m.inbox;
  let dropped: number[] | undefined;
  for (let i = 0; i < inbox.length; i++) {
    const f = flags[inbox[i].event];
    if ((f & DEFERRED) !== 0) continue;
    if ((f & IGNORED) !== 0 && (f & HANDLED) === 0) {
      (dropped ??= []).push(i);
      continue;
    }
    if (dropped === undefined) return { kind: "event", message: inbox[i], inbox: i === 0 ? inbox.slice(1) : inbox.filter((_, j) => j !== i) };
    const skip = new Set(dropped);
    skip.add(i);
    return { kind: "event", message: inbox[i], inbox: inbox.filter((_, j) => !skip.has(j)) };
  }
  const rest = dropped === undefined ? inbox : inbox.filter((_, j) => !dropped!.includes(j));
  if ((flags[NULL_EVENT] & HANDLED) !== 0) return { kind: "event", message: NULL_MESSAGE, inbox: rest };
  return dropped === undefined ? { kind: "none" } : { kind: "drop", inbox: rest };
}

/** Whether machine `i` can take a step. */
export function enabled(ctx: TestContext, world: World, i: number): boolean {
  const m = world.machines[i];
  if (m.status === HALTED) return false;
  if (m.status === RUNNING) {
    const waiting = m.run!.waiting;
    return waiting === null || m.inbox.some((msg) => waiting.includes(msg.event));
  }
  return dequeue(ctx, m).kind !== "none";
}

/**
 * Runs steps of machines. One object serves every step of a model (`prepare` sets it to a machine
 * of a state, `begin` resets it for each combination of choices), so that the many runs of a
 * state's choices allocate only what their results keep.
 */
export class MachineRun extends Runner {
  readonly ctx: TestContext;
  self: Ref;
  record: StepRecord | undefined;
  /**
   * Set by `execute` when the step changed nothing at all (an `on null` handler that found nothing
   * to do, say): the successor is the state itself.
   */
  unchanged = false;
  private index = 0;
  /**
   * The choices of the step, enumerated like an odometer over the runs of one machine's step:
   * `script[0..scriptLength)` are the values the next run takes for its first new choices (0 for
   * the rest), `options[0..choices)` how many options each new choice of the last run had.
   */
  private readonly script: number[] = [];
  private scriptLength = 0;
  private readonly options: number[] = [];
  private choices = 0;
  private replay: readonly LogEntry[] = NO_LOG;
  private replayPos = 0;
  /** Inputs consumed by this run (choices, created machines, received messages): `inputs[0..inputCount)`. */
  private readonly inputs: LogEntry[] = [];
  private inputCount = 0;
  private done = 0;
  private opIndex = 0;
  private performed = false;
  /**
   * Past the point where the previous step of this run stopped: what the run prints from here on
   * is new (before it, the run is replaying code whose prints the earlier steps showed).
   */
  private fresh = false;
  private newDone = 0;
  private waiting: number[] | null = null;
  private machines: MachineState[] = [];
  private monitors: MonitorState[] = [];
  private base: World = { machines: [], monitors: [] };
  /** The dequeue worked out before the step (for an idle machine), to save doing it per choice. */
  private dequeued: Dequeue | undefined;
  private inbox: readonly Message[] = NO_MESSAGES;
  private inboxOwned = false;
  /**
   * What the quiet calls made before the first new choice did in the step's first run, in the order
   * they were made (`known[0..knownCount)`); each later run of the step reuses them.
   */
  private readonly known: QuietCall[] = [];
  private knownCount = 0;
  /** Outermost quiet calls made so far in this run before its first new choice. */
  private quietCalls = 0;
  /** Quiet calls under way (a quiet function calls others). */
  private quietDepth = 0;
  /** Loop iterations when the outermost quiet call under way began. */
  private quietTicks = 0;

  constructor(ctx: TestContext) {
    super(ctx.program, 0, 0, [], ctx.params, ctx.names);
    this.ctx = ctx;
    this.self = ref(0);
  }

  /**
   * Prepares the steps of machine `index` of `world`, one per combination of choices, each run by
   * `begin` and `execute`; the first takes the first option of every choice. `dequeued` is the
   * dequeue worked out for an idle machine.
   */
  prepare(world: World, index: number, dequeued?: Dequeue): void {
    this.base = world;
    this.index = index;
    this.self = ref(index);
    this.dequeued = dequeued;
    this.scriptLength = 0;
    this.knownCount = 0;
  }

  /**
   * Moves to the next combination of choices after a run, like an odometer: advances the last
   * choice that can advance and resets the later ones. False when every combination has been run.
   */
  nextChoices(): boolean {
    const script = this.script;
    for (let q = this.choices - 1; q >= 0; q--) {
      const v = (q < this.scriptLength ? script[q] : 0) + 1;
      if (v < this.options[q]) {
        for (let j = this.scriptLength; j < q; j++) script[j] = 0;
        script[q] = v;
        this.scriptLength = q + 1;
        return true;
      }
    }
    return false;
  }

  /** Starts a run of the prepared step, with the current choices. */
  begin(): this {
    const world = this.base;
    const m = world.machines[this.index];
    this.resetRunner(m.type, m.state, m.vars);
    // The world's arrays are copied on the first write (most choices of a step change little).
    this.machines = world.machines as MachineState[];
    this.monitors = world.monitors as MonitorState[];
    this.choices = 0;
    this.record = undefined;
    this.unchanged = false;
    this.replay = NO_LOG;
    this.replayPos = 0;
    this.inputCount = 0;
    this.done = 0;
    this.opIndex = 0;
    this.performed = false;
    this.fresh = false;
    this.newDone = 0;
    this.waiting = null;
    this.inbox = NO_MESSAGES;
    this.inboxOwned = false;
    this.quietCalls = 0;
    this.quietDepth = 0;
    return this;
  }

  /** Runs the step; returns the world after it, or the bug it ran into. */
  execute(): World | Failure {
    const m = this.machines[this.index];
    const running = m.status === RUNNING;
    // What the run handles: a running machine goes on with its run, an idle one takes an event.
    let kind: Run["kind"] = RUN_EVENT;
    let event: number;
    let payload: Value;
    let log: readonly LogEntry[] = NO_LOG;
    if (running) {
      const run = m.run!;
      kind = run.kind;
      event = run.event;
      payload = run.payload;
      log = run.log;
      this.done = run.done;
      this.fresh = run.done === 0 && run.log.length === 0 && run.waiting === null;
      this.inbox = m.inbox;
    } else {
      const d = this.dequeued ?? dequeue(this.ctx, m);
      if (d.kind === "none") throw new Error(`machine ${this.index} is not enabled`);
      if (d.kind === "drop") {
        // The trace names the first event dropped as the one the step took (the state ignores it).
        const first = m.inbox.find((msg) => !d.inbox.includes(msg));
        if (this.record !== undefined && first !== undefined) {
          this.record.event = first.event;
          this.record.payload = first.payload;
        }
        this.writableMachines()[this.index] = { ...m, inbox: d.inbox };
        return this.world();
      }
      event = d.message.event;
      payload = d.message.payload;
      this.fresh = true;
      this.inbox = d.inbox;
    }
    if (this.record !== undefined) {
      this.record.event = running ? -1 : event;
      this.record.payload = running ? null : payload;
    }
    this.replay = log;
    // Operations carried out so far, carried over to the next step. A step that replays the earlier
    // operations and then blocks again in a receive carries out none of its own, and must still
    // remember the earlier ones (or the next step would carry them out a second time).
    this.newDone = this.done;
    try {
      if (kind === RUN_START) this.enter(m.state, payload);
      else this.handle(event, payload);
      this.unchanged = !running && event === NULL_EVENT && this.isUnchanged(m);
      if (this.unchanged) return this.base;
      this.writableMachines()[this.index] = { type: m.type, status: IDLE, state: this.state, vars: this.V, inbox: this.inbox, run: null };
    } catch (signal) {
      if (signal === SUSPEND || signal === BLOCK) {
        const next: Run = {
          kind,
          event,
          payload,
          log: this.inputCount === 0 ? log : log.concat(this.inputs.slice(0, this.inputCount)),
          done: this.newDone,
          waiting: signal === BLOCK ? this.waiting : null,
          at: this.state,
        };
        this.writableMachines()[this.index] = { type: m.type, status: RUNNING, state: m.state, vars: m.vars, inbox: this.inbox, run: next };
      } else if (signal === HALT) {
        this.writableMachines()[this.index] = { type: m.type, status: HALTED, state: this.state, vars: [], inbox: [], run: null };
      } else if (signal instanceof Failure) return signal;
      else if (signal instanceof RuntimeError) return this.wrap(signal) as Failure;
      else throw signal;
    }
    return this.world();
  }

  /** After a null-event run: same state, same variables, nothing observable done, nothing received. */
  private isUnchanged(m: MachineState): boolean {
    if (this.performed || this.state !== m.state || this.inbox.length !== m.inbox.length) return false;
    for (let i = 0; i < this.V.length; i++) if (this.V[i] !== m.vars[i]) return false;
    for (let i = 0; i < this.inputCount; i++) if (typeof this.inputs[i] !== "number") return false;
    return true;
  }

  /** The running machine's inbox, copied on the first change (most steps only take from it). */
  private writableInbox(): Message[] {
    if (!this.inboxOwned) {
      this.inbox = this.inbox.slice();
      this.inboxOwned = true;
    }
    return this.inbox as Message[];
  }

  /** The machines of the world being built, copied from the state's on the first write. */
  private writableMachines(): MachineState[] {
    if (this.machines === this.base.machines) this.machines = this.machines.slice();
    return this.machines;
  }

  private world(): World {
    return { machines: this.machines, monitors: this.monitors };
  }

  // -- quiet calls (quiet.ts) ----------------------------------------------------------------------

  override quietStart(): boolean {
    if (this.quietDepth === 0 && this.choices === 0) {
      if (this.quietCalls < this.knownCount) {
        const call = this.known[this.quietCalls++];
        const V = this.V;
        for (let i = 0; i < V.length; i++) V[i] = call.vars[i];
        this.ticks += call.ticks;
        this.at = call.at;
        this.quietResult = call.value;
        return true;
      }
      this.quietTicks = this.ticks;
    }
    this.quietDepth++;
    return false;
  }

  override quietEnd(value: Value): Value {
    if (--this.quietDepth === 0 && this.choices === 0 && this.quietCalls === this.knownCount) {
      const call = { value, vars: this.V.slice(), ticks: this.ticks - this.quietTicks, at: this.at };
      this.known[this.knownCount++] = call;
      this.quietCalls++;
    }
    return value;
  }

  // -- inputs -----------------------------------------------------------------------------------

  private replayed(): LogEntry | undefined {
    return this.replayPos < this.replay.length ? this.replay[this.replayPos++] : undefined;
  }

  choose(n: number): number {
    const old = this.replayed();
    if (old !== undefined) return old as number;
    const q = this.choices++;
    const v = q < this.scriptLength ? this.script[q] : 0;
    this.options[q] = n;
    this.inputs[this.inputCount++] = v;
    return v;
  }

  /** Whether the observable operation reached now is to be carried out (not replayed). */
  private visible(): boolean {
    const k = this.opIndex++;
    if (k < this.done) return false;
    if (this.performed) {
      this.newDone = k;
      throw SUSPEND;
    }
    this.performed = true;
    this.fresh = true;
    this.newDone = k + 1;
    return true;
  }

  // -- observable operations ----------------------------------------------------------------------

  send(target: Value, event: Value, payload: Value): void {
    if (!(target instanceof Ref)) throw this.fail("runtime", "send to a null machine reference");
    if (typeof event !== "number") throw this.fail("runtime", "send of a null event");
    if (!this.visible()) return;
    const message: Message = { event, payload: payload ?? null };
    const t = target.id;
    // Recorded before the monitors run, so that a trace ending in a monitor's failure shows the send.
    this.record?.sends.push({ target: t, event, payload: message.payload });
    this.observe(event, message.payload);
    if (t === this.index) this.writableInbox().push(message);
    else {
      const tm = this.machines[t];
      if (tm.status !== HALTED) this.writableMachines()[t] = { ...tm, inbox: [...tm.inbox, message] };
    }
  }

  announce(event: Value, payload: Value): void {
    if (typeof event !== "number") throw this.fail("runtime", "announce of a null event");
    if (!this.visible()) return;
    this.record?.announces.push({ event, payload: payload ?? null });
    this.observe(event, payload ?? null);
  }

  create(name: string, payload: Value): Ref {
    if (!this.visible()) return this.replayed() as Ref;
    const type = this.ctx.test.bindings[name];
    if (type === undefined) throw this.fail("runtime", `the test does not bind a machine to ${name}`);
    const id = this.machines.length;
    this.writableMachines().push(newMachine(this.ctx.program, type, payload ?? null));
    const r = ref(id);
    this.inputs[this.inputCount++] = r;
    this.record?.creates.push({ machine: id, type, payload: payload ?? null });
    return r;
  }

  receive(table: number): { caseIndex: number; payload: Value } {
    const cases = this.program.tables.receives[table];
    let message = this.replayed() as Message | undefined;
    if (message === undefined) {
      const i = this.inbox.findIndex((msg) => cases.some((c) => c.includes(msg.event)));
      if (i < 0) {
        this.waiting = [...new Set(cases.flat())].sort((a, b) => a - b);
        throw BLOCK;
      }
      message = this.inbox[i];
      this.writableInbox().splice(i, 1);
      this.inputs[this.inputCount++] = message;
      this.fresh = true;
    }
    const event = message.event;
    return { caseIndex: cases.findIndex((c) => c.includes(event)), payload: message.payload };
  }

  print(message: Value): void {
    if (this.fresh) this.record?.prints.push(String(message));
  }

  /** Runs every monitor observing `event`, synchronously, before the event goes anywhere. */
  private observe(event: number, payload: Value): void {
    for (const position of this.ctx.observers[event] ?? []) {
      const mon = this.monitors[position];
      const runner = new MonitorRun(this.ctx, this.ctx.test.specs[position], mon);
      try {
        runner.handle(event, payload);
      } catch (error) {
        throw runner.wrap(error);
      }
      if (this.monitors === this.base.monitors) this.monitors = this.monitors.slice();
      this.monitors[position] = { state: runner.state, vars: runner.V };
      this.record?.monitorEvents.push({ monitor: position, event });
    }
  }
}

/** A monitor handling one observed event. Monitors make no choices and cannot send. */
export class MonitorRun extends Runner {
  constructor(ctx: TestContext, specType: number, mon: MonitorState) {
    super(ctx.program, specType, mon.state, mon.vars, ctx.params, ctx.names);
  }

  choose(): number {
    throw this.fail("runtime", "monitors cannot make nondeterministic choices");
  }

  print(): void {}
}

/** A machine as `new` makes it: in its start state, about to run the start state's entry. */
export function newMachine(program: CompiledProgram, type: number, payload: Value): MachineState {
  const m = program.model.machines[type];
  const vars = m.vars.map((v) => program.defaultOf(v.type));
  const hasEntry = m.states[m.start]?.entry !== undefined;
  const run: Run | null = hasEntry ? { kind: RUN_START, event: -1, payload, log: [], done: 0, waiting: null, at: m.start } : null;
  return { type, status: hasEntry ? RUNNING : IDLE, state: m.start, vars, inbox: [], run };
}
