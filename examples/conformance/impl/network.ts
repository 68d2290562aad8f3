// An in-memory network for the store: machines register under an id, messages wait in one queue
// and are delivered one at a time, in the order they were sent; a handler finishes (its promise
// settles) before the next message is delivered. Endpoints that are not machines (clients, the
// retransmission timer) receive what is sent to them through a listener. When given a trace
// recorder, the network records what the machines do: each send, each machine made, and each
// message a machine has handled, with its snapshot then.
import { dispatch, type EventName, type MachineId, type Machines, type MachineType, type Payloads, type TraceRecorder } from "./generated.ts";

/** What a machine sees of the network: it can send. */
export interface Network {
  send<E extends EventName>(from: MachineId, to: MachineId, event: E, payload: Payloads[E]): void;
}

/** A machine of type M as the network drives it: its handlers and its snapshot. */
export type Hosted<M extends MachineType> = Machines[M]["handlers"] & { snapshot(): Machines[M]["snapshot"] };

export interface Envelope {
  readonly from: MachineId;
  readonly to: MachineId;
  readonly event: EventName;
  readonly payload: unknown;
}

interface Registered {
  readonly type: MachineType;
  readonly machine: Hosted<MachineType>;
}

export class InMemoryNetwork implements Network {
  readonly #queue: Envelope[] = [];
  readonly #machines = new Map<MachineId, Registered>();
  readonly #listeners = new Map<MachineId, (message: Envelope) => void>();
  readonly #trace: TraceRecorder | undefined;

  constructor(trace?: TraceRecorder) {
    this.#trace = trace;
  }

  /** Adds a machine; the trace records its creation with the payload it started with. */
  host<M extends MachineType>(type: M, id: MachineId, machine: Hosted<M>, start: Machines[M]["start"]): void {
    this.#machines.set(id, { type, machine: machine as unknown as Hosted<MachineType> });
    this.#trace?.create(type, id, start);
  }

  /** Messages to `id`, which is not a machine, go to `listener`. */
  listen(id: MachineId, listener: (message: Envelope) => void): void {
    this.#listeners.set(id, listener);
  }

  send<E extends EventName>(from: MachineId, to: MachineId, event: E, payload: Payloads[E]): void {
    if (this.#machines.has(from)) this.#trace?.send(from, to, event, payload);
    this.#queue.push({ from, to, event, payload });
  }

  /** Messages sent and not yet delivered. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Delivers the oldest message; false when there is none. */
  async step(): Promise<boolean> {
    const message = this.#queue.shift();
    if (message === undefined) return false;
    const target = this.#machines.get(message.to);
    if (target === undefined) {
      this.#listeners.get(message.to)?.(message);
      return true;
    }
    await dispatch(target.type, target.machine, message.event, message.payload);
    // Recorded once the handler is done, with the machine's state then.
    this.#trace?.handle(target.type, message.to, message.event as Machines[MachineType]["handles"], message.payload as never, target.machine.snapshot());
    return true;
  }

  /** Delivers messages until none is left. */
  async run(): Promise<void> {
    while (await this.step()) {
      // deliver the next one
    }
  }
}
