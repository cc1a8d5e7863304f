/**
 * The Ljung–Box portmanteau test (Ljung & Box 1978), as R's `Box.test(type = "Ljung-Box")`,
 * on the sample autocorrelations of `acf.ts`:
 *
 *   r_k = Σ_{t=1}^{n−k} (x_t − x̄)(x_{t+k} − x̄) / Σ_t (x_t − x̄)²
 *   Q = n(n + 2) Σ_{k=1}^{h} r_k² / (n − k),   p = P(χ²_{h − fitdf} > Q)
 *
 * For ARMA residuals use fitdf = p + q (the number of ARMA coefficients).
 */
import { acf } from "./acf";
import { checkInteger, toSeries } from "./series-input";
import { chiSquareUpper } from "./special-functions";

/** Options of {@link ljungBox}. */
export interface LjungBoxOptions {
  /** Number of lags h. Default 1 (R's `Box.test`); forecast's checkresiduals uses min(10, n/5) or min(2m, n/5). */
  lag?: number;
  /** Degrees of freedom used by a fitted model (p + q for ARMA residuals). Default 0. */
  fitdf?: number;
}

/** Result of {@link ljungBox}. */
export interface LjungBoxResult {
  statistic: number;
  df: number;
  pValue: number;
}

/**
 * Ljung–Box test of no autocorrelation up to lag h.
 * @throws Error when lag ∉ [1, n − 1], lag − fitdf < 1, x has NaN or is constant.
 * @example
 * ```ts
 * ljungBox(model.residuals, { lag: 24, fitdf: 3 }).pValue; // > 0.05: residuals look white
 * ```
 */
export function ljungBox(x: ArrayLike<number>, options: LjungBoxOptions = {}): LjungBoxResult {
  const v = toSeries(x, "x", 2);
  const n = v.length;
  const lag = checkInteger("lag", options.lag ?? 1, 1, Math.max(1, n - 1));
  const fitdf = checkInteger("fitdf", options.fitdf ?? 0, 0);
  const df = lag - fitdf;
  if (df < 1) throw new Error(`lag (${lag}) must exceed fitdf (${fitdf})`);
  const r = acf(v, { maxLag: lag }).values; // r[0] = 1
  let q = 0;
  for (let k = 1; k <= lag; k++) q += (r[k] * r[k]) / (n - k);
  const statistic = n * (n + 2) * q;
  return { statistic, df, pValue: chiSquareUpper(statistic, df) };
}
