/**
 * Options of {@link pca}.
 *
 * @example
 * ```ts
 * pca(embeddings, nItems, 64, { components: 3 });
 * ```
 */
export interface PcaOptions {
  /** Number of principal components, 1..d. Default 2. */
  components?: number;
}

/**
 * A principal component analysis.
 *
 * @example
 * ```ts
 * const { scores, varianceRatio } = pca(x, n, d);
 * ```
 */
export interface PcaResult {
  /** Column means (length d). */
  mean: Float64Array;
  /** Unit-length principal axes, row-major `components × d`, by decreasing variance. */
  components: Float64Array;
  /** Variance along each axis (eigenvalues of the sample covariance, divisor n − 1). */
  variance: Float64Array;
  /** Share of the total variance of each axis. */
  varianceRatio: Float64Array;
  /** Coordinates of every row on the axes, row-major `n × components`. */
  scores: Float64Array;
}

/**
 * Eigen-decomposition of a symmetric `d × d` matrix by cyclic Jacobi rotations (deterministic,
 * accurate to machine precision; O(d³) per sweep, fine for embedding widths up to a few hundred).
 *
 * @param a symmetric matrix, row-major (not modified).
 * @returns eigenvalues (descending) and unit eigenvectors as rows in the same order.
 * @example
 * ```ts
 * symmetricEigen(Float64Array.of(2, 1, 1, 2), 2); // values [3, 1], vectors [[0.707, 0.707], [-0.707, 0.707]] (up to sign)
 * ```
 */
export function symmetricEigen(a: ArrayLike<number>, d: number): { values: Float64Array; vectors: Float64Array } {
  if (a.length !== d * d) throw new Error(`symmetricEigen: matrix has ${a.length} values, expected ${d}×${d}`);
  const m = Float64Array.from(a);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  let norm = 0;
  for (let i = 0; i < d * d; i++) norm += m[i] * m[i];
  const tol = 1e-30 * Math.max(norm, 1e-300);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += m[p * d + q] ** 2;
    if (off <= tol) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = m[p * d + q];
        if (apq === 0) continue;
        const theta = (m[q * d + q] - m[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const mkp = m[k * d + p];
          const mkq = m[k * d + q];
          m[k * d + p] = c * mkp - s * mkq;
          m[k * d + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < d; k++) {
          const mpk = m[p * d + k];
          const mqk = m[q * d + k];
          m[p * d + k] = c * mpk - s * mqk;
          m[q * d + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p];
          const vkq = v[k * d + q];
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((x, y) => m[y * d + y] - m[x * d + x] || x - y);
  const values = Float64Array.from(order, (i) => m[i * d + i]);
  const vectors = new Float64Array(d * d);
  order.forEach((col, r) => {
    for (let k = 0; k < d; k++) vectors[r * d + k] = v[k * d + col];
  });
  return { values, vectors };
}

/**
 * Principal component analysis of `n` rows of width `d` (e.g. item embeddings): the sample
 * covariance is decomposed with {@link symmetricEigen}, so the result is deterministic; each
 * axis is signed so that its largest-magnitude loading is positive. O(n·d² + d³).
 *
 * @param x row-major data, `n · d` values (not modified).
 * @param n rows (≥ 2).
 * @param d columns (≥ 1).
 * @param options see {@link PcaOptions}.
 * @returns the {@link PcaResult}.
 * @throws Error when the shape does not match or a value is not finite.
 * @example
 * ```ts
 * const p = pca(model.itemEmb, model.itemIds.length, model.dim);
 * p.scores; // n × 2 coordinates for a map
 * ```
 */
export function pca(x: ArrayLike<number>, n: number, d: number, options: PcaOptions = {}): PcaResult {
  const c = options.components ?? 2;
  if (!(Number.isInteger(n) && n >= 2) || !(Number.isInteger(d) && d >= 1)) throw new Error(`pca: need n >= 2 rows and d >= 1 columns, got ${n} × ${d}`);
  if (x.length !== n * d) throw new Error(`pca: x has ${x.length} values, expected n·d = ${n * d}`);
  if (!(Number.isInteger(c) && c >= 1 && c <= d)) throw new Error(`pca: components must be an integer in [1, ${d}], got ${c}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j];
      if (!Number.isFinite(v)) throw new Error(`pca: value at row ${i}, column ${j} is not finite (${v})`);
      mean[j] += v / n;
    }
  }
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = x[i * d + j] - mean[j];
    for (let a = 0; a < d; a++) {
      const ra = row[a];
      if (ra === 0) continue;
      for (let b = a; b < d; b++) cov[a * d + b] += ra * row[b];
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      cov[a * d + b] /= n - 1;
      cov[b * d + a] = cov[a * d + b];
    }
  }
  const { values, vectors } = symmetricEigen(cov, d);
  let total = 0;
  for (let j = 0; j < d; j++) total += Math.max(0, values[j]);
  const components = vectors.slice(0, c * d);
  for (let r = 0; r < c; r++) {
    let big = 0;
    for (let j = 1; j < d; j++) if (Math.abs(components[r * d + j]) > Math.abs(components[r * d + big])) big = j;
    if (components[r * d + big] < 0) for (let j = 0; j < d; j++) components[r * d + j] = -components[r * d + j];
  }
  const scores = new Float64Array(n * c);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < c; r++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (x[i * d + j] - mean[j]) * components[r * d + j];
      scores[i * c + r] = s;
    }
  }
  const variance = Float64Array.from(values.subarray(0, c), (v) => Math.max(0, v));
  return { mean, components, variance, varianceRatio: Float64Array.from(variance, (v) => (total > 0 ? v / total : 0)), scores };
}
