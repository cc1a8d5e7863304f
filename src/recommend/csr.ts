/**
 * A sparse matrix in compressed sparse row form: row `r` holds the column indices
 * `indices[indptr[r] .. indptr[r+1])` (ascending within a row) and their `values`.
 *
 * @example
 * ```ts
 * // [[0, 2], [1, 0]]
 * const m: Csr = { nRows: 2, nCols: 2, indptr: Int32Array.of(0, 1, 2), indices: Int32Array.of(1, 0), values: Float32Array.of(2, 1) };
 * ```
 */
export interface Csr {
  nRows: number;
  nCols: number;
  /** Length `nRows + 1`; row r spans `[indptr[r], indptr[r+1])`. */
  indptr: Int32Array;
  /** Column index of each stored value, ascending within a row. */
  indices: Int32Array;
  /** Stored values, aligned with `indices`. */
  values: Float32Array;
}

/**
 * The transpose of a CSR matrix (equivalently, the matrix in compressed sparse column form),
 * in O(nnz + nRows + nCols) by a counting sort; columns come out ascending within each row.
 *
 * @param m the matrix.
 * @returns a new CSR matrix of shape `nCols × nRows`.
 * @example
 * ```ts
 * const itemsByUser = interactions.csr;            // users × items
 * const usersByItem = transposeCsr(itemsByUser);   // items × users
 * ```
 */
export function transposeCsr(m: Csr): Csr {
  const nnz = m.indptr[m.nRows];
  const indptr = new Int32Array(m.nCols + 1);
  for (let p = 0; p < nnz; p++) indptr[m.indices[p] + 1]++;
  for (let c = 0; c < m.nCols; c++) indptr[c + 1] += indptr[c];
  const next = indptr.slice(0, m.nCols);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  for (let r = 0; r < m.nRows; r++) {
    for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) {
      const q = next[m.indices[p]]++;
      indices[q] = r;
      values[q] = m.values[p];
    }
  }
  return { nRows: m.nCols, nCols: m.nRows, indptr, indices, values };
}

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
