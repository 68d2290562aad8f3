// Two processes and two locks, taken in opposite orders: process 0 takes A then B, process 1 takes
// B then A, and each releases both before starting again. The textbook deadlock: each holds one
// lock and waits for the other. State: [pc0, pc1, holderA, holderB], pc 0 = about to take the
// first lock, 1 = about to take the second, 2 = about to release; holder -1 = free.
import type { Model, SuccessorSink } from "../../../../src/explore/engine/index.ts";

const FREE = -1;
const ACTIONS = ["take first", "take second", "release"] as const;

export class Locks implements Model {
  readonly name = "locks";
  readonly monitorCount = 0;
  private readonly scratch = new Int32Array(4);

  initial(out: SuccessorSink): void {
    this.scratch.set([0, 0, FREE, FREE]);
    out.next(0, 0, this.scratch, 4);
  }

  successors(state: Int32Array, _length: number, out: SuccessorSink): void {
    for (let p = 0; p < 2; p++) {
      const first = p === 0 ? 2 : 3; // the lock process p takes first (index into the state)
      const second = p === 0 ? 3 : 2;
      const pc = state[p];
      const s = this.scratch;
      s.set(state.subarray(0, 4));
      if (pc === 0 && state[first] === FREE) {
        s[first] = p;
        s[p] = 1;
      } else if (pc === 1 && state[second] === FREE) {
        s[second] = p;
        s[p] = 2;
      } else if (pc === 2) {
        s[first] = FREE;
        s[second] = FREE;
        s[p] = 0;
      } else {
        continue;
      }
      out.next(p * 3 + pc, p, s, 4);
    }
  }

  acceptableEnd(): boolean {
    return false;
  }

  hot(): void {}

  initialLabel(): string {
    return "start";
  }

  actionLabel(_state: Int32Array, _length: number, action: number): string {
    return `P${Math.floor(action / 3)} ${ACTIONS[action % 3]}`;
  }

  processLabel(p: number): string {
    return `P${p}`;
  }

  monitorLabel(m: number): string {
    return `m${m}`;
  }
}
