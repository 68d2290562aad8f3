// A node of the journal's chain: the implementation of machine Node of
// specs/replicated-journal/PSrc/node.p, handler for handler. It implements the handler interface
// that `pith gen ts` generates from the model, so the build breaks when the model changes an event
// the node handles. Its state names and variables are the model's, and snapshot() gives them.
//
// What the model does not have: entries carry data, and each entry is made durable in the node's
// storage (an fsync'ed append to its log file) before the node forwards or acknowledges it.
import type { NodeBug } from "./bugs.ts";
import {
  dispatch,
  type AckPayload,
  type BecomeTailPayload,
  type IntroducePayload,
  type MachineId,
  type NewPredPayload,
  type NodeHandlers,
  type NodeState,
  type ReadPayload,
  type tEntry,
} from "./generated.ts";
import type { Disposition, Hosted, Outbox } from "./host.ts";
import type { JournalEntry } from "./log.ts";
import type { Message } from "./transport.ts";

/** Where a node keeps its log: a JournalLog, or memory in tests. */
export interface Storage {
  readonly entries: readonly JournalEntry[];
  append(entry: JournalEntry): Promise<void>;
}

export class MemoryStorage implements Storage {
  readonly entries: JournalEntry[] = [];
  async append(entry: JournalEntry): Promise<void> {
    this.entries.push(entry);
  }
}

/** What each state does with each event (node.p): handle, defer or ignore; anything else is a bug. */
const STATES: Readonly<Record<NodeState, Readonly<Record<string, Disposition>>>> = {
  Unconfigured: { eConfigure: "handle", eAppend: "defer", eRead: "defer", eForward: "defer", eIntroduce: "defer" },
  Head: { eAppend: "handle", eRead: "defer", eForward: "ignore", eAck: "handle", eIntroduce: "handle", eBecomeTail: "handle" },
  Middle: { eAppend: "defer", eRead: "defer", eForward: "handle", eAck: "handle", eIntroduce: "handle", eNewPred: "handle", eBecomeTail: "handle" },
  Tail: { eAppend: "defer", eRead: "handle", eForward: "handle", eAck: "ignore", eIntroduce: "handle", eNewPred: "handle" },
  Solo: { eAppend: "handle", eRead: "handle", eForward: "ignore", eAck: "ignore", eIntroduce: "handle" },
};

/** The states in which the read-any-replica bug serves reads. */
const SERVES_READS_ANYWHERE: readonly NodeState[] = ["Head", "Middle", "Tail", "Solo"];

/** An entry as the nodes pass it: the model's entry, with its data. */
export type Entry = tEntry & { readonly data: string };

export interface Forward {
  readonly from: MachineId;
  readonly index: number;
  readonly item: Entry;
}

export interface NodeOptions {
  readonly id: MachineId;
  readonly storage: Storage;
  readonly out: Outbox;
  readonly bug?: NodeBug;
}

export class JournalNode implements NodeHandlers, Hosted {
  readonly id: MachineId;
  readonly #storage: Storage;
  readonly #out: Outbox;
  readonly #bug: NodeBug | undefined;
  #state: NodeState = "Unconfigured";
  /** The tail has the first `acked` entries; the rest of the log is the sent list. */
  #acked = 0;
  #pred: MachineId | null = null;
  #succ: MachineId | null = null;
  #isTail = false;
  /** The epoch of the configuration, introduction or promotion that set the successor. */
  #succEpoch = 0;

  constructor(options: NodeOptions) {
    this.id = options.id;
    this.#storage = options.storage;
    this.#out = options.out;
    this.#bug = options.bug;
  }

  get state(): NodeState {
    return this.#state;
  }

  /** The log (its client ids are the machine ids the entries came with). */
  get log(): readonly Entry[] {
    return this.#storage.entries as readonly Entry[];
  }

  disposition(event: string): Disposition {
    if (event === "eRead" && this.#bug === "read-any-replica" && SERVES_READS_ANYWHERE.includes(this.#state)) return "handle";
    const d = STATES[this.#state][event];
    if (d === undefined) throw new Error(`${this.id} in ${this.#state} cannot take ${event}`);
    return d;
  }

  handle(message: Message): void | Promise<void> {
    return dispatch("Node", this, message.event as never, message.payload);
  }

  onConfigure(c: { readonly pred: MachineId | null; readonly succ: MachineId | null }): void {
    this.#pred = c.pred;
    this.#succ = c.succ;
    this.#isTail = c.succ === null;
    this.#takeRole();
  }

  /** At the head: a new entry, unless the chain has it already (a client sent it again to a new head). */
  async onAppend(entry: Entry): Promise<void> {
    if (this.log.some((e) => e.client === entry.client && e.id === entry.id)) return;
    await this.#addToLog(entry);
  }

  async onForward(f: Forward): Promise<void> {
    if (f.from !== this.#pred) return;
    await this.#addToLog(f.item);
  }

  onAck(upTo: AckPayload): void {
    if (upTo <= this.#acked) return;
    this.#acked = upTo;
    if (this.#pred !== null) this.#out.send(this.#pred, "eAck", upTo);
  }

  /** A successor introduces itself: forward to it from now on, starting with what it lacks. */
  onIntroduce(i: IntroducePayload): void {
    if (i.epoch <= this.#succEpoch) return;
    this.#succEpoch = i.epoch;
    this.#succ = i.succ;
    if (this.#bug === "no-resend") return;
    const log = this.log;
    for (let index = i.received; index < log.length; index++) {
      this.#out.send(i.succ, "eForward", { from: this.id, index, item: log[index] });
    }
  }

  onNewPred(p: { readonly pred: MachineId | null; readonly epoch: NewPredPayload["epoch"] }): void {
    this.#pred = p.pred;
    if (p.pred !== null) this.#out.send(p.pred, "eIntroduce", { succ: this.id, received: this.log.length, epoch: p.epoch });
    this.#takeRole();
  }

  /** Every successor crashed: this node is the tail, and acknowledges its sent list. */
  onBecomeTail(epoch: BecomeTailPayload): void {
    this.#succEpoch = epoch;
    this.#succ = null;
    this.#isTail = true;
    const log = this.log;
    for (let index = this.#acked; index < log.length; index++) {
      this.#out.send(log[index].client, "eAppended", { item: log[index], index });
    }
    if (this.#acked < log.length) {
      this.#acked = log.length;
      if (this.#pred !== null) this.#out.send(this.#pred, "eAck", this.#acked);
    }
    this.#takeRole();
  }

  onRead(r: ReadPayload): void {
    this.#out.send(r.client, "eReadReply", { id: r.id, log: [...this.log] });
  }

  snapshot() {
    return {
      state: this.#state,
      vars: { log: [...this.log], acked: this.#acked, pred: this.#pred, succ: this.#succ, isTail: this.#isTail, succEpoch: this.#succEpoch },
    };
  }

  /** Appends an entry durably, then passes it on: down the chain, or, at the tail, to its client and up the chain. */
  async #addToLog(item: Entry): Promise<void> {
    const index = this.log.length;
    if (this.#bug === "tail-acks-before-append" && this.#isTail) {
      this.#out.send(item.client, "eAppended", { item, index });
    }
    await this.#storage.append(item);
    this.#out.announce("eLogAppended", { node: this.id, index, item });
    if (this.#bug === "head-acks-early" && this.#pred === null) {
      this.#out.send(item.client, "eAppended", { item, index });
    }
    if (this.#isTail) {
      if (this.#bug === undefined || this.#bug === "no-resend" || this.#bug === "read-any-replica") {
        this.#out.send(item.client, "eAppended", { item, index });
      }
      this.#acked = index + 1;
      if (this.#pred !== null) this.#out.send(this.#pred, "eAck", this.#acked);
    } else if (this.#succ !== null) {
      this.#out.send(this.#succ, "eForward", { from: this.id, index, item });
    }
  }

  #takeRole(): void {
    if (this.#pred === null) this.#state = this.#isTail ? "Solo" : "Head";
    else this.#state = this.#isTail ? "Tail" : "Middle";
  }
}
