// Seeded pseudo-random numbers for the synthetic directories (the demo company, the benchmark): the same
// seed gives the same directory on every machine and Node version, which Math.random() cannot promise.

/** A source of uniform numbers in [0, 1), from sfc32 (small, fast, and good enough for test data). */
export interface Random {
  next(): number;
  /** An integer in [0, bound). */
  below(bound: number): number;
}

/** sfc32 seeded from one number and a stream label, so that independent choices use independent streams. */
export function seededRandom(seed: number, stream: number): Random {
  let a = mix32(seed ^ 0x9e3779b9);
  let b = mix32(stream ^ 0x85ebca6b);
  let c = mix32(a ^ b ^ 0xc2b2ae35);
  let d = 1;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of sfc32 still show the seed; discard them.
  for (let i = 0; i < 15; i++) nextUint32();
  const next = (): number => nextUint32() / 4294967296;
  return { next, below: (bound) => Math.floor(next() * bound) };
}

/** A 32-bit integer hash (murmur3's finalizer): spreads nearby inputs over the whole range. */
export function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A UUID (version 4 layout) that depends only on the seed, a kind and an index: stable entryUUIDs. */
export function seededUuid(seed: number, kind: number, index: number): string {
  const words = [0, 1, 2, 3].map((part) => mix32(mix32(mix32(seed) ^ kind) ^ mix32(index * 4 + part)));
  const hex = words.map((word) => word.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
