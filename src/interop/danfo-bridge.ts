/**
 * A bridge to danfo.js for users who want its pandas-like API. Polars stays the engine:
 * convert at the edge, do the danfo step, convert back.
 *
 * danfojs-node is loaded lazily (on the first call; it takes about a second because it
 * loads TensorFlow.js), so importing the library does not pay for it. danfo shares the
 * `@tensorflow/tfjs-core` engine with the rest of the project: its tensor ops run on
 * whatever backend (cpu / wasm) was selected.
 *
 * ## Type mapping
 *
 * | Polars                          | danfo dtype          | danfo values                    | back without `schema` |
 * |---------------------------------|----------------------|---------------------------------|-----------------------|
 * | String, Categorical             | `string`             | string, missing → `null`        | String                |
 * | Float32, Float64                | `float32` (a label)  | JS doubles, missing → `NaN`     | Float64               |
 * | Int8/16/32, UInt8/16            | `int32`              | JS numbers, missing → `NaN`     | Int64                 |
 * | Int64, UInt32, UInt64           | `int32` if every value fits, else `float32` | exact JS numbers (≤ 2^53 − 1, else DataError) | Int64 / Float64 |
 * | Bool                            | `boolean`            | true/false, missing → `null`    | Bool                  |
 * | Datetime (any unit / zone)      | `string` or `float32`| ISO `…T…Z` or epoch ms          | String / Float64      |
 * | Date                            | `string` or `float32`| `YYYY-MM-DD` or epoch ms        | String / Float64      |
 * | List, Struct, Object, Null, Time, Duration, Decimal … | —  | DataError naming the column | —               |
 *
 * - **Missing values.** danfo's aggregations do not skip missing values: `null` counts as 0
 *   and `NaN` propagates (a groupby mean over `[1, null]` is 0.5, over `[1, NaN]` is NaN).
 *   Numeric nulls therefore travel as `NaN`, so they stay visible instead of turning into
 *   zeros; use danfo's `dropNa` / `fillNa` to decide. On the way back `null`, `undefined`
 *   and `NaN` all become Polars `null`. So a Polars float **NaN comes back as null**: danfo
 *   cannot tell the two apart.
 * - **Datetimes.** danfo has no usable datetime dtype, so instants travel as ISO-8601
 *   strings (`datetime: "iso"`, the default; danfo's `.dt` accessor parses them) or epoch
 *   milliseconds (`"epoch-ms"`). The ISO text is always UTC (`Z`), whatever the column's
 *   time zone. danfo's `.dt.hours()` etc. use the process's *local* time zone, so they
 *   agree with the UTC wall time of `COL.ts` only when `TZ=UTC`. Epoch ms are exact JS
 *   doubles, but do not push them through danfo's tensor ops (float32 would round them
 *   by minutes). Sub-millisecond parts of `us`/`ns` columns raise a DataError instead of
 *   being truncated.
 * - **Types back.** danfo keeps only coarse labels, so `fromDanfo` maps them to Int64,
 *   Float64, String, Bool. Pass `schema` (usually the original frame's `df.schema`) to
 *   restore the exact types: Int32/UInt8 …, Float32, Categorical, and Datetime / Date from
 *   the ISO text or epoch ms (strictly parsed; an offset-less ISO text is read as UTC).
 * - **Index.** `toDanfo` gives danfo's default 0…n−1 index; `fromDanfo` keeps the rows in
 *   danfo's order and drops the index (put it in a column first if it matters).
 */
import pl, { type DataType } from "nodejs-polars";
import type { DataFrame as DanfoDataFrame } from "danfojs-node";
import { DataError } from "../util/data-error";
import { type DanfoDatetimeMode, danfoToSeries, seriesToDanfo } from "./danfo-columns";

export type { DanfoDataFrame, DanfoDatetimeMode };

type DanfoModule = typeof import("danfojs-node");

/** Loads danfojs-node on first use (Node's module cache keeps it afterwards). */
function loadDanfo(): DanfoModule {
  return require("danfojs-node") as DanfoModule;
}

/** Options of {@link toDanfo}. */
export interface ToDanfoOptions {
  /**
   * How Datetime and Date columns travel: `"iso"` writes ISO-8601 UTC text
   * (`2023-11-14T22:13:20.123Z`, dates as `2023-11-14`) in a danfo `string` column;
   * `"epoch-ms"` writes epoch milliseconds in a `float32`-labelled column. Default `"iso"`.
   */
  datetime?: DanfoDatetimeMode;
}

/** Options of {@link fromDanfo}. */
export interface FromDanfoOptions {
  /**
   * Polars types to restore, by column name, typically the original frame's `df.schema`.
   * Columns not named here get the default mapping (int32 → Int64, float32 → Float64,
   * string → String, boolean → Bool); names that are not in the danfo frame are ignored,
   * so a schema may describe more columns than survived the danfo step. Default `{}`.
   */
  schema?: Record<string, DataType>;
}

const defaults: Required<ToDanfoOptions> & Required<FromDanfoOptions> = {
  datetime: "iso",
  schema: {},
};

/**
 * Converts a Polars DataFrame to a danfo.js DataFrame, keeping column order, values and
 * missing values (see the type mapping at the top of this file). The input is not changed.
 *
 * @param df - the Polars frame; every column must have a supported type
 * @param options - {@link ToDanfoOptions}; `datetime` defaults to `"iso"`
 * @returns a danfo DataFrame with the same columns in the same order and a 0…n−1 index
 * @throws DataError naming the column for an unsupported type (List, Struct …), an integer
 *   beyond ±(2^53 − 1), or a sub-millisecond datetime
 * @example
 * ```ts
 * const ddf = toDanfo(events);                       // ts as ISO text
 * const means = ddf.groupby([COL.user]).col([COL.rating]).mean();
 * const back = fromDanfo(means, { schema: events.schema });
 * ```
 */
export function toDanfo(df: pl.DataFrame, options: ToDanfoOptions = {}): DanfoDataFrame {
  const datetime = options.datetime ?? defaults.datetime;
  if (datetime !== "iso" && datetime !== "epoch-ms") {
    throw new Error(`toDanfo: options.datetime must be "iso" or "epoch-ms", got ${JSON.stringify(datetime)}`);
  }
  const columns = df.getColumns().map((s) => seriesToDanfo(s, datetime));
  const dfd = loadDanfo();
  if (df.height === 0) return new dfd.DataFrame([], { columns: df.columns });
  const data: Record<string, unknown[]> = {};
  df.columns.forEach((name, j) => (data[name] = columns[j].values));
  return new dfd.DataFrame(data, { columns: df.columns, dtypes: columns.map((c) => c.dtype) });
}

/**
 * Converts a danfo.js DataFrame back to a Polars DataFrame, keeping column and row order.
 * danfo's missing markers (`null`, `undefined`, `NaN`) become Polars nulls; the index is
 * dropped. Pass `schema` to restore exact Polars types (see the top of this file).
 *
 * @param frame - a danfojs-node DataFrame
 * @param options - {@link FromDanfoOptions}; `schema` defaults to `{}`
 * @returns a Polars frame with danfo's columns, in order
 * @throws DataError naming the column and row when a value does not fit its type (a string
 *   in a float column, 1.5 for an Int32 target, text that is not ISO-8601 for a Datetime
 *   target) or when a zero-row column has no type in `schema`
 * @example
 * ```ts
 * const ddf = toDanfo(events);
 * const back = fromDanfo(ddf, { schema: events.schema }); // equals events (float NaN → null)
 * ```
 */
export function fromDanfo(frame: DanfoDataFrame, options: FromDanfoOptions = {}): pl.DataFrame {
  const schema = options.schema ?? defaults.schema;
  const dfd = loadDanfo();
  // danfo ops return the danfojs-base DataFrame, not danfojs-node's subclass: test the base class
  if (!(frame instanceof dfd.NDframe) || frame.$isSeries) {
    const kind = frame === null ? "null" : (frame as object).constructor?.name ?? typeof frame;
    throw new Error(`fromDanfo: frame must be a danfojs-node DataFrame, got ${kind}`);
  }
  const names = frame.columns;
  const dups = names.filter((n, i) => names.indexOf(n) !== i);
  if (dups.length > 0) throw new DataError(`duplicate column name(s) in the danfo frame: ${dups.join(", ")}`);
  const rows = frame.shape[0];
  const series = names.map((name, j) => {
    const target = Object.prototype.hasOwnProperty.call(schema, name) ? schema[name] : undefined;
    if (rows === 0) {
      if (target === undefined) {
        throw new DataError("a zero-row danfo frame carries no dtypes; give this column a type in options.schema", {
          column: name,
        });
      }
      return danfoToSeries(name, [], "float32", target);
    }
    return danfoToSeries(name, frame.column(name).values as unknown[], frame.dtypes[j], target);
  });
  return pl.DataFrame(series);
}
