/**
 * KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt & Shin 1992) as computed
 * by R's `urca::ur.kpss`, and the number of differences it suggests (R's
 * `forecast::ndiffs(x, test = "kpss")`).
 *
 * With e_t = y_t − ȳ (level) or the residual of y on (1, t) (trend), S_t = Σ_{s≤t} e_s and
 * l lags:
 *
 *   s²(l) = (1/n) Σ e_t² + (2/n) Σ_{j=1}^{l} (1 − j/(l+1)) Σ_{t=j+1}^{n} e_t e_{t−j}
 *   η = (1/n²) Σ S_t² / s²(l)
 *
 * The p-value interpolates linearly in the KPSS table (level: 0.347, 0.463, 0.574, 0.739 at
 * 10 %, 5 %, 2.5 %, 1 %; trend: 0.119, 0.146, 0.176, 0.216), clamped to [0.01, 0.10].
 */
import { diffOnce } from "./difference";
import { checkInteger, isConstant, toSeries } from "./series-input";

/** Options of {@link kpssTest}. */
export interface KpssOptions {
  /** "level" (η_μ, the default) or "trend" (η_τ). */
  type?: "level" | "trend";
  /** Bartlett-window lags l. Default trunc(3√n/13) (the choice of `forecast::ndiffs`). */
  lags?: number;
}

/** Result of {@link kpssTest}. */
export interface KpssResult {
  statistic: number;
  /** Interpolated p-value in [0.01, 0.10]. */
  pValue: number;
  lags: number;
  type: "level" | "trend";
}

const CRIT = {
  level: [0.347, 0.463, 0.574, 0.739],
  trend: [0.119, 0.146, 0.176, 0.216],
};
const PCT = [0.1, 0.05, 0.025, 0.01];

/**
 * KPSS statistic and p-value (null hypothesis: stationary).
 * @throws Error when y has fewer than 3 values or lags is not a non-negative integer below n.
 * @example
 * ```ts
 * kpssTest([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { lags: 0 }).statistic; // 833/825 = 1.0097
 * ```
 */
export function kpssTest(y: ArrayLike<number>, options: KpssOptions = {}): KpssResult {
  const x = toSeries(y, "y", 3);
  const n = x.length;
  const type = options.type ?? "level";
  if (type !== "level" && type !== "trend") throw new Error(`type must be "level" or "trend", got ${String(type)}`);
  const lags = checkInteger("lags", options.lags ?? Math.trunc((3 * Math.sqrt(n)) / 13), 0, n - 1);
  const e = type === "level" ? demean(x) : detrend(x);
  let cum = 0;
  let num = 0;
  let s2 = 0;
  for (let t = 0; t < n; t++) {
    cum += e[t];
    num += cum * cum;
    s2 += e[t] * e[t];
  }
  num /= n * n;
  let denom = s2 / n;
  for (let j = 1; j <= lags; j++) {
    let c = 0;
    for (let t = j; t < n; t++) c += e[t] * e[t - j];
    denom += (2 / n) * (1 - j / (lags + 1)) * c;
  }
  const statistic = num / denom;
  return { statistic, pValue: interpolate(CRIT[type], statistic), lags, type };
}

function interpolate(crit: number[], stat: number): number {
  if (!(stat > crit[0])) return PCT[0];
  if (stat >= crit[3]) return PCT[3];
  let k = 0;
  while (stat > crit[k + 1]) k++;
  const f = (stat - crit[k]) / (crit[k + 1] - crit[k]);
  return PCT[k] + f * (PCT[k + 1] - PCT[k]);
}

function demean(x: Float64Array): Float64Array {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  return x.map((v) => v - m);
}

function detrend(x: Float64Array): Float64Array {
  const n = x.length;
  const tm = (n + 1) / 2;
  let ym = 0;
  for (const v of x) ym += v;
  ym /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t + 1 - tm) * (x[t] - ym);
    sxx += (t + 1 - tm) ** 2;
  }
  const b = sxy / sxx;
  return x.map((v, t) => v - ym - b * (t + 1 - tm));
}

/** Options of {@link ndiffs}. */
export interface NdiffsOptions {
  /** Test level, clamped to [0.01, 0.1] as R. Default 0.05. */
  alpha?: number;
  /** Most differences. Default 2. */
  maxD?: number;
  /** KPSS type. Default "level". */
  type?: "level" | "trend";
}

/**
 * Number of first differences d (0…maxD) needed for KPSS level stationarity: difference
 * while the p-value is below alpha, with l = trunc(3√n/13) lags for the current length n.
 * A constant series needs none (or no more).
 * @example
 * ```ts
 * ndiffs(randomWalk); // 1
 * ```
 */
export function ndiffs(y: ArrayLike<number>, options: NdiffsOptions = {}): number {
  let x = toSeries(y, "y");
  const alpha = Math.min(0.1, Math.max(0.01, options.alpha ?? 0.05));
  const maxD = checkInteger("maxD", options.maxD ?? 2, 0);
  const type = options.type ?? "level";
  if (isConstant(x)) return 0;
  const test = (v: Float64Array): boolean | null => (v.length < 3 ? null : kpssTest(v, { type }).pValue < alpha);
  let dodiff = test(x);
  if (dodiff === null) return 0;
  let d = 0;
  while (dodiff && d < maxD) {
    d++;
    x = diffOnce(x, 1);
    if (isConstant(x)) return d;
    dodiff = test(x);
    if (dodiff === null) return d - 1;
  }
  return d;
}
