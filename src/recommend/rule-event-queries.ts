/**
 * Rule-recommender queries from events: the context at each target event (its local time,
 * region and the user's visits just before it), for a per-event ("next visit") evaluation.
 */
import pl from "nodejs-polars";
import { epochMs, requireColumns, requireDatetime } from "../clean/frame-access";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import { encodeIds, sortedIds } from "./id-index";
import type { RuleQuery, RuleVisit } from "./rule-query";

/**
 * Options of {@link eventQueries}.
 * @example
 * ```ts
 * eventQueries(events, test, { historyMinutes: 120, cols: { region: "district" } });
 * ```
 */
export interface EventQueriesOptions {
  /** Visits of the user at most this many minutes before a target (strictly earlier) go into `recent`, ≥ 0. Default `240`. */
  historyMinutes?: number;
  /** Column names. Default `COL.user`, `COL.item`, `COL.category`, `"region"` (optional), time `"ts_local"`. */
  cols?: { user?: string; item?: string; category?: string; region?: string; time?: string };
}

const defaults = {
  historyMinutes: 240,
  cols: { user: COL.user as string, item: COL.item as string, category: COL.category as string, region: "region", time: "ts_local" },
};

/**
 * One query per target event: `user` = `"<user>#<row>"` (row = the target's 0-based row), `time`
 * = its local time, `region` = its region (null when absent), `recent` = the same user's
 * `history` events strictly before it and at most `historyMinutes` earlier (events without a
 * category are left out of `recent`).
 *
 * @param history every event known at query time (train and test), user / item / category / time.
 * @param targets the events to query at (typically the test events), same columns.
 * @param options see {@link EventQueriesOptions}.
 * @returns the queries (target order) and the targets' `user`, `item`, `category` for the truth.
 * @throws DataError on missing columns or null times.
 * @example
 * ```ts
 * const { queries, truth } = eventQueries(events, test, { historyMinutes: 240 });
 * recommendCategoriesWithRules(model, queries, { k: 10 });
 * ```
 */
export function eventQueries(
  history: pl.DataFrame,
  targets: pl.DataFrame,
  options: EventQueriesOptions = {},
): { queries: RuleQuery[]; truth: { user: string[]; item: string[]; category: (string | null)[] } } {
  const cols = { ...defaults.cols, ...options.cols };
  const h = options.historyMinutes ?? defaults.historyMinutes;
  if (!(h >= 0 && Number.isFinite(h))) throw new Error(`historyMinutes must be a finite number >= 0, got ${h}`);
  for (const [df, what] of [[history, "history"], [targets, "targets"]] as const) {
    requireColumns(df, [cols.user, cols.item, cols.category], `eventQueries (${what})`);
    requireDatetime(df, cols.time, `eventQueries (${what})`);
    if (df.getColumn(cols.time).nullCount() > 0) throw new DataError(`eventQueries: ${what} has null times`, { column: cols.time });
  }
  const users = sortedIds(history, cols.user, targets.getColumn(cols.user).cast(pl.Utf8).unique().toArray() as string[]);
  const hu = encodeIds(history, cols.user, users);
  const ht = epochMs(history, cols.time);
  const hItem = history.getColumn(cols.item).cast(pl.Utf8).toArray() as string[];
  const hCat = history.getColumn(cols.category).cast(pl.Utf8).toArray() as (string | null)[];
  const order = Int32Array.from({ length: history.height }, (_, r) => r).sort((a, b) => hu[a] - hu[b] || ht[a] - ht[b] || a - b);
  const start = new Int32Array(users.length + 1);
  for (let r = 0; r < hu.length; r++) start[hu[r] + 1]++;
  for (let u = 0; u < users.length; u++) start[u + 1] += start[u];
  const tu = encodeIds(targets, cols.user, users);
  const tt = epochMs(targets, cols.time);
  const user = targets.getColumn(cols.user).cast(pl.Utf8).toArray() as string[];
  const item = targets.getColumn(cols.item).cast(pl.Utf8).toArray() as string[];
  const category = targets.getColumn(cols.category).cast(pl.Utf8).toArray() as (string | null)[];
  const region = targets.columns.includes(cols.region) ? (targets.getColumn(cols.region).cast(pl.Utf8).toArray() as (string | null)[]) : null;
  const window = h * 60_000;
  const queries: RuleQuery[] = new Array(targets.height);
  for (let r = 0; r < targets.height; r++) {
    const u = tu[r];
    let lo = start[u];
    let hi = start[u + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ht[order[mid]] < tt[r]) lo = mid + 1;
      else hi = mid;
    }
    const recent: RuleVisit[] = [];
    for (let p = lo - 1; p >= start[u] && ht[order[p]] >= tt[r] - window; p--) {
      const e = order[p];
      const c = hCat[e];
      if (c !== null) recent.push({ category: c, time: ht[e], item: hItem[e] });
    }
    queries[r] = { user: `${user[r]}#${r}`, time: tt[r], region: region ? region[r] : null, recent };
  }
  return { queries, truth: { user, item, category } };
}
