import pl from "nodejs-polars";
import { COL } from "../schema";
import type { CleanResult } from "./clean-report";
import { boolSeries, denseCodes, epochMs, requireColumns, requireDatetime } from "./frame-access";
import type { NotedCleanStep } from "./noted-step";
import { outlierBounds, type OutlierBounds, type OutlierMethod } from "./outlier-bounds";

/**
 * The per-user activity value that the outlier rule tests:
 * - `"events"`: the user's number of events;
 * - `"events_per_active_day"`: events ÷ number of distinct UTC calendar days with an event.
 *   Bots and scripted accounts fire many events on few days, so this separates them from
 *   real heavy users, who are heavy because they are active on many days.
 *
 * @example
 * ```ts
 * const m: ActivityMeasure = "events_per_active_day";
 * ```
 */
export type ActivityMeasure = "events" | "events_per_active_day";

/** Options of {@link removeHyperactiveUsers}. */
export interface RemoveHyperactiveUsersOptions {
  /**
   * What is measured per user (see {@link ActivityMeasure}). Default `"events"` (kept for
   * compatibility; `defaultCleaning` uses `"events_per_active_day"`, which removes bots without
   * removing loyal heavy users, on check-in data). Per-day rates suit streams of spontaneous
   * events; where events are entered in batches (MovieLens users rate dozens of films in one
   * sitting; on ML-100K it flags one user with 737 ratings) a high daily rate is ordinary
   * behaviour, so the total stays the default here.
   */
  measure?: ActivityMeasure;
  /** `"zscore"` or `"iqr"`, applied to one value per user. Default `"zscore"`. */
  method?: OutlierMethod;
  /** z-score cut, > 0. Default `3`. */
  threshold?: number;
  /** IQR multiplier, ≥ 0. Default `1.5`. */
  k?: number;
  /**
   * Test `ln(measure)` instead of the measure. Default `true`: activity counts and rates are
   * heavy-tailed, and on raw values a z-score or IQR rule flags many ordinary heavy users.
   */
  logCounts?: boolean;
  /** `"drop"` the users' events, or `"flag"` them in a boolean column. Default `"drop"`. */
  mode?: "drop" | "flag";
  /** Flag column (mode `"flag"`). Default `"hyperactive_user"`. */
  flagColumn?: string;
  /** Column names. Default: `COL.user`, `COL.ts` (`ts` is read only by `"events_per_active_day"`). */
  cols?: { user?: string; ts?: string };
}

const DAY_MS = 86_400_000;
const MEASURES: readonly ActivityMeasure[] = ["events", "events_per_active_day"];

const defaults = {
  measure: "events" as ActivityMeasure,
  method: "zscore" as OutlierMethod,
  threshold: 3,
  k: 1.5,
  logCounts: true,
  mode: "drop" as "drop" | "flag",
  flagColumn: "hyperactive_user",
  cols: { user: COL.user, ts: COL.ts },
};

/** The result of {@link removeHyperactiveUsers}. */
export interface RemoveHyperactiveUsersResult extends CleanResult {
  /** Bounds on the per-user value (the measure or its ln); only the upper one is used. */
  bounds: OutlierBounds;
  /** Users found hyperactive, in sorted order. */
  users: string[];
}

/**
 * Removes all events of hyperactive users (bots, shared accounts): users whose activity
 * measure (events, or events per active UTC day; or its logarithm) lies above the upper z-score
 * or IQR bound computed over users (one value per user). Only the high side is tested: light
 * users are never removed here (see `kCore`). With `"events_per_active_day"`, rows with a null
 * timestamp count as events but add no day, and a user without any timestamp counts one day.
 *
 * Report reason: `hyperactive_user` (drop: rows removed; flag: `valuesChanged` = rows flagged).
 *
 * @param df event frame.
 * @param options see {@link RemoveHyperactiveUsersOptions}.
 * @returns frame, report, the bounds and the list of users.
 * @example
 * ```ts
 * const { frame, users } = removeHyperactiveUsers(events, { method: "iqr", k: 3 });
 * // bots: many events on few days (real heavy users are active on many days)
 * removeHyperactiveUsers(checkins, { measure: "events_per_active_day" }).users; // ["u0035", "u0053"]
 * ```
 */
export function removeHyperactiveUsers(df: pl.DataFrame, options: RemoveHyperactiveUsersOptions = {}): RemoveHyperactiveUsersResult {
  const measure = options.measure ?? defaults.measure;
  const method = options.method ?? defaults.method;
  const threshold = options.threshold ?? defaults.threshold;
  const k = options.k ?? defaults.k;
  const logCounts = options.logCounts ?? defaults.logCounts;
  const mode = options.mode ?? defaults.mode;
  const user = options.cols?.user ?? defaults.cols.user;
  const ts = options.cols?.ts ?? defaults.cols.ts;
  if (!MEASURES.includes(measure)) throw new Error(`measure must be "events" or "events_per_active_day", got ${String(measure)}`);
  if (mode !== "drop" && mode !== "flag") throw new Error(`mode must be "drop" or "flag", got ${String(mode)}`);
  requireColumns(df, [user], "removeHyperactiveUsers");
  const { codes, n } = denseCodes(df, user);
  const counts = new Float64Array(n);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  if (measure === "events_per_active_day") {
    requireDatetime(df, ts, "removeHyperactiveUsers");
    const days = activeDays(codes, epochMs(df, ts), n);
    for (let u = 0; u < n; u++) counts[u] /= Math.max(1, days[u]);
  }
  const values = logCounts ? counts.map(Math.log) : counts;
  const bounds = outlierBounds(values, method, threshold, k);
  const hyper = new Uint8Array(n);
  for (let u = 0; u < n; u++) hyper[u] = values[u] > bounds.upper ? 1 : 0;
  const flags = new Uint8Array(codes.length);
  const keep = new Uint8Array(codes.length);
  let flagged = 0;
  const firstRow = new Int32Array(n).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    flags[i] = hyper[codes[i]];
    keep[i] = 1 - flags[i];
    flagged += flags[i];
    if (firstRow[codes[i]] < 0) firstRow[codes[i]] = i;
  }
  const userValues = df.getColumn(user);
  const users: string[] = [];
  for (let u = 0; u < n; u++) if (hyper[u]) users.push(String(userValues.get(firstRow[u])));
  users.sort();
  const what = measure === "events" ? "count" : "events per active day";
  const note = `${users.length} user(s) above ${method} upper bound ${bounds.upper.toPrecision(4)} (${logCounts ? `log ${what}` : what})`;
  const frame =
    mode === "flag"
      ? df.withColumn(boolSeries(options.flagColumn ?? defaults.flagColumn, flags))
      : df.filter(boolSeries("keep", keep));
  const step: NotedCleanStep = {
    step: "removeHyperactiveUsers",
    reason: "hyperactive_user",
    rowsIn: df.height,
    rowsOut: frame.height,
    valuesChanged: mode === "flag" ? flagged : 0,
    note,
  };
  return { frame, bounds, users, report: [step] };
}

/** Distinct UTC days with an event, per user code: one hash `unique` over (code, day) pairs. */
function activeDays(codes: Uint32Array, ms: Float64Array, n: number): Float64Array {
  const day = new Float64Array(ms.length);
  for (let i = 0; i < ms.length; i++) day[i] = Math.floor(ms[i] / DAY_MS);
  const pairs = pl
    .DataFrame([pl.Series("u", codes), pl.Series("d", day)])
    .filter(pl.col("d").isNan().not())
    .unique()
    .getColumn("u")
    .cast(pl.Float64)
    .toTypedArray() as Float64Array;
  const days = new Float64Array(n);
  for (let i = 0; i < pairs.length; i++) days[pairs[i]]++;
  return days;
}
