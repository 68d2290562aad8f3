// A source of choices for generators written as ordinary recursive code. fast-check produces the
// array of numbers; the generator reads one number per decision. Every decision is arranged so
// that 0 means its simplest outcome (stop the list, take the leaf, skip the option), and an
// exhausted array reads as zeros: when fast-check shrinks the array (shorter, smaller numbers) the
// generated program shrinks with it, as in Hypothesis' choice sequences.
import fc from "fast-check";

export class Choices {
  private readonly values: ArrayLike<number>;
  private next = 0;

  constructor(values: ArrayLike<number>) {
    this.values = values;
  }

  private draw(): number {
    return this.next < this.values.length ? this.values[this.next++] : 0;
  }

  /** 0 .. n-1; 0 is the simplest. */
  int(n: number): number {
    return n <= 1 ? 0 : this.draw() % n;
  }

  /** True with probability about p; false (the simpler outcome) when the choices run out. */
  chance(p: number): boolean {
    return this.draw() % 10_000 >= (1 - p) * 10_000;
  }

  /** One of the items; the first is the simplest. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(items.length)];
  }

  /** One of the items, or undefined when there are none. */
  maybePick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : this.pick(items);
  }
}

/** The arbitrary that feeds a `Choices`: typed arrays generate far faster than arrays of numbers. */
export function choiceArray(minLength: number, maxLength: number): fc.Arbitrary<Uint32Array> {
  return fc.uint32Array({ minLength, maxLength, size: "max" });
}
