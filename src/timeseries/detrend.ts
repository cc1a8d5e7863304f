import { toSeries } from "./series-input";

/** How to detrend: nothing, subtract the mean, or subtract the least-squares line. */
export type DetrendMethod = "none" | "mean" | "linear";

/**
 * Removes the mean or the least-squares line from a series:
 * - `"mean"`:   d_t = x_t − x̄;
 * - `"linear"`: d_t = x_t − (a + b·t), with b = Σ(t − t̄)(x_t − x̄) / Σ(t − t̄)², a = x̄ − b·t̄,
 *   t = 0 … n − 1 (the residuals then sum to zero and are uncorrelated with t);
 * - `"none"`:   a copy.
 *
 * @param x the series (finite numbers, at least 1; 2 for `"linear"`).
 * @param method see {@link DetrendMethod}. Default `"linear"`.
 * @returns a new array; the input is not modified.
 * @throws Error naming the index of a non-finite value, or an unknown method.
 * @example
 * ```ts
 * detrend([1, 2, 3, 5], "linear"); // [0.2, -0.1, -0.4, 0.3]: residuals of the line 0.8 + 1.3·t
 * detrend([1, 2, 3], "mean");      // [-1, 0, 1]
 * ```
 */
export function detrend(x: ArrayLike<number>, method: DetrendMethod = "linear"): Float64Array {
  if (method !== "none" && method !== "mean" && method !== "linear") {
    throw new Error(`detrend must be "none", "mean" or "linear", got ${String(method)}`);
  }
  const y = toSeries(x, "x", method === "linear" ? 2 : 1);
  if (method === "none") return y;
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  if (method === "mean") {
    for (let i = 0; i < n; i++) y[i] -= mean;
    return y;
  }
  const tBar = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - tBar) * (y[i] - mean);
    sxx += (i - tBar) * (i - tBar);
  }
  const b = sxy / sxx;
  for (let i = 0; i < n; i++) y[i] -= mean + b * (i - tBar);
  return y;
}
