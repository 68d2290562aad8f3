// An in-process network for tests: frames wait in flight until the test delivers them, one at a
// time, in an order a seeded random generator chooses, so that a run is the same every time for the
// same seed. Faults are injected on the way, each decided by the same generator: a frame may be
// lost, delivered twice, held back while later frames on its link overtake it, or stopped at a
// partition until it heals. Time is virtual: it moves only when nothing can be delivered, straight
// to the next timer, so retransmission timeouts cost nothing.
import type { Clock, Frame, Transport } from "./transport.ts";

export interface Faults {
  /**
   * "sent": each endpoint takes the frames sent to it in the order they were sent, whoever sent
   * them, as P's inboxes do (use it without loss, duplication or reordering); "random" (the
   * default): only each link keeps its order, as over TCP.
   */
  readonly order?: "sent" | "random";
  /** Probability that a frame is lost. */
  readonly loss?: number;
  /** Probability that a frame is delivered twice. */
  readonly duplication?: number;
  /** Probability that a frame is delivered before older frames on its link. */
  readonly reordering?: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same run. */
export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  /** A number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}

interface InFlight {
  readonly frame: Frame;
  readonly order: number;
}

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly fn: () => void;
}

export interface NetworkStats {
  delivered: number;
  lost: number;
  duplicated: number;
  reordered: number;
}

export class MemoryNetwork implements Transport {
  readonly random: Random;
  readonly stats: NetworkStats = { delivered: 0, lost: 0, duplicated: 0, reordered: 0 };
  #faults: Faults;
  readonly #inFlight: InFlight[] = [];
  readonly #receivers = new Map<string, (frame: Frame) => void | Promise<void>>();
  /** Pairs of endpoints that cannot reach each other, as "a|b" with a < b. */
  readonly #cut = new Set<string>();
  #timers: Timer[] = [];
  #now = 0;
  #order = 0;

  /** The network's clock: virtual time, which `run` moves forward when nothing else can happen. */
  readonly clock: Clock = {
    now: () => this.#now,
    after: (ms, fn) => {
      const timer: Timer = { at: this.#now + ms, order: this.#order++, fn };
      this.#timers.push(timer);
      return () => {
        this.#timers = this.#timers.filter((t) => t !== timer);
      };
    },
  };

  constructor(options: { readonly seed: number; readonly faults?: Faults }) {
    this.random = new Random(options.seed);
    this.#faults = options.faults ?? {};
  }

  setFaults(faults: Faults): void {
    this.#faults = faults;
  }

  send(frame: Frame): void {
    this.#inFlight.push({ frame, order: this.#order++ });
  }

  listen(id: string, receive: (frame: Frame) => void | Promise<void>): void {
    this.#receivers.set(id, receive);
  }

  unlisten(id: string): void {
    this.#receivers.delete(id);
  }

  async close(): Promise<void> {
    this.#inFlight.length = 0;
    this.#timers = [];
  }

  /** `a` and `b` can no longer reach each other (frames between them wait). */
  partition(a: string, b: string): void {
    this.#cut.add(pairKey(a, b));
  }

  heal(): void {
    this.#cut.clear();
  }

  get inFlight(): number {
    return this.#inFlight.length;
  }

  get now(): number {
    return this.#now;
  }

  /** Delivers (or loses) one frame; false when no frame can move. */
  async step(): Promise<boolean> {
    const movable = this.#inFlight.filter((f) => !this.#cut.has(pairKey(f.frame.from, f.frame.to)));
    if (movable.length === 0) return false;
    // The oldest frame of each link may go; sometimes any frame (it overtakes older ones).
    const heads = new Map<string, InFlight>();
    for (const f of movable) {
      const link = `${f.frame.from}>${f.frame.to}`;
      if (!heads.has(link)) heads.set(link, f);
    }
    let chosen: InFlight;
    if (this.#faults.order === "sent") {
      // Any endpoint may be next, and it takes the oldest frame sent to it.
      const oldest = new Map<string, InFlight>();
      for (const f of movable) if (!oldest.has(f.frame.to)) oldest.set(f.frame.to, f);
      const candidates = [...oldest.values()];
      chosen = candidates[this.random.below(candidates.length)];
    } else if (this.random.next() < (this.#faults.reordering ?? 0)) {
      chosen = movable[this.random.below(movable.length)];
      if (![...heads.values()].includes(chosen)) this.stats.reordered++;
    } else {
      const candidates = [...heads.values()];
      chosen = candidates[this.random.below(candidates.length)];
    }
    const duplicate = this.random.next() < (this.#faults.duplication ?? 0);
    if (!duplicate) this.#inFlight.splice(this.#inFlight.indexOf(chosen), 1);
    else this.stats.duplicated++;
    if (this.random.next() < (this.#faults.loss ?? 0)) {
      this.stats.lost++;
      if (duplicate) this.#inFlight.splice(this.#inFlight.indexOf(chosen), 1);
      return true;
    }
    const receive = this.#receivers.get(chosen.frame.to);
    if (receive !== undefined) {
      this.stats.delivered++;
      await receive(chosen.frame);
    }
    return true;
  }

  /** Moves virtual time to the next timer and runs it; false when there is none. */
  tick(): boolean {
    if (this.#timers.length === 0) return false;
    const next = this.#timers.reduce((a, b) => (a.at < b.at || (a.at === b.at && a.order < b.order) ? a : b));
    this.#timers = this.#timers.filter((t) => t !== next);
    this.#now = Math.max(this.#now, next.at);
    next.fn();
    return true;
  }

  /**
   * Delivers frames, and runs timers when none can be delivered, until `done()` holds or nothing
   * can happen; throws after `maxSteps` steps (a livelock, or a partition that never heals).
   */
  async run(done: () => boolean = () => false, maxSteps = 200_000): Promise<void> {
    for (let steps = 0; steps < maxSteps; steps++) {
      if (done()) return;
      if (await this.step()) continue;
      if (!this.tick()) return;
    }
    throw new Error(`the network did not settle in ${maxSteps} steps`);
  }
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
