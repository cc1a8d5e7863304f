import pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import type { PlotlyFigure } from "./figure";
import { formatInt } from "./format";
import { axisTitle, makeFigure } from "./layout-defaults";
import { pickTimeColumn } from "./time-column";

/**
 * Row labels of the hour × weekday heatmap, Monday first (ISO 8601).
 *
 * @example
 * ```ts
 * WEEKDAYS[0]; // "Mon"
 * ```
 */
export const WEEKDAYS: readonly string[] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * Options of {@link hourWeekdayHeatmapFigure}.
 *
 * @example
 * ```ts
 * hourWeekdayHeatmapFigure(df, { column: "ts", normalize: "row" });
 * ```
 */
export interface HourWeekdayHeatmapOptions {
  /** Time column. Default: `ts_local` when the frame has it, else `ts` (UTC). */
  column?: "ts_local" | "ts";
  /**
   * `"none"`: raw counts. `"row"`: each weekday row divided by its total, so a cell is the share
   * of that weekday's events falling in that hour (rows sum to 1; compares daily rhythms of
   * weekdays with different volumes). Default `"none"`.
   */
  normalize?: "none" | "row";
  /** Title. Default: derived. */
  title?: string;
}

const defaults = { normalize: "none" as "none" | "row" };

/**
 * Counts events per (weekday, hour of day) in a 7 × 24 heatmap: rows Mon..Sun from top to
 * bottom, columns hours 0..23 of the chosen wall clock. Counts come from a Polars group-by on
 * `dt.weekday()` and `dt.hour()`; every cell is present (0 when empty).
 *
 * @param df event frame with `ts` and/or `ts_local` (Datetime)
 * @param options see {@link HourWeekdayHeatmapOptions}
 * @returns a heatmap figure whose trace has `z` (7 rows × 24 numbers), `x` = 0..23, `y` = {@link WEEKDAYS}
 * @example
 * ```ts
 * show(hourWeekdayHeatmapFigure(events));                                   // local time if available
 * show(hourWeekdayHeatmapFigure(events, { column: "ts", normalize: "row" })); // UTC, per-day shares
 * ```
 */
export function hourWeekdayHeatmapFigure(df: pl.DataFrame, options: HourWeekdayHeatmapOptions = {}): PlotlyFigure {
  const caller = "hourWeekdayHeatmapFigure";
  const normalize = options.normalize ?? defaults.normalize;
  if (normalize !== "none" && normalize !== "row") throw new Error(`${caller}: normalize must be "none" or "row", got '${normalize}'`);
  if (options.column !== undefined && options.column !== "ts" && options.column !== "ts_local") {
    throw new Error(`${caller}: column must be "ts_local" or "ts", got '${options.column}'`);
  }
  const local = options.column === undefined ? undefined : options.column === "ts_local";
  const time = pickTimeColumn(df, local, caller);

  const t = pl.col(time.column);
  const cells = df
    .select(t.dt.weekday().cast(pl.Int32).alias("__wd"), t.dt.hour().cast(pl.Int32).alias("__h"))
    .filter(pl.col("__wd").isNotNull())
    .groupBy(["__wd", "__h"])
    .agg(pl.len().alias("__n"));
  const wd = cells.getColumn("__wd").toArray() as number[];
  const hr = cells.getColumn("__h").toArray() as number[];
  const n = cells.getColumn("__n").toArray() as number[];
  const counts = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let total = 0;
  for (let i = 0; i < wd.length; i++) {
    // Polars' dt.weekday() is ISO: Monday = 1 … Sunday = 7
    if (wd[i] < 1 || wd[i] > 7 || hr[i] < 0 || hr[i] > 23) throw new Error(`${caller}: unexpected weekday ${wd[i]} / hour ${hr[i]}`);
    counts[wd[i] - 1][hr[i]] += n[i];
    total += n[i];
  }
  if (total === 0) throw new DataError(`${caller}: no event has a timestamp`, { column: time.column });
  const missing = df.height - total;

  const z =
    normalize === "row"
      ? counts.map((row) => {
          const s = row.reduce((a, b) => a + b, 0);
          return row.map((v) => (s > 0 ? v / s : 0));
        })
      : counts;
  const what = normalize === "row" ? "share of the day's events" : "events";
  const sub = [`${formatInt(total)} events, ${time.label}`];
  if (normalize === "row") sub.push("each row sums to 1");
  if (missing > 0) sub.push(`${formatInt(missing)} rows without time left out`);
  const data = [
    {
      type: "heatmap",
      x: Array.from({ length: 24 }, (_, h) => h),
      y: [...WEEKDAYS],
      z,
      colorscale: "Viridis",
      colorbar: { title: { text: what } },
      hovertemplate: normalize === "row" ? "%{y} %{x}:00<br>%{z:.1%}<extra></extra>" : "%{y} %{x}:00<br>%{z} events<extra></extra>",
    },
  ];
  const title = options.title ?? `Events by hour and weekday<br><sup>${sub.join("; ")}</sup>`;
  return makeFigure(data, title, {
    showlegend: false,
    xaxis: { dtick: 3, ...axisTitle(`hour of day (${time.label})`) },
    yaxis: { autorange: "reversed" },
  });
}
