// A liveness model: a client makes a request, a server serves it, and something toggles a "spin"
// bit forever. The monitor "Responsive" is hot while a request is pending. Who spins decides the
// verdict under weak fairness per process:
//   - the server spins: the server moves on the hot cycle, so the cycle is fair and the request
//     may wait forever (a violation);
//   - a separate noise process spins: the server is enabled on every state of the hot cycle and
//     never moves, so the cycle is unfair and nothing is reported;
//   - nobody spins and the server never serves: the pending request is hot at a terminal state.
// State: [pending, spin]. Processes: 0 client, 1 server, 2 noise.
import type { Model, SuccessorSink } from "../../../../src/explore/engine/index.ts";

export type Spin = "server" | "noise" | "none";

const REQUEST = 0;
const SERVE = 1;
const SPIN = 2;
const NOISE = 3;
const LABELS = ["request", "serve", "spin", "noise"] as const;

export class Spinner implements Model {
  readonly name: string;
  readonly monitorCount = 1;
  private readonly spin: Spin;
  private readonly serves: boolean;
  private readonly scratch = new Int32Array(2);

  constructor(spin: Spin, serves = true) {
    this.spin = spin;
    this.serves = serves;
    this.name = `spinner (${spin} spins${serves ? "" : ", server never serves"})`;
  }

  initial(out: SuccessorSink): void {
    this.scratch[0] = 0;
    this.scratch[1] = 0;
    out.next(0, 0, this.scratch, 2);
  }

  successors(state: Int32Array, _length: number, out: SuccessorSink): void {
    const [pending, spin] = state;
    if (pending === 0) this.emit(out, REQUEST, 0, 1, spin);
    if (pending === 1 && this.serves) this.emit(out, SERVE, 1, 0, spin);
    if (this.spin === "server") this.emit(out, SPIN, 1, pending, 1 - spin);
    if (this.spin === "noise") this.emit(out, NOISE, 2, pending, 1 - spin);
  }

  private emit(out: SuccessorSink, action: number, process: number, pending: number, spin: number): void {
    this.scratch[0] = pending;
    this.scratch[1] = spin;
    out.next(action, process, this.scratch, 2);
  }

  acceptableEnd(): boolean {
    return true;
  }

  hot(state: Int32Array, _length: number, out: Uint32Array): void {
    out[0] = state[0] === 1 ? 1 : 0;
  }

  initialLabel(): string {
    return "start";
  }

  actionLabel(_state: Int32Array, _length: number, action: number): string {
    return LABELS[action];
  }

  processLabel(p: number): string {
    return ["client", "server", "noise"][p] ?? `p${p}`;
  }

  monitorLabel(): string {
    return "Responsive";
  }
}
