// The word-level plumbing of state encodings: a growable buffer of 32-bit words to write into, a
// cursor to read them back, and the table that turns strings into small integers so that a string
// costs one word. The codecs in encode.ts are built on these.

// A float64 is written as its two 32-bit halves, through one scratch buffer viewed both ways.
const floatScratch = new Float64Array(1);
const floatWords = new Int32Array(floatScratch.buffer);

/** A growable buffer of 32-bit words; `words[0..length)` is what was written since `reset`. */
export class Writer {
  words: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    this.words = new Int32Array(Math.max(capacity, 4));
  }

  reset(): void {
    this.length = 0;
  }

  push(word: number): void {
    if (this.length === this.words.length) this.grow();
    this.words[this.length++] = word;
  }

  /**
   * A float64 as two words. -0 is written as 0 and every NaN as the same NaN, because
   * `compareValues` treats them as equal and equal values must have equal words.
   */
  pushFloat(x: number): void {
    if (this.length + 2 > this.words.length) this.grow();
    floatScratch[0] = x === 0 ? 0 : x !== x ? NaN : x;
    this.words[this.length++] = floatWords[0];
    this.words[this.length++] = floatWords[1];
  }

  /**
   * Room for `count` more words after the first `at`, which are kept: sets the length to `at` and
   * returns the (possibly new) array. Generated writers store words themselves and call this
   * only when the array is full.
   */
  reserve(at: number, count: number): Int32Array {
    this.length = at;
    while (at + count > this.words.length) this.grow();
    return this.words;
  }

  /** A copy of the words written so far. */
  toArray(): Int32Array {
    return this.words.slice(0, this.length);
  }

  private grow(): void {
    const bigger = new Int32Array(this.words.length * 2);
    bigger.set(this.words);
    this.words = bigger;
  }
}

/** Reads words in order from `words`, starting at `pos`. */
export class Reader {
  words: Int32Array;
  pos: number;

  constructor(words: Int32Array, pos = 0) {
    this.words = words;
    this.pos = pos;
  }

  next(): number {
    return this.words[this.pos++];
  }

  /** A float64 written by `Writer.pushFloat`. */
  nextFloat(): number {
    floatWords[0] = this.words[this.pos++];
    floatWords[1] = this.words[this.pos++];
    return floatScratch[0];
  }
}

/**
 * Strings interned to 0, 1, 2, ... in the order they are first seen. Within one run a string
 * always has the same id, which is all a canonical encoding needs; the numbering depends on the
 * order of exploration, which is deterministic.
 */
export class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  /** The id of `s`, numbering it if it is new. */
  id(s: string): number {
    const known = this.ids.get(s);
    if (known !== undefined) return known;
    const fresh = this.strings.length;
    this.ids.set(s, fresh);
    this.strings.push(s);
    return fresh;
  }

  /** The string numbered `id`. */
  get(id: number): string {
    const s = this.strings[id];
    if (s === undefined) throw new RangeError(`no string has id ${id}`);
    return s;
  }

  /** How many strings have been numbered. */
  get size(): number {
    return this.strings.length;
  }
}
