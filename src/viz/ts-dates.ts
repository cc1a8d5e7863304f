import { FREQ_MS } from "../timeseries/series-freq";
import type { RegularSeries } from "../timeseries/series-values";
import { formatMs } from "./format";

const DAY_MS = 86_400_000;

/**
 * Checks the shape of a {@link RegularSeries} handed to a time-series figure: a valid `start`,
 * a positive `stepMs` that agrees with `freq`, and at least `minLength` values.
 *
 * @param series the series to check
 * @param caller the figure's name, used in the error message
 * @param minLength fewest values accepted. Default `1`.
 * @throws Error naming the caller and the faulty field
 * @example
 * ```ts
 * checkRegularSeries(daily, "tsAnomaliesFigure");
 * ```
 */
export function checkRegularSeries(series: RegularSeries, caller: string, minLength = 1): void {
  if (series == null || typeof series !== "object") throw new Error(`${caller}: series must be a RegularSeries { start, freq, stepMs, values }`);
  const start = series.start instanceof Date ? series.start.getTime() : NaN;
  if (!Number.isFinite(start)) throw new Error(`${caller}: series.start must be a valid Date, got ${String(series.start)}`);
  if (!(Number.isFinite(series.stepMs) && series.stepMs > 0)) throw new Error(`${caller}: series.stepMs must be a positive number of milliseconds, got ${String(series.stepMs)}`);
  if (series.freq !== undefined && Object.prototype.hasOwnProperty.call(FREQ_MS, series.freq) && FREQ_MS[series.freq] !== series.stepMs) {
    throw new Error(`${caller}: series.stepMs (${series.stepMs}) disagrees with series.freq '${series.freq}' (${FREQ_MS[series.freq]} ms)`);
  }
  if (series.values == null || typeof series.values.length !== "number") throw new Error(`${caller}: series.values must be an array of numbers`);
  if (series.values.length < minLength) throw new Error(`${caller}: series.values has ${series.values.length} values; at least ${minLength} needed`);
}

/**
 * Plotly date strings (UTC wall time, as {@link formatMs}) of the buckets `from … from + count − 1`
 * of a regular series: bucket i starts at `start + i·stepMs`. Dates are written without a time
 * (`"2024-03-04"`) when every bucket starts at midnight (daily and weekly series), else as
 * `"2024-03-04 13:00:00"`. Indices past the end of the series continue the grid (forecasts).
 *
 * @param series a regular series (only `start` and `stepMs` are read)
 * @param from first bucket index. Default `0`.
 * @param count number of buckets. Default `series.values.length − from`.
 * @returns `count` date strings
 * @example
 * ```ts
 * seriesDates({ start: new Date("2024-03-04T00:00:00Z"), freq: "week", stepMs: 604_800_000, values: new Float64Array(2) });
 * // ["2024-03-04", "2024-03-11"]
 * seriesDates(hourly, hourly.values.length, 24); // the next 24 hours, for a forecast
 * ```
 */
export function seriesDates(series: Pick<RegularSeries, "start" | "stepMs" | "values">, from = 0, count = series.values.length - from): string[] {
  const start = series.start.getTime();
  const step = series.stepMs;
  const dateOnly = step % DAY_MS === 0 && ((start % DAY_MS) + DAY_MS) % DAY_MS === 0;
  const out = new Array<string>(Math.max(0, count));
  for (let i = 0; i < out.length; i++) out[i] = formatMs(start + (from + i) * step, dateOnly);
  return out;
}

/**
 * Checks that `values` has exactly `n` entries, naming both sides in the error.
 *
 * @example
 * ```ts
 * checkLength(stl.trend, series.values.length, "components.trend", "series.values", "tsDecompositionFigure");
 * ```
 */
export function checkLength(values: ArrayLike<unknown> | undefined, n: number, name: string, against: string, caller: string): void {
  if (values == null || typeof values.length !== "number") throw new Error(`${caller}: ${name} must be an array of numbers`);
  if (values.length !== n) throw new Error(`${caller}: ${name} has ${values.length} values but ${against} has ${n}; they must match`);
}

/**
 * `"#RRGGBB"` → `"rgba(r,g,b,alpha)"`, for translucent fills in the colour of a line.
 *
 * @example
 * ```ts
 * withAlpha("#0072B2", 0.2); // "rgba(0,114,178,0.2)"
 * ```
 */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`withAlpha: expected a colour "#RRGGBB", got '${hex}'`);
  return `rgba(${parseInt(m[1], 16)},${parseInt(m[2], 16)},${parseInt(m[3], 16)},${alpha})`;
}
