// The Z3 service: one worker thread running Z3, one query at a time. Each query has a timeout that Z3
// enforces itself; if Z3 does not answer within a grace period after it, or the worker dies, the
// worker is terminated and the query is unknown. The worker is replaced after many queries (Z3's
// WebAssembly heap only grows) and after a crash. Between queries the worker does not keep the
// process alive, and `close` ends it, so `pith prove` exits as soon as it is done.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export interface WorkerRequest {
  readonly id: number;
  readonly script: string;
  readonly assumptions: readonly string[];
  /** Terms whose values to report when the query is satisfiable. */
  readonly values: readonly string[];
  readonly timeoutMs: number;
  /** Have Z3 minimise unsat cores (slower; see ServiceOptions). */
  readonly minimalCores: boolean;
}

export type WorkerReply =
  | { readonly id: number; readonly status: "unsat"; readonly core: readonly string[]; readonly ms: number }
  | { readonly id: number; readonly status: "sat"; readonly values: string | undefined; readonly ms: number }
  | { readonly id: number; readonly status: "unknown" | "error"; readonly message: string; readonly ms: number };

export type SolverAnswer = WorkerReply extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

export interface SolverQuery {
  readonly script: string;
  readonly assumptions: readonly string[];
  readonly values: readonly string[];
  /** A shorter time limit than the service's, for a query that is only worth a quick try. */
  readonly timeoutMs?: number;
}

/** Anything that answers queries: the Z3 service, or the cache in front of it. */
export interface Solver {
  check(query: SolverQuery): Promise<SolverAnswer>;
  close(): Promise<void>;
}

/** The version of Z3 in the installed z3-solver package (part of every cache key). */
export function z3Version(): string {
  try {
    const require = createRequire(import.meta.url);
    const path = require.resolve("z3-solver/package.json");
    return `z3-solver ${(JSON.parse(readFileSync(path, "utf8")) as { version: string }).version}`;
  } catch {
    return "z3-solver unknown";
  }
}

export interface ServiceOptions {
  readonly timeoutMs: number;
  /** Queries before the worker is replaced. */
  readonly recycleAfter?: number;
  /** Extra time Z3 gets past its own timeout before the worker is terminated. */
  readonly graceMs?: number;
  /**
   * Have Z3 minimise each unsat core, so that the helpers a proof is said to use are as few as
   * they can be. Minimising costs much of a proof's time on quantified invariants, so by default a
   * core is whatever Z3 finds: still helpers that suffice, sometimes more of them than needed.
   */
  readonly minimalCores?: boolean;
}

interface Pending {
  readonly request: WorkerRequest;
  readonly resolve: (answer: SolverAnswer) => void;
}

export class Z3Service implements Solver {
  private readonly options: ServiceOptions;
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private served = 0;
  private nextId = 1;
  private readonly queue: Pending[] = [];
  private running: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** How many workers were started (for tests and statistics). */
  workersStarted = 0;
  queries = 0;

  constructor(options: ServiceOptions) {
    this.options = options;
  }

  check(query: SolverQuery): Promise<SolverAnswer> {
    return new Promise((resolve) => {
      const timeoutMs = Math.min(query.timeoutMs ?? this.options.timeoutMs, this.options.timeoutMs);
      const request: WorkerRequest = { id: this.nextId++, ...query, timeoutMs, minimalCores: this.options.minimalCores ?? false };
      this.queue.push({ request, resolve });
      this.pump();
    });
  }

  private start(): void {
    this.workersStarted++;
    const worker = new Worker(new URL("./z3-worker.ts", import.meta.url));
    this.worker = worker;
    this.served = 0;
    this.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (m.ready === true) {
          worker.off("message", onMessage);
          resolve();
        }
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.once("exit", () => reject(new Error("the Z3 worker stopped while starting")));
    });
    worker.on("message", (reply: WorkerReply | { ready: true }) => {
      if ("ready" in reply) return;
      this.finish(reply);
    });
    worker.on("error", (error) => this.crashed(worker, error.message));
    worker.on("exit", (code) => this.crashed(worker, `the Z3 worker exited (code ${code})`));
  }

  private pump(): void {
    if (this.running !== undefined || this.queue.length === 0) return;
    const next = this.queue.shift()!;
    this.running = next;
    if (this.worker === undefined || this.served >= (this.options.recycleAfter ?? 500)) {
      void this.stopWorker();
      this.start();
    }
    const worker = this.worker!;
    worker.ref();
    this.served++;
    this.queries++;
    this.ready!.then(
      () => {
        if (this.running !== next || this.worker !== worker) return;
        worker.postMessage(next.request);
        const limit = next.request.timeoutMs + (this.options.graceMs ?? 5000);
        this.timer = setTimeout(() => {
          if (this.running !== next) return;
          void this.stopWorker();
          this.answer({ status: "unknown", message: "timeout (Z3 did not come back)", ms: limit });
        }, limit);
      },
      (error: Error) => {
        if (this.running !== next) return;
        this.worker = undefined;
        this.answer({ status: "error", message: `Z3 could not start: ${error.message}`, ms: 0 });
      },
    );
  }

  private finish(reply: WorkerReply): void {
    if (this.running === undefined || this.running.request.id !== reply.id) return;
    const { id: _id, ...answer } = reply;
    this.answer(answer as SolverAnswer);
  }

  private answer(answer: SolverAnswer): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const done = this.running;
    this.running = undefined;
    if (this.queue.length === 0) this.worker?.unref();
    done?.resolve(answer);
    this.pump();
  }

  private crashed(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (this.running !== undefined) this.answer({ status: "error", message: `Z3 crashed: ${message}`, ms: 0 });
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker !== undefined) await worker.terminate();
  }

  async close(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const p of this.queue.splice(0)) p.resolve({ status: "unknown", message: "the prover was closed", ms: 0 });
    await this.stopWorker();
  }
}
