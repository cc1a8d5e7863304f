import type { Tensor } from "@tensorflow/tfjs";
import { tfjsInstance as tf } from "../../runtime/backend-loaders";
import { disposeGruForecaster, fitGruForecaster, type GruForecaster, type GruForecasterOptions } from "./gru-forecaster";
import { scaleValues, unscaleValues } from "./scaler";

/**
 * Forecasts `h` steps after the end of `history` in original units. The model reads the last
 * `window` values (scaled with the stored scaler) and predicts `m.h` steps at once; for
 * `h > m.h` the forecasts are fed back and the model is applied again, block by block.
 *
 * @param m a fitted {@link GruForecaster}.
 * @param history the series up to the forecast origin (at least `window` finite values; usually
 *   the training series itself, or that series extended by newer observations).
 * @param h steps to forecast. Default `m.h`.
 * @returns a new `Float64Array` of `h` forecasts.
 * @throws Error when `history` is too short or holds a non-finite value, or `h` is not a positive integer.
 * @example
 * ```ts
 * const m = await fitGruForecaster(train, { window: 48, h: 24 });
 * const fc = forecastGru(m, train);     // 24 steps after train
 * mae(test.subarray(0, 24), fc);
 * ```
 */
export function forecastGru(m: GruForecaster, history: ArrayLike<number>, h: number = m.h): Float64Array {
  if (!Number.isInteger(h) || h < 1) throw new Error(`forecastGru: h must be an integer >= 1, got ${String(h)}`);
  if (history == null || typeof history.length !== "number") throw new Error("forecastGru: history must be an array of numbers");
  const n = history.length;
  if (n < m.window) throw new Error(`forecastGru: history has ${n} values; the model reads the last window = ${m.window}`);
  const context = Array.from({ length: m.window }, (_, j) => {
    const v = history[n - m.window + j];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`forecastGru: history[${n - m.window + j}] is ${String(v)}; finite numbers only`);
    return v;
  });
  const scaled = Array.from(scaleValues(context, m.scaler));
  const out: number[] = [];
  while (out.length < h) {
    const input = Float32Array.from(scaled.slice(scaled.length - m.window));
    const block = tf.tidy(() => (m.model.predict(tf.tensor3d(input, [1, m.window, 1])) as Tensor).dataSync().slice());
    for (const v of block) {
      scaled.push(v);
      out.push(v);
    }
  }
  return unscaleValues(out.slice(0, h), m.scaler);
}

/**
 * The GRU as a forecaster `(train, h) => Promise<forecasts>` for `rollingOrigin`: each call fits
 * a fresh model on `train` only (head width `options.h ?? h`), forecasts `h` steps and disposes it.
 *
 * @param options {@link GruForecasterOptions} used for every fit (seed included, so folds are reproducible).
 * @returns the async forecaster.
 * @example
 * ```ts
 * await rollingOrigin(y, { forecasters: { gru: gruForecaster({ window: 48, epochs: 40 }), naive: seasonalNaiveForecaster() }, h: 24, origins: 3 });
 * ```
 */
export function gruForecaster(options: GruForecasterOptions = {}): (train: Float64Array, h: number) => Promise<Float64Array> {
  return async (train, h) => {
    const m = await fitGruForecaster(train, { ...options, h: options.h ?? h });
    try {
      return forecastGru(m, train, h);
    } finally {
      disposeGruForecaster(m);
    }
  };
}
