import type { Csr } from "./csr";

/**
 * Summary of a degree sequence.
 *
 * @example
 * ```ts
 * const s: DegreeStats = degreeStats(csrDegrees(adj));
 * s.max; // the hub's degree
 * ```
 */
export interface DegreeStats {
  /** Number of nodes. */
  n: number;
  /** Nodes of degree 0. */
  zeros: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  /** 90th and 99th percentiles (nearest rank). */
  p90: number;
  p99: number;
  /** Sum of all degrees (nnz for unweighted rows). */
  total: number;
}

/**
 * Options of {@link csrDegrees}.
 *
 * @example
 * ```ts
 * csrDegrees(adj, { weighted: true });
 * ```
 */
export interface CsrDegreesOptions {
  /** Sum the stored values instead of counting entries. Default `false`. */
  weighted?: boolean;
  /** `"row"` (out-degree) or `"col"` (in-degree). Default `"row"`. */
  axis?: "row" | "col";
}

/**
 * Degree of every row (or column) of a CSR matrix: the entry count or, with `weighted`, the sum
 * of the stored values.
 *
 * @param m the matrix.
 * @param options see {@link CsrDegreesOptions}.
 * @returns a new `Float64Array` of length `nRows` (or `nCols` for `axis: "col"`).
 * @example
 * ```ts
 * csrDegrees(csrFromEdges({ rows: [0, 0, 1], cols: [0, 1, 1] })); // [2, 1]
 * csrDegrees(m, { axis: "col" });                                   // in-degrees
 * ```
 */
export function csrDegrees(m: Csr, options: CsrDegreesOptions = {}): Float64Array {
  const weighted = options.weighted ?? false;
  const axis = options.axis ?? "row";
  if (axis !== "row" && axis !== "col") throw new Error(`csrDegrees: axis must be "row" or "col", got ${JSON.stringify(axis)}`);
  if (axis === "row") {
    const out = new Float64Array(m.nRows);
    for (let i = 0; i < m.nRows; i++) {
      if (!weighted) out[i] = m.indptr[i + 1] - m.indptr[i];
      else for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) out[i] += m.values[p];
    }
    return out;
  }
  const out = new Float64Array(m.nCols);
  const nnz = m.indptr[m.nRows];
  for (let p = 0; p < nnz; p++) out[m.indices[p]] += weighted ? m.values[p] : 1;
  return out;
}

/**
 * Summary statistics of a degree sequence (min, max, mean, median, 90th/99th percentile by
 * nearest rank, number of zeros).
 *
 * @param degrees one degree per node (not modified).
 * @returns the {@link DegreeStats}; all zeros for an empty input.
 * @example
 * ```ts
 * degreeStats([0, 1, 1, 4]); // { n: 4, zeros: 1, min: 0, max: 4, mean: 1.5, median: 1, p90: 4, p99: 4, total: 6 }
 * ```
 */
export function degreeStats(degrees: ArrayLike<number>): DegreeStats {
  const n = degrees.length;
  if (n === 0) return { n: 0, zeros: 0, min: 0, max: 0, mean: 0, median: 0, p90: 0, p99: 0, total: 0 };
  const s = Float64Array.from(degrees).sort();
  let total = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    total += s[i];
    if (s[i] === 0) zeros++;
  }
  const rank = (q: number): number => s[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { n, zeros, min: s[0], max: s[n - 1], mean: total / n, median, p90: rank(0.9), p99: rank(0.99), total };
}
