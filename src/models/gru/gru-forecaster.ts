import type { LayersModel } from "@tensorflow/tfjs";
import { SEED } from "../../schema";
import type { EpochLog } from "../../viz/loss-curve";
import { fitGruNetwork } from "./fit-gru-network";
import { fitScaler, scaleValues, type Scaler, type ScalerKind } from "./scaler";
import type { OnEpoch } from "./train-loop";
import { windowSeries } from "./windows";

/**
 * Options of {@link fitGruForecaster}.
 *
 * @example
 * ```ts
 * const o: GruForecasterOptions = { window: 48, h: 24, units: 32, epochs: 60, patience: 8, seed: 42 };
 * ```
 */
export interface GruForecasterOptions {
  /** Input window in steps. Default `24`. */
  window?: number;
  /** Forecast horizon predicted at once by the dense head (direct multi-output). Default `12`. */
  h?: number;
  /** GRU units per layer. Default `32`. */
  units?: number;
  /** Stacked GRU layers. Default `1`. */
  layers?: number;
  /** Input dropout of each GRU layer, in [0, 1) (seeded masks). Default `0`. */
  dropout?: number;
  /** Scaling fitted on the training part (before the validation tail): `"standard"` or `"minmax"`. Default `"standard"`. */
  scaler?: ScalerKind;
  /**
   * Validation tail for early stopping: a fraction of the series in (0, 1) or a number of final
   * steps (integer >= h); the tail gets at least `h` steps. `0` trains all epochs on everything.
   * Default `0.2`.
   */
  validation?: number;
  /** Most epochs. Default `100`. */
  epochs?: number;
  /** Epochs without validation improvement before stopping. Default `10`. */
  patience?: number;
  /** Restore the weights of the best validation epoch. Default `true`. */
  restoreBest?: boolean;
  /** Mini-batch size. Default `32`. */
  batchSize?: number;
  /** Adam learning rate. Default `0.005`. */
  learningRate?: number;
  /** Seed of weights, dropout masks and batch order. Default `SEED` (42). */
  seed?: number;
  /** Called after each epoch with its {@link EpochLog} and the history so far. Default: none. */
  onEpoch?: OnEpoch;
}

/**
 * A fitted GRU forecaster. It holds a tfjs model: call {@link disposeGruForecaster} when done.
 *
 * @example
 * ```ts
 * const m: GruForecaster = await fitGruForecaster(y, { window: 24, h: 12 });
 * m.history.at(-1); // { epoch, loss, valLoss }
 * ```
 */
export interface GruForecaster {
  kind: "gru-forecaster";
  /** The trained network: input `[batch, window, 1]` (scaled), output `[batch, h]` (scaled). */
  model: LayersModel;
  /** Scaler fitted on the training part only. */
  scaler: Scaler;
  /** Input window. */
  window: number;
  /** Steps the head predicts at once. */
  h: number;
  /** The options used, defaults filled in (without `onEpoch`). */
  options: Required<Omit<GruForecasterOptions, "onEpoch">>;
  /** Per-epoch `loss` and `valLoss` (MSE on the scaled series). */
  history: EpochLog[];
  /** Epoch whose weights were kept. */
  bestEpoch: number;
  /** Last epoch run. */
  stoppedEpoch: number;
  /** Steps of the training part (the scaler's data) and of the validation tail. */
  trainSize: number;
  validationSize: number;
}

const defaults = {
  window: 24,
  h: 12,
  units: 32,
  layers: 1,
  dropout: 0,
  scaler: "standard" as ScalerKind,
  validation: 0.2,
  epochs: 100,
  patience: 10,
  restoreBest: true,
  batchSize: 32,
  learningRate: 0.005,
  seed: SEED,
};

function resolveOptions(options: GruForecasterOptions): Required<Omit<GruForecasterOptions, "onEpoch">> {
  const o = { ...defaults };
  for (const k of Object.keys(defaults) as (keyof typeof defaults)[]) {
    if (options[k] !== undefined) (o as Record<string, unknown>)[k] = options[k];
  }
  const int = (name: keyof typeof defaults, min: number) => {
    const v = o[name];
    if (typeof v !== "number" || !Number.isInteger(v) || v < min) throw new Error(`fitGruForecaster: ${name} must be an integer >= ${min}, got ${String(v)}`);
  };
  int("window", 1);
  int("h", 1);
  int("units", 1);
  int("layers", 1);
  int("epochs", 1);
  int("patience", 1);
  int("batchSize", 1);
  if (!(typeof o.dropout === "number" && o.dropout >= 0 && o.dropout < 1)) throw new Error(`fitGruForecaster: dropout must be in [0, 1), got ${String(o.dropout)}`);
  if (!(typeof o.learningRate === "number" && o.learningRate > 0 && Number.isFinite(o.learningRate))) {
    throw new Error(`fitGruForecaster: learningRate must be a positive number, got ${String(o.learningRate)}`);
  }
  if (o.scaler !== "standard" && o.scaler !== "minmax") throw new Error(`fitGruForecaster: scaler must be "standard" or "minmax", got ${String(o.scaler)}`);
  const v = o.validation;
  if (!(typeof v === "number" && v >= 0 && (v < 1 || (Number.isInteger(v) && v >= o.h)))) {
    throw new Error(`fitGruForecaster: validation must be 0, a fraction in (0, 1) or an integer number of steps >= h (${o.h}), got ${String(v)}`);
  }
  if (!Number.isFinite(o.seed)) throw new Error(`fitGruForecaster: seed must be a finite number, got ${String(o.seed)}`);
  return o;
}

/**
 * Where the validation tail starts: `n − V` with V steps (0 when validation is off).
 *
 * @param n series length.
 * @param validation fraction in (0, 1), integer steps >= h, or 0.
 * @param h horizon (a fractional tail gets at least h steps).
 * @returns the number of validation steps V.
 * @example
 * ```ts
 * validationSteps(100, 0.2, 12); // 20
 * validationSteps(100, 0.05, 12); // 12
 * ```
 */
export function validationSteps(n: number, validation: number, h: number): number {
  if (validation === 0) return 0;
  return validation < 1 ? Math.max(h, Math.round(validation * n)) : validation;
}

/**
 * Fits a GRU forecaster on a univariate series: the series is split into a training part and a
 * validation tail (the last V steps), a scaler is fitted on the training part only, stride-1
 * windows `(y[t−window..t), y[t..t+h))` are cut with training targets inside the training part
 * and validation targets inside the tail, and a GRU + dense head predicting all `h` steps at
 * once (direct multi-output) is trained with Adam on MSE, stopping early on the validation loss
 * and restoring the best weights. Same seed, same backend → identical weights and forecasts.
 * Call `initTf()` first to choose the backend.
 *
 * @param y the training series (finite numbers, length >= window + h + V).
 * @param options see {@link GruForecasterOptions}.
 * @returns a {@link GruForecaster}; dispose it with {@link disposeGruForecaster}.
 * @throws Error naming the option and its range, the first non-finite index, or the length needed.
 * @example
 * ```ts
 * await initTf();
 * const m = await fitGruForecaster(hourly, { window: 48, h: 24, onEpoch: (l, hist) => show(lossCurveFigure(hist)) });
 * const next24 = forecastGru(m, hourly, 24);
 * disposeGruForecaster(m);
 * ```
 */
export async function fitGruForecaster(y: ArrayLike<number>, options: GruForecasterOptions = {}): Promise<GruForecaster> {
  const o = resolveOptions(options);
  if (y == null || typeof y.length !== "number") throw new Error("fitGruForecaster: y must be an array of numbers");
  const n = y.length;
  for (let i = 0; i < n; i++) {
    if (typeof y[i] !== "number" || !Number.isFinite(y[i])) {
      throw new Error(`fitGruForecaster: y[${i}] is ${String(y[i])}; finite numbers only (impute or drop missing values first)`);
    }
  }
  const V = validationSteps(n, o.validation, o.h);
  if (n < o.window + o.h + V) {
    throw new Error(
      `fitGruForecaster: y has ${n} values, shorter than window (${o.window}) + h (${o.h}) + validation (${V}) = ${o.window + o.h + V}; ` +
        `use a longer series or smaller window/h/validation`,
    );
  }
  const trainEnd = n - V;
  const scaler = fitScaler(Array.prototype.slice.call(y, 0, trainEnd) as number[], o.scaler);
  const scaled = scaleValues(y, scaler);
  const tw = windowSeries(scaled, { window: o.window, h: o.h, to: trainEnd });
  const vw = V > 0 ? windowSeries(scaled, { window: o.window, h: o.h, from: trainEnd, to: n }) : null;
  const { model, ...res } = await fitGruNetwork(
    { window: o.window, features: 1, units: o.units, layers: o.layers, dropout: o.dropout,
      outputs: o.h, head: "linear", learningRate: o.learningRate, seed: o.seed },
    { x: tw.x, xShape: [o.window, 1], y: tw.y, yShape: [o.h], count: tw.count },
    vw ? { x: vw.x, xShape: [o.window, 1], y: vw.y, yShape: [o.h], count: vw.count } : null,
    { epochs: o.epochs, batchSize: o.batchSize, patience: o.patience, restoreBest: o.restoreBest, seed: o.seed, onEpoch: options.onEpoch },
  );
  return { kind: "gru-forecaster", model, scaler, window: o.window, h: o.h, options: o, ...res, trainSize: trainEnd, validationSize: V };
}

/**
 * Frees the tensors of a fitted GRU forecaster (its weights). The object is unusable afterwards.
 *
 * @param m the forecaster.
 * @example
 * ```ts
 * disposeGruForecaster(m);
 * tf.memory().numTensors; // back to the count before fitGruForecaster
 * ```
 */
export function disposeGruForecaster(m: GruForecaster): void {
  m.model.dispose();
}
