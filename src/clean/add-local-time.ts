import pl from "nodejs-polars";
import { COL } from "../schema";
import type { CleanResult, CleanStep } from "./clean-report";
import { datetimeSeries, epochMs, floatColumn, requireColumns, requireDatetime } from "./frame-access";
import type { NotedCleanStep } from "./noted-step";
import { zoneLocalMs } from "./zone-offset";

/** Where the local offset comes from. */
export type LocalTimeSource = "offset" | "zone" | "solar";

/** Options of {@link addLocalTime}. */
export interface AddLocalTimeOptions {
  /**
   * - `"offset"`: the `tz_offset_min` column (minutes east of UTC, valid range [−720, 840]);
   * - `"zone"`: one IANA zone for every row (`zone` option), DST-correct;
   * - `"solar"`: approximate local time from longitude, offset = `Math.round(lon / 15)` hours
   *   (mean solar time rounded to the hour; ignores political zones and DST, so it can be off by
   *   an hour or more: an approximation for data without any time-zone field).
   *
   * Default `"offset"`.
   */
  from?: LocalTimeSource;
  /** IANA zone name, required with `from: "zone"`, e.g. `"America/New_York"`. */
  zone?: string;
  /** Output column. Default `"ts_local"`. */
  output?: string;
  /** Column names. Default: `COL.ts`, `COL.tzOffsetMin`, `COL.lon`. */
  cols?: { ts?: string; tzOffsetMin?: string; lon?: string };
}

const defaults = {
  from: "offset" as LocalTimeSource,
  output: "ts_local",
  cols: { ts: COL.ts, tzOffsetMin: COL.tzOffsetMin, lon: COL.lon },
};

/** The result of {@link addLocalTime}: also the rows left null, counted by reason. */
export interface AddLocalTimeResult extends CleanResult {
  /** Rows whose local time stayed null, by reason (`missing_ts`, `missing_tz_offset`, …). */
  leftNull: Record<string, number>;
}

/**
 * Adds a local wall-clock time column (`ts_local`, Datetime("ms"), naive) = UTC `ts` + offset.
 * No rows are removed. Report: one row with reason `local_time_<from>` whose `valuesChanged`
 * counts rows given a local time, then one row per reason a row was left null (`missing_ts`,
 * `missing_tz_offset`, `tz_offset_out_of_range`, `missing_lon`, `lon_out_of_range`), with the
 * count in its `note` and in `leftNull`.
 *
 * @param df event frame with `ts` (and `tz_offset_min` or `lon` depending on `from`).
 * @param options see {@link AddLocalTimeOptions}.
 * @returns the frame with the new column, the report and `leftNull`.
 * @example
 * ```ts
 * addLocalTime(checkins);                                          // from tz_offset_min
 * addLocalTime(nyc, { from: "zone", zone: "America/New_York" });   // DST-correct
 * addLocalTime(gowalla, { from: "solar" });                        // approximate, from lon
 * ```
 */
export function addLocalTime(df: pl.DataFrame, options: AddLocalTimeOptions = {}): AddLocalTimeResult {
  const from = options.from ?? defaults.from;
  const output = options.output ?? defaults.output;
  const cols = { ...defaults.cols, ...options.cols };
  requireDatetime(df, cols.ts, "addLocalTime");
  const ts = epochMs(df, cols.ts);
  const n = ts.length;
  const local = new Float64Array(n);
  const why = new Array<string | null>(n).fill(null);
  if (from === "zone") {
    if (!options.zone) throw new Error('addLocalTime with from: "zone" needs options.zone (an IANA zone name)');
    local.set(zoneLocalMs(ts, options.zone));
  } else if (from === "offset" || from === "solar") {
    const src = from === "offset" ? cols.tzOffsetMin : cols.lon;
    requireColumns(df, [src], "addLocalTime");
    const v = floatColumn(df, src);
    for (let i = 0; i < n; i++) {
      const x = v[i];
      let offsetMin = NaN;
      if (from === "offset") {
        if (Number.isNaN(x)) why[i] = "missing_tz_offset";
        else if (x < -720 || x > 840) why[i] = "tz_offset_out_of_range";
        else offsetMin = x;
      } else {
        if (Number.isNaN(x)) why[i] = "missing_lon";
        else if (x < -180 || x > 180) why[i] = "lon_out_of_range";
        else offsetMin = Math.round(x / 15) * 60;
      }
      local[i] = ts[i] + offsetMin * 60_000;
    }
  } else {
    throw new Error(`from must be "offset", "zone" or "solar", got ${String(from)}`);
  }
  const leftNull: Record<string, number> = {};
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(ts[i])) why[i] = "missing_ts";
    if (why[i] !== null) {
      local[i] = NaN;
      leftNull[why[i]!] = (leftNull[why[i]!] ?? 0) + 1;
    } else given++;
  }
  const frame = df.withColumn(datetimeSeries(output, local));
  const report: CleanStep[] = [
    { step: "addLocalTime", reason: `local_time_${from}`, rowsIn: n, rowsOut: n, valuesChanged: given },
  ];
  for (const [reason, count] of Object.entries(leftNull)) {
    const row: NotedCleanStep = { step: "addLocalTime", reason, rowsIn: n, rowsOut: n, valuesChanged: 0, note: `${count} row(s) left null` };
    report.push(row);
  }
  return { frame, report, leftNull };
}
