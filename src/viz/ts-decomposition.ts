import type { RegularSeries } from "../timeseries/series-values";
import type { PlotlyFigure } from "./figure";
import { toPlotValues } from "./format";
import { axisTitle, makeFigure, OTHER_COLOR, PALETTE } from "./layout-defaults";
import { checkLength, checkRegularSeries, seriesDates } from "./ts-dates";

/**
 * The components to draw: `trend`, `seasonal` and the remainder, named `remainder` (an
 * `StlResult`, a `SeasonalAnomaliesResult`) or `random` (a `ClassicalDecomposition`, as R).
 * NaN values (the ends of a moving-average trend) become gaps.
 *
 * @example
 * ```ts
 * const parts: DecompositionComponents = stl(daily.values, { period: 7, sWindow: "periodic" });
 * ```
 */
export interface DecompositionComponents {
  trend: ArrayLike<number>;
  seasonal: ArrayLike<number>;
  /** The remainder (STL). One of `remainder` and `random` is required. */
  remainder?: ArrayLike<number>;
  /** The remainder under R's `decompose` name (classical decomposition). */
  random?: ArrayLike<number>;
}

/**
 * Options of {@link tsDecompositionFigure}.
 *
 * @example
 * ```ts
 * tsDecompositionFigure(daily, stl(daily.values, { period: 7, sWindow: "periodic" }), { title: "Daily events, STL" });
 * ```
 */
export interface TsDecompositionOptions {
  /** Title. Default `"Decomposition"` with the number of values and the span. */
  title?: string;
  /** Axis title of the observed panel. Default `"observed"`. */
  valueTitle?: string;
}

const PANELS = ["observed", "trend", "seasonal", "remainder"] as const;
const GAP = 0.035;

/**
 * Four stacked panels sharing one time axis: the observed series, the trend, the seasonal
 * component and the remainder (as bars from zero, as R's `plot.stl`). Point i of every panel
 * sits at `start + i·stepMs` (see {@link seriesDates}).
 *
 * @param series the decomposed series (`start`, `stepMs`, `values`)
 * @param components `{ trend, seasonal, remainder }` from `stl`, or `{ trend, seasonal, random }`
 *   from `classicalDecomposition`, each of the series' length
 * @param options see {@link TsDecompositionOptions}
 * @returns a figure with four traces in panel order (`observed`, `trend`, `seasonal`: lines;
 *   `remainder`: bars) on axes y, y2, y3, y4 (top to bottom), all on the x axis (date strings)
 * @throws Error when a component is missing or its length differs from the series
 * @example
 * ```ts
 * show(tsDecompositionFigure(daily, stl(daily.values, { period: 7, sWindow: "periodic" })));
 * show(tsDecompositionFigure(daily, classicalDecomposition(daily.values, { period: 7 })));
 * ```
 */
export function tsDecompositionFigure(series: RegularSeries, components: DecompositionComponents, options: TsDecompositionOptions = {}): PlotlyFigure {
  const caller = "tsDecompositionFigure";
  checkRegularSeries(series, caller);
  if (components == null || typeof components !== "object") throw new Error(`${caller}: components must be { trend, seasonal, remainder } (or random)`);
  const remainder = components.remainder ?? components.random;
  if (remainder === undefined) throw new Error(`${caller}: components needs a remainder (or random, from classicalDecomposition)`);
  const n = series.values.length;
  checkLength(components.trend, n, "components.trend", "series.values", caller);
  checkLength(components.seasonal, n, "components.seasonal", "series.values", caller);
  checkLength(remainder, n, `components.${components.remainder !== undefined ? "remainder" : "random"}`, "series.values", caller);

  const x = seriesDates(series);
  const values = [series.values, components.trend, components.seasonal, remainder];
  const colors = [PALETTE[0], PALETTE[1], PALETTE[2], OTHER_COLOR];
  const data = PANELS.map((name, k) => {
    const axis = k === 0 ? "y" : `y${k + 1}`;
    const common = { name, x, y: toPlotValues(values[k]), xaxis: "x", yaxis: axis, hovertemplate: `%{x}<br>${name} %{y:.4g}<extra></extra>` };
    return name === "remainder"
      ? { type: "bar", ...common, marker: { color: colors[k] } }
      : { type: "scatter", mode: "lines", ...common, line: { color: colors[k], width: k === 0 ? 1.5 : 2 } };
  });

  const height = (1 - GAP * (PANELS.length - 1)) / PANELS.length;
  const axes: Record<string, unknown> = {};
  PANELS.forEach((name, k) => {
    const top = 1 - k * (height + GAP);
    const key = k === 0 ? "yaxis" : `yaxis${k + 1}`;
    const text = k === 0 ? options.valueTitle ?? "observed" : name;
    axes[key] = { ...axisTitle(text), domain: [Number(Math.max(0, top - height).toFixed(6)), Number(top.toFixed(6))], anchor: "x", gridcolor: "#e5e5e5", linecolor: "#444444", ticks: "outside", automargin: true };
  });
  const span = n > 1 ? `${x[0]} to ${x[n - 1]}` : x[0];
  return makeFigure(data, options.title ?? `Decomposition<br><sup>${n} values, ${span}</sup>`, {
    showlegend: false,
    height: 720,
    hovermode: "x unified",
    bargap: 0,
    xaxis: { type: "date", anchor: "y4" },
    ...axes,
  });
}
