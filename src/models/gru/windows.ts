/**
 * Supervised windows cut from a series: row r pairs the input `y[t_r − window .. t_r)` with the
 * multi-step target `y[t_r .. t_r + h)`.
 *
 * @example
 * ```ts
 * const w: SeriesWindows = windowSeries([1, 2, 3, 4, 5], { window: 2, h: 2 });
 * w.count; // 2
 * ```
 */
export interface SeriesWindows {
  /** Inputs, row-major `[count, window]` (one feature per step). */
  x: Float32Array;
  /** Targets, row-major `[count, h]`. */
  y: Float32Array;
  /** Number of windows. */
  count: number;
  /** Input length. */
  window: number;
  /** Target length. */
  h: number;
  /** First target index `t_r` of each window. */
  targetStart: Int32Array;
}

/**
 * Options of {@link windowSeries}.
 *
 * @example
 * ```ts
 * const o: WindowSeriesOptions = { window: 48, h: 24, from: 500, to: 600 };
 * ```
 */
export interface WindowSeriesOptions {
  /** Input length in steps. Required, integer >= 1. */
  window: number;
  /** Target length (forecast horizon) in steps. Required, integer >= 1. */
  h: number;
  /** Only windows whose targets lie in `[from, to)`. Default `from = window` (the first possible). */
  from?: number;
  /** See `from`. Default `to = y.length`. */
  to?: number;
}

/**
 * Cuts a series into (input window, multi-step target) pairs with stride 1, for direct
 * multi-output forecasting. Only windows whose whole target lies in `[from, to)` are made, so a
 * training set can end where a validation tail starts (inputs may reach back before `from`).
 *
 * @param y the (already scaled) series.
 * @param options `window`, `h`, `from` (default `window`), `to` (default `y.length`).
 * @returns `{ x, y, count, window, h, targetStart }`, see {@link SeriesWindows}; `count` may be 0.
 * @throws Error when `window`/`h` are not positive integers or `from`/`to` fall outside the series.
 * @example
 * ```ts
 * const w = windowSeries([1, 2, 3, 4, 5], { window: 2, h: 2 });
 * // x = [1, 2,  2, 3], y = [3, 4,  4, 5], targetStart = [2, 3]
 * ```
 */
export function windowSeries(y: ArrayLike<number>, options: WindowSeriesOptions): SeriesWindows {
  const { window, h } = options;
  if (!Number.isInteger(window) || window < 1) throw new Error(`windowSeries: window must be an integer >= 1, got ${String(window)}`);
  if (!Number.isInteger(h) || h < 1) throw new Error(`windowSeries: h must be an integer >= 1, got ${String(h)}`);
  const from = Math.max(options.from ?? window, window);
  const to = options.to ?? y.length;
  if (!Number.isInteger(from) || !Number.isInteger(to) || to > y.length || from < 0) {
    throw new Error(`windowSeries: from/to must be integers within [0, ${y.length}], got from=${String(options.from)}, to=${String(to)}`);
  }
  const count = Math.max(0, to - h - from + 1);
  const x = new Float32Array(count * window);
  const out = new Float32Array(count * h);
  const targetStart = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const t = from + r;
    targetStart[r] = t;
    for (let j = 0; j < window; j++) x[r * window + j] = y[t - window + j];
    for (let j = 0; j < h; j++) out[r * h + j] = y[t + j];
  }
  return { x, y: out, count, window, h, targetStart };
}
