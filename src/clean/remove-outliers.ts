import pl from "nodejs-polars";
import type { CleanResult } from "./clean-report";
import { floatColumn, requireColumns } from "./frame-access";
import { outlierBounds, type OutlierBounds, type OutlierMethod } from "./outlier-bounds";
import { removeHyperactiveUsers } from "./remove-hyperactive-users";

/** Options of {@link removeOutliers}. */
export interface RemoveOutliersOptions {
  /**
   * What is tested: `"column"` (the values of `column`) or `"user_activity"` (events per user;
   * delegates to {@link removeHyperactiveUsers}). Default `"column"`.
   */
  target?: "column" | "user_activity";
  /** Numeric column to test (required when `target` is `"column"`). */
  column?: string;
  /** `"zscore"` (|z| > threshold) or `"iqr"` (outside [Q1 − k·IQR, Q3 + k·IQR]). Default `"zscore"`. */
  method?: OutlierMethod;
  /** z-score cut, > 0. Default `3`. */
  threshold?: number;
  /** IQR multiplier, ≥ 0. Default `1.5`. */
  k?: number;
  /** `"drop"` the rows, or `"flag"` them in a boolean column. Default `"drop"`. */
  mode?: "drop" | "flag";
  /** Name of the flag column (mode `"flag"`). Default `<column>_outlier`. */
  flagColumn?: string;
  /** With `target: "user_activity"`: test log(count) instead of count. Default `true`. */
  logCounts?: boolean;
  /** With `target: "user_activity"`: user column. Default `COL.user`. */
  cols?: { user?: string };
}

const defaults = {
  target: "column" as "column" | "user_activity",
  method: "zscore" as OutlierMethod,
  threshold: 3,
  k: 1.5,
  mode: "drop" as "drop" | "flag",
};

/** The result of {@link removeOutliers}: the frame, the report and the bounds that were used. */
export interface RemoveOutliersResult extends CleanResult {
  /** Values outside `[lower, upper]` were outliers. */
  bounds: OutlierBounds;
}

/**
 * Removes (or flags) outliers of a numeric column, by z-score or IQR (bounds from
 * {@link outlierBounds}: sample sd, type-7 quartiles). Null and NaN values are never outliers.
 * With `target: "user_activity"` it removes hyperactive users instead (see
 * {@link removeHyperactiveUsers}).
 *
 * Report reason: `<column>_outlier_<method>` (drop: rows removed; flag: `valuesChanged` =
 * rows flagged).
 *
 * @param df event frame.
 * @param options see {@link RemoveOutliersOptions}.
 * @returns the frame, the report and the bounds.
 * @example
 * ```ts
 * removeOutliers(events, { column: "rating", method: "iqr", k: 1.5 });
 * removeOutliers(events, { column: "rating", mode: "flag" }); // adds boolean rating_outlier
 * removeOutliers(events, { target: "user_activity", method: "iqr", k: 3 }); // bots out
 * ```
 */
export function removeOutliers(df: pl.DataFrame, options: RemoveOutliersOptions): RemoveOutliersResult {
  const target = options.target ?? defaults.target;
  const method = options.method ?? defaults.method;
  const threshold = options.threshold ?? defaults.threshold;
  const k = options.k ?? defaults.k;
  const mode = options.mode ?? defaults.mode;
  if (mode !== "drop" && mode !== "flag") throw new Error(`mode must be "drop" or "flag", got ${String(mode)}`);
  if (target === "user_activity") {
    return removeHyperactiveUsers(df, { method, threshold, k, mode, logCounts: options.logCounts, cols: options.cols, flagColumn: options.flagColumn });
  }
  if (target !== "column") throw new Error(`target must be "column" or "user_activity", got ${String(target)}`);
  const column = options.column;
  if (!column) throw new Error('removeOutliers needs options.column (or target: "user_activity")');
  requireColumns(df, [column], "removeOutliers");
  const values = floatColumn(df, column);
  const bounds = outlierBounds(values, method, threshold, k);
  const flags = new Array<boolean>(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    flags[i] = v < bounds.lower || v > bounds.upper; // NaN compares false: never an outlier
    if (flags[i]) n++;
  }
  const reason = `${column}_outlier_${method}`;
  if (mode === "flag") {
    const frame = df.withColumn(pl.Series(options.flagColumn ?? `${column}_outlier`, flags, pl.Bool));
    return { frame, bounds, report: [{ step: "removeOutliers", reason, rowsIn: df.height, rowsOut: df.height, valuesChanged: n }] };
  }
  const frame = df.filter(pl.Series("keep", flags.map((f) => !f), pl.Bool));
  return { frame, bounds, report: [{ step: "removeOutliers", reason, rowsIn: df.height, rowsOut: frame.height, valuesChanged: 0 }] };
}
