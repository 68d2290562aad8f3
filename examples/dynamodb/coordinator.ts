// A transaction coordinator. Coordinators keep no state of their own: everything that must
// survive a crash is in the ledger. A write transaction is:
//
//   1. look up the client's token: a retry gets the first execution's outcome;
//   2. take a timestamp from the coordinator's clock;
//   3. record the transaction in the ledger as PENDING;
//   4. prepare every item at its storage node (condition checks included);
//   5. record the decision in the ledger, conditionally: COMMITTED if every item said yes,
//      CANCELLED otherwise; if the record is no longer PENDING, the recorded decision holds;
//   6. send the decision to every item, until each has acknowledged;
//   7. mark the record completed, with the outcome the client is told.
//
// A coordinator that stops (crashed, or paused long enough to be presumed dead) leaves its record
// with a stale heartbeat; any other coordinator's sweeper then takes the record over (a
// conditional write on its epoch) and finishes it: a PENDING transaction is cancelled (the
// conditional decision write makes a paused coordinator that wakes up adopt that), and a decided
// one has its decision sent again.
import type { Bug } from "./bugs.ts";
import { cancellationReason, IdempotentParameterMismatchError, InternalServerError, TransactionCanceledError, TransactionInProgressError, type CancellationReason } from "./errors.ts";
import { Ledger, LedgerConflict, type Outcome, type TxRecord } from "./ledger.ts";
import { retrying, Timeout, type Network } from "./network.ts";
import type { PrepareRequest, StorageNode, Vote } from "./storage-node.ts";
import type { Item } from "./values.ts";

/** One action of a write transaction, resolved to the storage node that holds its item. */
export interface ItemAction extends Omit<PrepareRequest, "from" | "tx" | "ts"> {
  readonly node: string;
  readonly returnOldOnFailure: boolean;
  /** The action as the request gave it (one entry of TransactItems), for traces. */
  readonly source: unknown;
}

export interface WriteTransaction {
  readonly actions: readonly ItemAction[];
  readonly token: string | undefined;
  /** The request in canonical form: a retry with the same token must match it. */
  readonly digest: string;
}

/** The points at which a test can make a coordinator crash or pause. */
export const CRASH_POINTS = ["after-begin", "after-prepare", "after-decide", "after-first-ack"] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export class Crashed extends Error {
  constructor(id: string) {
    super(`coordinator ${id} has crashed`);
  }
}

/** Where a coordinator takes its timestamps from. Only their order matters. */
export interface Clock {
  now(): number;
}

/** The host's clock in microseconds, offset by `skewMs`, strictly increasing. */
export class WallClock implements Clock {
  #last = 0;
  readonly #skewMs: number;
  constructor(skewMs = 0) {
    this.#skewMs = skewMs;
  }

  now(): number {
    this.#last = Math.max(this.#last + 1, (Date.now() + this.#skewMs) * 1000);
    return this.#last;
  }
}

/** A counter from `start`: the model's clocks, for runs whose traces are checked against it. */
export class CounterClock implements Clock {
  #next: number;
  constructor(start: number) {
    this.#next = start;
  }

  now(): number {
    return this.#next++;
  }
}

export interface CoordinatorOptions {
  readonly id: string;
  readonly ledger: Ledger;
  readonly nodes: ReadonlyMap<string, StorageNode>;
  readonly network: Network;
  readonly clock?: Clock;
  /** A coordinator whose heartbeat is older than this is presumed dead (default 500 ms). */
  readonly leaseMs?: number;
  /** How often the sweeper looks for stalled transactions (default leaseMs / 2). */
  readonly sweepMs?: number;
  readonly bug?: Bug;
}

const TOKEN_TTL_MS = 10 * 60 * 1000;

export class Coordinator {
  readonly id: string;
  readonly #ledger: Ledger;
  readonly #nodes: ReadonlyMap<string, StorageNode>;
  readonly #network: Network;
  readonly #clock: Clock;
  readonly #leaseMs: number;
  readonly #bug: Bug | undefined;
  readonly #sweepMs: number;
  #sweeper: NodeJS.Timeout | undefined;
  readonly #faults = new Map<CrashPoint, { pauseMs: number | undefined }>();
  #crashed = false;

  constructor(options: CoordinatorOptions) {
    this.id = options.id;
    this.#ledger = options.ledger;
    this.#nodes = options.nodes;
    this.#network = options.network;
    this.#clock = options.clock ?? new WallClock();
    this.#leaseMs = options.leaseMs ?? 500;
    this.#bug = options.bug;
    this.#sweepMs = options.sweepMs ?? this.#leaseMs / 2;
    this.#startSweeper();
  }

  #startSweeper(): void {
    this.#sweeper = setInterval(() => void this.sweep().catch(() => undefined), this.#sweepMs);
    this.#sweeper.unref();
  }

  get crashed(): boolean {
    return this.#crashed;
  }

  /** Crash the next time a transaction reaches `point`. */
  crashAt(point: CrashPoint): void {
    this.#faults.set(point, { pauseMs: undefined });
  }

  /** Stop for `ms` the next time a transaction reaches `point`, then carry on as if nothing happened. */
  pauseAt(point: CrashPoint, ms: number): void {
    this.#faults.set(point, { pauseMs: ms });
  }

  crash(): void {
    this.#crashed = true;
    clearInterval(this.#sweeper);
  }

  stop(): void {
    clearInterval(this.#sweeper);
  }

  /** Comes back after a crash: a coordinator keeps nothing, so it starts afresh. */
  restart(): void {
    this.stop();
    this.#faults.clear();
    this.#crashed = false;
    this.#startSweeper();
  }

  async #reach(point: CrashPoint): Promise<void> {
    this.#alive();
    const fault = this.#faults.get(point);
    if (fault === undefined) return;
    this.#faults.delete(point);
    if (fault.pauseMs === undefined) {
      this.crash();
      throw new Crashed(this.id);
    }
    await new Promise((resolve) => setTimeout(resolve, fault.pauseMs));
  }

  #alive(): void {
    if (this.#crashed) throw new Crashed(this.id);
  }

  async transactWrite(request: WriteTransaction): Promise<Outcome> {
    this.#alive();
    const now = Date.now();
    const ts = this.#clock.now();
    if (request.token !== undefined && this.#bug !== "token-ignored") {
      const earlier = this.#ledger.byToken(request.token);
      if (earlier !== undefined && now - earlier.created < TOKEN_TTL_MS) {
        if (earlier.request !== request.digest) throw new IdempotentParameterMismatchError();
        return this.#awaitOutcome(earlier);
      }
    }
    const tx = String(this.#ledger.records().length + 1);
    const items = request.actions.map((a) => `${a.node}|${a.key}`);
    this.#ledger.begin({ tx, ts, items, token: request.token, request: request.digest, owner: this.id, heartbeat: now, created: now });
    await this.#ledger.durable();
    await this.#reach("after-begin");

    const votes = await Promise.all(request.actions.map((action) => this.#prepare(tx, ts, action)));
    await this.#reach("after-prepare");
    const yes = votes.every((v) => v.ok);
    const reasons = votes.map((v, i) => reasonFor(v, request.actions[i]));
    const outcome: Outcome = yes ? { committed: true } : { committed: false, reasons };

    if (this.#bug === "commit-before-decision") {
      await this.#sendDecision(tx, items, yes, true);
      this.#ledger.decide(tx, yes ? "COMMITTED" : "CANCELLED");
      await this.#ledger.durable();
      return this.#complete(tx, outcome);
    }
    const record = this.#ledger.decide(tx, yes ? "COMMITTED" : "CANCELLED");
    await this.#ledger.durable();
    await this.#reach("after-decide");
    const committed = record.status === "COMMITTED";
    await this.#sendDecision(tx, items, committed, true);
    return this.#complete(tx, committed === yes ? outcome : recoveredOutcome(record, committed));
  }

  async #prepare(tx: string, ts: number, action: ItemAction): Promise<Vote> {
    const node = this.#node(action.node);
    try {
      return await retrying(
        () => {
          const request = { ...action, from: this.id, tx, ts };
          return this.#network.request(this.id, node.id, "ePrepare", request, () => node.onPrepare(request));
        },
        5,
      );
    } catch (error) {
      if (error instanceof Timeout) return { ok: false, why: "unanswered", code: "TransactionConflict", item: undefined };
      throw error;
    }
  }

  /**
   * Sends the decision to every item at once, and waits until each has acknowledged it; with
   * `crashable`, a crash point sits at the first acknowledgement (the other messages are on their way).
   */
  async #sendDecision(tx: string, items: readonly string[], commit: boolean, crashable: boolean): Promise<void> {
    this.#alive();
    let acknowledged = 0;
    await Promise.all(
      items.map(async (item) => {
        const [nodeId, key] = splitItem(item);
        const node = this.#node(nodeId);
        const message = { from: this.id, tx, key };
        await retrying<unknown>(() =>
          commit
            ? this.#network.request(this.id, node.id, "eCommit", message, () => node.onCommit(message))
            : this.#network.request(this.id, node.id, "eCancel", message, () => node.onCancel(message)),
        );
        if (acknowledged++ === 0 && crashable) await this.#reach("after-first-ack");
      }),
    );
  }

  async #complete(tx: string, outcome: Outcome): Promise<Outcome> {
    this.#alive();
    const record = this.#ledger.complete(tx, outcome);
    await this.#ledger.durable();
    return record.outcome ?? outcome;
  }

  /** A retry of a transaction already in the ledger: its outcome, once it has one. */
  async #awaitOutcome(record: TxRecord): Promise<Outcome> {
    const deadline = Date.now() + 4 * this.#leaseMs;
    for (let current = record; ; current = this.#ledger.get(record.tx) ?? current) {
      if (current.completed && current.outcome !== undefined) return current.outcome;
      if (this.#stale(current)) return this.recover(current);
      if (Date.now() > deadline) throw new TransactionInProgressError();
      await new Promise((resolve) => setTimeout(resolve, this.#leaseMs / 5));
      this.#alive();
    }
  }

  #stale(record: TxRecord): boolean {
    return !record.completed && Date.now() - record.heartbeat > this.#leaseMs;
  }

  /** Finishes every transaction whose coordinator stopped beating. */
  async sweep(): Promise<void> {
    if (this.#crashed) return;
    for (const record of this.#ledger.records()) {
      if (record.owner !== this.id && this.#stale(record)) {
        try {
          await this.recover(record);
        } catch (error) {
          if (!(error instanceof LedgerConflict || error instanceof Crashed || error instanceof Timeout)) throw error;
        }
      }
    }
  }

  /** Takes a stalled transaction over and drives it to its end. */
  async recover(record: TxRecord): Promise<Outcome> {
    this.#alive();
    let current = this.#ledger.takeOver(record.tx, this.id, record.epoch, Date.now());
    await this.#ledger.durable();
    if (current.status === "PENDING") {
      current = this.#ledger.decide(current.tx, "CANCELLED");
      await this.#ledger.durable();
    }
    const committed = current.status === "COMMITTED";
    await this.#sendDecision(current.tx, current.items, committed, false);
    return this.#complete(current.tx, recoveredOutcome(current, committed));
  }

  #node(id: string): StorageNode {
    const node = this.#nodes.get(id);
    if (node === undefined) throw new InternalServerError(`no storage node ${id}`);
    return node;
  }
}

function splitItem(item: string): [string, string] {
  const bar = item.indexOf("|");
  return [item.slice(0, bar), item.slice(bar + 1)];
}

function reasonFor(vote: Vote, action: ItemAction): CancellationReason {
  if (vote.ok) return cancellationReason("None");
  const item: Item | undefined = action.returnOldOnFailure && vote.code === "ConditionalCheckFailed" ? vote.item : undefined;
  return cancellationReason(vote.code, item);
}

/** The outcome of a transaction whose decision this coordinator did not make itself. */
function recoveredOutcome(record: TxRecord, committed: boolean): Outcome {
  if (committed) return { committed: true };
  return { committed: false, reasons: record.items.map(() => cancellationReason("TransactionConflict")) };
}

/** The error a client gets for an outcome that is not a commit. */
export function outcomeError(outcome: Outcome): TransactionCanceledError | undefined {
  return outcome.committed ? undefined : new TransactionCanceledError(outcome.reasons as CancellationReason[]);
}
