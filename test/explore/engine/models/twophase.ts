// Two-phase commit, as in the classic TLA+ specification, written directly against the engine's
// model interface: the reference workload for the engine's state counts and speed.
//
// Resource managers (RMs) are each working, prepared, committed or aborted. The transaction
// manager (TM) is init, committed or aborted, and records which RMs it knows to be prepared.
// Messages are a set that only grows: Prepared(rm), Commit and Abort. Steps:
//   TMRcvPrepared(rm)   TM in init, Prepared(rm) sent: add rm to the prepared set
//   TMCommit            TM in init, every RM prepared: TM committed, send Commit
//   TMAbort             TM in init: TM aborted, send Abort
//   RMPrepare(rm)       rm working: rm prepared, send Prepared(rm)
//   RMChooseToAbort(rm) rm working: rm aborted
//   RMRcvCommitMsg(rm)  Commit sent: rm committed
//   RMRcvAbortMsg(rm)   Abort sent: rm aborted
// Every enabled step is emitted, including those that change nothing (as in TLA+). The invariant
// TCConsistent (no RM committed while another aborted) is checked on every successor. The
// `commitEarly` variant lets the TM commit without waiting for the RMs, which breaks it.
//
// State words: [rm_0 .. rm_{n-1}, tm, prepared (bit per RM), msgs (bit per Prepared(rm), then
// bit n for Commit, bit n + 1 for Abort)]. Processes: 0 the TM, 1 + rm each RM.
import type { Model, SuccessorSink } from "../../../../src/explore/engine/index.ts";

export const WORKING = 0;
export const PREPARED = 1;
export const COMMITTED = 2;
export const ABORTED = 3;
const TM_INIT = 0;
const TM_COMMITTED = 1;
const TM_ABORTED = 2;

const TM_COMMIT = 0;
const TM_ABORT = 1;
const RM_STEPS = ["TMRcvPrepared", "RMPrepare", "RMChooseToAbort", "RMRcvCommitMsg", "RMRcvAbortMsg"] as const;

export class TwoPhase implements Model {
  readonly name: string;
  readonly monitorCount = 0;
  private readonly n: number;
  private readonly commitEarly: boolean;
  private readonly width: number;
  private readonly next: Int32Array;

  constructor(rms: number, options: { commitEarly?: boolean } = {}) {
    this.n = rms;
    this.commitEarly = options.commitEarly === true;
    this.width = rms + 3;
    this.next = new Int32Array(this.width);
    this.name = `two-phase commit, ${rms} RMs${this.commitEarly ? " (commits early)" : ""}`;
  }

  initial(out: SuccessorSink): void {
    this.next.fill(0);
    out.next(0, 0, this.next, this.width);
  }

  successors(state: Int32Array, _length: number, out: SuccessorSink): void {
    const n = this.n;
    const tm = state[n];
    const prepared = state[n + 1];
    const msgs = state[n + 2];
    const all = (1 << n) - 1;
    const commitSent = (msgs >>> n) & 1;
    const abortSent = (msgs >>> (n + 1)) & 1;
    if (tm === TM_INIT && (prepared === all || this.commitEarly)) {
      this.emit(state, out, TM_COMMIT, 0, -1, 0, TM_COMMITTED, prepared, msgs | (1 << n));
    }
    if (tm === TM_INIT) {
      this.emit(state, out, TM_ABORT, 0, -1, 0, TM_ABORTED, prepared, msgs | (1 << (n + 1)));
    }
    for (let rm = 0; rm < n; rm++) {
      const base = 2 + rm * 5;
      const bit = 1 << rm;
      const rs = state[rm];
      if (tm === TM_INIT && (msgs & bit) !== 0) {
        this.emit(state, out, base, 0, -1, 0, tm, prepared | bit, msgs);
      }
      if (rs === WORKING) {
        this.emit(state, out, base + 1, 1 + rm, rm, PREPARED, tm, prepared, msgs | bit);
        this.emit(state, out, base + 2, 1 + rm, rm, ABORTED, tm, prepared, msgs);
      }
      if (commitSent === 1) this.emit(state, out, base + 3, 1 + rm, rm, COMMITTED, tm, prepared, msgs);
      if (abortSent === 1) this.emit(state, out, base + 4, 1 + rm, rm, ABORTED, tm, prepared, msgs);
    }
  }

  /** Emits `state` with RM `rm` (if >= 0) set to `rs` and the TM words replaced. */
  private emit(
    state: Int32Array,
    out: SuccessorSink,
    action: number,
    process: number,
    rm: number,
    rs: number,
    tm: number,
    prepared: number,
    msgs: number,
  ): void {
    const n = this.n;
    const next = this.next;
    let committed = false;
    let aborted = false;
    for (let i = 0; i < n; i++) {
      const v = i === rm ? rs : state[i];
      next[i] = v;
      committed ||= v === COMMITTED;
      aborted ||= v === ABORTED;
    }
    if (committed && aborted) {
      out.fail(action, process, "assertion", "TCConsistent: one resource manager committed and another aborted");
      return;
    }
    next[n] = tm;
    next[n + 1] = prepared;
    next[n + 2] = msgs;
    out.next(action, process, next, this.width);
  }

  acceptableEnd(): boolean {
    return true;
  }

  hot(): void {}

  initialLabel(): string {
    return "Init";
  }

  actionLabel(_state: Int32Array, _length: number, action: number): string {
    if (action === TM_COMMIT) return "TMCommit";
    if (action === TM_ABORT) return "TMAbort";
    const k = action - 2;
    return `${RM_STEPS[k % 5]}(rm${Math.floor(k / 5)})`;
  }

  processLabel(p: number): string {
    return p === 0 ? "TM" : `rm${p - 1}`;
  }

  monitorLabel(m: number): string {
    return `m${m}`;
  }
}
