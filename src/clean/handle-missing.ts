import pl from "nodejs-polars";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import type { CleanResult, CleanStep } from "./clean-report";
import { ROW, floatColumn, requireColumns, requireDatetime } from "./frame-access";
import { fillFromItem } from "./fill-from-item";
import type { NotedCleanStep } from "./noted-step";
import { quantileSorted } from "./outlier-bounds";

/**
 * What to do with the missing values of one column:
 * - `"drop"`: drop the rows;
 * - `"mean"` / `"median"`: fill with the mean / median of the present values (numeric columns;
 *   an integer column becomes Float64);
 * - `"ffill"`: carry the user's previous present value forward, in time order (a user's leading
 *   missing values stay missing, as null);
 * - `"from_item"`: the most frequent present value of the same item in the frame (ties: the
 *   smallest value), for attributes of the item (coordinates of a venue, its category) that a
 *   row lost; rows whose item has no present value stay missing and are counted in the note;
 * - a number, a boolean or `{ value }`: fill with that constant (strings only as `{ value: "…" }`,
 *   so a constant can never be mistaken for a strategy name).
 *
 * @example
 * ```ts
 * const s: Record<string, MissingStrategy> = { rating: "median", tz_offset_min: "ffill", category: { value: "unknown" }, lat: "drop" };
 * ```
 */
export type MissingStrategy =
  | "drop"
  | "mean"
  | "median"
  | "ffill"
  | "from_item"
  | number
  | boolean
  | { value: string | number | boolean };

/** Options of {@link handleMissing}. */
export interface HandleMissingOptions {
  /** Strategy per column, applied in the order of the object's keys. Required. */
  strategies: Record<string, MissingStrategy>;
  /** Count NaN as missing in float columns. Default `true`. */
  nanAsMissing?: boolean;
  /**
   * Skip (without a report row) the strategies whose column the frame lacks, instead of
   * throwing. Default `false`; recipes for several datasets (`defaultCleaning`) set it.
   */
  skipAbsent?: boolean;
  /** Column names used by `"ffill"` (user, ts) and `"from_item"` (item). Default: `COL.user`, `COL.ts`, `COL.item`. */
  cols?: { user?: string; ts?: string; item?: string };
}

const defaults = {
  nanAsMissing: true,
  skipAbsent: false,
  cols: { user: COL.user, ts: COL.ts, item: COL.item },
};

const NUMERIC = new Set(["Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float32", "Float64"]);
const FLOAT = new Set(["Float32", "Float64"]);

/**
 * Handles missing values column by column. Each column gets one report row: reason
 * `missing_<column>` for `"drop"` (rows removed), or `missing_<column>_<strategy>` (`mean`,
 * `median`, `ffill`, `from_item`, `constant`) with `valuesChanged` = cells filled; when some
 * values could not be filled (`ffill`, `from_item`) the row's `note` says how many are left.
 * Statistics (mean, median, the item's most frequent value) are computed on the frame as it is
 * when that column's turn comes.
 *
 * @param df event frame.
 * @param options see {@link HandleMissingOptions}.
 * @returns the frame and one report row per column.
 * @example
 * ```ts
 * const { frame, report } = handleMissing(events, {
 *   strategies: { rating: "median", category: { value: "unknown" }, lat: "drop" },
 * });
 * // a venue's coordinates and category from its other check-ins
 * handleMissing(checkins, { strategies: { lat: "from_item", lon: "from_item", category: "from_item" } });
 * ```
 */
export function handleMissing(df: pl.DataFrame, options: HandleMissingOptions): CleanResult {
  if (!options || typeof options.strategies !== "object") throw new Error("handleMissing needs options.strategies");
  const nanAsMissing = options.nanAsMissing ?? defaults.nanAsMissing;
  const skipAbsent = options.skipAbsent ?? defaults.skipAbsent;
  const cols = { ...defaults.cols, ...options.cols };
  const report: CleanStep[] = [];
  let frame = df;
  for (const [column, strategy] of Object.entries(options.strategies)) {
    if (skipAbsent && !frame.columns.includes(column)) continue;
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
    } else if (strategy === "from_item") {
      frame = fillFromItem(frame, column, missing, cols.item);
      label = "from_item";
    } else {
      const value = constantOf(strategy, column);
      checkConstantType(value, variant, column);
      const dtype = frame.getColumn(column).dtype;
      frame = frame.withColumn(pl.when(missing).then(pl.lit(value)).otherwise(pl.col(column)).cast(dtype).alias(column));
      label = "constant";
    }
    const after = countTrue(frame, missing);
    const step: NotedCleanStep = { step: "handleMissing", reason: `missing_${column}_${label}`, rowsIn, rowsOut: frame.height, valuesChanged: before - after };
    if (after > 0 && (label === "ffill" || label === "from_item")) {
      step.note = `${after} value(s) left missing: ${label === "ffill" ? "no earlier value of the user" : "no present value of the item"}`;
    }
    report.push(step);
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
    `strategy for column '${column}' must be "drop", "mean", "median", "ffill", "from_item", a number, a boolean or { value }, got ${JSON.stringify(strategy)}`,
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
