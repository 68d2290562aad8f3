// Runs a machine of the journal (a node or the master) the way P runs one: messages wait in an
// inbox; when the machine is idle it takes the first message its state does not defer, drops it if
// its state ignores it, and otherwise runs the handler to its end (persistence included) before it
// takes the next one. Deferred messages keep their places and are looked at again after every
// handler, since the state may have changed.
//
// The host records what the machine does through the trace recorder that `pith gen ts` generated:
// each send and announcement as it happens, each handled message when the handler is done (with the
// machine's snapshot), and a crash as the handling of `halt`. Entries carry data that the model
// leaves out; the trace has them as the model does (see toModel).
//
// The messages a handler sends leave when the handler is done and its line is recorded, as the
// model's step is one: a process killed part way through a handler has sent none of them, so
// every message that arrives anywhere has its whole step in the sender's trace.
import type { EventName, MachineId, MachineType, Payloads, TraceRecorder } from "./generated.ts";
import type { Message } from "./transport.ts";

export type Disposition = "handle" | "defer" | "ignore";

/** Where a machine's messages go. */
export interface Outbox {
  send(to: string, event: EventName, payload: unknown): void;
  announce(event: EventName, payload: unknown): void;
}

/** A machine as a host runs it. */
export interface Hosted {
  /** What the machine's current state does with `event`. */
  disposition(event: string): Disposition;
  handle(message: Message): void | Promise<void>;
  /** The machine's state and variables, as the model has them (entries with their data). */
  snapshot(): { readonly state: string; readonly vars: Readonly<Record<string, unknown>> };
}

export interface HostOptions {
  readonly id: string;
  readonly type: Extract<MachineType, "Node" | "Master">;
  /** Sends a message on (to the link layer). */
  readonly transmit: (message: Message) => void;
  readonly trace?: TraceRecorder;
  /**
   * The variables a recorded snapshot keeps (all by default). `pith conform` compares only the
   * variables a snapshot has: leaving out a node's log keeps each trace line short in long runs.
   */
  readonly snapshotVars?: readonly string[];
}

export class Host implements Outbox {
  readonly id: string;
  readonly type: Extract<MachineType, "Node" | "Master">;
  readonly #transmit: (message: Message) => void;
  readonly #trace: TraceRecorder | undefined;
  readonly #snapshotVars: readonly string[] | undefined;
  #machine: Hosted | undefined;
  readonly #inbox: Message[] = [];
  /** What the handler running now has sent, held until it is done. */
  #outgoing: Message[] | undefined;
  #running: Promise<void> | undefined;
  #crashed = false;
  /** The first failure of a handler: the host stops, as a process would. */
  failure: unknown;

  constructor(options: HostOptions) {
    this.id = options.id;
    this.type = options.type;
    this.#transmit = options.transmit;
    this.#trace = options.trace;
    this.#snapshotVars = options.snapshotVars;
  }

  /** Starts hosting `machine`, which was made with `start` (recorded as its creation). */
  start(machine: Hosted, start: unknown): void {
    this.#machine = machine;
    this.#trace?.create(this.type, this.id as MachineId, toModel(start) as never);
  }

  /**
   * Starts hosting `machine` without recording its creation, which is recorded elsewhere: by the
   * process that launched this one, or in an earlier life of a restarted process.
   */
  attach(machine: Hosted): void {
    this.#machine = machine;
  }

  get crashed(): boolean {
    return this.#crashed;
  }

  /** Whether the machine is between handlers (it may still have deferred messages). */
  get idle(): boolean {
    return this.#running === undefined;
  }

  /** Messages waiting in the inbox (deferred ones included). */
  get waiting(): number {
    return this.#inbox.length;
  }

  send(to: string, event: EventName, payload: unknown): void {
    if (this.#crashed) return;
    this.#trace?.send(this.id as MachineId, to as MachineId, event, toModel(payload) as Payloads[EventName]);
    const message = { from: this.id, to, event, payload };
    if (this.#outgoing !== undefined) this.#outgoing.push(message);
    else this.#transmit(message);
  }

  announce(event: EventName, payload: unknown): void {
    if (this.#crashed) return;
    this.#trace?.announce(this.id as MachineId, event, toModel(payload) as Payloads[EventName]);
  }

  /** Puts `message` in the inbox; settles when the machine is idle again. */
  deliver(message: Message): Promise<void> {
    if (this.#crashed) return Promise.resolve();
    this.#inbox.push(message);
    return this.#pump();
  }

  /** The machine stops at once: what waits in its inbox is lost, and it takes nothing more. */
  crash(): void {
    if (this.#crashed) return;
    this.#crashed = true;
    this.#inbox.length = 0;
    this.#trace?.handle(this.type, this.id as MachineId, "halt", undefined as never);
  }

  #snapshot(machine: Hosted): ReturnType<Hosted["snapshot"]> {
    const full = machine.snapshot();
    const keep = this.#snapshotVars;
    if (keep === undefined) return full;
    return { state: full.state, vars: Object.fromEntries(Object.entries(full.vars).filter(([k]) => keep.includes(k))) };
  }

  #pump(): Promise<void> {
    if (this.#running !== undefined) return this.#running;
    this.#running = this.#drain().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #drain(): Promise<void> {
    const machine = this.#machine;
    if (machine === undefined) return;
    for (;;) {
      if (this.#crashed) return;
      const at = this.#inbox.findIndex((m) => machine.disposition(m.event) !== "defer");
      if (at < 0) return;
      const [message] = this.#inbox.splice(at, 1);
      if (machine.disposition(message.event) === "ignore") continue;
      const outgoing: Message[] = [];
      this.#outgoing = outgoing;
      try {
        await machine.handle(message);
      } catch (error) {
        this.failure ??= error;
        this.crash();
        return;
      } finally {
        this.#outgoing = undefined;
      }
      if (this.#crashed) return;
      if (this.#trace !== undefined) {
        this.#trace.handle(this.type, this.id as MachineId, message.event as never, toModel(message.payload) as never, toModel(this.#snapshot(machine)) as never);
      }
      for (const m of outgoing) this.#transmit(m);
    }
  }
}

/**
 * A value as the model has it: entries without their data. Entries are the objects with exactly
 * the fields client, id and data; everything else is copied as it is (maps and sets included).
 */
export function toModel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toModel);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [toModel(k), toModel(v)]));
  if (value instanceof Set) return new Set([...value].map(toModel));
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 3 && "client" in value && "id" in value && "data" in value) {
      const entry = value as { client: unknown; id: unknown };
      return { client: entry.client, id: entry.id };
    }
    return Object.fromEntries(keys.map((k) => [k, toModel((value as Record<string, unknown>)[k])]));
  }
  return value;
}
