// `--shard i/n`: splitting the test configurations of a run across the jobs of a CI matrix. Every
// job lists the same configurations in the same order (models in pith.json's order, each model's
// configurations in the order its tests declare them) and takes every n-th one, starting at the
// i-th, so the shards are disjoint, together cover everything, and differ in size by one at most.

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** `2/4`, or a message that says what is wrong. */
export function parseShard(text: string): Shard | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (m === null) return { error: `--shard takes i/n, such as 2/4 (the second of four shards), not '${text}'` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return { error: `--shard ${text}: there must be at least one shard` };
  if (index < 1 || index > count) return { error: `--shard ${text}: the shard number goes from 1 to ${count}` };
  return { index, count };
}

/** The items of `all` that belong to `shard`. */
export function inShard<T>(all: readonly T[], shard: Shard | undefined): T[] {
  if (shard === undefined) return [...all];
  return all.filter((_, i) => i % shard.count === shard.index - 1);
}
