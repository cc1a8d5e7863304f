import { createRng } from "../util/rng";

/**
 * Draws `k` distinct indices from `[0, n)` uniformly without replacement (Floyd's algorithm,
 * O(k) time and memory), seeded, returned in increasing order. When `k >= n` it returns all
 * indices. The same `(n, k, seed)` always gives the same indices.
 *
 * @param n population size (non-negative integer)
 * @param k sample size (non-negative integer)
 * @param seed seed for `createRng`
 * @returns sorted `Int32Array` of `min(n, k)` indices
 * @example
 * ```ts
 * sampleIndices(1_000_000, 20_000, 42); // Int32Array(20000) [12, 97, …]
 * ```
 */
export function sampleIndices(n: number, k: number, seed: number): Int32Array {
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1) throw new Error(`sampleIndices: n must be an integer in [0, 2^31), got ${n}`);
  if (!Number.isInteger(k) || k < 0) throw new Error(`sampleIndices: k must be a non-negative integer, got ${k}`);
  if (k >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = rng.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}
