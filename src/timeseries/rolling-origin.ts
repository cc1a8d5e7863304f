import pl from "nodejs-polars";
import { forecast } from "./arima-forecast";
import { autoArima, type AutoArimaOptions } from "./auto-arima";
import { mae, mase, rmse, smape } from "./forecast-metrics";

/**
 * A forecaster as `rollingOrigin` sees it: the training prefix in, `h` forecasts out (sync or
 * async). It must not keep state between calls; each call sees only data before the origin.
 * Adapters: `seasonalNaiveForecaster({ period })`, `autoArimaForecaster({ period })`,
 * `gruForecaster(options)`.
 *
 * @example
 * ```ts
 * const mean: Forecaster = (train, h) => new Float64Array(h).fill(train.reduce((a, b) => a + b, 0) / train.length);
 * ```
 */
export type Forecaster = (train: Float64Array, h: number) => ArrayLike<number> | Promise<ArrayLike<number>>;

/**
 * Options of {@link rollingOrigin}.
 *
 * @example
 * ```ts
 * const o: RollingOriginOptions = { forecasters: { naive: seasonalNaiveForecaster() }, h: 7, origins: 4, step: 7, period: 7 };
 * ```
 */
export interface RollingOriginOptions {
  /** Named forecasters to compare (at least one). Required. */
  forecasters: Record<string, Forecaster>;
  /** Forecast horizon in steps. Required, integer >= 1. */
  h: number;
  /** Number of forecast origins (folds). Default `5`. */
  origins?: number;
  /** Steps between consecutive origins. Default: `h` (test windows tile the end of the series). */
  step?: number;
  /** Seasonal period of the MASE scale (in-sample seasonal naive on each fold's training part). Default `1`. */
  period?: number;
}

/**
 * Result of {@link rollingOrigin}.
 *
 * @example
 * ```ts
 * const { folds, summary, trainSizes } = await rollingOrigin(y, options);
 * ```
 */
export interface RollingOriginResult {
  /** One row per (forecaster, origin): `forecaster, origin` (1-based), `train_size, mae, rmse, smape, mase`. */
  folds: pl.DataFrame;
  /** One row per forecaster (in the order given): `forecaster, origins, mae, rmse, smape, mase` (means over origins). */
  summary: pl.DataFrame;
  /** Training length of each origin (the test window is `y[size .. size + h)`). */
  trainSizes: number[];
  /** The forecasts: `forecasts[name][origin − 1]` holds the `h` values. */
  forecasts: Record<string, Float64Array[]>;
}

const defaults = { origins: 5, period: 1 };

function checkInt(name: string, v: unknown, min: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) throw new Error(`rollingOrigin: ${name} must be an integer >= ${min}, got ${String(v)}`);
  return v;
}

/**
 * Rolling-origin (time-series cross-validation) evaluation with an expanding window
 * (Hyndman & Athanasopoulos, FPP3 §5.10). Origin k (k = 1..K) trains on
 * `y[0 .. T_k)` with `T_k = n − h − (K − k)·step` and forecasts `y[T_k .. T_k + h)`, so the last
 * test window ends at the end of the series. Each forecaster receives a fresh copy of the
 * training prefix only: nothing after the origin can leak. Per origin it records MAE, RMSE,
 * sMAPE (0–200 %) and MASE (scale: in-sample seasonal naive MAE of that origin's training part
 * with `period`), then averages them per forecaster.
 *
 * @param y the full series (finite numbers).
 * @param options see {@link RollingOriginOptions}: `forecasters`, `h` (required), `origins` (5),
 *   `step` (h), `period` (1).
 * @returns `{ folds, summary, trainSizes, forecasts }`; see {@link RollingOriginResult}.
 * @throws Error when an option is out of range, the series is too short for the first origin
 *   (it needs more than `period` training values), or a forecaster fails or returns the wrong
 *   number of values (its name and origin are named).
 * @example
 * ```ts
 * const res = await rollingOrigin(dailyCounts, {
 *   forecasters: { naive: seasonalNaiveForecaster(), snaive: seasonalNaiveForecaster({ period: 7 }) },
 *   h: 7, origins: 6, period: 7,
 * });
 * res.summary; // forecaster | origins | mae | rmse | smape | mase
 * ```
 */
export async function rollingOrigin(y: ArrayLike<number>, options: RollingOriginOptions): Promise<RollingOriginResult> {
  if (options == null || options.forecasters == null || typeof options.forecasters !== "object") {
    throw new Error("rollingOrigin: options.forecasters must be an object { name: (train, h) => forecasts }");
  }
  const names = Object.keys(options.forecasters);
  if (names.length === 0) throw new Error("rollingOrigin: options.forecasters is empty; give at least one forecaster");
  for (const name of names) {
    if (typeof options.forecasters[name] !== "function") throw new Error(`rollingOrigin: forecaster '${name}' must be a function (train, h) => forecasts`);
  }
  const h = checkInt("h", options.h, 1);
  const origins = checkInt("origins", options.origins ?? defaults.origins, 1);
  const step = checkInt("step", options.step ?? h, 1);
  const period = checkInt("period", options.period ?? defaults.period, 1);
  if (y == null || typeof y.length !== "number") throw new Error("rollingOrigin: y must be an array of numbers");
  const n = y.length;
  const series = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (typeof y[i] !== "number" || !Number.isFinite(y[i])) throw new Error(`rollingOrigin: y[${i}] is ${String(y[i])}; finite numbers only`);
    series[i] = y[i];
  }
  const trainSizes = Array.from({ length: origins }, (_, k) => n - h - (origins - 1 - k) * step);
  if (trainSizes[0] <= period) {
    throw new Error(
      `rollingOrigin: y has ${n} values, too short for ${origins} origins with h=${h} and step=${step}: ` +
        `the first origin would train on ${trainSizes[0]} values but needs more than period (${period}); ` +
        `need n >= ${period + 1 + h + (origins - 1) * step}`,
    );
  }

  const rows = { forecaster: [] as string[], origin: [] as number[], train_size: [] as number[], mae: [] as number[], rmse: [] as number[], smape: [] as number[], mase: [] as number[] };
  const forecasts: Record<string, Float64Array[]> = {};
  for (const name of names) {
    forecasts[name] = [];
    for (let k = 0; k < origins; k++) {
      const size = trainSizes[k];
      const train = series.slice(0, size);
      const actual = series.subarray(size, size + h);
      let raw: ArrayLike<number>;
      try {
        raw = await options.forecasters[name](train, h);
      } catch (e) {
        throw new Error(`rollingOrigin: forecaster '${name}' failed at origin ${k + 1} (train size ${size}): ${e instanceof Error ? e.message : String(e)}`);
      }
      if (raw == null || raw.length !== h) {
        throw new Error(`rollingOrigin: forecaster '${name}' returned ${raw == null ? "nothing" : raw.length + " values"} at origin ${k + 1}; h=${h} are needed`);
      }
      const fc = Float64Array.from(raw);
      fc.forEach((v, i) => {
        if (!Number.isFinite(v)) throw new Error(`rollingOrigin: forecaster '${name}' returned ${v} at step ${i + 1} of origin ${k + 1}`);
      });
      forecasts[name].push(fc);
      rows.forecaster.push(name);
      rows.origin.push(k + 1);
      rows.train_size.push(size);
      rows.mae.push(mae(actual, fc));
      rows.rmse.push(rmse(actual, fc));
      rows.smape.push(smape(actual, fc));
      rows.mase.push(mase(actual, fc, train, { period }));
    }
  }

  const mean = (xs: number[], from: number): number => {
    let s = 0;
    for (let i = from; i < from + origins; i++) s += xs[i];
    return s / origins;
  };
  const folds = pl.DataFrame({
    forecaster: rows.forecaster,
    origin: pl.Series("origin", rows.origin, pl.Int32),
    train_size: pl.Series("train_size", rows.train_size, pl.Int32),
    mae: pl.Series("mae", rows.mae, pl.Float64),
    rmse: pl.Series("rmse", rows.rmse, pl.Float64),
    smape: pl.Series("smape", rows.smape, pl.Float64),
    mase: pl.Series("mase", rows.mase, pl.Float64),
  });
  const summary = pl.DataFrame({
    forecaster: names,
    origins: pl.Series("origins", names.map(() => origins), pl.Int32),
    mae: pl.Series("mae", names.map((_, j) => mean(rows.mae, j * origins)), pl.Float64),
    rmse: pl.Series("rmse", names.map((_, j) => mean(rows.rmse, j * origins)), pl.Float64),
    smape: pl.Series("smape", names.map((_, j) => mean(rows.smape, j * origins)), pl.Float64),
    mase: pl.Series("mase", names.map((_, j) => mean(rows.mase, j * origins)), pl.Float64),
  });
  return { folds, summary, trainSizes, forecasts };
}

/**
 * Auto-ARIMA as a forecaster for {@link rollingOrigin}: each call selects and fits a model on
 * the training prefix only (`autoArima(train, options)`) and returns the point forecasts
 * (`forecast(model, h).mean`).
 *
 * @param options passed to `autoArima` for every fold (at least `period` for a seasonal series).
 * @returns the forecaster `(train, h) => Float64Array`.
 * @example
 * ```ts
 * await rollingOrigin(monthly, { forecasters: { arima: autoArimaForecaster({ period: 12 }), snaive: seasonalNaiveForecaster({ period: 12 }) }, h: 12, origins: 4, period: 12 });
 * ```
 */
export function autoArimaForecaster(options: AutoArimaOptions = {}): Forecaster {
  return (train, h) => forecast(autoArima(train, options), h).mean;
}
