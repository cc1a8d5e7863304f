import pl from "nodejs-polars";
import { epochMs, requireDatetime } from "../clean/frame-access";
import { COL } from "../schema";
import { sortedContains } from "../util/sorted-contains";
import { columnCounts } from "./csr";
import { BASE_ARRAYS, fitBase, type BaseFitOptions, type BaseFitted } from "./fitted-base";
import { indexInteractions } from "./id-index";
import { loadFitted, saveFitted } from "./model-io";
import { recommendUsers } from "./recommend-users";
import type { SyncRecommender } from "./recommender";
import { TopKHeap } from "./top-k";

/** Options of the {@link popularity} recommender's `fit`. */
export interface PopularityOptions extends BaseFitOptions {
  /**
   * Count only the last `windowDays` days of training, i.e. events with
   * `ts > max(ts) − windowDays·24 h` (needs the `ts` column). Default: all training (no window).
   */
  windowDays?: number;
}

/** A fitted popularity model: `popularity` is the ranking score (distinct users per item). */
export interface PopularityModel extends BaseFitted {
  /** Items by descending score, ties by index: the one global ranking. */
  order: Int32Array;
}

const DAY_MS = 86_400_000;

/** Items sorted by descending score, ties by ascending index. */
function rankingOrder(scores: Float32Array): Int32Array {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return Int32Array.from(order);
}

function fitPopularity(train: pl.DataFrame, options: PopularityOptions = {}): PopularityModel {
  const t0 = Date.now();
  const { inter, base } = fitBase("Popularity", train, options, "binary");
  let scores = base.popularity;
  const meta: Record<string, unknown> = { ...base.meta, windowDays: null };
  if (options.windowDays !== undefined) {
    const days = options.windowDays;
    if (!(Number.isFinite(days) && days > 0)) throw new Error(`windowDays must be a number > 0, got ${days}`);
    const ts = options.cols?.ts ?? COL.ts;
    requireDatetime(train, ts, "Popularity.fit (windowDays)");
    const ms = epochMs(train, ts);
    let max = -Infinity;
    for (const t of ms) if (t > max) max = t;
    const start = max - days * DAY_MS;
    const recent = train.filter(pl.col(ts).gt(pl.lit(new Date(start))));
    const windowed = indexInteractions(recent, { merge: "binary", cols: options.cols, universe: { users: inter.userIds, items: inter.itemIds } });
    scores = columnCounts(windowed.csr);
    Object.assign(meta, { windowDays: days, windowStart: new Date(start).toISOString(), windowRows: recent.height });
  }
  meta.fitSeconds = (Date.now() - t0) / 1000;
  return { ...base, meta, popularity: scores, order: rankingOrder(scores) };
}

/** Top k of the global order, skipping the user's seen items (sorted): O((k + |seen|) log |seen|). */
function rankPopular(model: PopularityModel, k: number, exclude: Int32Array) {
  const heap = new TopKHeap(k);
  for (let p = 0; p < model.order.length && heap.size < k; p++) {
    const item = model.order[p];
    if (!sortedContains(exclude, 0, exclude.length, item)) heap.offer(model.popularity[item], item);
  }
  return heap.result();
}

/**
 * Most-popular baseline: every user gets the items with the most distinct training users
 * (duplicates merged), minus their own training items; ties go to the smaller item index (sorted
 * id order). With `windowDays`, popularity counts only the last N days of training (recent
 * popularity, a strong baseline for check-in data); the fallback uses the same scores.
 *
 * @example
 * ```ts
 * const fitted = popularity.fit(train, { windowDays: 30 });
 * const recs = popularity.recommend(fitted, testUsers, { k: 20 });
 * ```
 */
export const popularity: SyncRecommender<PopularityOptions, PopularityModel> = {
  name: "Popularity",
  fit: fitPopularity,
  recommend: (model, users, options) =>
    recommendUsers(model, users, options, {
      score: (_u, out) => out.set(model.popularity),
      rank: (_u, k, exclude) => rankPopular(model, k, exclude),
    }),
  save: (model) => saveFitted(model),
  load: (saved) => loadFitted<PopularityModel>(saved, "Popularity", [...BASE_ARRAYS, "order"]),
};
