// The link layer: a reliable FIFO channel from this endpoint to each other one, over a transport
// that may lose, duplicate and reorder frames. This is what the chain protocol (and P's inboxes in
// the model) assume of the links between neighbours. Each message gets the next sequence number of
// its link; the receiver hands messages on in sequence order, once each, keeps the ones that
// arrive early, and acknowledges cumulatively; the sender sends again what is not acknowledged
// after a timeout. A session id per life of an endpoint makes a restarted peer start afresh.
import { randomUUID } from "node:crypto";
import { realClock, type Clock, type Frame, type Message, type Transport } from "./transport.ts";

interface Outgoing {
  nextSeq: number;
  readonly unacked: Map<number, Message>;
  cancelTimer: (() => void) | undefined;
}

interface Incoming {
  session: string;
  /** The next sequence number to hand on. */
  expected: number;
  readonly early: Map<number, Message>;
}

export interface LinkOptions {
  readonly id: string;
  readonly transport: Transport;
  readonly clock?: Clock;
  /** Milliseconds before unacknowledged messages are sent again. */
  readonly retransmitMs?: number;
}

export class Link {
  readonly id: string;
  readonly session = randomUUID();
  readonly #transport: Transport;
  readonly #clock: Clock;
  readonly #retransmitMs: number;
  readonly #out = new Map<string, Outgoing>();
  readonly #in = new Map<string, Incoming>();
  #receive: (message: Message) => void | Promise<void> = () => undefined;
  #closed = false;
  #crashed = false;
  /** Peers known to be gone. */
  readonly #gone = new Set<string>();

  constructor(options: LinkOptions) {
    this.id = options.id;
    this.#transport = options.transport;
    this.#clock = options.clock ?? realClock;
    this.#retransmitMs = options.retransmitMs ?? 100;
    this.#transport.listen(this.id, (frame) => this.#onFrame(frame));
  }

  /** Messages to this endpoint, in order, once each. */
  onMessage(receive: (message: Message) => void | Promise<void>): void {
    this.#receive = receive;
  }

  send(message: Message): void {
    if (this.#closed || this.#crashed || this.#gone.has(message.to)) return;
    const out = this.#outgoing(message.to);
    const seq = out.nextSeq++;
    out.unacked.set(seq, message);
    this.#transport.send({ from: this.id, to: message.to, session: this.session, seq, message });
    this.#arm(message.to, out);
  }

  /** Messages sent and not yet acknowledged, to all peers. */
  get unacknowledged(): number {
    let n = 0;
    for (const out of this.#out.values()) n += out.unacked.size;
    return n;
  }

  /**
   * The endpoint crashed: it takes nothing more, but what it sent before still arrives (as the
   * operating system delivers what a killed process wrote to its sockets): unacknowledged messages
   * are sent again until acknowledged.
   */
  crash(): void {
    this.#crashed = true;
  }

  /** Stops sending and receiving (the endpoint shut down). */
  close(): void {
    this.#closed = true;
    for (const out of this.#out.values()) out.cancelTimer?.();
    this.#transport.unlisten(this.id);
  }

  /** Forgets a peer that is gone: nothing more is sent to it. */
  forget(peer: string): void {
    this.#gone.add(peer);
    const out = this.#out.get(peer);
    out?.cancelTimer?.();
    this.#out.delete(peer);
  }

  /** A forgotten peer is back (restarted, a new session): messages go to it again. */
  remember(peer: string): void {
    this.#gone.delete(peer);
  }

  #outgoing(peer: string): Outgoing {
    let out = this.#out.get(peer);
    if (out === undefined) {
      out = { nextSeq: 1, unacked: new Map(), cancelTimer: undefined };
      this.#out.set(peer, out);
    }
    return out;
  }

  #arm(peer: string, out: Outgoing): void {
    if (out.cancelTimer !== undefined || this.#closed) return;
    out.cancelTimer = this.#clock.after(this.#retransmitMs, () => {
      out.cancelTimer = undefined;
      if (this.#closed || this.#out.get(peer) !== out || out.unacked.size === 0) return;
      for (const [seq, message] of [...out.unacked].sort((a, b) => a[0] - b[0])) {
        this.#transport.send({ from: this.id, to: peer, session: this.session, seq, message });
      }
      this.#arm(peer, out);
    });
  }

  async #onFrame(frame: Frame): Promise<void> {
    if (this.#closed) return;
    if (frame.message === undefined) {
      if (frame.ack === undefined || frame.session !== this.session) return;
      const out = this.#out.get(frame.from);
      if (out === undefined) return;
      for (const seq of [...out.unacked.keys()]) if (seq <= frame.ack) out.unacked.delete(seq);
      if (out.unacked.size === 0) {
        out.cancelTimer?.();
        out.cancelTimer = undefined;
      }
      return;
    }
    if (this.#crashed) return;
    let incoming = this.#in.get(frame.from);
    if (incoming === undefined || incoming.session !== frame.session) {
      incoming = { session: frame.session, expected: 1, early: new Map() };
      this.#in.set(frame.from, incoming);
    }
    const seq = frame.seq ?? 0;
    if (seq >= incoming.expected) incoming.early.set(seq, frame.message);
    // Hand on what is now in order; acknowledge up to it (also a copy of an old message, whose
    // first acknowledgement may have been lost). The acknowledgement names the sender's session.
    const ready: Message[] = [];
    for (let next = incoming.early.get(incoming.expected); next !== undefined; next = incoming.early.get(incoming.expected)) {
      incoming.early.delete(incoming.expected);
      incoming.expected++;
      ready.push(next);
    }
    this.#transport.send({ from: this.id, to: frame.from, session: frame.session, ack: incoming.expected - 1 });
    for (const message of ready) await this.#receive(message);
  }
}
