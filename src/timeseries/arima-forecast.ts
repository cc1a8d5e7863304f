/**
 * Forecasts from a fitted ARIMA model (R's `forecast::forecast.Arima` / `predict.Arima`).
 *
 * The filtered state at the end of the series is propagated h steps through the state space
 * (a ← Ta, P ← TPTᵀ + RRᵀ); the point forecast is Za plus the regression part
 * β₀ + β₁(n + k), and the forecast variance σ²·ZPZᵀ, i.e. σ² Σ_{j<k} ψ_j² for the ψ-weights of
 * the differenced-and-integrated model. Intervals are mean ± Φ⁻¹(½ + level/200)·se. With a
 * Box–Cox λ the mean and bounds are back-transformed (the mean becomes the forecast median:
 * no bias adjustment, as R's default).
 */
import { buildStateSpace, forecastStateSpace } from "./arima-state-space";
import type { ArimaModel } from "./arima-model";
import { invBoxCox } from "./box-cox";
import { checkInteger } from "./series-input";
import { normalQuantile } from "./special-functions";

/** Options of {@link forecast}. */
export interface ForecastOptions {
  /** Interval levels in percent, each in (0, 100). Default [80, 95]. */
  level?: readonly number[];
}

/** One prediction interval. */
export interface ForecastInterval {
  /** Level in percent. */
  level: number;
  lower: Float64Array;
  upper: Float64Array;
}

/** Result of {@link forecast}. */
export interface ArimaForecast {
  /** Point forecasts for steps 1…h (original scale). */
  mean: Float64Array;
  /** Standard errors on the model (Box–Cox) scale. */
  se: Float64Array;
  /** Intervals, one per level, on the original scale. */
  intervals: ForecastInterval[];
}

const defaults = { level: [80, 95] };

/**
 * Forecasts h steps ahead with prediction intervals.
 * @param model a model from `fitArima` or `autoArima`.
 * @param h forecast horizon (integer ≥ 1).
 * @param options `level` (default [80, 95]).
 * @throws Error when h is not a positive integer or a level is outside (0, 100).
 * @example
 * ```ts
 * const fc = forecast(fitArima(y, { order: [0, 1, 1], seasonal: { order: [0, 1, 1], period: 12 }, lambda: 0 }), 24);
 * fc.mean[0];                 // 450.4
 * fc.intervals[1].upper[0];   // 95 % upper bound, 484.3
 * ```
 */
export function forecast(model: ArimaModel, h: number, options: ForecastOptions = {}): ArimaForecast {
  checkInteger("h", h, 1);
  const levels = options.level ?? defaults.level;
  for (const l of levels) if (!(l > 0 && l < 100)) throw new Error(`level must be in (0, 100) percent, got ${l}`);
  const ss = buildStateSpace(Float64Array.from(model.phi), Float64Array.from(model.theta), Float64Array.from(model.delta));
  const { mean, variance } = forecastStateSpace(ss, Float64Array.from(model.state.a), Float64Array.from(model.state.P), h);
  const n = model.x.length;
  const b0 = model.coef.intercept ?? 0;
  const b1 = model.coef.drift ?? 0;
  for (let k = 0; k < h; k++) mean[k] += b0 + b1 * (n + k + 1);
  const se = variance.map((v) => Math.sqrt(Math.max(0, v) * model.sigma2));
  const back = (v: Float64Array): Float64Array => (model.lambda === null ? v : invBoxCox(v, model.lambda));
  const intervals = levels.map((level) => {
    const z = normalQuantile(0.5 + level / 200);
    return {
      level,
      lower: back(mean.map((m, k) => m - z * se[k])),
      upper: back(mean.map((m, k) => m + z * se[k])),
    };
  });
  return { mean: back(mean), se, intervals };
}
