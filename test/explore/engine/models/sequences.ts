// A FIFO queue of symbols as the whole state, encoded with a variable length: the state is the
// queue's contents, from empty up to `maxLength` words. A producer appends any of `alphabet`
// symbols, a consumer drops the head. Distinct states: all sequences of length <= maxLength,
// sum of alphabet^k. Exercises states of different lengths, the empty state, and states longer
// than the engine's initial scratch buffers. With `overflowAt`, an append that would reach that
// length fails instead.
import type { Model, SuccessorSink } from "../../../../src/explore/engine/index.ts";

export class Sequences implements Model {
  readonly name: string;
  readonly monitorCount = 0;
  private readonly alphabet: number;
  private readonly maxLength: number;
  private readonly overflowAt: number;
  private readonly scratch: Int32Array;

  constructor(alphabet: number, maxLength: number, overflowAt = Number.POSITIVE_INFINITY) {
    this.alphabet = alphabet;
    this.maxLength = maxLength;
    this.overflowAt = overflowAt;
    this.scratch = new Int32Array(maxLength);
    this.name = `sequences over ${alphabet} symbols up to length ${maxLength}`;
  }

  initial(out: SuccessorSink): void {
    out.next(0, 0, this.scratch, 0);
  }

  successors(state: Int32Array, length: number, out: SuccessorSink): void {
    const s = this.scratch;
    if (length < this.maxLength) {
      for (let i = 0; i < length; i++) s[i] = state[i];
      for (let symbol = 0; symbol < this.alphabet; symbol++) {
        if (length + 1 === this.overflowAt) {
          out.fail(symbol, 0, "assertion", `queue overflow at length ${length + 1}`);
          continue;
        }
        s[length] = symbol;
        out.next(symbol, 0, s, length + 1);
      }
    }
    if (length > 0) {
      for (let i = 1; i < length; i++) s[i - 1] = state[i];
      out.next(this.alphabet, 1, s, length - 1);
    }
  }

  acceptableEnd(): boolean {
    return true;
  }

  hot(): void {}

  initialLabel(): string {
    return "empty";
  }

  actionLabel(_state: Int32Array, _length: number, action: number): string {
    return action === this.alphabet ? "drop" : `append ${action}`;
  }

  processLabel(p: number): string {
    return p === 0 ? "producer" : "consumer";
  }

  monitorLabel(m: number): string {
    return `m${m}`;
  }
}
