// Search statistics: what the progress line shows while a search runs and what the final report
// prints, including how likely it is that two distinct states were merged because their 64-bit
// fingerprints collided.

export type SearchMode = "bfs" | "dfs" | "simulate";

export interface Stats {
  readonly model: string;
  readonly mode: SearchMode;
  /** Distinct states seen (initial states included). */
  readonly distinct: number;
  /** Successors generated, counting every emission including those already seen. */
  readonly transitions: number;
  /** States whose successors were generated. */
  readonly expanded: number;
  /** Length of the longest path followed, in steps (an initial state has depth 0). */
  readonly maxDepth: number;
  /** States waiting in the frontier (BFS queue or DFS stack). */
  readonly queue: number;
  readonly elapsedMs: number;
  /** Distinct states per second of wall time. */
  readonly statesPerSecond: number;
  /** See `collisionProbability`. */
  readonly collisionProbability: number;
  /** See `birthdayBound`. */
  readonly birthdayBound: number;
  /** Bytes held by the visited set (table and parent pages), excluding the frontier. */
  readonly visitedBytes: number;
  /** Simulation only: the seed, so that the run can be repeated. */
  readonly seed?: number;
  /** Simulation only: runs completed. */
  readonly runs?: number;
}

const TWO_TO_64 = 2 ** 64;

/**
 * The optimistic fingerprint-collision estimate that TLC reports ("calculated"): with `n` distinct
 * fingerprints stored and `generated` states looked up, `generated - n` lookups answered "already
 * seen", and each such answer is wrong (the state was new but its fingerprint matched one of the
 * `n`) with probability at most n / 2^64 if fingerprints are uniform. Summing:
 *
 *     P ≈ n · (generated − n) / 2^64
 *
 * It is optimistic because it assumes the hash spreads the states' encodings uniformly.
 */
export function collisionProbability(distinct: number, generated: number): number {
  return (distinct * Math.max(0, generated - distinct)) / TWO_TO_64;
}

/**
 * The birthday bound: the probability that any two of `n` distinct states share a fingerprint,
 * P ≈ n(n − 1) / 2 / 2^64 (a first-order approximation of 1 − ∏(1 − i/2^64), accurate while it is
 * small). Independent of how the search went; an upper bound on the chance that the visited set
 * conflated two states.
 */
export function birthdayBound(distinct: number): number {
  return (distinct * (distinct - 1)) / 2 / TWO_TO_64;
}

/** The numbers a running search knows; `snapshot` turns them into `Stats`. */
export interface Counters {
  distinct: number;
  /** Emissions of `Model.initial`, which count as generated for the collision estimate. */
  initial: number;
  transitions: number;
  expanded: number;
  maxDepth: number;
  queue: number;
  visitedBytes: number;
}

export function snapshot(
  model: string,
  mode: SearchMode,
  c: Counters,
  elapsedMs: number,
  extra: { seed?: number; runs?: number } = {},
): Stats {
  return {
    model,
    mode,
    distinct: c.distinct,
    transitions: c.transitions,
    expanded: c.expanded,
    maxDepth: c.maxDepth,
    queue: c.queue,
    elapsedMs,
    statesPerSecond: elapsedMs > 0 ? Math.round((c.distinct * 1000) / elapsedMs) : 0,
    collisionProbability: collisionProbability(c.distinct, c.initial + c.transitions),
    birthdayBound: birthdayBound(c.distinct),
    visitedBytes: c.visitedBytes,
    ...extra,
  };
}
