import type { RegularSeries } from "../timeseries/series-values";
import type { PlotlyFigure } from "./figure";
import { toPlotValues } from "./format";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";
import { checkRegularSeries, seriesDates } from "./ts-dates";

/**
 * Options of {@link tsAnomaliesFigure}.
 *
 * @example
 * ```ts
 * tsAnomaliesFigure(daily, found.anomalies, { truth: planted, title: "Planted vs found" });
 * ```
 */
export interface TsAnomaliesOptions {
  /** Indices of the true anomalies (e.g. planted ones), drawn as open circles. Default: none. */
  truth?: ArrayLike<number>;
  /** Title. Default `"Anomalies"` with the counts (and hits, precision and recall when `truth` is given). */
  title?: string;
  /** Axis title of the values. Default `"value"`. */
  valueTitle?: string;
}

const FLAG_COLOR = PALETTE[3];

/** Sorted, de-duplicated integer indices in [0, n), or an Error naming the parameter. */
function checkIndices(indices: ArrayLike<number>, n: number, name: string, caller: string): number[] {
  if (indices == null || typeof indices.length !== "number") throw new Error(`${caller}: ${name} must be an array of indices`);
  const out = new Set<number>();
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i];
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new Error(`${caller}: ${name}[${i}] = ${String(v)} is not an index in [0, ${n - 1}] of the series`);
    out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * A series as a line with its flagged points as red markers and, when given, the true
 * anomalies as open black circles, so hits (a marker inside a circle), misses (an empty
 * circle) and false alarms (a marker alone) are visible at a glance. Point i sits at
 * `start + i·stepMs`.
 *
 * @param series the series (`start`, `stepMs`, `values`)
 * @param flagged the flagged indices, or a result carrying them as `anomalies` (e.g. from `seasonalAnomalies`)
 * @param options see {@link TsAnomaliesOptions}
 * @returns a figure with traces `"series"` (line), `"flagged"` (markers at the flagged indices, in
 *   increasing order) and, with `truth`, `"truth"` (open circles); each trace's `customdata`
 *   holds the indices
 * @throws Error when an index is not an integer in [0, n)
 * @example
 * ```ts
 * const found = seasonalAnomalies(daily.values, { period: 7 });
 * show(tsAnomaliesFigure(daily, found));
 * show(tsAnomaliesFigure(daily, found.anomalies, { truth: plantedDays }));
 * ```
 */
export function tsAnomaliesFigure(series: RegularSeries, flagged: ArrayLike<number> | { anomalies: ArrayLike<number> }, options: TsAnomaliesOptions = {}): PlotlyFigure {
  const caller = "tsAnomaliesFigure";
  checkRegularSeries(series, caller);
  const n = series.values.length;
  const raw = flagged != null && !("length" in flagged) && "anomalies" in flagged ? flagged.anomalies : (flagged as ArrayLike<number>);
  const flags = checkIndices(raw, n, "flagged", caller);
  const truth = options.truth === undefined ? null : checkIndices(options.truth, n, "options.truth", caller);
  const x = seriesDates(series);
  const y = toPlotValues(series.values);
  const points = (name: string, idx: number[], marker: Record<string, unknown>) => ({
    type: "scatter",
    mode: "markers",
    name,
    x: idx.map((i) => x[i]),
    y: idx.map((i) => y[i]),
    customdata: idx,
    marker,
    hovertemplate: `${name}: %{x}<br>value %{y:.4g} (index %{customdata})<extra></extra>`,
  });
  const data: Record<string, unknown>[] = [
    { type: "scatter", mode: "lines", name: "series", x, y, line: { color: PALETTE[0], width: 1.5 }, hovertemplate: "%{x}<br>value %{y:.4g}<extra></extra>" },
    points("flagged", flags, { color: FLAG_COLOR, size: 8, symbol: "circle" }),
  ];
  const parts = [`${n} values, ${flags.length} flagged`];
  if (truth !== null) {
    data.push(points("truth", truth, { color: "#000000", size: 15, symbol: "circle-open", line: { width: 2 } }));
    const truthSet = new Set(truth);
    const hits = flags.filter((i) => truthSet.has(i)).length;
    const pct = (a: number, b: number) => (b > 0 ? `${Math.round((100 * a) / b)} %` : "n/a");
    parts.push(`${truth.length} true; ${hits} hits: precision ${pct(hits, flags.length)}, recall ${pct(hits, truth.length)}`);
  }
  return makeFigure(data, options.title ?? `Anomalies<br><sup>${parts.join("; ")}</sup>`, {
    hovermode: "closest",
    xaxis: { type: "date" },
    yaxis: axisTitle(options.valueTitle ?? "value"),
  });
}
