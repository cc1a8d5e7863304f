import { countingSort } from "../util/counting-sort";

/**
 * A sparse matrix in compressed sparse row form: row `r` holds the column indices
 * `indices[indptr[r] .. indptr[r+1])` (ascending within a row) and their `values`.
 * Structurally the same type as `Csr` in `src/recommend/csr.ts`, so the two interchange freely.
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
 * An edge list: parallel arrays of row (source) and column (target) indices and optional weights.
 *
 * @example
 * ```ts
 * const edges: EdgeList = { rows: [0, 1], cols: [1, 2], values: [0.5, 2] };
 * ```
 */
export interface EdgeList {
  rows: ArrayLike<number>;
  cols: ArrayLike<number>;
  /** One weight per edge. Default: every weight 1. */
  values?: ArrayLike<number>;
}

/**
 * Options of {@link csrFromEdges}.
 *
 * @example
 * ```ts
 * csrFromEdges(edges, { nRows: 5, nCols: 5, symmetric: true, duplicates: "max" });
 * ```
 */
export interface CsrFromEdgesOptions {
  /** Number of rows. Default: largest row index + 1. */
  nRows?: number;
  /** Number of columns. Default: largest column index + 1 (with `symmetric`, the larger of both). */
  nCols?: number;
  /** Also store every edge (r, c) as (c, r); needs a square shape. Default `false`. */
  symmetric?: boolean;
  /** How repeated (r, c) entries combine: `"sum"`, `"max"` or `"first"` (input order). Default `"sum"`. */
  duplicates?: "sum" | "max" | "first";
  /** Drop entries whose weight is 0 after combining. Default `false`. */
  dropZeros?: boolean;
}

const defaults = { symmetric: false, duplicates: "sum" as "sum" | "max" | "first", dropZeros: false };

function checkIndex(name: string, v: number, i: number, n: number | undefined): void {
  if (!Number.isInteger(v) || v < 0 || (n !== undefined && v >= n)) {
    throw new Error(`csrFromEdges: ${name}[${i}] = ${v} must be an integer in [0, ${n ?? "∞"})`);
  }
}

/**
 * Builds a CSR matrix from an edge list in O(nnz + nRows + nCols) (two counting sorts, no
 * comparison sort): columns ascending within each row, repeated entries combined by
 * `duplicates`. With `symmetric`, each edge is stored in both directions before combining, so
 * a pair given as (a, b) and (b, a) is combined like any other repeat.
 *
 * @param edges `rows`, `cols` and optional `values` (default 1 each).
 * @param options see {@link CsrFromEdgesOptions}.
 * @returns a new matrix; the input is not modified.
 * @throws Error naming the array and position of an index out of range or not an integer, or a non-finite weight.
 * @example
 * ```ts
 * const m = csrFromEdges({ rows: [0, 0, 1], cols: [1, 1, 0], values: [1, 2, 5] }); // [[0, 3], [5, 0]]
 * const g = csrFromEdges({ rows: [0], cols: [2] }, { symmetric: true });            // 3×3, entries (0,2) and (2,0)
 * ```
 */
export function csrFromEdges(edges: EdgeList, options: CsrFromEdgesOptions = {}): Csr {
  const o = { ...defaults, ...options };
  if (o.duplicates !== "sum" && o.duplicates !== "max" && o.duplicates !== "first") {
    throw new Error(`csrFromEdges: duplicates must be "sum", "max" or "first", got ${JSON.stringify(o.duplicates)}`);
  }
  const m = edges.rows.length;
  if (edges.cols.length !== m) throw new Error(`csrFromEdges: rows and cols differ in length (${m} vs ${edges.cols.length})`);
  if (edges.values && edges.values.length !== m) throw new Error(`csrFromEdges: values has ${edges.values.length} entries, expected ${m}`);
  let maxR = -1;
  let maxC = -1;
  for (let e = 0; e < m; e++) {
    checkIndex("rows", edges.rows[e], e, options.nRows);
    checkIndex("cols", edges.cols[e], e, options.nCols);
    if (edges.rows[e] > maxR) maxR = edges.rows[e];
    if (edges.cols[e] > maxC) maxC = edges.cols[e];
    if (edges.values && !Number.isFinite(edges.values[e])) throw new Error(`csrFromEdges: values[${e}] = ${edges.values[e]} is not finite`);
  }
  let nRows = options.nRows ?? maxR + 1;
  let nCols = options.nCols ?? maxC + 1;
  if (o.symmetric) {
    if (options.nRows === undefined && options.nCols === undefined) nRows = nCols = Math.max(nRows, nCols);
    if (nRows !== nCols) throw new Error(`csrFromEdges: symmetric needs a square shape, got ${nRows} × ${nCols}`);
  }
  const total = o.symmetric ? 2 * m : m;
  const r = new Int32Array(total);
  const c = new Int32Array(total);
  const w = new Float64Array(total);
  for (let e = 0; e < m; e++) {
    r[e] = edges.rows[e];
    c[e] = edges.cols[e];
    w[e] = edges.values ? edges.values[e] : 1;
    if (o.symmetric) {
      r[m + e] = c[e];
      c[m + e] = r[e];
      w[m + e] = w[e];
    }
  }
  let order = new Int32Array(total);
  for (let e = 0; e < total; e++) order[e] = e;
  order = countingSort(countingSort(order, c, nCols), r, nRows);
  const indptr = new Int32Array(nRows + 1);
  const indices = new Int32Array(total);
  const vals = new Float64Array(total);
  let nnz = 0;
  let prevR = -1;
  let prevC = -1;
  for (let p = 0; p < total; p++) {
    const e = order[p];
    if (r[e] === prevR && c[e] === prevC) {
      if (o.duplicates === "sum") vals[nnz - 1] += w[e];
      else if (o.duplicates === "max" && w[e] > vals[nnz - 1]) vals[nnz - 1] = w[e];
      continue;
    }
    prevR = r[e];
    prevC = c[e];
    indices[nnz] = c[e];
    vals[nnz] = w[e];
    indptr[r[e] + 1]++;
    nnz++;
  }
  for (let i = 0; i < nRows; i++) indptr[i + 1] += indptr[i];
  const out: Csr = { nRows, nCols, indptr, indices: indices.slice(0, nnz), values: Float32Array.from(vals.subarray(0, nnz)) };
  return o.dropZeros ? dropZeroEntries(out) : out;
}

/** A copy of `m` without its stored zeros. */
function dropZeroEntries(m: Csr): Csr {
  const indptr = new Int32Array(m.nRows + 1);
  const keep: number[] = [];
  for (let i = 0; i < m.nRows; i++) {
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) if (m.values[p] !== 0) keep.push(p);
    indptr[i + 1] = keep.length;
  }
  return {
    nRows: m.nRows,
    nCols: m.nCols,
    indptr,
    indices: Int32Array.from(keep, (p) => m.indices[p]),
    values: Float32Array.from(keep, (p) => m.values[p]),
  };
}

/**
 * The transpose of a CSR matrix in O(nnz + nRows + nCols) by a counting sort; columns come out
 * ascending within each row.
 *
 * @param m the matrix.
 * @returns a new CSR matrix of shape `nCols × nRows`.
 * @example
 * ```ts
 * const usersByItem = transposeCsr(itemsByUser); // items × users
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
 * Whether a square CSR matrix equals its transpose (same pattern and values within `tol`).
 *
 * @param m the matrix.
 * @param tol absolute tolerance on values. Default 0.
 * @example
 * ```ts
 * isSymmetricCsr(csrFromEdges({ rows: [0], cols: [1] }, { symmetric: true })); // true
 * ```
 */
export function isSymmetricCsr(m: Csr, tol = 0): boolean {
  if (m.nRows !== m.nCols) return false;
  const t = transposeCsr(m);
  for (let i = 0; i <= m.nRows; i++) if (t.indptr[i] !== m.indptr[i]) return false;
  const nnz = m.indptr[m.nRows];
  for (let p = 0; p < nnz; p++) {
    if (t.indices[p] !== m.indices[p] || Math.abs(t.values[p] - m.values[p]) > tol) return false;
  }
  return true;
}

/**
 * Expands a CSR matrix into a dense row-major `Float64Array` (for tests and tiny matrices only).
 *
 * @example
 * ```ts
 * csrToDense(csrFromEdges({ rows: [0], cols: [1] })); // Float64Array [0, 1] (1 × 2)
 * ```
 */
export function csrToDense(m: Csr): Float64Array {
  const out = new Float64Array(m.nRows * m.nCols);
  for (let i = 0; i < m.nRows; i++) {
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) out[i * m.nCols + m.indices[p]] += m.values[p];
  }
  return out;
}

/**
 * The weighted sum `Σ w_t · M_t` of same-shaped CSR matrices (pattern = union of patterns).
 *
 * @param terms matrices with their weights (at least one; all of one shape).
 * @returns a new matrix, columns sorted.
 * @throws Error when shapes differ or a weight is not finite.
 * @example
 * ```ts
 * const s = sumCsr([{ matrix: t, weight: 1 }, { matrix: transposeCsr(t), weight: 1 }]); // T + Tᵀ
 * ```
 */
export function sumCsr(terms: readonly { matrix: Csr; weight: number }[]): Csr {
  if (terms.length === 0) throw new Error("sumCsr: needs at least one matrix");
  const { nRows, nCols } = terms[0].matrix;
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (const { matrix: m, weight } of terms) {
    if (m.nRows !== nRows || m.nCols !== nCols) throw new Error(`sumCsr: shapes differ (${nRows} × ${nCols} vs ${m.nRows} × ${m.nCols})`);
    if (!Number.isFinite(weight)) throw new Error(`sumCsr: weight ${weight} is not finite`);
    for (let i = 0; i < nRows; i++) {
      for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
        rows.push(i);
        cols.push(m.indices[p]);
        values.push(weight * m.values[p]);
      }
    }
  }
  return csrFromEdges({ rows, cols, values }, { nRows, nCols });
}
