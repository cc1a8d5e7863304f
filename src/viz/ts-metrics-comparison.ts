import type pl from "nodejs-polars";
import type { RollingOriginResult } from "../timeseries/rolling-origin";
import { DataError } from "../util/data-error";
import type { PlotlyFigure } from "./figure";
import { requireColumns, requireNumeric } from "./frame-checks";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";

/**
 * Options of {@link tsMetricsComparisonFigure}.
 *
 * @example
 * ```ts
 * tsMetricsComparisonFigure(res, { metrics: ["MAE", "MASE"], sharedAxis: true });
 * ```
 */
export interface TsMetricsComparisonOptions {
  /** Metrics to show, in order, matched case-insensitively to metric columns or `metric` values. Default `["MAE", "RMSE", "sMAPE", "MASE"]`. */
  metrics?: readonly string[];
  /** `false`: one panel per metric with its own y scale; `true`: every metric on one axis. Default `false`. */
  sharedAxis?: boolean;
  /** With several rows per forecaster and metric (e.g. one per origin): error bars of ±1 sample SD around the mean. Default `true`. */
  errorBars?: boolean;
  /** Column names. Default `{ forecaster: "forecaster", metric: "metric", value: "value" }` (`metric`, `value` only for a long frame). */
  cols?: { forecaster?: string; metric?: string; value?: string };
  /** Title. Default `"Forecast accuracy"` with the number of forecasters and rows. */
  title?: string;
}

const defaults = {
  metrics: ["MAE", "RMSE", "sMAPE", "MASE"] as readonly string[],
  sharedAxis: false,
  errorBars: true,
  cols: { forecaster: "forecaster", metric: "metric", value: "value" },
};

/** Duck-typed frame check (nodejs-polars frames fail `instanceof pl.DataFrame`). */
function isFrame(v: unknown): v is pl.DataFrame {
  return v != null && typeof (v as pl.DataFrame).getColumn === "function" && Array.isArray((v as pl.DataFrame).columns);
}

/** Mean, sample SD (NaN below 2 values) and count of the finite values per forecaster × metric. */
interface Cell {
  mean: number;
  sd: number;
  count: number;
}

/** Aggregates the values of one metric per forecaster; returns the cells and the number of non-finite values left out. */
function aggregate(names: string[], values: (number | null)[], order: string[]): { cells: Map<string, Cell>; dropped: number } {
  const sums = new Map<string, number[]>();
  let dropped = 0;
  for (let i = 0; i < names.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      dropped++;
      continue;
    }
    if (!sums.has(names[i])) sums.set(names[i], []);
    sums.get(names[i])!.push(v);
  }
  const cells = new Map<string, Cell>();
  for (const f of order) {
    const xs = sums.get(f);
    if (!xs) continue;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : NaN;
    cells.set(f, { mean, sd, count: xs.length });
  }
  return { cells, dropped };
}

/**
 * Forecast accuracy of several forecasters side by side: for each metric a group of bars,
 * one per forecaster (the same colour in every group), with the value printed on the bar.
 * Accepts
 * - a wide frame with a `forecaster` column and one column per metric (`mae, rmse, smape, mase`:
 *   `RollingOriginResult.summary` or `.folds`),
 * - a long frame `forecaster, metric, value`,
 * - a `RollingOriginResult` (its `folds` are used, so the bars are the per-origin means, which equal
 *   its `summary`, and the error bars their spread).
 *
 * Several rows for one forecaster and metric are averaged (bar = mean; error bar ±1 sample SD).
 * Non-finite values are left out and counted in the subtitle. Forecasters keep their first-seen order.
 *
 * @param input a results frame or a `RollingOriginResult`
 * @param options see {@link TsMetricsComparisonOptions}
 * @returns a figure with one `bar` trace per forecaster and panel (`name` = forecaster, `x` = [metric],
 *   `y` = [mean], `legendgroup` = forecaster); with `sharedAxis` one trace per forecaster with
 *   `x` = the metrics
 * @throws DataError for a missing column or a metric absent from the input (the available ones
 *   are listed); Error for an empty metric list
 * @example
 * ```ts
 * const res = await rollingOrigin(daily.values, { forecasters: { ARIMA: autoArimaForecaster({ period: 7 }), naive: seasonalNaiveForecaster({ period: 7 }) }, h: 7, period: 7 });
 * show(tsMetricsComparisonFigure(res));
 * show(tsMetricsComparisonFigure(res.summary, { metrics: ["MAE", "RMSE"], sharedAxis: true }));
 * ```
 */
export function tsMetricsComparisonFigure(input: pl.DataFrame | RollingOriginResult, options: TsMetricsComparisonOptions = {}): PlotlyFigure {
  const caller = "tsMetricsComparisonFigure";
  const df = isFrame(input) ? input : isFrame((input as RollingOriginResult | null)?.folds) ? (input as RollingOriginResult).folds : null;
  if (df === null) throw new Error(`${caller}: input must be a frame (forecaster + metric columns, or forecaster, metric, value) or a RollingOriginResult`);
  const cols = { ...defaults.cols, ...options.cols };
  const metrics = [...(options.metrics ?? defaults.metrics)];
  if (metrics.length === 0) throw new Error(`${caller}: options.metrics must name at least one metric`);
  requireColumns(df, [cols.forecaster], caller);
  if (df.height === 0) throw new DataError(`${caller}: the frame is empty (0 rows)`, { column: cols.forecaster });
  const names = (df.getColumn(cols.forecaster).toArray() as unknown[]).map((v) => (v === null || v === undefined ? "(missing)" : String(v)));
  const order = [...new Set(names)];
  const long = df.columns.includes(cols.metric) && df.columns.includes(cols.value);

  const perMetric: Map<string, Cell>[] = [];
  let dropped = 0;
  if (long) {
    requireNumeric(df, cols.value, caller);
    const metricOf = (df.getColumn(cols.metric).toArray() as unknown[]).map((v) => String(v).toLowerCase());
    const values = df.getColumn(cols.value).toArray() as (number | null)[];
    const available = [...new Set(metricOf)];
    for (const m of metrics) {
      const key = m.toLowerCase();
      if (!available.includes(key)) throw new DataError(`${caller}: metric '${m}' not found (the frame has ${available.join(", ")})`, { column: cols.metric });
      const idx = metricOf.map((k, i) => (k === key ? i : -1)).filter((i) => i >= 0);
      const r = aggregate(idx.map((i) => names[i]), idx.map((i) => values[i]), order);
      perMetric.push(r.cells);
      dropped += r.dropped;
    }
  } else {
    for (const m of metrics) {
      const column = df.columns.find((c) => c.toLowerCase() === m.toLowerCase());
      if (column === undefined) throw new DataError(`${caller}: metric '${m}' has no column (the frame has ${df.columns.join(", ")})`, { column: m });
      requireNumeric(df, column, caller);
      const r = aggregate(names, df.getColumn(column).toArray() as (number | null)[], order);
      perMetric.push(r.cells);
      dropped += r.dropped;
    }
  }

  const errorBars = (options.errorBars ?? defaults.errorBars) && perMetric.some((cells) => [...cells.values()].some((c) => c.count > 1));
  const shared = options.sharedAxis ?? defaults.sharedAxis;
  const bar = (f: string, k: number, ms: number[], axis: string, showlegend: boolean) => {
    const cells = ms.map((j) => perMetric[j].get(f));
    return {
      type: "bar",
      name: f,
      legendgroup: f,
      showlegend,
      x: ms.map((j) => metrics[j]),
      y: cells.map((c) => (c ? c.mean : null)),
      ...(axis ? { xaxis: `x${axis}`, yaxis: `y${axis}` } : {}),
      marker: { color: PALETTE[k % PALETTE.length] },
      texttemplate: "%{y:.3g}",
      textposition: "outside",
      cliponaxis: false,
      customdata: cells.map((c) => (c ? c.count : 0)),
      hovertemplate: `${f}<br>%{x} %{y:.4g} (%{customdata} rows)<extra></extra>`,
      ...(errorBars ? { error_y: { type: "data", array: cells.map((c) => (c && c.count > 1 ? c.sd : null)), visible: true, color: "#444444" } } : {}),
    };
  };
  const rows = df.height;
  const sub = `${order.length} forecasters, ${rows} rows${errorBars ? "; bars: mean, whiskers ±1 SD" : ""}${dropped ? `; ${dropped} missing or non-finite values left out` : ""}; lower is better`;
  const title = options.title ?? `Forecast accuracy<br><sup>${sub}</sup>`;
  if (shared) {
    const all = metrics.map((_, j) => j);
    return makeFigure(order.map((f, k) => bar(f, k, all, "", true)), title, { barmode: "group", xaxis: { type: "category" }, yaxis: { ...axisTitle("value"), rangemode: "tozero" } });
  }
  const gap = 0.06;
  const width = (1 - gap * (metrics.length - 1)) / metrics.length;
  const data = metrics.flatMap((_, j) => order.map((f, k) => bar(f, k, [j], j === 0 ? "" : String(j + 1), j === 0)));
  const axes: Record<string, unknown> = {};
  metrics.forEach((m, j) => {
    const s = j === 0 ? "" : String(j + 1);
    const lo = j * (width + gap);
    const style = { gridcolor: "#e5e5e5", linecolor: "#444444", ticks: "outside", automargin: true };
    axes[`xaxis${s}`] = { ...style, type: "category", domain: [Number(lo.toFixed(6)), Number(Math.min(1, lo + width).toFixed(6))], anchor: `y${s}` };
    axes[`yaxis${s}`] = { ...style, rangemode: "tozero", anchor: `x${s}`, ...(j === 0 ? axisTitle("value") : {}) };
  });
  return makeFigure(data, title, { barmode: "group", ...axes });
}
