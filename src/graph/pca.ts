import { symmetricEigen } from "../timeseries/small-linalg";

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
 * Principal component analysis of `n` rows of width `d` (e.g. item embeddings): the sample
 * covariance is decomposed by cyclic Jacobi rotations (`symmetricEigen` of
 * `src/timeseries/small-linalg.ts`), so the result is deterministic; each
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
  const components = new Float64Array(c * d); // eigenvectors are the columns of `vectors`
  for (let r = 0; r < c; r++) for (let j = 0; j < d; j++) components[r * d + j] = vectors[j * d + r];
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
