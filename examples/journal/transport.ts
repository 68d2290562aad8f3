// What moves between the processes of a journal: frames, from one endpoint to another. A transport
// carries frames and promises nothing: a frame may be lost, late, duplicated or overtaken by a
// later one. The link layer (link.ts) turns it into what the chain protocol assumes, a reliable
// FIFO channel between each pair of endpoints. Two transports implement this interface: an
// in-process network that tests drive step by step (memory-network.ts), and TCP (tcp.ts).

/** A message of the chain protocol: an event of the model and its payload. */
export interface Message {
  readonly from: string;
  readonly to: string;
  readonly event: string;
  readonly payload?: unknown;
}

/**
 * A frame of the link layer: a message with its sequence number on the link from `from` to `to`,
 * or (without a message) an acknowledgement of every message up to `ack`. `session` tells the
 * lives of an endpoint apart: a new one starts its sequence numbers again.
 */
export interface Frame {
  readonly from: string;
  readonly to: string;
  readonly session: string;
  readonly seq?: number;
  readonly ack?: number;
  readonly message?: Message;
}

export interface Transport {
  /** Sends a frame towards `frame.to`. */
  send(frame: Frame): void;
  /** Frames addressed to `id` go to `receive` (which may return a promise: it is awaited before the next frame to `id`, where the transport can). */
  listen(id: string, receive: (frame: Frame) => void | Promise<void>): void;
  /** Stops delivering to `id`. */
  unlisten(id: string): void;
  close(): Promise<void>;
}

/** Time, for retransmission: real in production, virtual in the in-process network. */
export interface Clock {
  now(): number;
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};
