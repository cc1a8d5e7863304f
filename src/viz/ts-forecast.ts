import type { RegularSeries } from "../timeseries/series-values";
import type { PlotlyFigure } from "./figure";
import { toPlotValues } from "./format";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";
import { checkLength, checkRegularSeries, seriesDates, withAlpha } from "./ts-dates";

/**
 * A forecast as drawn by {@link tsForecastFigure}: the shape of an `ArimaForecast` (`mean` and
 * `intervals` with `level` in percent), or just the point forecasts (e.g. a GRU's output).
 *
 * @example
 * ```ts
 * const fc: ForecastLike = forecast(autoArima(y, { period: 7 }), 14);
 * const naive: ForecastLike = { mean: seasonalNaive(y, { period: 7 }).slice(0, 14) };
 * ```
 */
export interface ForecastLike {
  /** Point forecasts for steps 1…h after the history. */
  mean: ArrayLike<number>;
  /** Prediction intervals, each with h bounds. Default: none. */
  intervals?: readonly { level: number; lower: ArrayLike<number>; upper: ArrayLike<number> }[];
}

/**
 * Options of {@link tsForecastFigure}.
 *
 * @example
 * ```ts
 * tsForecastFigure(train, { arima: fc, naive }, { actual: test.values, historyTail: 8 * 7 });
 * ```
 */
export interface TsForecastOptions {
  /** The observed values after the history (the test window), drawn in black. Default: none. */
  actual?: ArrayLike<number>;
  /** Draw only the last this many history values (≥ 1). Default: all of them. */
  historyTail?: number;
  /** Draw the prediction intervals as shaded bands. Default `true`. */
  intervals?: boolean;
  /** Title. Default `"Forecast"` with the horizon and the forecasts' names. */
  title?: string;
  /** Axis title of the values. Default `"value"`. */
  valueTitle?: string;
}

const defaults = { intervals: true };
const HISTORY_COLOR = "#444444";

/** An array or typed array (not a string). */
function isArrayLike(v: unknown): v is ArrayLike<number> {
  return v != null && typeof v === "object" && typeof (v as ArrayLike<number>).length === "number";
}

function isForecastLike(v: unknown): v is ForecastLike {
  return v != null && typeof v === "object" && isArrayLike((v as { mean?: unknown }).mean);
}

/** Normalises the second argument to named forecasts (a single one is named "forecast"). */
function namedForecasts(forecasts: ForecastLike | ArrayLike<number> | Record<string, ForecastLike | ArrayLike<number>>, caller: string): [string, ForecastLike][] {
  if (forecasts == null || typeof forecasts !== "object") throw new Error(`${caller}: forecasts must be a forecast { mean, intervals } or an object of named forecasts`);
  const entries: [string, unknown][] = isForecastLike(forecasts) || isArrayLike(forecasts) ? [["forecast", forecasts]] : Object.entries(forecasts);
  if (entries.length === 0) throw new Error(`${caller}: forecasts is empty; give at least one forecast`);
  return entries.map(([name, f]) => {
    if (isForecastLike(f)) return [name, f];
    if (isArrayLike(f)) return [name, { mean: f }];
    throw new Error(`${caller}: forecast '${name}' must be { mean, intervals? } or an array of point forecasts`);
  });
}

/**
 * History, one or several forecasts and their prediction intervals on one date axis. Each
 * forecast has its own colour: its point forecasts as a line with markers, each interval as a
 * band in a lighter tint (the widest, e.g. 95 %, lightest; drawn as a `lower` trace followed by an
 * `upper` trace with `fill: "tonexty"`). Step j (1-based) of a forecast sits at
 * `start + (n − 1 + j)·stepMs`, right after the last history value; `actual` values continue the
 * same grid.
 *
 * @param history the series the forecasts start after (`start`, `stepMs`, `values`)
 * @param forecasts one forecast (an `ArimaForecast`, `{ mean, intervals? }` or an array of point
 *   forecasts) or an object of named ones, e.g. `{ ARIMA: fc, GRU: gruMean, naive: naiveMean }`
 * @param options see {@link TsForecastOptions}
 * @returns a figure: the band traces first (per forecast, widest level first: `"<name> <level> %"`
 *   lower then upper), then `"history"`, then `"actual"` (if given), then one line per forecast
 *   (named by its key)
 * @throws Error when a forecast is empty or an interval's bounds differ in length from its mean,
 *   a level is outside (0, 100), or `historyTail` is not a positive integer
 * @example
 * ```ts
 * const train = { ...daily, values: daily.values.slice(0, -14) };
 * const fc = forecast(autoArima(train.values, { period: 7 }), 14);
 * show(tsForecastFigure(train, { ARIMA: fc, naive: seasonalNaive(train.values, { period: 7 }).slice(0, 14) }, { actual: daily.values.slice(-14) }));
 * ```
 */
export function tsForecastFigure(
  history: RegularSeries,
  forecasts: ForecastLike | ArrayLike<number> | Record<string, ForecastLike | ArrayLike<number>>,
  options: TsForecastOptions = {},
): PlotlyFigure {
  const caller = "tsForecastFigure";
  checkRegularSeries(history, caller);
  const named = namedForecasts(forecasts, caller);
  const n = history.values.length;
  const tail = options.historyTail ?? n;
  if (!Number.isInteger(tail) || tail < 1) throw new Error(`${caller}: historyTail must be an integer >= 1, got ${tail}`);
  const from = Math.max(0, n - tail);
  const showIntervals = options.intervals ?? defaults.intervals;

  const bands: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  named.forEach(([name, f], k) => {
    const h = f.mean.length;
    if (h === 0) throw new Error(`${caller}: forecast '${name}' has no values`);
    const color = PALETTE[k % PALETTE.length];
    const x = seriesDates(history, n, h);
    const intervals = [...(f.intervals ?? [])];
    intervals.forEach((iv, j) => {
      if (!(iv.level > 0 && iv.level < 100)) throw new Error(`${caller}: forecast '${name}' intervals[${j}].level must be in (0, 100) percent, got ${iv.level}`);
      checkLength(iv.lower, h, `forecast '${name}' intervals[${j}].lower`, `its mean`, caller);
      checkLength(iv.upper, h, `forecast '${name}' intervals[${j}].upper`, `its mean`, caller);
    });
    if (showIntervals) {
      intervals.sort((a, b) => b.level - a.level);
      intervals.forEach((iv, j) => {
        const label = `${name} ${iv.level} %`;
        const alpha = Number((0.12 + (0.18 * (j + 1)) / intervals.length).toFixed(3));
        const common = { type: "scatter", mode: "lines", x, legendgroup: label, line: { width: 0, color } };
        bands.push({ ...common, name: `${label} lower`, y: toPlotValues(iv.lower), showlegend: false, hoverinfo: "skip" });
        bands.push({ ...common, name: label, y: toPlotValues(iv.upper), fill: "tonexty", fillcolor: withAlpha(color, alpha), hoverinfo: "skip" });
      });
    }
    lines.push({
      type: "scatter",
      mode: h > 1 ? "lines+markers" : "markers",
      name,
      x,
      y: toPlotValues(f.mean),
      line: { color, width: 2 },
      marker: { color, size: 5 },
      hovertemplate: `${name}: %{x}<br>%{y:.4g}<extra></extra>`,
    });
  });

  const history_ = {
    type: "scatter",
    mode: "lines",
    name: "history",
    x: seriesDates(history, from, n - from),
    y: toPlotValues(history.values).slice(from),
    line: { color: HISTORY_COLOR, width: 1.5 },
    hovertemplate: "history: %{x}<br>%{y:.4g}<extra></extra>",
  };
  const extra: Record<string, unknown>[] = [];
  if (options.actual !== undefined) {
    const a = options.actual;
    if (a == null || typeof a.length !== "number" || a.length === 0) throw new Error(`${caller}: options.actual must be a non-empty array of numbers`);
    extra.push({
      type: "scatter",
      mode: "lines+markers",
      name: "actual",
      x: seriesDates(history, n, a.length),
      y: toPlotValues(a),
      line: { color: "#000000", width: 1.5, dash: "dot" },
      marker: { color: "#000000", size: 5 },
      hovertemplate: "actual: %{x}<br>%{y:.4g}<extra></extra>",
    });
  }
  const horizon = Math.max(...named.map(([, f]) => f.mean.length));
  const sub = `${named.map(([name]) => name).join(", ")}; horizon ${horizon}, after ${n} values`;
  return makeFigure([...bands, history_, ...extra, ...lines], options.title ?? `Forecast<br><sup>${sub}</sup>`, {
    hovermode: "x unified",
    xaxis: { type: "date" },
    yaxis: axisTitle(options.valueTitle ?? "value"),
  });
}
