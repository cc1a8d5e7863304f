import type pl from "nodejs-polars";
import type { PlotlyFigure } from "./figure";
import { toPlotValues } from "./format";
import { dtypeOf, requireColumns, requireNumeric } from "./frame-checks";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";

/**
 * Options of {@link lineFigure}.
 *
 * @example
 * ```ts
 * lineFigure(df, { x: "epoch", y: ["loss", "val_loss"], logY: true });
 * ```
 */
export interface LineFigureOptions {
  /** Column on the x axis (numbers, dates or labels). Required. */
  x: string;
  /** One numeric column, or several for one line each. Required. */
  y: string | string[];
  /** `"lines"` or `"lines+markers"`. Default `"lines"`. */
  mode?: "lines" | "lines+markers";
  /** Log-scaled y axis. Default `false`. */
  logY?: boolean;
  /** Title. Default `"<y…> by <x>"`. */
  title?: string;
  /** Axis titles. Default: the x column; the y column when there is one. */
  xTitle?: string;
  yTitle?: string;
}

/**
 * One line per numeric column against an x column, points in row order (sort first).
 * Datetime x columns become a date axis. Nulls and non-finite numbers become gaps.
 *
 * @param df a frame with the x and y columns
 * @param options see {@link LineFigureOptions}
 * @returns a figure with one `scatter` (lines) trace per y column
 * @example
 * ```ts
 * show(lineFigure(forecast, { x: "ts", y: ["actual", "predicted"] }));
 * ```
 */
export function lineFigure(df: pl.DataFrame, options: LineFigureOptions): PlotlyFigure {
  const caller = "lineFigure";
  if (!options || !options.x || !options.y) throw new Error(`${caller}: options.x and options.y (column names) are required`);
  const ys = typeof options.y === "string" ? [options.y] : [...options.y];
  if (ys.length === 0) throw new Error(`${caller}: options.y must name at least one column`);
  const mode = options.mode ?? "lines";
  requireColumns(df, [options.x], caller);
  for (const y of ys) requireNumeric(df, y, caller);
  const x = toPlotValues(df.getColumn(options.x).toArray());
  const data = ys.map((y, k) => ({
    type: "scatter",
    mode,
    name: y,
    x,
    y: toPlotValues(df.getColumn(y).toArray()),
    line: { color: PALETTE[k % PALETTE.length], width: 2 },
  }));
  const isDate = dtypeOf(df, options.x) === "Datetime";
  return makeFigure(data, options.title ?? `${ys.join(", ")} by ${options.x}`, {
    showlegend: ys.length > 1,
    xaxis: { ...axisTitle(options.xTitle ?? options.x), ...(isDate ? { type: "date" } : {}) },
    yaxis: { ...axisTitle(options.yTitle ?? (ys.length === 1 ? ys[0] : "")), ...(options.logY ? { type: "log" } : {}) },
  });
}
