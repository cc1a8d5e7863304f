import pl from "nodejs-polars";
import { requireColumns } from "../clean/frame-access";
import { COL } from "../schema";
import { RANK } from "./top-k-lists";

/** Options of {@link excludePairs}. */
export interface ExcludePairsOptions {
  /** Keep at most this many items per user after re-ranking. Default: all that remain. */
  k?: number;
}

/**
 * Removes (user, item) pairs from a recommendation frame and re-ranks what remains 1, 2, … per
 * user (order kept), optionally truncating to `k`. Use it to mask more than the training items
 * without touching the model, e.g. RecBole's test phase, which also masks the validation items:
 * recommend `k + max validation items per user`, then `excludePairs(recs, valid, { k })`.
 *
 * @param recs recommendation frame (user, item, rank, …).
 * @param pairs pairs to remove (user, item).
 * @param options see {@link ExcludePairsOptions}.
 * @returns the same columns, sorted by user then rank.
 * @example
 * ```ts
 * const recs = model.recommend(fitted, users, { k: 10 + maxValid });
 * const masked = excludePairs(recs, valid, { k: 10 });
 * ```
 */
export function excludePairs(recs: pl.DataFrame, pairs: pl.DataFrame, options: ExcludePairsOptions = {}): pl.DataFrame {
  requireColumns(recs, [COL.user, COL.item, RANK], "excludePairs (recs)");
  requireColumns(pairs, [COL.user, COL.item], "excludePairs (pairs)");
  const k = options.k;
  if (k !== undefined && !(Number.isInteger(k) && k >= 1)) throw new Error(`k must be an integer >= 1, got ${k}`);
  const drop = pairs.select(pl.col(COL.user).cast(pl.Utf8), pl.col(COL.item).cast(pl.Utf8)).unique();
  const kept = recs.join(drop, { on: [COL.user, COL.item], how: "anti" }).sort([COL.user, RANK]);
  const start = kept
    .select(pl.col(COL.user).neq(pl.col(COL.user).shift(1)).fillNull(true).cast(pl.UInt8).alias("s"))
    .getColumn("s")
    .toTypedArray() as Uint8Array;
  const rank = new Int32Array(start.length);
  for (let r = 0; r < start.length; r++) rank[r] = start[r] ? 1 : rank[r - 1] + 1;
  const reranked = kept.withColumns(pl.Series(RANK, rank));
  return k === undefined ? reranked : reranked.filter(pl.col(RANK).ltEq(k));
}
