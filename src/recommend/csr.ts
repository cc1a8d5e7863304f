import type { Csr } from "../graph/csr";

// One CSR type and transpose for the whole library: recommenders use the graph module's.
export type { Csr } from "../graph/csr";
export { transposeCsr } from "../graph/csr";

/**
 * Number of stored entries of each column (e.g. the number of distinct users of each item when
 * the matrix is users × items), as a `Float32Array` of length `nCols`.
 *
 * @example
 * ```ts
 * const pop = columnCounts(interactions.csr); // pop[item] = distinct users who interacted
 * ```
 */
export function columnCounts(m: Csr): Float32Array {
  const out = new Float32Array(m.nCols);
  const nnz = m.indptr[m.nRows];
  for (let p = 0; p < nnz; p++) out[m.indices[p]]++;
  return out;
}

/**
 * Binary search of a sorted id list (JavaScript string order, as `Array.prototype.sort()`
 * leaves it): the index of `id`, or −1.
 *
 * @example
 * ```ts
 * findId(["a", "b", "d"], "b"); // 1
 * findId(["a", "b", "d"], "c"); // -1
 * ```
 */
export function findId(sortedIds: readonly string[], id: string): number {
  let lo = 0;
  let hi = sortedIds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sortedIds[mid];
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
