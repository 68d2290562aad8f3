// The global state of a running test, as JavaScript values (a World), and its canonical encoding
// into the Int32Array that the search engine fingerprints and stores. A machine that is part way
// through a handler (preempted at a send, or blocked in a receive) is stored as the state it had
// when the handler began, the event it is handling, and the inputs it has consumed since (choices,
// created machines, received messages): running the handler again with those inputs brings it
// back to the same point, so no JavaScript stack ever needs to be saved.
import type { ModelIR } from "../../ir/ir.ts";
import { codecFor, compileValuesReader, compileValuesWriter, type Codec, type Reader, type StringTable, type ValuesReader, type ValuesWriter, type Writer } from "../runtime/encode.ts";
import { ref, Ref, type Value } from "../runtime/values.ts";

export const IDLE = 0;
export const HALTED = 1;
export const RUNNING = 2;

/** A run that starts by entering the start state (a new machine), or by handling an event. */
export const RUN_START = 0;
export const RUN_EVENT = 1;

export interface Message {
  readonly event: number;
  readonly payload: Value;
}

/** An input consumed by a run: a choice (its index), a created machine, or a received message. */
export type LogEntry = number | Ref | Message;

export interface Run {
  readonly kind: typeof RUN_START | typeof RUN_EVENT;
  readonly event: number;
  readonly payload: Value;
  readonly log: readonly LogEntry[];
  /** Sends, announcements and creations already carried out. */
  readonly done: number;
  /** Blocked in a receive: the events it waits for (sorted). Null when ready to go on. */
  readonly waiting: readonly number[] | null;
  /** The state the machine is in where the run stopped (the run reaches it again when replayed). */
  readonly at: number;
}

export interface MachineState {
  readonly type: number;
  readonly status: number;
  /** The current state; for a running machine, the state when the run began. */
  readonly state: number;
  /** The variables; for a running machine, their values when the run began. */
  readonly vars: readonly Value[];
  readonly inbox: readonly Message[];
  readonly run: Run | null;
}

export interface MonitorState {
  readonly state: number;
  readonly vars: readonly Value[];
}

export interface World {
  readonly machines: readonly MachineState[];
  readonly monitors: readonly MonitorState[];
}

/** Codecs for every part of a world of one model, built once. */
export class WorldCodec {
  /** Per machine type, one generated function writing all its variables, and one reading them. */
  private readonly varWriters: ValuesWriter[];
  private readonly varReaders: ValuesReader[];
  private readonly payloadCodecs: (Codec | undefined)[];
  private readonly startCodecs: (Codec | undefined)[];
  /** Machine type of each monitor position. */
  private readonly monitorTypes: readonly number[];

  constructor(model: ModelIR, monitorTypes: readonly number[], strings: StringTable) {
    this.monitorTypes = monitorTypes;
    this.varWriters = model.machines.map((m) => compileValuesWriter(m.vars.map((v) => v.type), strings));
    this.varReaders = model.machines.map((m) => compileValuesReader(m.vars.map((v) => v.type), strings));
    this.payloadCodecs = model.events.map((e) => (e.payload === undefined ? undefined : codecFor(e.payload, strings)));
    this.startCodecs = model.machines.map((m) => {
      const entry = m.states[m.start]?.entry;
      const fn = entry === undefined ? undefined : model.functions[entry];
      return fn !== undefined && fn.paramCount > 0 ? codecFor(fn.locals[0].type, strings) : undefined;
    });
  }

  encode(world: World, w: Writer): void {
    const { machines, monitors } = world;
    w.push(machines.length);
    for (let i = 0; i < machines.length; i++) this.writeMachine(w, machines[i]);
    for (let i = 0; i < monitors.length; i++) {
      w.push(monitors[i].state);
      this.varWriters[this.monitorTypes[i]](w, monitors[i].vars);
    }
  }

  decode(r: Reader): World {
    const count = r.next();
    const machines: MachineState[] = new Array(count);
    for (let i = 0; i < count; i++) machines[i] = this.readMachine(r);
    const monitors: MonitorState[] = new Array(this.monitorTypes.length);
    for (let i = 0; i < monitors.length; i++) {
      const state = r.next();
      monitors[i] = { state, vars: this.varReaders[this.monitorTypes[i]](r) };
    }
    return { machines, monitors };
  }

  private writeMessage(w: Writer, m: Message): void {
    w.push(m.event);
    this.payloadCodecs[m.event]?.write(w, m.payload);
  }

  private readMessage(r: Reader): Message {
    const event = r.next();
    const codec = this.payloadCodecs[event];
    return { event, payload: codec === undefined ? null : codec.read(r) };
  }

  private writeMachine(w: Writer, m: MachineState): void {
    w.push(m.type);
    w.push(m.status);
    w.push(m.state);
    if (m.status === HALTED) return;
    this.varWriters[m.type](w, m.vars);
    w.push(m.inbox.length);
    const inbox = m.inbox;
    for (let i = 0; i < inbox.length; i++) this.writeMessage(w, inbox[i]);
    const run = m.run;
    if (m.status !== RUNNING || run === null) return;
    w.push(run.kind);
    if (run.kind === RUN_EVENT) this.writeMessage(w, { event: run.event, payload: run.payload });
    else this.startCodecs[m.type]?.write(w, run.payload);
    w.push(run.done);
    w.push(run.at);
    w.push(run.log.length);
    for (const entry of run.log) {
      if (typeof entry === "number") {
        w.push(0);
        w.push(entry);
      } else if (entry instanceof Ref) {
        w.push(1);
        w.push(entry.id);
      } else {
        w.push(2);
        this.writeMessage(w, entry);
      }
    }
    if (run.waiting === null) w.push(-1);
    else {
      w.push(run.waiting.length);
      for (const e of run.waiting) w.push(e);
    }
  }

  private readMachine(r: Reader): MachineState {
    const type = r.next();
    const status = r.next();
    const state = r.next();
    if (status === HALTED) return { type, status, state, vars: [], inbox: [], run: null };
    const vars = this.varReaders[type](r);
    const inboxLength = r.next();
    const inbox: Message[] = new Array(inboxLength);
    for (let i = 0; i < inboxLength; i++) inbox[i] = this.readMessage(r);
    if (status !== RUNNING) return { type, status, state, vars, inbox, run: null };
    const kind = r.next() === RUN_EVENT ? RUN_EVENT : RUN_START;
    let event = -1;
    let payload: Value = null;
    if (kind === RUN_EVENT) {
      const trigger = this.readMessage(r);
      event = trigger.event;
      payload = trigger.payload;
    } else payload = this.startCodecs[type]?.read(r) ?? null;
    const done = r.next();
    const at = r.next();
    const logLength = r.next();
    const log: LogEntry[] = [];
    for (let i = 0; i < logLength; i++) {
      const tag = r.next();
      log.push(tag === 0 ? r.next() : tag === 1 ? ref(r.next()) : this.readMessage(r));
    }
    const waitingLength = r.next();
    let waiting: number[] | null = null;
    if (waitingLength >= 0) {
      waiting = [];
      for (let i = 0; i < waitingLength; i++) waiting.push(r.next());
    }
    return { type, status, state, vars, inbox, run: { kind, event, payload, log, done, waiting, at } };
  }
}
