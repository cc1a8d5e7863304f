import type { Csr } from "./csr";
import { transposeCsr } from "./csr";

/**
 * Options of {@link blockAdjacency}.
 *
 * @example
 * ```ts
 * blockAdjacency(userItem, { itemItem: transitions, itemItemWeight: 0.5 });
 * ```
 */
export interface BlockAdjacencyOptions {
  /** Square `nUsers × nUsers` user–user block. Default: none (zeros). */
  userUser?: Csr;
  /** Square `nItems × nItems` item–item block (e.g. transitions, proximity). Default: none (zeros). */
  itemItem?: Csr;
  /** Factor applied to the user–user block. Default 1. */
  userUserWeight?: number;
  /** Factor applied to the item–item block. Default 1. */
  itemItemWeight?: number;
}

const defaults = { userUserWeight: 1, itemItemWeight: 1 };

/**
 * The square adjacency of a user–item graph with optional same-type edges, as one block matrix
 * over users (indices `0..nUsers-1`) then items (`nUsers..nUsers+nItems-1`):
 *
 * ```
 * [[ wU·UU   R    ],
 *  [  Rᵀ    wI·II ]]
 * ```
 *
 * With no extra block this is LightGCN's bipartite adjacency `[[0, R], [Rᵀ, 0]]`. The result is
 * symmetric when `UU` and `II` are. Columns stay sorted within each row. O(nnz).
 *
 * @param userItem `nUsers × nItems` interaction weights `R`.
 * @param options see {@link BlockAdjacencyOptions}.
 * @returns a new `(nUsers + nItems)` square matrix.
 * @throws Error when a block's shape does not match or a weight is negative or not finite.
 * @example
 * ```ts
 * const a = blockAdjacency(r);                                 // [[0, R], [Rᵀ, 0]]
 * const b = blockAdjacency(r, { itemItem: s, itemItemWeight: 0.3 }); // [[0, R], [Rᵀ, 0.3·S]]
 * ```
 */
export function blockAdjacency(userItem: Csr, options: BlockAdjacencyOptions = {}): Csr {
  const o = { ...defaults, ...options };
  const nU = userItem.nRows;
  const nI = userItem.nCols;
  for (const [name, w] of [["userUserWeight", o.userUserWeight], ["itemItemWeight", o.itemItemWeight]] as const) {
    if (!(Number.isFinite(w) && w >= 0)) throw new Error(`blockAdjacency: ${name} must be a finite number >= 0, got ${w}`);
  }
  if (o.userUser && (o.userUser.nRows !== nU || o.userUser.nCols !== nU)) {
    throw new Error(`blockAdjacency: userUser must be ${nU} × ${nU}, got ${o.userUser.nRows} × ${o.userUser.nCols}`);
  }
  if (o.itemItem && (o.itemItem.nRows !== nI || o.itemItem.nCols !== nI)) {
    throw new Error(`blockAdjacency: itemItem must be ${nI} × ${nI}, got ${o.itemItem.nRows} × ${o.itemItem.nCols}`);
  }
  const rt = transposeCsr(userItem);
  const uu = o.userUserWeight > 0 ? o.userUser : undefined;
  const ii = o.itemItemWeight > 0 ? o.itemItem : undefined;
  const n = nU + nI;
  const rowLen = (m: Csr | undefined, i: number): number => (m ? m.indptr[i + 1] - m.indptr[i] : 0);
  const indptr = new Int32Array(n + 1);
  for (let u = 0; u < nU; u++) indptr[u + 1] = indptr[u] + rowLen(uu, u) + rowLen(userItem, u);
  for (let i = 0; i < nI; i++) indptr[nU + i + 1] = indptr[nU + i] + rowLen(rt, i) + rowLen(ii, i);
  const indices = new Int32Array(indptr[n]);
  const values = new Float32Array(indptr[n]);
  let q = 0;
  const copy = (m: Csr | undefined, row: number, offset: number, w: number): void => {
    if (!m) return;
    for (let p = m.indptr[row]; p < m.indptr[row + 1]; p++, q++) {
      indices[q] = m.indices[p] + offset;
      values[q] = m.values[p] * w;
    }
  };
  for (let u = 0; u < nU; u++) {
    copy(uu, u, 0, o.userUserWeight);
    copy(userItem, u, nU, 1);
  }
  for (let i = 0; i < nI; i++) {
    copy(rt, i, 0, 1);
    copy(ii, i, nU, o.itemItemWeight);
  }
  return { nRows: n, nCols: n, indptr, indices, values };
}
