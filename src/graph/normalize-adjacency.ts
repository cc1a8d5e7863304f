import type { Csr } from "./csr";

/**
 * Symmetric normalisation `Â = D^-1/2 · A · D^-1/2` of a square adjacency matrix, where
 * `D = diag(Σ_j A[i, j])` (weighted row sums, the degree for a symmetric `A`). Each stored
 * entry becomes `A[i, j] / √(d_i · d_j)`; rows and columns of degree 0 stay 0 (no division
 * by zero), so isolated nodes keep a zero row. The pattern is unchanged. O(nnz).
 *
 * This is the propagation matrix of GCN (without self-loops) and LightGCN
 * (He et al., SIGIR 2020, eq. 3 with `A` = the user–item bipartite adjacency).
 *
 * @param a square non-negative adjacency (symmetric for the usual meaning of `Â`).
 * @returns a new matrix with the same pattern.
 * @throws Error when `a` is not square or holds a negative weight (its degree root is undefined).
 * @example
 * ```ts
 * const adj = normalizeAdjacency(bipartiteAdjacency(userItem)); // Â of LightGCN
 * ```
 */
export function normalizeAdjacency(a: Csr): Csr {
  if (a.nRows !== a.nCols) throw new Error(`normalizeAdjacency: the matrix must be square, got ${a.nRows} × ${a.nCols}`);
  const n = a.nRows;
  const invSqrt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) {
      if (a.values[p] < 0) throw new Error(`normalizeAdjacency: entry (${i}, ${a.indices[p]}) is negative (${a.values[p]})`);
      d += a.values[p];
    }
    invSqrt[i] = d > 0 ? 1 / Math.sqrt(d) : 0;
  }
  const values = new Float32Array(a.values.length);
  for (let i = 0; i < n; i++) {
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) values[p] = a.values[p] * invSqrt[i] * invSqrt[a.indices[p]];
  }
  return { nRows: n, nCols: n, indptr: a.indptr.slice(), indices: a.indices.slice(), values };
}
