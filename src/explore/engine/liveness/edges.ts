// The explored state graph, recorded only when liveness is checked: for every expanded state, its
// outgoing edges (target state index, emission ordinal, process that moved) and its hot-monitor
// flags. Edges of one state are contiguous, so the graph is a compressed adjacency list built in
// expansion order (any order: BFS and DFS both work). 12 bytes per edge, 8 + 4·words per state.

function grownInt32(data: Int32Array, needed: number, fill: number): Int32Array {
  let capacity = Math.max(16, data.length * 2);
  while (capacity < needed) capacity *= 2;
  const next = new Int32Array(capacity);
  next.set(data);
  if (fill !== 0) next.fill(fill, data.length);
  return next;
}

export class EdgeStore {
  /** Highest process id seen on an edge, or -1. */
  maxProcess = -1;
  /** Edges recorded. */
  edgeCount = 0;
  /** Words of hot flags per state. */
  readonly hotWords: number;

  private first: Int32Array = new Int32Array(0);
  private degree: Int32Array = new Int32Array(0);
  private target: Int32Array = new Int32Array(0);
  private ordinal: Int32Array = new Int32Array(0);
  private process: Int32Array = new Int32Array(0);
  private hotFlags: Uint32Array = new Uint32Array(0);

  constructor(hotWords: number) {
    this.hotWords = hotWords;
  }

  /** Starts the edges of `state`, whose hot flags are `hot[0..hotWords)`. */
  begin(state: number, hot: Uint32Array): void {
    if (state >= this.first.length) {
      this.first = grownInt32(this.first, state + 1, 0);
      this.degree = grownInt32(this.degree, state + 1, -1);
      const flags = new Uint32Array(this.first.length * this.hotWords);
      flags.set(this.hotFlags);
      this.hotFlags = flags;
    }
    this.first[state] = this.edgeCount;
    this.degree[state] = 0;
    const base = state * this.hotWords;
    for (let w = 0; w < this.hotWords; w++) this.hotFlags[base + w] = hot[w];
  }

  /** Adds an edge from the state passed to the last `begin`. */
  add(from: number, to: number, ordinal: number, process: number): void {
    const e = this.edgeCount;
    if (e >= this.target.length) {
      this.target = grownInt32(this.target, e + 1, 0);
      this.ordinal = grownInt32(this.ordinal, e + 1, 0);
      this.process = grownInt32(this.process, e + 1, 0);
    }
    this.target[e] = to;
    this.ordinal[e] = ordinal;
    this.process[e] = process;
    this.edgeCount = e + 1;
    this.degree[from]++;
    if (process > this.maxProcess) this.maxProcess = process;
  }

  /** Whether `state` was expanded (its edges are known). */
  expanded(state: number): boolean {
    return state < this.degree.length && this.degree[state] >= 0;
  }

  /** Index of the first edge of an expanded state. */
  firstEdge(state: number): number {
    return this.first[state];
  }

  /** Number of edges of an expanded state (0 for a terminal one). */
  outDegree(state: number): number {
    return this.degree[state];
  }

  edgeTarget(edge: number): number {
    return this.target[edge];
  }

  edgeOrdinal(edge: number): number {
    return this.ordinal[edge];
  }

  edgeProcess(edge: number): number {
    return this.process[edge];
  }

  /** Whether `monitor` is hot in an expanded state. */
  isHot(state: number, monitor: number): boolean {
    return ((this.hotFlags[state * this.hotWords + (monitor >>> 5)] >>> (monitor & 31)) & 1) === 1;
  }

  /** Bytes held. */
  bytes(): number {
    return (
      this.first.byteLength +
      this.degree.byteLength +
      this.target.byteLength +
      this.ordinal.byteLength +
      this.process.byteLength +
      this.hotFlags.byteLength
    );
  }
}
