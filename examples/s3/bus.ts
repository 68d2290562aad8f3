// The metadata layer's machines (front ends, cache partitions, witnesses, the index and its
// replica) run in this process and talk by messages, as the model's machines do: each machine has
// one inbox, takes its messages in the order they were sent, and runs one handler at a time to its
// end. Endpoints outside the model's implemented machines (the HTTP layer's clients, the journal,
// the fault injector) receive their messages through a callback.
//
// The bus records the trace for `pith conform` through the generated recorder: each send of a
// hosted machine as it happens, each handled message when its handler is done (with the machine's
// snapshot), each machine's creation. A machine's own background steps (the model's `on null`
// handlers) record only what they send.
import type { EventName, MachineId, MachineType, Payloads, TraceRecorder } from "./generated.ts";

export type Disposition = "handle" | "defer" | "ignore";

/** A machine as the bus runs it. */
export interface Machine {
  readonly type: MachineType;
  /** What the machine's current state does with `event`. */
  disposition(event: EventName): Disposition;
  handle(event: EventName, payload: unknown): void;
  /** The machine's state and variables, as the model has them. */
  snapshot(): { readonly state: string; readonly vars: Readonly<Record<string, unknown>> };
}

/** What a machine sends with. */
export interface Outbox {
  send<E extends EventName>(to: MachineId, event: E, payload: Payloads[E]): void;
}

interface Envelope {
  readonly event: EventName;
  readonly payload: unknown;
}

interface Hosted {
  readonly machine: Machine;
  readonly inbox: Envelope[];
  running: boolean;
}

export interface BusOptions {
  readonly trace?: TraceRecorder;
  /** Called with an error thrown by a handler (the machine stops). */
  readonly onFailure?: (id: string, error: unknown) => void;
}

export class Bus {
  readonly #hosted = new Map<string, Hosted>();
  readonly #external = new Map<string, (event: EventName, payload: unknown) => void>();
  readonly #options: BusOptions;
  #closed = false;

  constructor(options: BusOptions = {}) {
    this.#options = options;
  }

  /** Starts running `machine` as `id`; recorded as its creation with `start`. */
  host<M extends MachineType>(id: MachineId, machine: Machine & { readonly type: M }, start: unknown): void {
    this.#hosted.set(id, { machine, inbox: [], running: false });
    this.#options.trace?.create(machine.type, id, start as never);
  }

  /** Messages to `id` go to `receive`. */
  external(id: string, receive: (event: EventName, payload: unknown) => void): void {
    this.#external.set(id, receive);
  }

  /** The outbox of machine `from`: its sends are recorded. */
  outbox(from: MachineId): Outbox {
    return { send: (to, event, payload) => this.#send(from, to, event, payload, true) };
  }

  /** A message from the environment (not recorded: the model's environment sends it). */
  inject<E extends EventName>(from: string, to: MachineId, event: E, payload: Payloads[E]): void {
    this.#send(from as MachineId, to, event, payload, false);
  }

  close(): void {
    this.#closed = true;
  }

  #send(from: MachineId, to: MachineId, event: EventName, payload: unknown, record: boolean): void {
    if (this.#closed) return;
    if (record) this.#options.trace?.send(from, to, event, payload as never);
    this.#deliver(to, { event, payload });
  }

  #deliver(to: string, envelope: Envelope): void {
    if (this.#closed) return;
    const hosted = this.#hosted.get(to);
    if (hosted === undefined) {
      const receive = this.#external.get(to);
      if (receive === undefined) throw new Error(`no endpoint ${to}`);
      queueMicrotask(() => receive(envelope.event, envelope.payload));
      return;
    }
    hosted.inbox.push(envelope);
    if (!hosted.running) {
      hosted.running = true;
      queueMicrotask(() => this.#drain(to as MachineId, hosted));
    }
  }

  /** Runs the machine's handlers until its inbox holds nothing it takes now. */
  #drain(id: MachineId, hosted: Hosted): void {
    const { machine, inbox } = hosted;
    for (;;) {
      if (this.#closed) return;
      const at = inbox.findIndex((m) => machine.disposition(m.event) !== "defer");
      if (at < 0) break;
      const [m] = inbox.splice(at, 1);
      if (machine.disposition(m.event) === "ignore") continue;
      try {
        machine.handle(m.event, m.payload);
      } catch (error) {
        this.#options.onFailure?.(id, error);
        this.#hosted.delete(id);
        return;
      }
      this.#options.trace?.handle(machine.type, id, m.event as never, m.payload as never, machine.snapshot() as never);
    }
    hosted.running = false;
  }
}
