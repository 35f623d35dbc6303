// A tiny seeded generator (mulberry32) so placebo draws are reproducible here and in the Python cross-check.

/** Returns a function yielding uniform numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first k items of a seeded partial Fisher–Yates shuffle (sampling without replacement). */
export function sampleWithoutReplacement<T>(items: readonly T[], k: number, random: () => number): T[] {
  const a = items.slice();
  const m = a.length;
  const take = Math.min(k, m);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (m - i));
    const tmp = a[i] as T;
    a[i] = a[j] as T;
    a[j] = tmp;
  }
  return a.slice(0, take);
}
