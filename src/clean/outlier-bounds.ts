/** How an outlier rule is stated: by z-score or by the interquartile range. */
export type OutlierMethod = "zscore" | "iqr";

/** Inclusive bounds: a value `v` is an outlier when `v < lower || v > upper`. */
export interface OutlierBounds {
  lower: number;
  upper: number;
}

/**
 * Quantile of an ascending-sorted array by linear interpolation between closest ranks
 * (NumPy's default, Hyndman & Fan type 7): `h = (n − 1)·q`, result
 * `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])`.
 *
 * @param sorted values in ascending order, without NaN.
 * @param q quantile in [0, 1].
 * @example
 * ```ts
 * quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25); // 1.75
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile must be in [0, 1], got ${q}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Bounds beyond which values are outliers.
 *
 * - `zscore`: `mean ± threshold·sd`, with the sample standard deviation (n − 1). When
 *   sd = 0 or fewer than 2 values, nothing is an outlier (bounds ±∞).
 * - `iqr`: `[Q1 − k·IQR, Q3 + k·IQR]` with Q1, Q3 from {@link quantileSorted}.
 *
 * NaN values are ignored. `threshold` must be > 0 and `k` ≥ 0.
 *
 * @param values the sample.
 * @param method `"zscore"` or `"iqr"`.
 * @param threshold z-score cut (used by `zscore`).
 * @param k IQR multiplier (used by `iqr`).
 * @example
 * ```ts
 * outlierBounds(Float64Array.of(1, 2, 3, 4, 100), "iqr", 3, 1.5); // { lower: -1, upper: 7 }
 * ```
 */
export function outlierBounds(values: ArrayLike<number>, method: OutlierMethod, threshold: number, k: number): OutlierBounds {
  if (!(threshold > 0)) throw new Error(`threshold must be > 0, got ${threshold}`);
  if (!(k >= 0)) throw new Error(`k must be >= 0, got ${k}`);
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) xs.push(values[i]);
  const open = { lower: -Infinity, upper: Infinity };
  if (method === "zscore") {
    const n = xs.length;
    if (n < 2) return open;
    let sum = 0;
    for (const x of xs) sum += x;
    const mean = sum / n;
    let ss = 0;
    for (const x of xs) ss += (x - mean) * (x - mean);
    const sd = Math.sqrt(ss / (n - 1));
    if (!(sd > 0)) return open;
    return { lower: mean - threshold * sd, upper: mean + threshold * sd };
  }
  if (method === "iqr") {
    if (xs.length === 0) return open;
    const sorted = Float64Array.from(xs).sort();
    const q1 = quantileSorted(sorted, 0.25);
    const q3 = quantileSorted(sorted, 0.75);
    const iqr = q3 - q1;
    return { lower: q1 - k * iqr, upper: q3 + k * iqr };
  }
  throw new Error(`method must be "zscore" or "iqr", got ${String(method)}`);
}
