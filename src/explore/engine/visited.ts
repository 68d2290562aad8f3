// The set of visited states, kept as fingerprints in an open-addressing hash table made of typed
// arrays. V8's Map and Set stop at 2^24 entries and cost tens of bytes per entry; this table costs
// 8 bytes per slot (two 32-bit fingerprint lanes, interleaved so that one probe reads one cache
// line) and grows by rehashing into a table twice the size.
//
// Each state gets a dense index in the order it was first seen (0, 1, 2, ...). For each index the
// set keeps the parent's index and the ordinal of the emission that led to it, so a trace is
// rebuilt by walking parents and replaying ordinals; these two words live in fixed-size pages, so
// growing never copies them and never over-allocates by more than one page. The index of the state
// in each slot is kept only when asked (`keepIndex`), because it is needed only to record edges
// for liveness, where a successor that was already visited must be named.
//
// Linear probing on lane A, which the fingerprint guarantees is never 0; 0 marks an empty slot.

const MAX_LOAD = 0.75;
const PAGE_BITS = 15;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

export interface VisitedOptions {
  /** Expected number of states; the table starts large enough for it. */
  readonly initialCapacity?: number;
  /** Keep each slot's state index, so that `foundIndex` names states that were already seen. */
  readonly keepIndex?: boolean;
}

export class VisitedSet {
  /** Number of distinct states added. */
  count = 0;
  /** After `add` returned -1: the index of the state that was already there (if `keepIndex`). */
  foundIndex = -1;

  private slots: Int32Array;
  private slotIndex: Int32Array | null;
  private mask: number;
  private limit: number;
  /** Pages of [parent, ordinal] pairs, PAGE_SIZE states each. */
  private readonly pages: Int32Array[] = [];

  constructor(options: VisitedOptions = {}) {
    const wanted = Math.max(16, Math.ceil((options.initialCapacity ?? 1 << 16) / MAX_LOAD));
    let capacity = 16;
    while (capacity < wanted) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.slotIndex = options.keepIndex === true ? new Int32Array(capacity) : null;
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * MAX_LOAD);
  }

  /**
   * Adds the fingerprint (`lo` must not be 0) unless present. Returns the new state's index, or
   * -1 when the state was already visited (then `foundIndex` says which, if `keepIndex`).
   */
  add(lo: number, hi: number, parent: number, ordinal: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = lo & mask;
    for (;;) {
      const at = slot << 1;
      const l = slots[at];
      if (l === 0) break;
      if (l === lo && slots[at + 1] === hi) {
        if (this.slotIndex !== null) this.foundIndex = this.slotIndex[slot];
        return -1;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.count;
    slots[slot << 1] = lo;
    slots[(slot << 1) + 1] = hi;
    if (this.slotIndex !== null) this.slotIndex[slot] = index;
    const page = index >>> PAGE_BITS;
    if (page === this.pages.length) this.pages.push(new Int32Array(PAGE_SIZE * 2));
    const inPage = (index & PAGE_MASK) << 1;
    const p = this.pages[page];
    p[inPage] = parent;
    p[inPage + 1] = ordinal;
    this.count = index + 1;
    if (this.count >= this.limit) this.grow();
    return index;
  }

  /** Whether the fingerprint is present, without adding it. */
  has(lo: number, hi: number): boolean {
    const slots = this.slots;
    let slot = lo & this.mask;
    for (;;) {
      const at = slot << 1;
      const l = slots[at];
      if (l === 0) return false;
      if (l === lo && slots[at + 1] === hi) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The index of the state that first reached state `index`, or -1 for an initial state. */
  parentOf(index: number): number {
    return this.pages[index >>> PAGE_BITS][(index & PAGE_MASK) << 1];
  }

  /** The ordinal of the emission (of the parent, or of `Model.initial`) that reached `index`. */
  ordinalOf(index: number): number {
    return this.pages[index >>> PAGE_BITS][((index & PAGE_MASK) << 1) + 1];
  }

  /** Bytes held by the table and the parent pages. */
  bytes(): number {
    return this.slots.byteLength + (this.slotIndex?.byteLength ?? 0) + this.pages.length * PAGE_SIZE * 8;
  }

  /** Slots in the table (a power of two). */
  capacity(): number {
    return this.mask + 1;
  }

  private grow(): void {
    const old = this.slots;
    const oldIndex = this.slotIndex;
    const capacity = (this.mask + 1) * 2;
    const mask = capacity - 1;
    const slots = new Int32Array(capacity * 2);
    const slotIndex = oldIndex === null ? null : new Int32Array(capacity);
    for (let s = 0; s < old.length; s += 2) {
      const lo = old[s];
      if (lo === 0) continue;
      let slot = lo & mask;
      while (slots[slot << 1] !== 0) slot = (slot + 1) & mask;
      slots[slot << 1] = lo;
      slots[(slot << 1) + 1] = old[s + 1];
      if (slotIndex !== null && oldIndex !== null) slotIndex[slot] = oldIndex[s >>> 1];
    }
    this.slots = slots;
    this.slotIndex = slotIndex;
    this.mask = mask;
    this.limit = Math.floor(capacity * MAX_LOAD);
  }
}
