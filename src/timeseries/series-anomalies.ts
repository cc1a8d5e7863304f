import pl from "nodejs-polars";
import { seasonalAnomalies, type SeasonalAnomaliesOptions } from "./seasonal-anomalies";
import { seriesValues, type SeriesValuesOptions } from "./series-values";

/** Options of {@link seriesAnomalies}: those of {@link seasonalAnomalies} plus which series to take. */
export interface SeriesAnomaliesOptions extends SeasonalAnomaliesOptions {
  /** Which series of a multi-series frame, its group column and column names (see `seriesValues`). Default: the only series. */
  series?: SeriesValuesOptions;
}

/**
 * Table form of {@link seasonalAnomalies}: takes one series of an `eventSeries` frame and
 * returns it with its STL components, the anomaly score and a flag per bucket.
 *
 * @param frame a `bucket, [group], count` frame (e.g. from `eventSeries`).
 * @param options see {@link SeriesAnomaliesOptions}; `period` is required.
 * @returns columns `bucket` (Datetime("ms")), `count`, `trend`, `seasonal`, `remainder`,
 *   `score` (Float64) and `anomaly` (Boolean), one row per bucket in time order.
 * @throws as `seriesValues` (gaps, ambiguous group, empty frame) and `seasonalAnomalies`.
 * @example
 * ```ts
 * const daily = eventSeries(events, { freq: "day", local: true });
 * seriesAnomalies(daily, { period: 7 }).filter(pl.col("anomaly"));
 * ```
 */
export function seriesAnomalies(frame: pl.DataFrame, options: SeriesAnomaliesOptions): pl.DataFrame {
  const s = seriesValues(frame, options?.series);
  const r = seasonalAnomalies(s.values, options);
  const n = s.values.length;
  const bucket = new Float64Array(n);
  for (let i = 0; i < n; i++) bucket[i] = s.start.getTime() + i * s.stepMs;
  const flag = new Uint8Array(n);
  for (const i of r.anomalies) flag[i] = 1;
  return pl
    .DataFrame({
      bucket: pl.Series("bucket", bucket),
      count: pl.Series("count", s.values),
      trend: pl.Series("trend", r.trend),
      seasonal: pl.Series("seasonal", r.seasonal),
      remainder: pl.Series("remainder", r.remainder),
      score: pl.Series("score", r.score),
      anomaly: pl.Series("anomaly", flag),
    })
    .withColumns(pl.col("bucket").cast(pl.Int64).cast(pl.Datetime("ms")), pl.col("anomaly").cast(pl.Bool));
}
