// Where full states wait to be expanded. Only the frontier holds whole states (the visited set
// holds fingerprints), so it is the part of memory that tracks the width of the search. Both
// shapes pack entries into one growable Int32Array: no object per state, and a state is copied
// once on the way in and once on the way out.

/** Anything new states can be pushed into. */
export interface Frontier {
  push(index: number, depth: number, state: Int32Array, length: number): void;
}

function grown(data: Int32Array, needed: number): Int32Array {
  let capacity = data.length * 2;
  while (capacity < needed) capacity *= 2;
  const next = new Int32Array(capacity);
  next.set(data);
  return next;
}

/**
 * The BFS queue, one level at a time: states are read from the current level and pushed to the
 * next one; `nextLevel` makes the next level current. Entries are [index, length, words...]; all
 * entries of a level have the same depth, so depth is not stored. Two buffers are swapped rather
 * than one ring, so a level is read front to back with no wrap-around.
 */
export class LevelQueue implements Frontier {
  /** Entries of the current level not yet read. */
  currentSize = 0;
  /** Entries pushed to the next level. */
  nextSize = 0;
  private current: Int32Array;
  private read = 0;
  private next: Int32Array;
  private nextEnd = 0;

  constructor(initialWords = 1 << 12) {
    this.current = new Int32Array(initialWords);
    this.next = new Int32Array(initialWords);
  }

  push(index: number, _depth: number, state: Int32Array, length: number): void {
    const end = this.nextEnd;
    if (end + length + 2 > this.next.length) this.next = grown(this.next, end + length + 2);
    const data = this.next;
    data[end] = index;
    data[end + 1] = length;
    for (let i = 0; i < length; i++) data[end + 2 + i] = state[i];
    this.nextEnd = end + length + 2;
    this.nextSize++;
  }

  /** Length of the entry that `shift` returns next. */
  peekLength(): number {
    return this.current[this.read + 1];
  }

  /**
   * Copies the next entry of the current level into `into` (which must hold `peekLength()` words)
   * and returns its index.
   */
  shift(into: Int32Array): number {
    const data = this.current;
    const at = this.read;
    const index = data[at];
    const length = data[at + 1];
    for (let i = 0; i < length; i++) into[i] = data[at + 2 + i];
    this.read = at + length + 2;
    this.currentSize--;
    return index;
  }

  /** Makes the next level current (the current one must have been read) and starts a new next. */
  nextLevel(): void {
    const spent = this.current;
    this.current = this.next;
    this.currentSize = this.nextSize;
    this.read = 0;
    this.next = spent;
    this.nextEnd = 0;
    this.nextSize = 0;
  }

  /** Bytes held. */
  bytes(): number {
    return this.current.byteLength + this.next.byteLength;
  }
}

/**
 * The DFS stack: entries [words..., length, depth, index], so that the top entry can be found
 * from the end.
 */
export class StateStack implements Frontier {
  /** Entries on the stack. */
  size = 0;
  private data: Int32Array;
  private top = 0;

  constructor(initialWords = 1 << 12) {
    this.data = new Int32Array(initialWords);
  }

  push(index: number, depth: number, state: Int32Array, length: number): void {
    const top = this.top;
    if (top + length + 3 > this.data.length) this.data = grown(this.data, top + length + 3);
    const data = this.data;
    for (let i = 0; i < length; i++) data[top + i] = state[i];
    data[top + length] = length;
    data[top + length + 1] = depth;
    data[top + length + 2] = index;
    this.top = top + length + 3;
    this.size++;
  }

  /** Length of the top entry. */
  peekLength(): number {
    return this.data[this.top - 3];
  }

  /** Depth of the top entry. */
  peekDepth(): number {
    return this.data[this.top - 2];
  }

  /** Pops the top entry, copying its words into `into`; returns its index. */
  pop(into: Int32Array): number {
    const data = this.data;
    const top = this.top;
    const length = data[top - 3];
    const index = data[top - 1];
    const start = top - 3 - length;
    for (let i = 0; i < length; i++) into[i] = data[start + i];
    this.top = start;
    this.size--;
    return index;
  }

  /** Bytes held. */
  bytes(): number {
    return this.data.byteLength;
  }
}
