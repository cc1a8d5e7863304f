import pl from "nodejs-polars";
import { DataError } from "../util/data-error";

/**
 * Name of the temporary row-index column the verbs of `clean/`, `features/` and `split/`
 * add to remember the input order; it never appears in an output frame.
 *
 * @example
 * ```ts
 * df.withRowIndex(ROW).sort([COL.user, COL.ts, ROW]); // ...then .sort(ROW).drop(ROW)
 * ```
 */
export const ROW = "__row_index__";

/**
 * Throws a `DataError` naming the first column of `columns` that `df` lacks.
 *
 * @param df the frame to check.
 * @param columns column names that must be present.
 * @param verb the calling verb, named in the message.
 * @example
 * ```ts
 * requireColumns(df, [COL.user, COL.ts], "addSessions");
 * // DataError: column 'ts': addSessions needs column 'ts' (frame has: user, item)
 * ```
 */
export function requireColumns(df: pl.DataFrame, columns: readonly string[], verb: string): void {
  const have = new Set(df.columns);
  for (const c of columns) {
    if (!have.has(c)) {
      throw new DataError(`${verb} needs column '${c}' (frame has: ${df.columns.join(", ")})`, { column: c });
    }
  }
}

/**
 * Throws a `DataError` unless `column` is a Polars Datetime column.
 *
 * @example
 * ```ts
 * requireDatetime(df, "ts", "addSessions");
 * ```
 */
export function requireDatetime(df: pl.DataFrame, column: string, verb: string): void {
  requireColumns(df, [column], verb);
  const dtype = df.getColumn(column).dtype;
  if (dtype.variant !== "Datetime") {
    throw new DataError(`${verb} needs a Datetime column, got ${String(dtype)}`, { column });
  }
}

/**
 * Throws a `DataError` when `column` holds nulls (verbs that order events in time need every
 * timestamp).
 *
 * @example
 * ```ts
 * requireNoNulls(df, "ts", "leaveLastOut");
 * ```
 */
export function requireNoNulls(df: pl.DataFrame, column: string, verb: string): void {
  const nulls = df.getColumn(column).nullCount();
  if (nulls > 0) {
    throw new DataError(`${verb} found ${nulls} null value(s); drop them first (e.g. handleMissing with "drop")`, {
      column,
    });
  }
}

/**
 * A Datetime column as epoch milliseconds in a `Float64Array` (null becomes `NaN`).
 *
 * @example
 * ```ts
 * const ms = epochMs(df, "ts"); // Float64Array [1710054000000, NaN, ...]
 * ```
 */
export function epochMs(df: pl.DataFrame, column: string): Float64Array {
  return df
    .select(pl.col(column).cast(pl.Datetime("ms")).cast(pl.Float64).fillNull(NaN).alias(column))
    .getColumn(column)
    .toTypedArray() as Float64Array;
}

/**
 * A numeric column as a `Float64Array` (null becomes `NaN`).
 *
 * @example
 * ```ts
 * const lat = floatColumn(df, "lat");
 * ```
 */
export function floatColumn(df: pl.DataFrame, column: string): Float64Array {
  return df
    .select(pl.col(column).cast(pl.Float64).fillNull(NaN).alias(column))
    .getColumn(column)
    .toTypedArray() as Float64Array;
}

/**
 * Dense integer codes of a column (e.g. user ids), 0-based **in order of first appearance**,
 * as a `Uint32Array`, plus the number of distinct codes `n`. Null gets its own code,
 * reported as `nullCode` (−1 when the column has no null). Built from a Categorical cast
 * (hashing, no sort), so it is fast on string columns.
 *
 * @example
 * ```ts
 * const { codes, n } = denseCodes(df, "user"); // codes[i] in [0, n)
 * ```
 */
export function denseCodes(df: pl.DataFrame, column: string): { codes: Uint32Array; n: number; nullCode: number } {
  const raw = df
    .select(pl.col(column).cast(pl.String).cast(pl.Categorical).cast(pl.UInt32).cast(pl.Float64).fillNull(-1).alias(column))
    .getColumn(column)
    .toTypedArray() as Float64Array;
  let max = -1;
  for (let i = 0; i < raw.length; i++) if (raw[i] > max) max = raw[i];
  const codes = new Uint32Array(raw.length);
  // remap by a lookup table (raw code + 1 -> dense code + 1); raw codes are small unless a
  // global string cache holds many strings, then fall back to a Map
  const table = max < 4 * raw.length + 1024 ? new Int32Array(max + 2) : null;
  const map = table ? null : new Map<number, number>();
  let n = 0;
  let nullCode = -1;
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    let c = table ? table[r + 1] - 1 : (map!.get(r) ?? -1);
    if (c < 0) {
      c = n++;
      if (table) table[r + 1] = c + 1;
      else map!.set(r, c);
      if (r === -1) nullCode = c;
    }
    codes[i] = c;
  }
  return { codes, n, nullCode };
}

/**
 * A boolean mask as a Polars Bool series (built from bytes: much faster than from a JS array).
 *
 * @example
 * ```ts
 * df.filter(boolSeries("keep", Uint8Array.of(1, 0, 1)));
 * ```
 */
export function boolSeries(name: string, mask: Uint8Array): pl.Series {
  return pl.Series(name, mask).cast(pl.Bool);
}

/**
 * A Datetime("ms") series built from epoch milliseconds (`NaN` or `null` becomes null).
 *
 * @example
 * ```ts
 * datetimeSeries("ts_local", [1710054000000, null]);
 * ```
 */
export function datetimeSeries(name: string, ms: ArrayLike<number | null>): pl.Series {
  const values: (number | null)[] = new Array(ms.length);
  for (let i = 0; i < ms.length; i++) {
    const v = ms[i];
    values[i] = v === null || Number.isNaN(v) ? null : v;
  }
  return pl.Series(name, values, pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms"));
}
