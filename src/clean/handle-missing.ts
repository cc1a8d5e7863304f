import pl from "nodejs-polars";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import type { CleanResult, CleanStep } from "./clean-report";
import { ROW, floatColumn, requireColumns, requireDatetime } from "./frame-access";
import { quantileSorted } from "./outlier-bounds";

/**
 * What to do with the missing values of one column:
 * - `"drop"`: drop the rows;
 * - `"mean"` / `"median"`: fill with the mean / median of the present values (numeric columns;
 *   an integer column becomes Float64);
 * - `"ffill"`: carry the user's previous present value forward, in time order (a user's leading
 *   missing values stay missing, as null);
 * - a number, a boolean or `{ value }`: fill with that constant (strings only as `{ value: "…" }`,
 *   so a constant can never be mistaken for a strategy name).
 *
 * @example
 * ```ts
 * const s: Record<string, MissingStrategy> = { rating: "median", tz_offset_min: "ffill", category: { value: "unknown" }, lat: "drop" };
 * ```
 */
export type MissingStrategy = "drop" | "mean" | "median" | "ffill" | number | boolean | { value: string | number | boolean };

/** Options of {@link handleMissing}. */
export interface HandleMissingOptions {
  /** Strategy per column, applied in the order of the object's keys. Required. */
  strategies: Record<string, MissingStrategy>;
  /** Count NaN as missing in float columns. Default `true`. */
  nanAsMissing?: boolean;
  /** Column names used by `"ffill"`. Default: `COL.user`, `COL.ts`. */
  cols?: { user?: string; ts?: string };
}

const defaults = {
  nanAsMissing: true,
  cols: { user: COL.user, ts: COL.ts },
};

const NUMERIC = new Set(["Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float32", "Float64"]);
const FLOAT = new Set(["Float32", "Float64"]);

/**
 * Handles missing values column by column. Each column gets one report row: reason
 * `missing_<column>` for `"drop"` (rows removed), or `missing_<column>_<strategy>` (`mean`,
 * `median`, `ffill`, `constant`) with `valuesChanged` = cells filled. Statistics (mean,
 * median) are computed on the frame as it is when that column's turn comes.
 *
 * @param df event frame.
 * @param options see {@link HandleMissingOptions}.
 * @returns the frame and one report row per column.
 * @example
 * ```ts
 * const { frame, report } = handleMissing(events, {
 *   strategies: { rating: "median", category: { value: "unknown" }, lat: "drop" },
 * });
 * ```
 */
export function handleMissing(df: pl.DataFrame, options: HandleMissingOptions): CleanResult {
  if (!options || typeof options.strategies !== "object") throw new Error("handleMissing needs options.strategies");
  const nanAsMissing = options.nanAsMissing ?? defaults.nanAsMissing;
  const cols = { ...defaults.cols, ...options.cols };
  const report: CleanStep[] = [];
  let frame = df;
  for (const [column, strategy] of Object.entries(options.strategies)) {
    requireColumns(frame, [column], "handleMissing");
    const variant = frame.getColumn(column).dtype.variant;
    const missing = missingExpr(column, nanAsMissing && FLOAT.has(variant));
    const before = countTrue(frame, missing);
    const rowsIn = frame.height;
    if (strategy === "drop") {
      frame = frame.filter(missing.not());
      report.push({ step: "handleMissing", reason: `missing_${column}`, rowsIn, rowsOut: frame.height, valuesChanged: 0 });
      continue;
    }
    let label: string;
    if (strategy === "mean" || strategy === "median") {
      if (!NUMERIC.has(variant)) throw new DataError(`"${strategy}" needs a numeric column, got ${variant}`, { column });
      const value = statistic(frame, column, strategy);
      frame = frame.withColumn(
        pl.when(missing).then(pl.lit(value)).otherwise(pl.col(column).cast(pl.Float64)).alias(column),
      );
      label = strategy;
    } else if (strategy === "ffill") {
      frame = forwardFill(frame, column, missing, cols);
      label = "ffill";
    } else {
      const value = constantOf(strategy, column);
      checkConstantType(value, variant, column);
      const dtype = frame.getColumn(column).dtype;
      frame = frame.withColumn(pl.when(missing).then(pl.lit(value)).otherwise(pl.col(column)).cast(dtype).alias(column));
      label = "constant";
    }
    const after = countTrue(frame, missing);
    report.push({ step: "handleMissing", reason: `missing_${column}_${label}`, rowsIn, rowsOut: frame.height, valuesChanged: before - after });
  }
  return { frame, report };
}

function missingExpr(column: string, nanToo: boolean): pl.Expr {
  const isNull = pl.col(column).isNull();
  return nanToo ? isNull.or(pl.col(column).isNan().fillNull(false)) : isNull;
}

function countTrue(df: pl.DataFrame, mask: pl.Expr): number {
  return Number(df.select(mask.cast(pl.UInt32).sum().alias("n")).getColumn("n").get(0) ?? 0);
}

function statistic(df: pl.DataFrame, column: string, kind: "mean" | "median"): number {
  const xs = floatColumn(df, column).filter((v) => !Number.isNaN(v));
  if (xs.length === 0) throw new DataError(`cannot fill with the ${kind}: the column has no present values`, { column });
  if (kind === "median") return quantileSorted(xs.sort(), 0.5);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

function forwardFill(df: pl.DataFrame, column: string, missing: pl.Expr, cols: { user: string; ts: string }): pl.DataFrame {
  requireColumns(df, [cols.user], "handleMissing (ffill)");
  requireDatetime(df, cols.ts, "handleMissing (ffill)");
  return df
    .withRowIndex(ROW)
    .sort([cols.user, cols.ts, ROW], false, true)
    .withColumn(pl.when(missing).then(pl.lit(null)).otherwise(pl.col(column)).forwardFill().over(cols.user).alias(column))
    .sort(ROW)
    .drop(ROW);
}

function constantOf(strategy: MissingStrategy, column: string): string | number | boolean {
  if (typeof strategy === "number" || typeof strategy === "boolean") return strategy;
  if (typeof strategy === "object" && strategy !== null && "value" in strategy) return strategy.value;
  throw new Error(
    `strategy for column '${column}' must be "drop", "mean", "median", "ffill", a number, a boolean or { value }, got ${JSON.stringify(strategy)}`,
  );
}

function checkConstantType(value: string | number | boolean, variant: string, column: string): void {
  const ok =
    (typeof value === "number" && NUMERIC.has(variant)) ||
    (typeof value === "string" && variant === "String") ||
    (typeof value === "boolean" && variant === "Bool");
  if (typeof value === "number" && NUMERIC.has(variant) && !FLOAT.has(variant) && !Number.isInteger(value)) {
    throw new DataError(`cannot fill an integer (${variant}) column with the non-integer ${value}`, { column });
  }
  if (!ok) throw new DataError(`cannot fill a ${variant} column with the ${typeof value} ${JSON.stringify(value)}`, { column });
}
