import pl from "nodejs-polars";
import { requireColumns, requireDatetime } from "../clean/frame-access";
import { COL, EVENT } from "../schema";
import { DataError } from "../util/data-error";

/** Options of {@link repeatCycle}. */
export interface RepeatCycleOptions {
  /** Keep only rows whose `event` equals this (e.g. `"buy"`); `null` uses every row. Default `EVENT.buy`. */
  event?: string | null;
  /**
   * A repeat is a new purchase of the same value of this column (`COL.item`: the same product
   * or shop; `COL.category`: the same kind). `null`: any purchase of the user. Default `COL.item`.
   */
  within?: string | null;
  /** Fewest purchases for an estimate (≥ 3, so that there are 2 intervals for a spread). Default `3`. */
  minPurchases?: number;
  /** Column names. Default `{ user: COL.user, ts: COL.ts, event: COL.event }`. */
  cols?: { user?: string; ts?: string; event?: string };
}

const defaults = {
  event: EVENT.buy as string | null,
  within: COL.item as string | null,
  minPurchases: 3,
  cols: { user: COL.user, ts: COL.ts, event: COL.event },
};

const DAY_MS = 86_400_000;

/**
 * Estimates each user's repeat-purchase cycle from the gaps between successive purchases of
 * the same thing. For one user and one value v of `within`, with purchase times
 * t_1 ≤ … ≤ t_k (k ≥ minPurchases) and gaps g_j = (t_{j+1} − t_j) in days:
 *
 * - `median_days` = median(g): the cycle estimate (robust to one missed or extra purchase);
 * - `mean_days` = ḡ, `sd_days` = √(Σ(g_j − ḡ)²/(k − 2)) (sample standard deviation);
 * - `cv` = sd_days / mean_days, the regularity (0 = clockwork; about 1 for purchases at
 *   random, Poisson-like times).
 *
 * Each user keeps the value of `within` with the most purchases (ties: the lowest `cv`, then
 * the first in sort order). Users without any value bought `minPurchases` times are absent.
 *
 * @param df event frame with `user`, Datetime `ts`, `event` (unless `event: null`) and the
 *   `within` column (no null `ts` among the kept rows).
 * @param options see {@link RepeatCycleOptions}.
 * @returns one row per user: `user`, [`within` column], `purchases` (UInt32), `median_days`,
 *   `mean_days`, `sd_days`, `cv` (Float64), sorted by user.
 * @throws DataError for a missing column, a non-Datetime ts or null timestamps; Error for
 *   `minPurchases` < 3.
 * @example
 * ```ts
 * const cycles = repeatCycle(events);                                   // per user, same item
 * cycles.filter(pl.col("cv").lt(0.2));                                  // the regular buyers
 * repeatCycle(events, { within: COL.category, minPurchases: 4 });
 * ```
 */
export function repeatCycle(df: pl.DataFrame, options: RepeatCycleOptions = {}): pl.DataFrame {
  const cols = { ...defaults.cols, ...options.cols };
  const event = options.event === undefined ? defaults.event : options.event;
  const within = options.within === undefined ? defaults.within : options.within;
  const minPurchases = options.minPurchases ?? defaults.minPurchases;
  if (!Number.isInteger(minPurchases) || minPurchases < 3) throw new Error(`minPurchases must be an integer >= 3, got ${minPurchases}`);
  requireColumns(df, [cols.user, ...(event === null ? [] : [cols.event]), ...(within === null ? [] : [within])], "repeatCycle");
  requireDatetime(df, cols.ts, "repeatCycle");
  const rows = event === null ? df : df.filter(pl.col(cols.event).eq(pl.lit(event)));
  const nullTs = rows.getColumn(cols.ts).nullCount();
  if (nullTs > 0) throw new DataError(`repeatCycle found ${nullTs} purchase(s) with a null timestamp; drop them first`, { column: cols.ts });
  const keys = within === null ? [cols.user] : [cols.user, within];
  const gaps = rows
    .select(...keys, pl.col(cols.ts).cast(pl.Datetime("ms")).cast(pl.Int64).cast(pl.Float64).alias("__ms__"))
    .sort([...keys, "__ms__"])
    .withColumns(pl.col("__ms__").diff(1, "ignore").over(keys[0], ...keys.slice(1)).div(DAY_MS).alias("__gap__"));
  const stats = gaps
    .groupBy(keys)
    .agg(
      pl.len().alias("purchases"),
      pl.col("__gap__").median().alias("median_days"),
      pl.col("__gap__").mean().alias("mean_days"),
      pl.col("__gap__").std().alias("sd_days"),
    )
    .filter(pl.col("purchases").gtEq(minPurchases))
    .withColumns(pl.col("sd_days").div(pl.col("mean_days")).alias("cv"));
  const best = stats
    .filter(pl.col("purchases").eq(pl.col("purchases").max().over(cols.user)))
    .filter(pl.col("cv").eq(pl.col("cv").min().over(cols.user)).or(pl.col("cv").min().over(cols.user).isNull()))
    .sort(keys)
    .unique({ subset: [cols.user], keep: "first", maintainOrder: true });
  return best.select(...keys, pl.col("purchases").cast(pl.UInt32), "median_days", "mean_days", "sd_days", "cv");
}
