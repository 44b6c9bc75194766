/**
 * Word-level helpers for bitsets over document ordinals (`Uint32Array`, bit `i` of word `i >>> 5`).
 * Filters, matches and facet counts are ANDs and popcounts of these, 32 documents per operation.
 */

/** Words needed for `n` bits. */
export const wordsFor = (n: number): number => (n + 31) >>> 5;

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export const setBit = (bits: Uint32Array, i: number): void => {
  bits[i >>> 5] |= 1 << (i & 31);
};
export const clearBit = (bits: Uint32Array, i: number): void => {
  bits[i >>> 5] &= ~(1 << (i & 31));
};
export const hasBit = (bits: Uint32Array, i: number): boolean => (bits[i >>> 5] & (1 << (i & 31))) !== 0;

/** Set bits among the first `words` words. */
export function count(bits: Uint32Array, words: number): number {
  let n = 0;
  for (let w = 0; w < words; w++) if (bits[w] !== 0) n += popcount32(bits[w]);
  return n;
}

/** |a AND b| over the first `words` words, without materialising the intersection. */
export function countAnd(a: Uint32Array, b: Uint32Array, words: number): number {
  let n = 0;
  for (let w = 0; w < words; w++) {
    const x = a[w] & b[w];
    if (x !== 0) n += popcount32(x);
  }
  return n;
}

/** a &= b over the first `words` words. */
export function andInto(a: Uint32Array, b: Uint32Array, words: number): void {
  for (let w = 0; w < words; w++) a[w] &= b[w];
}

/** a |= b over the first `words` words. */
export function orInto(a: Uint32Array, b: Uint32Array, words: number): void {
  for (let w = 0; w < words; w++) a[w] |= b[w];
}

/** Calls `fn` with every set bit in ascending order. */
export function forEachBit(bits: Uint32Array, words: number, fn: (i: number) => unknown): void {
  for (let w = 0; w < words; w++) {
    let x = bits[w];
    while (x !== 0) {
      const low = x & -x;
      fn((w << 5) + 31 - Math.clz32(low));
      x ^= low;
    }
  }
}

/** A copy of `bits` in a larger array (capacity growth). */
export function grown(bits: Uint32Array, words: number): Uint32Array {
  if (bits.length >= words) return bits;
  const next = new Uint32Array(words);
  next.set(bits);
  return next;
}
