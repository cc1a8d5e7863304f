/**
 * Periodic patterns such as repeat purchases: for each user and item (or category), the
 * intervals between successive events give a period and a regularity.
 */
import pl from "nodejs-polars";
import { datetimeSeries, epochMs, requireColumns, requireDatetime, requireNoNulls } from "../clean/frame-access";
import { COL, EVENT } from "../schema";
import { DataError } from "../util/data-error";

/** Options of {@link periodicPatterns}. */
export interface PeriodicPatternsOptions {
  /** Keep only rows whose event type equals this; `null` keeps every row. Default `EVENT.buy`. */
  event?: string | null;
  /** A pattern is a repeat of the same value of this column (`COL.item`, `COL.category`); `null`: any event of the user. Default `COL.item`. */
  within?: string | null;
  /** Fewest occasions (after merging) for a pattern, integer ≥ 3 (two intervals). Default `3`. */
  minEvents?: number;
  /** Events less than this many days after the previous kept one are merged into it (one occasion), ≥ 0. Default `1`. */
  mergeWithinDays?: number;
  /** An interval is "on period" when |interval − period| ≤ tolerance · period; in (0, 1). Default `0.2`. */
  tolerance?: number;
  /** `is_regular` when the share of on-period intervals is ≥ this, in [0, 1]. Default `0.7`. */
  minRegularity?: number;
  /** Column names. Default `COL.user`, `COL.ts`, `COL.event`. */
  cols?: { user?: string; ts?: string; event?: string };
}

const defaults = {
  event: EVENT.buy as string | null,
  within: COL.item as string | null,
  minEvents: 3,
  mergeWithinDays: 1,
  tolerance: 0.2,
  minRegularity: 0.7,
  cols: { user: COL.user as string, ts: COL.ts as string, event: COL.event as string },
};

const DAY_MS = 86_400_000;

/**
 * Finds periodic behaviour per user and `within` value. With occasions t_1 < … < t_k (events
 * closer than `mergeWithinDays` to the previous occasion are merged into it) and intervals
 * g_j = t_{j+1} − t_j in days:
 * - `period_days` = median(g), robust to one missed or extra occasion;
 * - `mean_days`, `sd_days` (sample, k − 2 degrees of freedom), `cv` = sd / mean;
 * - `regularity` = max(0, 1 − cv), in [0, 1] (1 = clockwork, about 0 for Poisson-like times);
 * - `share_on_period` = share of g_j with |g_j − period| ≤ tolerance · period, in [0, 1];
 * - `is_regular` = share_on_period ≥ minRegularity;
 * - `next_expected` = t_k + period.
 *
 * Pairs with fewer than `minEvents` occasions are left out.
 *
 * @param df event frame: user, Datetime ts (no nulls among the kept rows), event (unless
 *   `event: null`) and the `within` column.
 * @param options see {@link PeriodicPatternsOptions}.
 * @returns one row per pattern: `user`, [`within`], `events`, `merged`, `intervals` (Int32),
 *   `period_days`, `mean_days`, `sd_days`, `cv`, `regularity`, `share_on_period` (Float64),
 *   `is_regular` (Boolean), `first_ts`, `last_ts`, `next_expected` (Datetime), sorted by user
 *   and `within`.
 * @throws DataError on an empty frame, missing columns, null timestamps, no event of the type,
 *   or no pair with `minEvents` occasions; Error on an option out of range.
 * @example
 * ```ts
 * const cycles = periodicPatterns(events);                       // repeat buys of the same item
 * cycles.filter(pl.col("is_regular")).select("user", "item", "period_days");
 * periodicPatterns(events, { within: COL.category, tolerance: 0.1 });
 * ```
 */
export function periodicPatterns(df: pl.DataFrame, options: PeriodicPatternsOptions = {}): pl.DataFrame {
  const cols = { ...defaults.cols, ...options.cols };
  const event = options.event === undefined ? defaults.event : options.event;
  const within = options.within === undefined ? defaults.within : options.within;
  const o = { ...defaults, ...options };
  if (!(Number.isInteger(o.minEvents) && o.minEvents >= 3)) throw new Error(`periodicPatterns: minEvents must be an integer >= 3, got ${o.minEvents}`);
  if (!(o.mergeWithinDays >= 0 && Number.isFinite(o.mergeWithinDays))) throw new Error(`periodicPatterns: mergeWithinDays must be a finite number >= 0, got ${o.mergeWithinDays}`);
  if (!(o.tolerance > 0 && o.tolerance < 1)) throw new Error(`periodicPatterns: tolerance must be in (0, 1), got ${o.tolerance}`);
  if (!(o.minRegularity >= 0 && o.minRegularity <= 1)) throw new Error(`periodicPatterns: minRegularity must be in [0, 1], got ${o.minRegularity}`);
  if (df.height === 0) throw new DataError("periodicPatterns got an empty frame: no events");
  requireColumns(df, [cols.user, ...(event === null ? [] : [cols.event]), ...(within === null ? [] : [within])], "periodicPatterns");
  requireDatetime(df, cols.ts, "periodicPatterns");
  const keys = within === null ? [cols.user] : [cols.user, within];
  const rows = (event === null ? df : df.filter(pl.col(cols.event).eq(pl.lit(event)))).select(...keys, cols.ts).sort([...keys, cols.ts]);
  if (rows.height === 0) throw new DataError(`periodicPatterns: no event of type '${event}'`, { column: cols.event });
  requireNoNulls(rows, cols.ts, "periodicPatterns");
  const key = rows.select(pl.concatString(keys.map((k) => pl.col(k).cast(pl.String).fillNull("\u0001")), "\u0000").alias("k")).getColumn("k").toArray() as string[];
  const ms = epochMs(rows, cols.ts);
  const out = { first: [] as number[], events: [] as number[], merged: [] as number[], stats: [] as number[][], t: [] as number[][] };
  let nPairs = 0;
  for (let s = 0; s < rows.height; ) {
    let e = s + 1;
    while (e < rows.height && key[e] === key[s]) e++;
    nPairs++;
    const times = [ms[s]];
    for (let i = s + 1; i < e; i++) if (ms[i] - times[times.length - 1] >= o.mergeWithinDays * DAY_MS) times.push(ms[i]);
    if (times.length >= o.minEvents) {
      out.first.push(s);
      out.events.push(times.length);
      out.merged.push(e - s - times.length);
      out.stats.push(intervalStats(times, o.tolerance));
      out.t.push([times[0], times[times.length - 1]]);
    }
    s = e;
  }
  if (out.first.length === 0) {
    throw new DataError(`periodicPatterns: none of ${nPairs} (${keys.join(", ")}) pairs has ${o.minEvents} occasions; lower minEvents or check the event filter`);
  }
  const col = (j: number): Float64Array => Float64Array.from(out.stats, (r) => r[j]);
  return pl.DataFrame([
    ...keys.map((k) => rows.getColumn(k).gather(out.first)),
    pl.Series("events", Int32Array.from(out.events)),
    pl.Series("merged", Int32Array.from(out.merged)),
    pl.Series("intervals", Int32Array.from(out.events, (k) => k - 1)),
    pl.Series("period_days", col(0)),
    pl.Series("mean_days", col(1)),
    pl.Series("sd_days", col(2)),
    pl.Series("cv", col(3)),
    pl.Series("regularity", col(4)),
    pl.Series("share_on_period", col(5)),
    pl.Series("is_regular", out.stats.map((r) => r[5] >= o.minRegularity), pl.Bool),
    datetimeSeries("first_ts", out.t.map((t) => t[0])),
    datetimeSeries("last_ts", out.t.map((t) => t[1])),
    datetimeSeries("next_expected", out.t.map((t, r) => t[1] + out.stats[r][0] * DAY_MS)),
  ]);
}

/**
 * Period (median), mean, sample sd, cv, regularity and on-period share of the intervals
 * between sorted times (ms), in days.
 * @internal
 * @example
 * ```ts
 * intervalStats([0, 30 * 86_400_000, 61 * 86_400_000], 0.2); // [30.5, 30.5, 0.707…, 0.023…, 0.977…, 1]
 * ```
 */
export function intervalStats(times: readonly number[], tolerance: number): [number, number, number, number, number, number] {
  const g = Float64Array.from({ length: times.length - 1 }, (_, j) => (times[j + 1] - times[j]) / DAY_MS);
  const sorted = Float64Array.from(g).sort();
  const m = sorted.length >> 1;
  const period = sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  let sum = 0;
  for (const x of g) sum += x;
  const mean = sum / g.length;
  let ss = 0;
  for (const x of g) ss += (x - mean) ** 2;
  const sd = g.length > 1 ? Math.sqrt(ss / (g.length - 1)) : NaN;
  const cv = mean > 0 ? sd / mean : NaN;
  let on = 0;
  for (const x of g) if (Math.abs(x - period) <= tolerance * period) on++;
  return [period, mean, sd, cv, Number.isNaN(cv) ? NaN : Math.max(0, 1 - cv), on / g.length];
}
