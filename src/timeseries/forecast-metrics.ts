/**
 * Point-forecast accuracy measures (Hyndman & Koehler 2006). Every function takes the actual
 * values and the forecasts as equal-length arrays of finite numbers (`Float64Array` or plain
 * arrays) and returns one number; lower is better for all four.
 */

/** Checks two equal-length, non-empty arrays of finite numbers; returns the length. */
function checkPair(actual: ArrayLike<number>, forecast: ArrayLike<number>, fn: string): number {
  if (actual == null || forecast == null || typeof actual.length !== "number" || typeof forecast.length !== "number") {
    throw new Error(`${fn}: actual and forecast must be arrays of numbers`);
  }
  const n = actual.length;
  if (n === 0) throw new Error(`${fn}: actual is empty; at least one value is needed`);
  if (forecast.length !== n) throw new Error(`${fn}: actual has ${n} values but forecast has ${forecast.length}; they must match`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(actual[i])) throw new Error(`${fn}: actual[${i}] is ${String(actual[i])}; finite numbers only`);
    if (!Number.isFinite(forecast[i])) throw new Error(`${fn}: forecast[${i}] is ${String(forecast[i])}; finite numbers only`);
  }
  return n;
}

/**
 * Mean absolute error: `MAE = (1/n) Σ |y_t − ŷ_t|`, in the units of the series, range [0, ∞).
 *
 * @param actual observed values `y`.
 * @param forecast forecasts `ŷ`, same length.
 * @returns the MAE.
 * @throws Error on empty or unequal lengths or a non-finite value (index named).
 * @example
 * ```ts
 * mae(Float64Array.of(1, 2, 3), Float64Array.of(2, 2, 5)); // (1 + 0 + 2) / 3 = 1
 * ```
 */
export function mae(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  const n = checkPair(actual, forecast, "mae");
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(actual[i] - forecast[i]);
  return s / n;
}

/**
 * Root mean squared error: `RMSE = sqrt((1/n) Σ (y_t − ŷ_t)²)`, in the units of the series,
 * range [0, ∞); never below the MAE.
 *
 * @param actual observed values `y`.
 * @param forecast forecasts `ŷ`, same length.
 * @returns the RMSE.
 * @throws Error on empty or unequal lengths or a non-finite value.
 * @example
 * ```ts
 * rmse([1, 2, 3], [2, 2, 5]); // sqrt((1 + 0 + 4) / 3) ≈ 1.291
 * ```
 */
export function rmse(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  const n = checkPair(actual, forecast, "rmse");
  let s = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i] - forecast[i];
    s += e * e;
  }
  return Math.sqrt(s / n);
}

/**
 * Symmetric mean absolute percentage error on the **0–200 % scale**:
 * `sMAPE = (100 / n) Σ 2·|y_t − ŷ_t| / (|y_t| + |ŷ_t|)` (the M3/M4 convention, with absolute
 * values in the denominator). A term with `y_t = ŷ_t = 0` counts as 0 (a perfect forecast).
 * Range [0, 200]; 200 when every forecast has the wrong sign or is 0 where `y_t ≠ 0`.
 *
 * @param actual observed values `y`.
 * @param forecast forecasts `ŷ`, same length.
 * @returns the sMAPE in percent, in [0, 200].
 * @throws Error on empty or unequal lengths or a non-finite value.
 * @example
 * ```ts
 * smape([100, 200], [110, 180]); // 50·(20/210 + 40/380) ≈ 10.026
 * ```
 */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  const n = checkPair(actual, forecast, "smape");
  let s = 0;
  for (let i = 0; i < n; i++) {
    const den = Math.abs(actual[i]) + Math.abs(forecast[i]);
    if (den > 0) s += (2 * Math.abs(actual[i] - forecast[i])) / den;
  }
  return (100 * s) / n;
}

/**
 * Options of {@link mase}.
 *
 * @example
 * ```ts
 * const o: MaseOptions = { period: 7 };
 * ```
 */
export interface MaseOptions {
  /** Seasonal period `m` of the in-sample naive forecast (1: the naive random walk). Default `1`. */
  period?: number;
}

const maseDefaults = { period: 1 };

/**
 * Mean absolute scaled error (Hyndman & Koehler 2006): the out-of-sample MAE divided by the
 * in-sample MAE of the seasonal naive forecast with period `m` on the training series,
 * `MASE = MAE(y, ŷ) / [ (1/(T−m)) Σ_{t=m+1..T} |x_t − x_{t−m}| ]`. Scale-free, range [0, ∞);
 * below 1 means better than the in-sample seasonal naive one-step forecast.
 *
 * @param actual observed test values `y`.
 * @param forecast forecasts `ŷ`, same length.
 * @param train the training series `x` (length `T > m`) that defines the scale.
 * @param options `period` m (default 1), see {@link MaseOptions}.
 * @returns the MASE; `Infinity` when the scale is 0 (a constant or exactly m-periodic training
 *   series) and the MAE is positive, `NaN` when both are 0.
 * @throws Error when `period` is not a positive integer or `train` has no more than `period` values.
 * @example
 * ```ts
 * // scale = mean(|3−1|, |5−3|) = 2 (period 1); MAE = 1
 * mase([7, 9], [8, 8], [1, 3, 5]); // 0.5
 * ```
 */
export function mase(actual: ArrayLike<number>, forecast: ArrayLike<number>, train: ArrayLike<number>, options: MaseOptions = {}): number {
  const m = options.period ?? maseDefaults.period;
  if (!Number.isInteger(m) || m < 1) throw new Error(`mase: period must be an integer >= 1, got ${String(m)}`);
  if (train == null || typeof train.length !== "number") throw new Error("mase: train must be an array of numbers");
  if (train.length <= m) throw new Error(`mase: train has ${train.length} values; more than period (${m}) are needed`);
  let s = 0;
  for (let t = 0; t < train.length; t++) {
    if (!Number.isFinite(train[t])) throw new Error(`mase: train[${t}] is ${String(train[t])}; finite numbers only`);
    if (t >= m) s += Math.abs(train[t] - train[t - m]);
  }
  const scale = s / (train.length - m);
  return mae(actual, forecast) / scale;
}
