/**
 * Options of {@link seasonalNaive}.
 *
 * @example
 * ```ts
 * const o: SeasonalNaiveOptions = { period: 24, h: 48 };
 * ```
 */
export interface SeasonalNaiveOptions {
  /** Seasonal period `m` in steps (1: the naive random-walk forecast). Default `1`. */
  period?: number;
  /** Forecast horizon in steps. Default `1`. */
  h?: number;
}

const defaults = { period: 1, h: 1 };

/**
 * The seasonal naive forecast: each future step repeats the last observed value one season
 * earlier, `ŷ_{T+k} = y_{T+k−m·(⌊(k−1)/m⌋+1)}` for k = 1..h. With `period` 1 it is the naive
 * (random-walk) forecast `ŷ_{T+k} = y_T`. The benchmark every forecaster should beat.
 *
 * @param y the observed series (finite numbers, at least `period` values).
 * @param options `period` (default 1) and `h` (default 1), see {@link SeasonalNaiveOptions}.
 * @returns a new `Float64Array` of `h` forecasts.
 * @throws Error naming the parameter when `period`/`h` is not a positive integer, `y` is shorter
 *   than `period`, or `y` holds a non-finite value.
 * @example
 * ```ts
 * seasonalNaive([1, 2, 3, 4, 5, 6], { period: 3, h: 4 }); // Float64Array [4, 5, 6, 4]
 * seasonalNaive([1, 2, 3], { h: 2 });                     // Float64Array [3, 3]
 * ```
 */
export function seasonalNaive(y: ArrayLike<number>, options: SeasonalNaiveOptions = {}): Float64Array {
  const m = options.period ?? defaults.period;
  const h = options.h ?? defaults.h;
  if (!Number.isInteger(m) || m < 1) throw new Error(`seasonalNaive: period must be an integer >= 1, got ${String(m)}`);
  if (!Number.isInteger(h) || h < 1) throw new Error(`seasonalNaive: h must be an integer >= 1, got ${String(h)}`);
  if (y == null || typeof y.length !== "number") throw new Error("seasonalNaive: y must be an array of numbers");
  const n = y.length;
  if (n < m) throw new Error(`seasonalNaive: y has ${n} values; at least period (${m}) are needed`);
  for (let t = n - m; t < n; t++) {
    if (!Number.isFinite(y[t])) throw new Error(`seasonalNaive: y[${t}] is ${String(y[t])}; finite numbers only`);
  }
  const out = new Float64Array(h);
  for (let k = 0; k < h; k++) out[k] = y[n - m + (k % m)];
  return out;
}

/**
 * Options of {@link seasonalNaiveForecaster}.
 *
 * @example
 * ```ts
 * const o: SeasonalNaiveForecasterOptions = { period: 7 };
 * ```
 */
export interface SeasonalNaiveForecasterOptions {
  /** Seasonal period `m` (1: naive). Default `1`. */
  period?: number;
}

/**
 * The seasonal naive forecast as a forecaster `(train, h) => forecasts`, the shape
 * `rollingOrigin` plugs in.
 *
 * @param options `period` (default 1).
 * @returns a function of the training series and the horizon.
 * @example
 * ```ts
 * const snaive = seasonalNaiveForecaster({ period: 24 });
 * snaive(hourlyCounts, 24); // tomorrow = today
 * await rollingOrigin(y, { forecasters: { snaive }, h: 24, origins: 5 });
 * ```
 */
export function seasonalNaiveForecaster(options: SeasonalNaiveForecasterOptions = {}): (train: Float64Array, h: number) => Float64Array {
  const period = options.period ?? defaults.period;
  if (!Number.isInteger(period) || period < 1) throw new Error(`seasonalNaiveForecaster: period must be an integer >= 1, got ${String(period)}`);
  return (train, h) => seasonalNaive(train, { period, h });
}
