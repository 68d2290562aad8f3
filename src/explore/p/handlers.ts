// The part of P's semantics that machines and monitors share: handling an event in the current
// state (a `do` handler, or a transition: exit, then the `with` function, then the target's
// entry), raised events handled at once, `goto` from inside a handler, and the operations that
// compiled code calls whatever is running it (choices aside).
import type { MachineIR } from "../../ir/ir.ts";
import { HALT_EVENT } from "../../ir/ir.ts";
import type { Type } from "../../types/types.ts";
import { castTo, chooseFrom as pick, formatValue, RuntimeError, sizeOf, type Value } from "../runtime/values.ts";
import { IGNORED, type CompiledProgram } from "./program.ts";
import { Failure, GOTO, HALT, RAISE } from "./signals.ts";
import type { Names } from "./names.ts";

/** Longest loop, in iterations, one step may run before it is reported as not terminating. */
export const MAX_ITERATIONS = 1_000_000;

export abstract class Runner {
  readonly program: CompiledProgram;
  machine: MachineIR;
  readonly names: Names;
  /** The running machine's variables (a fresh array per run; values are immutable). */
  V: Value[];
  /** The current state. */
  state: number;
  /** Position of the statement being run (index into the code tables' spans). */
  at = -1;
  readonly params: readonly Value[];
  /** Loop iterations run so far in this step. */
  protected ticks = 0;
  private pendingEvent = 0;
  private pendingPayload: Value = null;
  private pendingState = 0;

  constructor(program: CompiledProgram, machineType: number, state: number, vars: readonly Value[], params: readonly Value[], names: Names) {
    this.program = program;
    this.machine = program.model.machines[machineType];
    this.state = state;
    this.V = vars.slice();
    this.params = params;
    this.names = names;
  }

  /** Makes this runner ready to run machine type `machineType` afresh (runners are reused). */
  protected resetRunner(machineType: number, state: number, vars: readonly Value[]): void {
    this.machine = this.program.model.machines[machineType];
    this.state = state;
    this.V = vars.slice();
    this.at = -1;
    this.ticks = 0;
    this.pendingEvent = 0;
    this.pendingPayload = null;
    this.pendingState = 0;
    this.fairTaken = false;
  }

  // -- the handler loop -------------------------------------------------------------------------

  /** Handles `event` in the current state, following raises and gotos until the machine is idle. */
  handle(event: number, payload: Value): void {
    this.loop(false, event, payload);
  }

  /** Enters `state` (running its entry with `payload`), following raises and gotos. */
  enter(state: number, payload: Value): void {
    this.loop(true, state, payload);
  }

  private loop(entering: boolean, what: number, payload: Value): void {
    for (;;) {
      try {
        if (entering) {
          this.state = what;
          const entry = this.machine.states[what].entry;
          if (entry !== undefined) this.call(entry, payload);
          return;
        }
        const st = this.machine.states[this.state];
        const h = st.handlers[what];
        if (h === undefined) {
          // An ignored event is dropped, `halt` included: a state that ignores `halt` ignores it
          // when it is raised as it does when it is taken from the inbox (see dequeue in exec.ts).
          if ((this.program.flags[this.machine.id][this.state][what] & IGNORED) !== 0) return;
          if (what === HALT_EVENT) throw HALT;
          throw this.fail(
            "unhandled-event",
            `${this.machine.name} in state ${st.name} cannot handle event ${this.names.event(what)}`,
          );
        }
        if (h.kind === "do") {
          this.call(h.fn, payload);
          return;
        }
        this.exitState();
        if (h.fn !== undefined) this.call(h.fn, payload);
        entering = true;
        what = h.target;
      } catch (signal) {
        if (signal === RAISE) {
          entering = false;
          what = this.pendingEvent;
          payload = this.pendingPayload;
        } else if (signal === GOTO) {
          this.exitState();
          entering = true;
          what = this.pendingState;
          payload = this.pendingPayload;
        } else throw signal;
      }
    }
  }

  private exitState(): void {
    const exit = this.machine.states[this.state].exit;
    if (exit === undefined) return;
    try {
      this.call(exit, null);
    } catch (signal) {
      if (signal === RAISE || signal === GOTO) {
        throw this.fail("runtime", `the exit function of ${this.machine.states[this.state].name} may not raise an event or change state`);
      }
      throw signal;
    }
  }

  /** Calls compiled function `fn` with `payload` (a function without a parameter ignores it). */
  call(fn: number, payload: Value): void {
    const f = this.program.functions[fn];
    if (f === null || f === undefined) throw this.fail("runtime", `function ${fn} has no code`);
    f(this, this.V, payload);
  }

  // -- operations called by compiled code ---------------------------------------------------------

  raise(event: Value, payload: Value): never {
    if (typeof event !== "number") throw this.fail("runtime", "raise of a null event");
    this.pendingEvent = event;
    this.pendingPayload = payload ?? null;
    throw RAISE;
  }

  goto(state: number, payload: Value): never {
    this.pendingState = state;
    this.pendingPayload = payload ?? null;
    throw GOTO;
  }

  assertFailed(message: Value): never {
    throw this.fail("assertion", typeof message === "string" ? message : "assertion failed");
  }

  /** One more iteration of the loop at position `at`, which fails when a step loops too long. */
  tick(at: number): void {
    if (++this.ticks > MAX_ITERATIONS) {
      this.at = at;
      throw this.fail("runtime", `a loop ran more than ${MAX_ITERATIONS.toLocaleString("en-US")} times in one step`);
    }
  }

  defaultOf(type: Type): Value {
    return this.program.defaultOf(type);
  }

  toEnum(value: number, enumName: string): number {
    if (!this.program.isEnumValue(enumName, value)) throw this.fail("runtime", `${value} is not a value of enum ${enumName}`);
    return value;
  }

  format(text: string, args: readonly Value[], types: readonly Type[]): string {
    return text.replace(/\{(\d+)\}/g, (whole, i: string) => {
      const n = Number(i);
      return n < args.length ? formatValue(args[n], types[n], this.names) : whole;
    });
  }

  chooseInt(n: number): number {
    if (n <= 0) throw this.fail("runtime", `choose(${n}) has no value to choose from`);
    return this.choose(n);
  }

  chooseFrom(collection: Value): Value {
    const size = sizeOf(collection);
    if (size === 0) throw this.fail("runtime", "choose from an empty collection");
    return pick(collection, this.choose(size));
  }

  pure(name: string): never {
    throw this.fail("runtime", `pure function ${name} is for proofs only and cannot run in the explorer`);
  }

  /** A payload sent with an event chosen at run time: it must be what the event carries. */
  payloadFor(event: Value, payload: Value | undefined): Value {
    if (typeof event !== "number") return payload ?? null;
    const type = this.program.model.events[event]?.payload;
    const name = this.names.event(event);
    if (type === undefined) {
      if (payload !== undefined && payload !== null) throw this.fail("runtime", `event ${name} carries no payload, but one was given`);
      return null;
    }
    try {
      return castTo(payload ?? null, type);
    } catch (error) {
      if (error instanceof RuntimeError) throw this.fail("runtime", `wrong payload for event ${name}: ${error.message}`);
      throw error;
    }
  }

  verificationOnly(what: string): never {
    throw this.fail("runtime", `'${what}' is for proofs only and cannot run in the explorer`);
  }

  /** A failure at the statement being run. */
  fail(kind: Failure["kind"], message: string): Failure {
    return new Failure(kind, message, this.program.tables.spans[this.at]);
  }

  /** Turns a RuntimeError from a value operation into a failure at the current statement. */
  wrap(error: unknown): unknown {
    return error instanceof RuntimeError ? this.fail("runtime", error.message) : error;
  }

  /**
   * Called by a quiet call (quiet.ts) before it runs: true when its result is already known, and
   * then it is `quietResult` and the variables are as the call leaves them. Monitors make no
   * choices, so they have nothing to reuse.
   */
  quietStart(): boolean {
    return false;
  }

  /** The result of a quiet call, when `quietStart` said it is known. */
  quietResult: Value = null;

  /** Called with the result of a quiet call that ran; returns it. */
  quietEnd(value: Value): Value {
    return value;
  }

  /** Set when a fair choice (`$$`) came out true in this run. */
  fairTaken = false;

  /** `$$`: a choice that cannot come out false forever (see model.ts on fairness). */
  chooseFair(): number {
    const v = this.choose(2);
    if (v === 1) this.fairTaken = true;
    return v;
  }

  abstract choose(n: number): number;
  abstract print(message: Value): void;
}
