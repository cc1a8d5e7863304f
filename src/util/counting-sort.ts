/**
 * Stable counting sort of `order` by `key[order[p]]`, keys in `[0, nKeys)`: O(n + nKeys), no
 * comparisons. Two passes (by column, then by row) give a CSR layout in linear time.
 *
 * @param order the positions to sort (not modified).
 * @param key the key of each position, an integer in `[0, nKeys)`.
 * @param nKeys number of distinct key values.
 * @returns a new array: `order` sorted by key, ties in their input order.
 * @example
 * ```ts
 * countingSort(Int32Array.of(0, 1, 2, 3), Int32Array.of(2, 0, 2, 1), 3); // [1, 3, 0, 2]
 * ```
 */
export function countingSort(order: Int32Array, key: Int32Array, nKeys: number): Int32Array {
  const start = new Int32Array(nKeys + 1);
  for (let p = 0; p < order.length; p++) start[key[order[p]] + 1]++;
  for (let k = 0; k < nKeys; k++) start[k + 1] += start[k];
  const out = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) out[start[key[order[p]]]++] = order[p];
  return out;
}
