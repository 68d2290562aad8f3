// The in-process network between the service's parts: a request from one part to another and its
// reply. A seeded fault plan can delay messages, drop them (the caller sees a timeout and retries:
// every request between parts is idempotent), and deliver them twice, so that tests reproduce the
// same interleavings from the same seed.
import { Prng } from "../../src/explore/engine/prng.ts";

export interface FaultPlan {
  /** Seed of the generator that decides every fault (default 1). */
  readonly seed?: number;
  /** Each message waits up to this many milliseconds (default 0: delivered on the next turn). */
  readonly maxDelayMs?: number;
  /** Probability that a request or its reply is lost (default 0). */
  readonly drop?: number;
  /** Probability that a request is delivered a second time, later (default 0). */
  readonly duplicate?: number;
}

export class Timeout extends Error {
  constructor(from: string, to: string, event: string) {
    super(`${event} from ${from} to ${to} timed out`);
  }
}

/** One message on the network. */
export interface Delivery {
  readonly from: string;
  readonly to: string;
  readonly event: string;
  readonly payload: unknown;
}

/**
 * A test's hand on the network: messages that match are held until released, lost, or delivered
 * with their reply lost. A rule applies to the first `times` matching messages (default 1).
 */
export interface Rule {
  readonly match: (delivery: Delivery) => boolean;
  readonly action: "hold" | "lose" | "lose-reply";
  readonly times?: number;
}

export interface Interception {
  /** Lets the held messages go (and every later match of a hold rule pass). */
  release(): void;
  /** How many messages the rule has caught so far. */
  readonly caught: number;
}

interface ActiveRule {
  readonly rule: Rule;
  left: number;
  caught: number;
  released: boolean;
  readonly gate: Promise<void>;
  open: () => void;
}

/** A number in [0, 1). */
const chance = (random: Prng): number => random.nextUint32() / 4294967296;

const wait = (ms: number) => new Promise<void>((resolve) => (ms <= 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

export class Network {
  readonly #random: Prng;
  readonly #plan: FaultPlan;
  readonly #rules: ActiveRule[] = [];
  #delivered = 0;

  constructor(plan: FaultPlan = {}) {
    this.#plan = plan;
    this.#random = new Prng(plan.seed ?? 1);
  }

  /** Messages delivered so far. */
  get delivered(): number {
    return this.#delivered;
  }

  intercept(rule: Rule): Interception {
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const active: ActiveRule = { rule, left: rule.times ?? 1, caught: 0, released: false, gate, open };
    this.#rules.push(active);
    return {
      release: () => {
        active.released = true;
        active.open();
      },
      get caught() {
        return active.caught;
      },
    };
  }

  #rule(delivery: Delivery): ActiveRule | undefined {
    const active = this.#rules.find((r) => r.left > 0 && !r.released && r.rule.match(delivery));
    if (active !== undefined) {
      active.left--;
      active.caught++;
    }
    return active;
  }

  #delay(): number {
    const max = this.#plan.maxDelayMs ?? 0;
    return max > 0 ? this.#random.below(max + 1) : 0;
  }

  #lost(): boolean {
    const p = this.#plan.drop ?? 0;
    return p > 0 && chance(this.#random) < p;
  }

  /**
   * Delivers `event` from `from` to `to`, runs `handle` there, and returns its result. A lost
   * request or reply throws Timeout; a duplicated request runs `handle` again later, and its
   * result goes nowhere.
   */
  async request<T>(from: string, to: string, event: string, payload: unknown, handle: () => T): Promise<T> {
    await wait(this.#delay());
    const rule = this.#rule({ from, to, event, payload });
    if (rule?.rule.action === "hold") await rule.gate;
    if (this.#lost() || rule?.rule.action === "lose") throw new Timeout(from, to, event);
    const duplicate = (this.#plan.duplicate ?? 0) > 0 && chance(this.#random) < (this.#plan.duplicate ?? 0);
    const result = this.#deliver(handle);
    if (duplicate) {
      const later = this.#delay() + 1;
      void wait(later).then(() => {
        try {
          this.#deliver(handle);
        } catch {
          // The duplicate's answer, error or not, reaches no one.
        }
      });
    }
    await wait(this.#delay());
    if (this.#lost() || rule?.rule.action === "lose-reply") throw new Timeout(to, from, `reply to ${event}`);
    return result;
  }

  #deliver<T>(handle: () => T): T {
    this.#delivered++;
    return handle();
  }
}

/** Calls `attempt` until it does not time out, at most `tries` times. */
export async function retrying<T>(attempt: () => Promise<T>, tries = 50): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof Timeout) || i >= tries) throw error;
    }
  }
}
