// A node of the journal's chain: the implementation of machine Node of
// specs/replicated-journal/PSrc/node.p, handler for handler. It implements the handler interface
// that `pith gen ts` generates from the model, so the build breaks when the model changes an event
// the node handles. Its state names and variables are the model's, and snapshot() gives them.
//
// What the model does not have: entries carry data, and each entry is made durable in the node's
// storage (an fsync'ed append to its log file) before the node forwards or acknowledges it.
//
// A node whose process is restarted is a new JournalNode over the log it recovered; it takes the
// model's eCrash (nothing left but the log) and eRestart, and rejoins the chain after the tail.
import type { NodeBug } from "./bugs.ts";
import {
  dispatch,
  type AckPayload,
  type BecomeTailPayload,
  type CatchUpPayload,
  type IntroducePayload,
  type MachineId,
  type NewPredPayload,
  type NodeHandlers,
  type NodeState,
  type ReadPayload,
  type RejoinPayload,
  type RestartPayload,
  type tEntry,
} from "./generated.ts";
import type { Disposition, Hosted, Outbox } from "./host.ts";
import type { JournalEntry } from "./log.ts";
import type { Message } from "./transport.ts";

/** Where a node keeps its log: a JournalLog, or memory in tests. */
export interface Storage {
  readonly entries: readonly JournalEntry[];
  append(entry: JournalEntry): Promise<void>;
  /** Keeps the first `length` entries. */
  truncate(length: number): Promise<void>;
}

export class MemoryStorage implements Storage {
  readonly entries: JournalEntry[] = [];
  async append(entry: JournalEntry): Promise<void> {
    this.entries.push(entry);
  }
  async truncate(length: number): Promise<void> {
    this.entries.length = Math.min(length, this.entries.length);
  }
}

/** What each state does with each event (node.p): handle, defer or ignore; anything else is a bug. */
const STATES: Readonly<Record<NodeState, Readonly<Record<string, Disposition>>>> = {
  Unconfigured: { eConfigure: "handle", eAppend: "defer", eRead: "defer", eForward: "defer", eIntroduce: "defer", eCrash: "handle" },
  Head: { eAppend: "handle", eRead: "defer", eForward: "ignore", eAck: "handle", eIntroduce: "handle", eBecomeTail: "handle", eRejoin: "handle", eCrash: "handle" },
  Middle: { eAppend: "defer", eRead: "defer", eForward: "handle", eAck: "handle", eIntroduce: "handle", eNewPred: "handle", eBecomeTail: "handle", eRejoin: "handle", eCrash: "handle" },
  Tail: { eAppend: "defer", eRead: "handle", eForward: "handle", eAck: "ignore", eIntroduce: "handle", eNewPred: "handle", eRejoin: "handle", eCrash: "handle" },
  Solo: { eAppend: "handle", eRead: "handle", eForward: "ignore", eAck: "ignore", eIntroduce: "handle", eRejoin: "handle", eCrash: "handle" },
  Down: {
    ...Object.fromEntries(["eConfigure", "eAppend", "eRead", "eForward", "eAck", "eIntroduce", "eNewPred", "eBecomeTail", "eRejoin", "eCatchUp"].map((e) => [e, "ignore"])),
    eRestart: "handle",
  },
  Joining: {
    eAppend: "defer",
    eRead: "defer",
    eRejoin: "defer",
    eConfigure: "ignore",
    eForward: "ignore",
    eAck: "ignore",
    eIntroduce: "ignore",
    eNewPred: "handle",
    eCatchUp: "handle",
  },
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
    if (this.#state === "Joining") {
      // Restarted: the master names the predecessor (again, if that one crashed first); it gets the log.
      this.#pred = p.pred;
      if (p.pred !== null) this.#out.send(p.pred, "eRejoin", { succ: this.id, log: [...this.log], epoch: p.epoch });
      return;
    }
    this.#pred = p.pred;
    if (p.pred !== null) this.#out.send(p.pred, "eIntroduce", { succ: this.id, received: this.log.length, epoch: p.epoch });
    this.#takeRole();
  }

  /** Every successor crashed: this node is the tail, and acknowledges its sent list. */
  onBecomeTail(epoch: BecomeTailPayload): void {
    this.#succEpoch = epoch;
    this.#succ = null;
    this.#isTail = true;
    this.#ackSentList();
    this.#takeRole();
  }

  /** The node crashed: only its log, on disk, is left. */
  onCrash(): void {
    this.#acked = 0;
    this.#pred = null;
    this.#succ = null;
    this.#isTail = false;
    this.#succEpoch = 0;
    this.#state = "Down";
  }

  /** The node's process started again: it asks the master to join the chain. */
  onRestart(master: RestartPayload): void {
    this.#out.send(master, "eJoin", this.id);
    this.#state = "Joining";
  }

  /**
   * A restarted node, placed after this one, sends the log it recovered: this node tells it how much
   * of it agrees with its own log, sends the rest, and forwards to it from now on. It is no longer the tail.
   */
  onRejoin(r: RejoinPayload): void {
    if (r.epoch <= this.#succEpoch) return;
    this.#succEpoch = r.epoch;
    this.#succ = r.succ;
    this.#isTail = false;
    const log = this.log;
    let keep = 0;
    while (keep < r.log.length && keep < log.length && r.log[keep].client === log[keep].client && r.log[keep].id === log[keep].id) keep++;
    this.#out.send(r.succ, "eCatchUp", { from: this.id, keep, entries: log.slice(keep), acked: this.#acked });
    this.#takeRole();
  }

  /** Restarted: cut the log to what the predecessor agrees with, append what it lacks, and serve as the tail. */
  async onCatchUp(c: CatchUpPayload & { readonly entries: readonly Entry[] }): Promise<void> {
    if (c.from !== this.#pred) return;
    await this.#storage.truncate(c.keep);
    for (const entry of c.entries) await this.#storage.append(entry);
    this.#out.announce("eRejoined", { node: this.id, log: [...this.log] });
    this.#isTail = true;
    this.#acked = c.acked;
    this.#ackSentList();
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

  /** The node has become the tail: it acknowledges the entries after `acked`, to their clients and up the chain. */
  #ackSentList(): void {
    const log = this.log;
    for (let index = this.#acked; index < log.length; index++) {
      this.#out.send(log[index].client, "eAppended", { item: log[index], index });
    }
    if (this.#acked < log.length) {
      this.#acked = log.length;
      if (this.#pred !== null) this.#out.send(this.#pred, "eAck", this.#acked);
    }
  }

  #takeRole(): void {
    if (this.#pred === null) this.#state = this.#isTail ? "Solo" : "Head";
    else this.#state = this.#isTail ? "Tail" : "Middle";
  }
}
