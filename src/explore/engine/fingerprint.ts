// 64-bit fingerprints of canonical state encodings, computed in 32-bit integer arithmetic so the
// hot loop never touches BigInt. The fingerprint is two independent 32-bit hashes ("lanes") of the
// same words: lane A is a Murmur3-style block mix, lane B an xxHash32-style accumulator. Different
// round structures and constants keep the lanes from failing together, so the pair behaves like
// one 64-bit hash for collision purposes (see `collisionProbability` in stats.ts).
//
// The visited set reserves 0 in lane A for "empty slot"; a lane-A value of 0 is mapped to 1, which
// costs one value out of 2^32 and nothing measurable in collision terms.

const A_SEED = 0x2f6b_3d1d;
const A_C1 = 0xcc9e_2d51 | 0;
const A_C2 = 0x1b87_3593;
const A_ADD = 0xe654_6b64 | 0;
const A_F1 = 0x85eb_ca6b | 0;
const A_F2 = 0xc2b2_ae35 | 0;

const B_SEED = 0x61c8_8647;
const B_P1 = 0x9e37_79b1 | 0;
const B_P2 = 0x85eb_ca77 | 0;
const B_P3 = 0xc2b2_ae3d | 0;
const B_P4 = 0x27d4_eb2f;
const B_P5 = 0x1656_67b1;

/**
 * Writes the fingerprint of `words[0..length)` to `out[0]` (lane A, never 0) and `out[1]`
 * (lane B), both as signed 32-bit values. The length takes part in the hash, so a state and the
 * same state followed by zeros differ.
 */
export function fingerprint(words: Int32Array, length: number, out: Int32Array): void {
  let a = A_SEED ^ length;
  let b = (B_SEED + B_P5 + length) | 0;
  for (let i = 0; i < length; i++) {
    const w = words[i];
    // Lane A: scramble the word, fold it in, rotate, multiply-add.
    let k = Math.imul(w, A_C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, A_C2);
    a ^= k;
    a = (a << 13) | (a >>> 19);
    a = (Math.imul(a, 5) + A_ADD) | 0;
    // Lane B: add the weighted word, rotate, multiply.
    let m = (b + Math.imul(w, B_P3)) | 0;
    m = (m << 17) | (m >>> 15);
    b = Math.imul(m, B_P4);
  }
  // Final avalanches, so that every input bit reaches every output bit.
  a ^= a >>> 16;
  a = Math.imul(a, A_F1);
  a ^= a >>> 13;
  a = Math.imul(a, A_F2);
  a ^= a >>> 16;
  b = (b + B_P1) | 0;
  b ^= b >>> 15;
  b = Math.imul(b, B_P2);
  b ^= b >>> 13;
  b = Math.imul(b, B_P3);
  b ^= b >>> 16;
  out[0] = a === 0 ? 1 : a;
  out[1] = b;
}

/** The fingerprint as 16 hexadecimal digits (lane B then lane A); for logs and tests only. */
export function fingerprintHex(words: Int32Array, length: number = words.length): string {
  const out = new Int32Array(2);
  fingerprint(words, length, out);
  return (out[1] >>> 0).toString(16).padStart(8, "0") + (out[0] >>> 0).toString(16).padStart(8, "0");
}
