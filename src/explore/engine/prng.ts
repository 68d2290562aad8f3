// A small deterministic pseudo-random generator for simulation: xoshiro128** (four 32-bit words
// of state, period 2^128 - 1), seeded from one 32-bit seed through a splitmix-style expansion.
// Runs are reproducible from the seed alone, on any platform, because everything is 32-bit
// integer arithmetic.

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    // Expand the seed into four words; splitmix never yields four zero words in a row.
    let x = seed | 0;
    const next = (): number => {
      x = (x + 0x9e37_79b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0_aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a_2d97);
      return z ^ (z >>> 15);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** The next 32 random bits, as an unsigned number. */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** A uniform integer in [0, n), for 0 < n <= 2^32, without modulo bias. */
  below(n: number): number {
    if (n <= 1) return 0;
    // Values at or above `limit` would make some residues more likely; draw again.
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
    for (;;) {
      const r = this.nextUint32();
      if (r < limit) return r % n;
    }
  }
}

/** A seed for callers that gave none: varies between runs, and is reported so a run can be redone. */
export function freshSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) >>> 0;
}
