import pl from "nodejs-polars";
import { COL } from "../schema";
import type { CleanResult, CleanStep } from "./clean-report";
import { requireDatetime } from "./frame-access";

/** Options of {@link dropImpossible}. */
export interface DropImpossibleOptions {
  /** Drop (lat, lon) = (0, 0), "null island", a common placeholder. Default `true`. */
  dropNullIsland?: boolean;
  /** Drop events before this instant (inclusive start). Default `null`: no lower bound. */
  start?: Date | null;
  /** Drop events after this instant (inclusive end). Default `null`: no upper bound. */
  end?: Date | null;
  /**
   * Drop events after this instant ("from the future"). Default: the current time when the
   * verb is called; `null` turns the check off (pass a fixed Date for reproducible runs).
   */
  now?: Date | null;
  /** Drop negative ratings. Default `true`. */
  dropNegativeRatings?: boolean;
  /** Drop ratings outside `[min, max]` (inclusive). Default `null`: no range check. */
  ratingRange?: [number, number] | null;
  /** Column names. Default: `COL.lat`, `COL.lon`, `COL.ts`, `COL.rating`. */
  cols?: { lat?: string; lon?: string; ts?: string; rating?: string };
}

const defaults = {
  dropNullIsland: true,
  start: null as Date | null,
  end: null as Date | null,
  dropNegativeRatings: true,
  ratingRange: null as [number, number] | null,
  cols: { lat: COL.lat, lon: COL.lon, ts: COL.ts, rating: COL.rating },
};

/**
 * The reasons of {@link dropImpossible}, in the order they are tested. A row with several
 * problems is dropped and counted once, under the first reason of this list.
 *
 * @example
 * ```ts
 * IMPOSSIBLE_REASONS.indexOf("lat_out_of_range"); // 1: tested before "null_island"
 * ```
 */
export const IMPOSSIBLE_REASONS = [
  "nan_coordinates",
  "lat_out_of_range",
  "lon_out_of_range",
  "null_island",
  "ts_before_start",
  "ts_after_end",
  "ts_in_future",
  "rating_negative",
  "rating_out_of_range",
] as const;

/**
 * Drops physically or logically impossible rows, each reason counted separately, tested in
 * the order of {@link IMPOSSIBLE_REASONS}:
 * `nan_coordinates` (lat or lon is NaN), `lat_out_of_range` (outside [−90, 90]),
 * `lon_out_of_range` (outside [−180, 180]), `null_island` ((0, 0), optional),
 * `ts_before_start`, `ts_after_end`, `ts_in_future` (after `now`), `rating_negative`,
 * `rating_out_of_range`. Null values are missing, not impossible, and are kept (see
 * `handleMissing`). Checks whose column is absent are skipped; every check that runs gets a
 * report row, even when it drops nothing.
 *
 * @param df event frame.
 * @param options see {@link DropImpossibleOptions}.
 * @returns the frame and one report row per check that ran.
 * @example
 * ```ts
 * const { frame, report } = dropImpossible(checkins, { now: new Date("2024-01-01T00:00:00Z") });
 * // report reasons: nan_coordinates, lat_out_of_range, lon_out_of_range, null_island, ts_in_future, …
 * ```
 */
export function dropImpossible(df: pl.DataFrame, options: DropImpossibleOptions = {}): CleanResult {
  const cols = { ...defaults.cols, ...options.cols };
  const dropNullIsland = options.dropNullIsland ?? defaults.dropNullIsland;
  const start = options.start ?? defaults.start;
  const end = options.end ?? defaults.end;
  const now = options.now === undefined ? new Date() : options.now;
  const dropNegative = options.dropNegativeRatings ?? defaults.dropNegativeRatings;
  const range = options.ratingRange ?? defaults.ratingRange;
  for (const [name, d] of [["start", start], ["end", end], ["now", now]] as const) {
    if (d !== null && !(d instanceof Date && Number.isFinite(d.getTime()))) throw new Error(`${name} must be a valid Date or null`);
  }
  if (range !== null && !(range.length === 2 && range[0] <= range[1])) {
    throw new Error(`ratingRange must be [min, max] with min <= max, got ${JSON.stringify(range)}`);
  }
  const has = new Set(df.columns);
  const lat = pl.col(cols.lat).cast(pl.Float64);
  const lon = pl.col(cols.lon).cast(pl.Float64);
  const rating = pl.col(cols.rating).cast(pl.Float64);
  const checks: [string, boolean, () => pl.Expr][] = [
    ["nan_coordinates", has.has(cols.lat) || has.has(cols.lon), () => nanMask(has.has(cols.lat) ? lat : null, has.has(cols.lon) ? lon : null)],
    ["lat_out_of_range", has.has(cols.lat), () => lat.lt(-90).or(lat.gt(90))],
    ["lon_out_of_range", has.has(cols.lon), () => lon.lt(-180).or(lon.gt(180))],
    ["null_island", dropNullIsland && has.has(cols.lat) && has.has(cols.lon), () => lat.eq(0).and(lon.eq(0))],
    ["ts_before_start", start !== null && has.has(cols.ts), () => pl.col(cols.ts).lt(pl.lit(start))],
    ["ts_after_end", end !== null && has.has(cols.ts), () => pl.col(cols.ts).gt(pl.lit(end))],
    ["ts_in_future", now !== null && has.has(cols.ts), () => pl.col(cols.ts).gt(pl.lit(now))],
    ["rating_negative", dropNegative && has.has(cols.rating), () => rating.lt(0)],
    ["rating_out_of_range", range !== null && has.has(cols.rating), () => rating.lt(range![0]).or(rating.gt(range![1]))],
  ];
  if (start !== null || end !== null || now !== null) {
    if (has.has(cols.ts)) requireDatetime(df, cols.ts, "dropImpossible");
  }
  const report: CleanStep[] = [];
  let frame = df;
  for (const [reason, runs, mask] of checks) {
    if (!runs) continue;
    const rowsIn = frame.height;
    frame = frame.filter(mask().fillNull(false).not());
    report.push({ step: "dropImpossible", reason, rowsIn, rowsOut: frame.height, valuesChanged: 0 });
  }
  return { frame, report };
}

function nanMask(lat: pl.Expr | null, lon: pl.Expr | null): pl.Expr {
  if (lat && lon) return lat.isNan().or(lon.isNan());
  return (lat ?? lon)!.isNan();
}
