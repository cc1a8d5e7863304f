import pl from "nodejs-polars";
import { epochMs, requireColumns, requireDatetime } from "../clean/frame-access";
import { DataError } from "../util/data-error";
import { checkFreq, freqOfStep, FREQ_MS, type SeriesFreq } from "./series-freq";

/** Options of {@link seriesValues}. */
export interface SeriesValuesOptions {
  /** The group column of a multi-series frame. Default: the one column besides `bucket` and `count`, if any. */
  by?: string | null;
  /** Which group's series to take (required when the frame holds more than one). Default `undefined`. */
  group?: string | number | null;
  /** Frequency of a one-bucket series (it cannot be inferred from one row). Default `undefined`. */
  freq?: SeriesFreq;
  /** Column names. Default `{ bucket: "bucket", count: "count" }`. */
  cols?: { bucket?: string; count?: string };
}

/** One regular series as numbers: values[i] belongs to the bucket starting at start + i·stepMs. */
export interface RegularSeries {
  /** Start of the first bucket (UTC instant, or naive local wall time read as UTC). */
  start: Date;
  freq: SeriesFreq;
  /** Bucket length in milliseconds. */
  stepMs: number;
  values: Float64Array;
}

const defaults = { cols: { bucket: "bucket", count: "count" } };

/**
 * Extracts one series of an {@link eventSeries} frame as a `Float64Array`, after checking that
 * its buckets form a regular grid (sorted, equally spaced by a known frequency, no gap and no
 * repeated bucket).
 *
 * @param frame a `bucket, [group], count` frame (e.g. from `eventSeries`).
 * @param options see {@link SeriesValuesOptions}.
 * @returns `{ start, freq, stepMs, values }`.
 * @throws DataError for a missing column, a null count, a gap or a repeated bucket; Error for
 *   an empty frame/group, an ambiguous group or an unknown spacing.
 * @example
 * ```ts
 * const { values, start } = seriesValues(eventSeries(events, { freq: "day" }));
 * const u = seriesValues(eventSeries(events, { by: COL.user }), { group: "u0042" });
 * ```
 */
export function seriesValues(frame: pl.DataFrame, options: SeriesValuesOptions = {}): RegularSeries {
  const cols = { ...defaults.cols, ...options.cols };
  requireColumns(frame, [cols.bucket, cols.count], "seriesValues");
  requireDatetime(frame, cols.bucket, "seriesValues");
  const extra = frame.columns.filter((c) => c !== cols.bucket && c !== cols.count);
  const by = options.by !== undefined ? options.by : extra.length === 1 ? extra[0] : null;
  if (options.by === undefined && extra.length > 1) {
    throw new Error(`seriesValues: the frame has several columns besides bucket and count (${extra.join(", ")}); pass options.by`);
  }
  let one = frame;
  if (by !== null) {
    requireColumns(frame, [by], "seriesValues");
    const group = options.group;
    if (group === undefined || group === null) {
      const n = frame.select(pl.col(by).nUnique().alias("n")).getColumn("n").get(0) as number;
      if (n > 1) throw new Error(`seriesValues: the frame holds ${n} series (column '${by}'); pass options.group`);
    } else {
      one = frame.filter(pl.col(by).eq(pl.lit(group)));
      if (one.height === 0) throw new Error(`seriesValues: group ${JSON.stringify(group)} not found in column '${by}'`);
    }
  }
  if (one.height === 0) throw new Error("seriesValues: the frame is empty (0 rows)");
  one = one.sort(cols.bucket);
  const ms = epochMs(one, cols.bucket);
  const counts = one.select(pl.col(cols.count).cast(pl.Float64).fillNull(NaN).alias("v")).getColumn("v").toTypedArray() as Float64Array;
  if (ms.some((t) => Number.isNaN(t))) throw new DataError("seriesValues: null bucket", { column: cols.bucket });
  let freq: SeriesFreq;
  if (ms.length === 1) {
    if (options.freq === undefined) throw new Error("seriesValues: a one-bucket series has no spacing; pass options.freq");
    freq = checkFreq(options.freq);
  } else {
    const step = ms[1] - ms[0];
    const f = freqOfStep(step);
    if (f === null) throw new Error(`seriesValues: bucket spacing ${step} ms is not a known frequency (${Object.keys(FREQ_MS).join(", ")})`);
    freq = f;
    for (let i = 2; i < ms.length; i++) {
      if (ms[i] - ms[i - 1] !== step) {
        const what = ms[i] === ms[i - 1] ? "repeated bucket" : "gap";
        throw new DataError(`seriesValues: ${what} at ${new Date(ms[i]).toISOString()} (expected every ${step} ms); zero-fill with eventSeries`, { column: cols.bucket });
      }
    }
  }
  for (let i = 0; i < counts.length; i++) {
    if (Number.isNaN(counts[i])) throw new DataError(`seriesValues: null value at ${new Date(ms[i]).toISOString()}`, { column: cols.count });
  }
  return { start: new Date(ms[0]), freq, stepMs: FREQ_MS[freq], values: Float64Array.from(counts) };
}
