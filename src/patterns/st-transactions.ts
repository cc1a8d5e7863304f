/**
 * Baskets (transactions) from events: one per session, per user-day or user-week in local
 * time, per event, or per co-visit bin of a venue, ready for `fpGrowth` / `apriori`.
 */
import pl from "nodejs-polars";
import { datetimeSeries } from "../clean/frame-access";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import { BASKET_MODES, stBasketKeys, type BasketBy, type StBasketCols } from "./st-basket-keys";
import { stEventTokens, stTokenColumns } from "./st-event-tokens";
import { stListSeries } from "./st-tokens";

export type { BasketBy } from "./st-basket-keys";

/** What stands for an event inside a basket: its item id, `cat:<category>`, or both tokens. */
export type ItemAs = "item" | "category" | "both";

/** Options of {@link buildBaskets}. */
export interface BuildBasketsOptions {
  /**
   * How events are grouped. Default `"session"`.
   * - `"event"`: one basket per event (its token plus its context tokens);
   * - `"session"`: one per value of the `session` column (from `addSessions`) of a user;
   * - `"user-day"` / `"user-week"`: one per user and local calendar day / ISO week (Monday
   *   start), read from the local-time column;
   * - `"co-visit"`: one per item and local time bin of `coVisitMinutes`; its tokens are the
   *   users there (`user:<id>`), so itemsets are groups of users seen together.
   */
  by?: BasketBy;
  /** Token of an event: `"item"` (raw item id), `"category"` (`cat:<category>`) or `"both"`. Default `"item"`. Ignored by `"co-visit"`. */
  itemAs?: ItemAs;
  /** Bin width of `"co-visit"`, minutes, > 0. Default `60`. */
  coVisitMinutes?: number;
  /**
   * A List(String) column of extra tokens per event (e.g. `"context"` from
   * `addContextTokens`), merged into the basket. Default `null` (none).
   */
  context?: string | null;
  /** Column names. Default `COL.user`, `COL.item`, `COL.category`, `COL.ts`, local `"ts_local"`, `"session"`. */
  cols?: Partial<StBasketCols & { category: string }>;
}

const defaults = {
  by: "session" as BasketBy,
  itemAs: "item" as ItemAs,
  coVisitMinutes: 60,
  context: null as string | null,
  cols: { user: COL.user as string, item: COL.item as string, category: COL.category as string, ts: COL.ts as string, local: "ts_local", session: "session" },
};

/** Baskets and where they come from (see {@link buildBaskets}). */
export interface StBaskets {
  /** One array of distinct tokens per basket, in order of first appearance in time. */
  baskets: string[][];
  /**
   * One row per basket, in the order of `baskets`: `basket_id` (Int32, its index), the key
   * columns (`event`: user, ts; `session`: user, session; `user-day`/`user-week`: user;
   * `co-visit`: item), `window_start` (Datetime, local; day / week / bin modes only),
   * `n_events` (Int32), `n_items` (Int32: tokens in the basket) and `items` (List(String)).
   */
  keys: pl.DataFrame;
  /** Sizes: events read, baskets, empty baskets, one-token baskets, event tokens that were null (not added). */
  counts: { events: number; baskets: number; empty: number; singleItem: number; nullTokens: number };
}

/**
 * Groups events into baskets of distinct tokens (mlxtend's list-of-transactions input).
 * Within a basket a token is kept once, in order of first appearance (events in time order);
 * baskets are sorted by user (or item), then window, then time. A null item or category gives
 * no token and is counted in `counts.nullTokens`; a basket left with no token is kept (it
 * counts as a transaction, lowering every support) and counted in `counts.empty`.
 *
 * @param df event frame (`ts` without nulls; `session` for `"session"`, a local Datetime for
 *   the day, week and co-visit modes).
 * @param options see {@link BuildBasketsOptions}.
 * @returns {@link StBaskets}: `baskets` (string[][]) for the miners and a `keys` frame.
 * @throws DataError on an empty frame or a missing column; Error on an unknown `by` or
 *   `itemAs`, or `coVisitMinutes` ≤ 0.
 * @example
 * ```ts
 * const s = buildBaskets(addSessions(events), { itemAs: "category" });
 * s.baskets[0];          // ["cat:Gym", "cat:Coffee Shop"]
 * s.counts.singleItem;   // baskets a rule can't come from
 * fpGrowth(buildBaskets(events, { by: "user-day" }).baskets, { minSupport: 0.01 });
 * ```
 */
export function buildBaskets(df: pl.DataFrame, options: BuildBasketsOptions = {}): StBaskets {
  const by = options.by ?? defaults.by;
  const itemAs = options.itemAs ?? defaults.itemAs;
  const binMinutes = options.coVisitMinutes ?? defaults.coVisitMinutes;
  const context = options.context === undefined ? defaults.context : options.context;
  const cols = { ...defaults.cols, ...options.cols };
  if (!BASKET_MODES.includes(by)) throw new Error(`buildBaskets: unknown by ${JSON.stringify(by)}; valid: ${BASKET_MODES.join(", ")}`);
  if (!["item", "category", "both"].includes(itemAs)) {
    throw new Error(`buildBaskets: unknown itemAs ${JSON.stringify(itemAs)}; valid: item, category, both`);
  }
  if (!(Number.isFinite(binMinutes) && binMinutes > 0)) throw new Error(`buildBaskets: coVisitMinutes must be a finite number > 0, got ${binMinutes}`);
  if (df.height === 0) throw new DataError("buildBaskets got an empty frame: no events to group");
  const keys = stBasketKeys(df, by, cols, binMinutes);
  const tok = stEventTokens(df, { columns: stTokenColumns(by === "co-visit", itemAs, cols), context });
  const { order, key1, key2 } = keys;
  // group rows (in key, time order) into baskets, each token id once per basket (stamp = basket)
  const stamp = new Int32Array(tok.labels.length).fill(-1);
  const flat = new Int32Array(tok.ids.length);
  const start: number[] = [];
  const first: number[] = [];
  const nEvents: number[] = [];
  let k = 0;
  for (let p = 0; p < order.length; p++) {
    const i = order[p];
    if (p === 0 || by === "event" || key1[i] !== key1[order[p - 1]] || key2[i] !== key2[order[p - 1]]) {
      start.push(k);
      first.push(i);
      nEvents.push(0);
    }
    const b = start.length - 1;
    nEvents[b]++;
    for (let q = tok.rowStart[i]; q < tok.rowStart[i + 1]; q++) {
      const id = tok.ids[q];
      if (stamp[id] !== b) {
        stamp[id] = b;
        flat[k++] = id;
      }
    }
  }
  start.push(k);
  const baskets: string[][] = new Array(first.length);
  for (let b = 0; b < first.length; b++) {
    const basket = new Array<string>(start[b + 1] - start[b]);
    for (let q = start[b]; q < start[b + 1]; q++) basket[q - start[b]] = tok.labels[flat[q]];
    baskets[b] = basket;
  }
  const nullTokens = tok.nullTokens;
  const columns: pl.Series[] = [pl.Series("basket_id", Int32Array.from(baskets, (_, b) => b))];
  for (const c of keys.keyColumns) columns.push(df.getColumn(c).gather(first));
  if (by === "user-day" || by === "user-week" || by === "co-visit") {
    columns.push(datetimeSeries("window_start", first.map((i) => keys.windowStart[i])));
  }
  columns.push(pl.Series("n_events", Int32Array.from(nEvents)));
  columns.push(pl.Series("n_items", Int32Array.from(baskets, (b) => b.length)));
  columns.push(stListSeries("items", baskets));
  let empty = 0;
  let singleItem = 0;
  for (const b of baskets) {
    if (b.length === 0) empty++;
    else if (b.length === 1) singleItem++;
  }
  return { baskets, keys: pl.DataFrame(columns), counts: { events: df.height, baskets: baskets.length, empty, singleItem, nullTokens } };
}
