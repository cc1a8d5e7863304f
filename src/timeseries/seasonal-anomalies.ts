/**
 * Anomalies of a seasonal series, found on the remainder of an STL decomposition
 * y_t = S_t + T_t + R_t (see {@link stl}): a day is anomalous when its remainder R_t is
 * extreme, judged by
 *
 * - `"esd"`: Rosner's generalized ESD test on R ({@link generalizedEsd}), which decides how
 *   many of the up to `maxAnomalies` most extreme remainders are outliers at level α;
 *   score_t = (R_t − R̄)/s_R;
 * - `"robust-z"`: |z_t| > threshold with the robust z-score z_t = (R_t − med R)/(1.4826·MAD(R))
 *   ({@link robustZScore}); score_t = z_t.
 *
 * The default decomposition is STL with a periodic seasonal component and non-robust fitting:
 * a robust fit would also push every regular but non-seasonal bump (e.g. a monthly payday on a
 * weekly model) into the remainder. Pass `stl: { robust: true }` to change that.
 */
import { generalizedEsd } from "./generalized-esd";
import { robustZScore } from "./robust-z";
import { checkInteger, toSeries } from "./series-input";
import { stl, type StlOptions } from "./stl";

/** Options of {@link seasonalAnomalies}. */
export interface SeasonalAnomaliesOptions {
  /** Season length m (7 for daily data with a weekly cycle), an integer ≥ 2. Required. */
  period: number;
  /** `"esd"` (generalized ESD test) or `"robust-z"` (MAD z-score threshold). Default `"esd"`. */
  method?: "esd" | "robust-z";
  /** ESD: significance level α. Default `0.05`. */
  alpha?: number;
  /** ESD: most anomalies tested for. Default max(1, ⌊n/10⌋). */
  maxAnomalies?: number;
  /** Robust z: flag |z| > threshold. Default `3.5`. */
  threshold?: number;
  /** Extra STL options (period is set from `period`). Default `{ sWindow: "periodic", robust: false }`. */
  stl?: Partial<Omit<StlOptions, "period">>;
}

/** Result of {@link seasonalAnomalies}; arrays have the input's length. */
export interface SeasonalAnomaliesResult {
  trend: Float64Array;
  seasonal: Float64Array;
  remainder: Float64Array;
  /** Standardised remainder (see the module comment). */
  score: Float64Array;
  /** Indices of the anomalies, in increasing order. */
  anomalies: number[];
}

const defaults = {
  method: "esd" as "esd" | "robust-z",
  alpha: 0.05,
  threshold: 3.5,
  stl: { sWindow: "periodic" as StlOptions["sWindow"], robust: false },
};

/**
 * Finds anomalies on the STL remainder of a seasonal series (see the module comment).
 *
 * @param y the series (finite numbers), more than two periods long.
 * @param options see {@link SeasonalAnomaliesOptions}.
 * @returns the decomposition, the scores and the anomaly indices.
 * @throws Error naming the index of a NaN/Infinity, a bad period, a series of no more than
 *   two periods (or a period longer than the series), or an option out of range.
 * @example
 * ```ts
 * const daily = seriesValues(eventSeries(events, { freq: "day", local: true }));
 * const { anomalies } = seasonalAnomalies(daily.values, { period: 7 });
 * seasonalAnomalies(daily.values, { period: 7, method: "robust-z", threshold: 5 });
 * ```
 */
export function seasonalAnomalies(y: ArrayLike<number>, options: SeasonalAnomaliesOptions): SeasonalAnomaliesResult {
  const x = toSeries(y, "y");
  const period = checkInteger("period", options?.period, 2);
  if (x.length <= 2 * period) {
    throw new Error(`y has ${x.length} values; seasonal anomaly detection needs more than two periods (> ${2 * period} for period ${period})`);
  }
  const method = options.method ?? defaults.method;
  if (method !== "esd" && method !== "robust-z") throw new Error(`method must be "esd" or "robust-z", got ${String(method)}`);
  const { seasonal, trend, remainder } = stl(x, { ...defaults.stl, ...options.stl, period });
  const n = x.length;
  if (method === "robust-z") {
    const z = robustZScore(remainder, { threshold: options.threshold ?? defaults.threshold });
    return { trend, seasonal, remainder, score: z.z, anomalies: z.anomalies };
  }
  const esd = generalizedEsd(remainder, { alpha: options.alpha ?? defaults.alpha, maxAnomalies: options.maxAnomalies });
  let mean = 0;
  for (let i = 0; i < n; i++) mean += remainder[i] / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (remainder[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = sd > 0 ? (remainder[i] - mean) / sd : 0;
  return { trend, seasonal, remainder, score, anomalies: [...esd.anomalies].sort((a, b) => a - b) };
}
