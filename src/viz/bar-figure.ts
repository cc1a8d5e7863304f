import type pl from "nodejs-polars";
import type { PlotlyFigure } from "./figure";
import { toPlotValues } from "./format";
import { dtypeOf, requireColumns, requireNumeric } from "./frame-checks";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";

/**
 * Options of {@link barFigure}.
 *
 * @example
 * ```ts
 * barFigure(df, { x: "category", y: "n", orientation: "h", title: "Top categories" });
 * ```
 */
export interface BarFigureOptions {
  /** Category column (labels). Required. */
  x: string;
  /** Numeric column (bar lengths). Required. */
  y: string;
  /** `"v"`: vertical bars; `"h"`: horizontal bars, first row on top. Default `"v"`. */
  orientation?: "v" | "h";
  /** Bar colour. Default the first palette colour. */
  color?: string;
  /** Title. Default `"<y> by <x>"`. */
  title?: string;
  /** Axis titles. Default the column names. */
  xTitle?: string;
  yTitle?: string;
}

/**
 * A plain bar chart of one numeric column against one label column, bars in row order
 * (sort the frame first to order them). Nulls and non-finite numbers become gaps.
 *
 * @param df a small, already aggregated frame (one row per bar)
 * @param options see {@link BarFigureOptions}
 * @returns a figure with one `bar` trace
 * @example
 * ```ts
 * const top = events.groupBy("category").len().sort("category_count", true).head(10);
 * show(barFigure(top, { x: "category", y: "category_count", orientation: "h" }));
 * ```
 */
export function barFigure(df: pl.DataFrame, options: BarFigureOptions): PlotlyFigure {
  const caller = "barFigure";
  if (!options || !options.x || !options.y) throw new Error(`${caller}: options.x and options.y (column names) are required`);
  const orientation = options.orientation ?? "v";
  if (orientation !== "v" && orientation !== "h") throw new Error(`${caller}: orientation must be "v" or "h", got '${orientation}'`);
  requireColumns(df, [options.x], caller);
  requireNumeric(df, options.y, caller);
  const labels = toPlotValues(df.getColumn(options.x).toArray());
  const values = toPlotValues(df.getColumn(options.y).toArray());
  const horizontal = orientation === "h";
  const trace = {
    type: "bar",
    orientation,
    name: options.y,
    x: horizontal ? values : labels,
    y: horizontal ? labels : values,
    marker: { color: options.color ?? PALETTE[0] },
  };
  const labelAxis = { ...axisTitle(options.xTitle ?? options.x), ...(dtypeOf(df, options.x) === "Datetime" ? {} : { type: "category" }) };
  const valueAxis = { ...axisTitle(options.yTitle ?? options.y), rangemode: "tozero" };
  return makeFigure([trace], options.title ?? `${options.y} by ${options.x}`, {
    showlegend: false,
    xaxis: horizontal ? valueAxis : labelAxis,
    yaxis: horizontal ? { ...labelAxis, autorange: "reversed" } : valueAxis,
  });
}
