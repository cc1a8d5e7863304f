import type pl from "nodejs-polars";
import { DataError } from "../util/data-error";

/** Polars dtype variants that hold numbers. */
const NUMERIC = new Set(["Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float32", "Float64"]);

/**
 * The Polars dtype variant of a column, e.g. `"Datetime"`, `"String"`, `"Float64"`.
 *
 * @example
 * ```ts
 * dtypeOf(df, "ts"); // "Datetime"
 * ```
 */
export function dtypeOf(df: pl.DataFrame, column: string): string {
  return String((df.getColumn(column).dtype as unknown as { variant: string }).variant);
}

/**
 * Throws a `DataError` naming the figure and the missing column when `df` lacks one of `columns`.
 *
 * @example
 * ```ts
 * requireColumns(df, ["lat", "lon"], "geoScatterFigure");
 * ```
 */
export function requireColumns(df: pl.DataFrame, columns: readonly string[], caller: string): void {
  for (const c of columns) {
    if (!df.columns.includes(c)) {
      throw new DataError(`${caller}: missing column (the frame has ${df.columns.join(", ") || "no columns"})`, { column: c });
    }
  }
}

/**
 * Whether a column holds numbers (any integer or float width).
 *
 * @example
 * ```ts
 * if (isNumericColumn(df, "rating")) { … }
 * ```
 */
export function isNumericColumn(df: pl.DataFrame, column: string): boolean {
  return NUMERIC.has(dtypeOf(df, column));
}

/**
 * Throws a `DataError` unless the column holds numbers.
 *
 * @example
 * ```ts
 * requireNumeric(df, "lat", "geoScatterFigure");
 * ```
 */
export function requireNumeric(df: pl.DataFrame, column: string, caller: string): void {
  requireColumns(df, [column], caller);
  if (!isNumericColumn(df, column)) {
    throw new DataError(`${caller}: expected a numeric column, got ${dtypeOf(df, column)}`, { column });
  }
}
