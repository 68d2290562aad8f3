// Recording a history from TypeScript: a test drives concurrent clients against a service and
// calls `invoke` before each request and `ok`, `fail` or `info` on the handle when it ends. The
// recorder keeps the events in memory and, when given a file, appends each as one line the moment
// it happens, so a history survives a crash of the test. `pith history` and `checkHistory` read
// what it writes.
import { appendFileSync, writeFileSync } from "node:fs";
import {
  formatEvent,
  type CompletionType,
  type HistoryEvent,
  type JsonValue,
  type OperationTable,
  type ProcessId,
} from "./format.ts";

export interface RecorderOptions {
  /** Write the history to this file as well (it is truncated first). */
  readonly file?: string;
  /**
   * The time stamped on each event. By default a counter that goes up by one per event, which is
   * enough: only the order of events matters. Pass `() => performance.now()` for real times.
   */
  readonly clock?: () => number;
}

/** An operation that has been invoked and not yet completed. Complete it exactly once. */
export interface PendingOperation<Result extends JsonValue = JsonValue> {
  readonly id: number;
  /** It took effect and returned `result`. */
  ok(result: Result): void;
  /** It certainly did not take effect (the service said so). */
  fail(error?: string): void;
  /** Unknown whether it took effect: a timeout, a lost connection, a crash. */
  info(error?: string): void;
}

/**
 * Records invocations and completions. `Ops` types the operations, e.g.
 * `new HistoryRecorder<KvOperations>()`; without it any name and JSON arguments are accepted.
 */
export class HistoryRecorder<Ops extends OperationTable = OperationTable> {
  private readonly recorded: HistoryEvent[] = [];
  private readonly file: string | undefined;
  private readonly clock: () => number;
  private readonly open = new Map<ProcessId, number>();
  private nextId = 1;
  private ticks = 0;
  private lastTime = -Infinity;

  constructor(options: RecorderOptions = {}) {
    this.file = options.file;
    this.clock = options.clock ?? (() => this.ticks++);
    if (this.file !== undefined) writeFileSync(this.file, "");
  }

  /** The events recorded so far, in order. */
  get events(): readonly HistoryEvent[] {
    return this.recorded;
  }

  /** The history as NDJSON text, as it is written to the file. */
  text(): string {
    return this.recorded.map((e) => formatEvent(e) + "\n").join("");
  }

  /** `process` starts `op`. A process may have only one operation open at a time. */
  invoke<Op extends keyof Ops & string>(process: ProcessId, op: Op, args: Ops[Op]["args"]): PendingOperation<Ops[Op]["result"]> {
    const open = this.open.get(process);
    if (open !== undefined) throw new Error(`process ${JSON.stringify(process)} already has operation ${open} open; complete it first`);
    const id = this.nextId++;
    this.open.set(process, id);
    this.append({ type: "invoke", id, process, time: this.now(), op, args });
    let done = false;
    const complete = (type: CompletionType, extra: { result?: JsonValue; error?: string }) => {
      if (done) throw new Error(`operation ${id} of process ${JSON.stringify(process)} was already completed`);
      done = true;
      this.open.delete(process);
      this.append({ type, id, process, time: this.now(), ...extra });
    };
    return {
      id,
      ok: (result) => complete("ok", { result }),
      fail: (error) => complete("fail", error === undefined ? {} : { error }),
      info: (error) => complete("info", error === undefined ? {} : { error }),
    };
  }

  private now(): number {
    // A clock that goes backwards (a wall clock adjusted) would make the history unreadable.
    const t = Math.max(this.clock(), this.lastTime);
    this.lastTime = t;
    return t;
  }

  private append(event: HistoryEvent): void {
    this.recorded.push(event);
    if (this.file !== undefined) appendFileSync(this.file, formatEvent(event) + "\n");
  }
}
