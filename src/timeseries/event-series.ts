import pl from "nodejs-polars";
import { epochMs, requireColumns, requireDatetime, requireNoNulls } from "../clean/frame-access";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import { checkFreq, floorToFreq, FREQ_MS, toEpochMs, type SeriesFreq } from "./series-freq";

/** Options of {@link eventSeries}. */
export interface EventSeriesOptions {
  /** Bucket length: `"minute"`, `"hour"`, `"day"` or `"week"` (weeks start Monday 00:00). Default `"day"`. */
  freq?: SeriesFreq;
  /**
   * Bucket by local wall-clock time (`ts_local`, added by `addLocalTime`) instead of UTC `ts`.
   * A local day then runs from local midnight to local midnight. Default `false`.
   */
  local?: boolean;
  /** Column whose values each get their own series (user, category, region …). Default `null`: one series. */
  by?: string | null;
  /**
   * First instant counted (inclusive), on the clock of the series (UTC, or local wall time when
   * `local`). The grid starts at the bucket holding it. Default `null`: the first event's bucket.
   */
  start?: Date | string | number | null;
  /** First instant not counted (exclusive). Default `null`: just after the last event's bucket. */
  end?: Date | string | number | null;
  /** Refuse to build grids of more rows than this (groups × buckets). Default `10_000_000`. */
  maxRows?: number;
  /** Column names. Default `{ ts: COL.ts, tsLocal: "ts_local" }`. */
  cols?: { ts?: string; tsLocal?: string };
}

const defaults = {
  freq: "day" as SeriesFreq,
  local: false,
  by: null as string | null,
  maxRows: 10_000_000,
  cols: { ts: COL.ts, tsLocal: "ts_local" },
};

/**
 * Counts events per time bucket on a regular grid, one series per group, with every empty
 * bucket present as a zero. For bucket b (length Δ) and group g:
 *
 *   count(g, b) = #{ events e of g : b ≤ floor_Δ(t_e) < b + Δ, start ≤ t_e < end }
 *
 * over every bucket from the first to the last of the range, and for every group that occurs
 * in `df` (also one with no event in the range, which gets an all-zero series). Buckets are
 * computed exactly in epoch milliseconds, counted with a Polars group-by on (group, bucket),
 * then left-joined onto the full grid (groups × buckets cross join) and zero-filled.
 * Events outside `[start, end)` are not counted: the window is the caller's choice.
 *
 * @param df event frame with a Datetime `ts` (or `ts_local` when `local`) and no null in it
 *   (nor in the `by` column).
 * @param options see {@link EventSeriesOptions}.
 * @returns columns `bucket` (Datetime("ms"), bucket start), then the `by` column if any, then
 *   `count` (UInt32); sorted by group, then bucket.
 * @throws DataError for a missing column, a non-Datetime time column or nulls; Error for an
 *   unknown `freq`, `end` ≤ `start`, a grid over `maxRows` rows, or no event to span (empty
 *   frame without both `start` and `end`).
 * @example
 * ```ts
 * const daily = eventSeries(events, { freq: "day", local: true });            // bucket, count
 * const perUser = eventSeries(events, { freq: "week", by: COL.user });         // bucket, user, count
 * const window = eventSeries(events, { freq: "hour", start: "2024-03-01", end: "2024-09-01" });
 * ```
 */
export function eventSeries(df: pl.DataFrame, options: EventSeriesOptions = {}): pl.DataFrame {
  if (!df || typeof (df as { height?: unknown }).height !== "number") throw new Error("eventSeries needs a Polars DataFrame");
  const freq = checkFreq(options.freq ?? defaults.freq);
  const local = options.local ?? defaults.local;
  const by = options.by ?? defaults.by;
  const maxRows = options.maxRows ?? defaults.maxRows;
  const cols = { ...defaults.cols, ...options.cols };
  const tsCol = local ? cols.tsLocal : cols.ts;
  if (local && !df.columns.includes(tsCol)) {
    throw new DataError(`eventSeries with local: true needs column '${tsCol}'; add it with addLocalTime(df)`, { column: tsCol });
  }
  requireDatetime(df, tsCol, "eventSeries");
  requireNoNulls(df, tsCol, "eventSeries");
  if (by !== null) {
    requireColumns(df, [by], "eventSeries");
    requireNoNulls(df, by, "eventSeries (by)");
  }
  const step = FREQ_MS[freq];
  const startMs = options.start == null ? null : toEpochMs(options.start, "start");
  const endMs = options.end == null ? null : toEpochMs(options.end, "end");
  if (startMs !== null && endMs !== null && endMs <= startMs) {
    throw new Error(`end must be after start; got start ${new Date(startMs).toISOString()}, end ${new Date(endMs).toISOString()}`);
  }
  const ms = epochMs(df, tsCol);
  const bucket = new Float64Array(ms.length);
  const keep = new Uint8Array(ms.length);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < ms.length; i++) {
    const t = ms[i];
    if ((startMs !== null && t < startMs) || (endMs !== null && t >= endMs)) continue;
    const b = floorToFreq(t, freq);
    bucket[i] = b;
    keep[i] = 1;
    if (b < lo) lo = b;
    if (b > hi) hi = b;
  }
  const first = startMs !== null ? floorToFreq(startMs, freq) : lo;
  const last = endMs !== null ? floorToFreq(endMs - 1, freq) : hi;
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    throw new Error(
      `eventSeries: no event ${df.height === 0 ? "(the frame is empty)" : "in [start, end)"} to span; pass both start and end to get an all-zero series`,
    );
  }
  const nBuckets = Math.round((last - first) / step) + 1;
  const groups = by === null ? null : df.select(pl.col(by)).unique({ maintainOrder: false });
  const nRows = nBuckets * (groups ? groups.height : 1);
  if (nRows > maxRows) {
    throw new Error(`eventSeries would build ${nRows} rows (${nBuckets} ${freq} buckets × ${groups ? groups.height : 1} series), over maxRows = ${maxRows}; use a coarser freq, a shorter window or raise maxRows`);
  }
  const gridMs = new Float64Array(nBuckets);
  for (let k = 0; k < nBuckets; k++) gridMs[k] = first + k * step;
  const toDatetime = (name: string) => pl.col(name).cast(pl.Int64).cast(pl.Datetime("ms")).alias(name);
  let grid = pl.DataFrame({ bucket: pl.Series("bucket", gridMs) }).withColumns(toDatetime("bucket"));
  const keys = by === null ? ["bucket"] : ["bucket", by];
  if (groups) grid = grid.join(groups, { how: "cross" });
  if (groups && groups.height === 0) return grid.select("bucket", by as string).withColumns(pl.lit(0).cast(pl.UInt32).alias("count"));
  const marks = [pl.Series("bucket", bucket), pl.Series("__keep__", keep)];
  const counted = (by === null ? pl.DataFrame(marks) : df.select(by).withColumns(...marks))
    .filter(pl.col("__keep__").eq(1))
    .withColumns(toDatetime("bucket"))
    .groupBy(keys)
    .agg(pl.len().alias("count"));
  return grid
    .join(counted, { on: keys, how: "left" })
    .withColumns(pl.col("count").fillNull(0).cast(pl.UInt32).alias("count"))
    .sort(by === null ? ["bucket"] : [by, "bucket"])
    .select(...keys, "count");
}
