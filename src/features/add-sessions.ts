import pl from "nodejs-polars";
import { ROW, requireColumns, requireDatetime, requireNoNulls } from "../clean/frame-access";
import { COL } from "../schema";

/** Options of {@link addSessions}. */
export interface AddSessionsOptions {
  /** A new session starts when the gap to the user's previous event exceeds this (minutes, > 0). Default `30`. */
  gapMinutes?: number;
  /** Column names. Default: `COL.user`, `COL.ts`. */
  cols?: { user?: string; ts?: string };
}

const defaults = {
  gapMinutes: 30,
  cols: { user: COL.user, ts: COL.ts },
};

/**
 * Splits each user's events into sessions. Adds:
 * - `dt_prev_s` (Float64): seconds since the same user's previous event, null for the user's
 *   first event;
 * - `session` (Int64): a global session id, unique across users. Events are ordered by user
 *   (sorted id) and time (ties: input order), and the id increments at each user's first event
 *   and whenever `dt_prev_s > gapMinutes · 60` (strictly), so ids run 0, 1, 2, … in that order.
 *
 * Rows keep their input order. Null timestamps are refused (DataError).
 *
 * @param df event frame.
 * @param options see {@link AddSessionsOptions}.
 * @returns the frame with `dt_prev_s` and `session`.
 * @example
 * ```ts
 * const s = addSessions(events, { gapMinutes: 30 });
 * s.groupBy("session").agg(pl.len().alias("events"));
 * ```
 */
export function addSessions(df: pl.DataFrame, options: AddSessionsOptions = {}): pl.DataFrame {
  const gap = options.gapMinutes ?? defaults.gapMinutes;
  const cols = { ...defaults.cols, ...options.cols };
  if (!(gap > 0) || !Number.isFinite(gap)) throw new Error(`gapMinutes must be a finite number > 0, got ${gap}`);
  requireColumns(df, [cols.user], "addSessions");
  requireDatetime(df, cols.ts, "addSessions");
  requireNoNulls(df, cols.ts, "addSessions");
  const ms = pl.col(cols.ts).cast(pl.Datetime("ms")).cast(pl.Float64);
  const dt = ms.diff(1, "ignore").over(cols.user).div(1000);
  return df
    .withRowIndex(ROW)
    .sort([cols.user, cols.ts, ROW], false, true)
    .withColumn(dt.alias("dt_prev_s"))
    .withColumn(
      pl
        .col("dt_prev_s")
        .isNull()
        .or(pl.col("dt_prev_s").gt(gap * 60))
        .cast(pl.Int64)
        .cumSum()
        .sub(1)
        .alias("session"),
    )
    .sort(ROW)
    .drop(ROW);
}
