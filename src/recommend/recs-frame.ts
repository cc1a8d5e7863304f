import pl from "nodejs-polars";
import { COL } from "../schema";
import { decodeIds } from "./id-index";
import type { TopK } from "./top-k";

/** One user's ranked list, as a recommender builds it before it becomes a frame. */
export interface UserTopK extends TopK {
  /** The user id. */
  user: string;
  /** True when the list is the popularity fallback (user unseen in training or without events). */
  fallback: boolean;
}

/**
 * Column names of a recommendation frame (`user`, `item` from `COL`).
 *
 * @example
 * ```ts
 * recs.sort([RECS_COL.user, RECS_COL.rank]);
 * ```
 */
export const RECS_COL = { user: COL.user, item: COL.item, score: "score", rank: "rank", fallback: "fallback" } as const;

/**
 * Turns per-user top-k lists into the frame every `Recommender.recommend` returns: columns
 * `user` (String), `item` (String), `score` (Float64), `rank` (Int32, 1 = best) and `fallback`
 * (Boolean), one row per (user, position), users in the order given and ranks ascending.
 *
 * @param lists one entry per user, items as indices into `itemIds`, best first.
 * @param itemIds the model's item ids.
 * @returns the recommendation frame.
 * @example
 * ```ts
 * recsFrame([{ user: "u1", items: Int32Array.of(3, 0), scores: Float32Array.of(0.9, 0.5), fallback: false }], itemIds);
 * // user | item        | score | rank | fallback
 * // u1   | itemIds[3]  | 0.9   | 1    | false
 * // u1   | itemIds[0]  | 0.5   | 2    | false
 * ```
 */
export function recsFrame(lists: readonly UserTopK[], itemIds: readonly string[]): pl.DataFrame {
  let n = 0;
  for (const l of lists) {
    if (l.items.length !== l.scores.length) throw new Error(`recsFrame: user ${l.user} has ${l.items.length} items but ${l.scores.length} scores`);
    n += l.items.length;
  }
  const userCode = new Int32Array(n);
  const item = new Int32Array(n);
  const score = new Float64Array(n);
  const rank = new Int32Array(n);
  const fallback = new Uint8Array(n);
  let r = 0;
  lists.forEach((l, u) => {
    for (let j = 0; j < l.items.length; j++, r++) {
      userCode[r] = u;
      item[r] = l.items[j];
      score[r] = l.scores[j];
      rank[r] = j + 1;
      fallback[r] = l.fallback ? 1 : 0;
    }
  });
  return pl.DataFrame([
    decodeIds(RECS_COL.user, userCode, lists.map((l) => l.user)),
    decodeIds(RECS_COL.item, item, itemIds),
    pl.Series(RECS_COL.score, score),
    pl.Series(RECS_COL.rank, rank),
    pl.Series(RECS_COL.fallback, fallback).cast(pl.Bool),
  ]);
}
