/**
 * Dense linear algebra for the small matrices of the ARIMA code (a few dozen rows at most):
 * LU solve/inverse with partial pivoting, a reciprocal condition estimate, Jacobi
 * eigen-decomposition of a symmetric matrix and least squares by Householder QR.
 * Matrices are row-major `Float64Array`s of n × n (or n × k) entries.
 */

/**
 * Solves A X = B for X (A is n × n, B is n × m, both row-major); returns null when A is
 * singular (a zero pivot). Inputs are not modified.
 * @example
 * ```ts
 * solveLinear(new Float64Array([2, 0, 0, 4]), new Float64Array([2, 8]), 2, 1); // [1, 2]
 * ```
 */
export function solveLinear(A: Float64Array, B: Float64Array, n: number, m: number): Float64Array | null {
  const a = Float64Array.from(A);
  const b = Float64Array.from(B);
  for (let col = 0; col < n; col++) {
    let piv = col;
    let best = Math.abs(a[col * n + col]);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(a[r * n + col]);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (!(best > 0)) return null;
    if (piv !== col) {
      for (let j = 0; j < n; j++) {
        const t = a[col * n + j];
        a[col * n + j] = a[piv * n + j];
        a[piv * n + j] = t;
      }
      for (let j = 0; j < m; j++) {
        const t = b[col * m + j];
        b[col * m + j] = b[piv * m + j];
        b[piv * m + j] = t;
      }
    }
    const d = a[col * n + col];
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col] / d;
      if (f === 0) continue;
      for (let j = col; j < n; j++) a[r * n + j] -= f * a[col * n + j];
      for (let j = 0; j < m; j++) b[r * m + j] -= f * b[col * m + j];
    }
  }
  for (let col = n - 1; col >= 0; col--) {
    const d = a[col * n + col];
    for (let j = 0; j < m; j++) {
      let s = b[col * m + j];
      for (let k = col + 1; k < n; k++) s -= a[col * n + k] * b[k * m + j];
      b[col * m + j] = s / d;
    }
  }
  return b;
}

/**
 * Inverse of an n × n matrix with a reciprocal condition number in the 1-norm,
 * rcond = 1/(‖A‖₁‖A⁻¹‖₁); null when singular.
 * @example
 * ```ts
 * invertMatrix(new Float64Array([2, 0, 0, 4]), 2)?.inverse; // [0.5, 0, 0, 0.25]
 * ```
 */
export function invertMatrix(A: Float64Array, n: number): { inverse: Float64Array; rcond: number } | null {
  const eye = new Float64Array(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  const inv = solveLinear(A, eye, n, n);
  if (!inv) return null;
  for (let i = 0; i < inv.length; i++) if (!Number.isFinite(inv[i])) return null;
  return { inverse: inv, rcond: 1 / (norm1(A, n) * norm1(inv, n)) };
}

function norm1(A: Float64Array, n: number): number {
  let best = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(A[i * n + j]);
    if (s > best) best = s;
  }
  return best;
}

/**
 * Eigen-decomposition of a symmetric n × n matrix by cyclic Jacobi rotations.
 * Returns eigenvalues in decreasing order and the eigenvectors as the columns of
 * `vectors` (row-major n × n).
 * @example
 * ```ts
 * symmetricEigen(new Float64Array([2, 1, 1, 2]), 2).values; // [3, 1]
 * ```
 */
export function symmetricEigen(A: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(A);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i * n + j] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = a[src * n + src];
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src];
  });
  return { values, vectors };
}

/** Result of {@link leastSquares}. */
export interface LeastSquaresFit {
  /** Coefficients, one per column. */
  coef: Float64Array;
  /** Their standard errors sqrt(diag(s²(XᵀX)⁻¹)), s² = RSS/(n − k). NaN when n = k. */
  se: Float64Array;
  /** Numerical rank (R's lm tolerance 1e-7 on the QR diagonal). */
  rank: number;
}

/**
 * Ordinary least squares y ~ X − 1 by Householder QR (R's `lm(y ~ X - 1)`), X given as its
 * k columns of length n.
 * @example
 * ```ts
 * leastSquares([new Float64Array([1, 1, 1])], new Float64Array([1, 2, 3])).coef; // [2]
 * ```
 */
export function leastSquares(columns: Float64Array[], y: Float64Array): LeastSquaresFit {
  const n = y.length;
  const k = columns.length;
  const q = columns.map((c) => Float64Array.from(c));
  const qty = Float64Array.from(y);
  const rdiag = new Float64Array(k);
  let rank = k;
  const norms0 = q.map((c) => {
    let s = 0;
    for (let i = 0; i < c.length; i++) s += c[i] * c[i];
    return Math.sqrt(s);
  });
  for (let j = 0; j < k; j++) {
    const col = q[j];
    let norm = 0;
    for (let i = j; i < n; i++) norm += col[i] * col[i];
    norm = Math.sqrt(norm);
    if (norm <= 1e-7 * (norms0[j] || 1)) {
      rank = Math.min(rank, j);
      rdiag[j] = 0;
      continue;
    }
    const xj = col[j];
    const alpha = xj > 0 ? -norm : norm;
    col[j] = xj - alpha; // Householder vector v = x − αe
    const vnorm2 = norm * norm - xj * xj + col[j] * col[j];
    const apply = (t: Float64Array): void => {
      let dot = 0;
      for (let i = j; i < n; i++) dot += col[i] * t[i];
      const f = (2 * dot) / vnorm2;
      for (let i = j; i < n; i++) t[i] -= f * col[i];
    };
    for (let l = j + 1; l < k; l++) apply(q[l]);
    apply(qty);
    rdiag[j] = alpha;
  }
  const coef = new Float64Array(k).fill(NaN);
  const se = new Float64Array(k).fill(NaN);
  if (rank < k) return { coef, se, rank };
  // R is upper triangular: R[j][j] = rdiag[j], R[j][l] = q[l][j] for l > j.
  const Rm = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    Rm[j * k + j] = rdiag[j];
    for (let l = j + 1; l < k; l++) Rm[j * k + l] = q[l][j];
  }
  for (let j = k - 1; j >= 0; j--) {
    let s = qty[j];
    for (let l = j + 1; l < k; l++) s -= Rm[j * k + l] * coef[l];
    coef[j] = s / Rm[j * k + j];
  }
  let rss = 0;
  for (let i = k; i < n; i++) rss += qty[i] * qty[i];
  const s2 = n > k ? rss / (n - k) : NaN;
  const inv = invertMatrix(upperTimesTranspose(Rm, k), k);
  for (let j = 0; j < k; j++) se[j] = inv ? Math.sqrt(s2 * inv.inverse[j * k + j]) : NaN;
  return { coef, se, rank };
}

/** RᵀR for an upper-triangular R (= XᵀX). */
function upperTimesTranspose(R: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += R[l * k + i] * R[l * k + j];
      out[i * k + j] = s;
    }
  }
  return out;
}
