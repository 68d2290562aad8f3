// A client of the journal: it appends entries at the head and reads the journal at the tail, one
// request at a time, as machine Client of specs/replicated-journal/PSrc/client.p does. Requests are
// numbered from 1, appends and reads alike. When the master says that the head (or the tail) has
// changed, the pending append (or read) is sent again, with the same number, to the new one: the
// request may have gone down with the node, and the head drops an entry it holds already. An answer
// can come twice (a new tail acknowledges again what the old one may have acknowledged); the
// client takes the first.
import type { Bug } from "./bugs.ts";
import type { MachineId } from "./generated.ts";
import type { JournalEntry } from "./log.ts";
import type { Message } from "./transport.ts";

interface Pending {
  readonly kind: "append" | "read";
  readonly id: number;
  readonly data: string;
  readonly resolve: (value: unknown) => void;
}

export interface ClientOptions {
  readonly id: MachineId;
  /** The chain, head first, as the master set it up. */
  readonly chain: readonly MachineId[];
  readonly send: (message: Message) => void;
  readonly bug?: Bug;
  /** For the read-any-replica bug: picks a node of the chain. */
  readonly pick?: (n: number) => number;
}

export class JournalClient {
  readonly id: MachineId;
  readonly #send: (message: Message) => void;
  readonly #bug: Bug | undefined;
  readonly #pick: (n: number) => number;
  #chain: MachineId[];
  #request = 0;
  #pending: Pending | undefined;
  /** Requests waiting for the pending one to be answered. */
  readonly #queue: (() => void)[] = [];

  constructor(options: ClientOptions) {
    this.id = options.id;
    this.#chain = [...options.chain];
    this.#send = options.send;
    this.#bug = options.bug;
    this.#pick = options.pick ?? ((n) => Math.floor(Math.random() * n));
  }

  get chain(): readonly MachineId[] {
    return this.#chain;
  }

  /** Whether a request is waiting for its answer. */
  get busy(): boolean {
    return this.#pending !== undefined;
  }

  /** Appends `data`; resolves with the index of the entry in the journal once the tail has it. */
  append(data: string): Promise<number> {
    return this.#start("append", data) as Promise<number>;
  }

  /** Reads the journal at the tail. */
  read(): Promise<JournalEntry[]> {
    return this.#start("read", "") as Promise<JournalEntry[]>;
  }

  /** Takes a message from the chain or the master. */
  receive(message: Message): void {
    const pending = this.#pending;
    switch (message.event) {
      case "eAppended": {
        const a = message.payload as { item: JournalEntry; index: number };
        if (pending?.kind === "append" && a.item.client === this.id && a.item.id === pending.id) this.#finish(a.index);
        return;
      }
      case "eReadReply": {
        const r = message.payload as { id: number; log: JournalEntry[] };
        if (pending?.kind === "read" && r.id === pending.id) this.#finish(r.log);
        return;
      }
      case "eView": {
        const before = this.#chain;
        this.#chain = [...(message.payload as MachineId[])];
        if (pending === undefined) return;
        if (pending.kind === "append" && this.#head() !== before[0]) this.#transmit(pending);
        if (pending.kind === "read" && this.#tail() !== before[before.length - 1]) this.#transmit(pending);
        return;
      }
      default:
        throw new Error(`client ${this.id} cannot take ${message.event}`);
    }
  }

  #start(kind: "append" | "read", data: string): Promise<unknown> {
    return new Promise((resolve) => {
      const go = () => {
        this.#request++;
        const pending: Pending = { kind, id: this.#request, data, resolve };
        this.#pending = pending;
        this.#transmit(pending);
      };
      if (this.#pending === undefined) go();
      else this.#queue.push(go);
    });
  }

  #transmit(pending: Pending): void {
    if (pending.kind === "append") {
      this.#send({ from: this.id, to: this.#head(), event: "eAppend", payload: { client: this.id, id: pending.id, data: pending.data } });
    } else {
      const to = this.#bug === "read-any-replica" ? this.#chain[this.#pick(this.#chain.length)] : this.#tail();
      this.#send({ from: this.id, to, event: "eRead", payload: { client: this.id, id: pending.id } });
    }
  }

  #finish(value: unknown): void {
    const pending = this.#pending!;
    this.#pending = undefined;
    pending.resolve(value);
    this.#queue.shift()?.();
  }

  #head(): MachineId {
    return this.#chain[0];
  }

  #tail(): MachineId {
    return this.#chain[this.#chain.length - 1];
  }
}
