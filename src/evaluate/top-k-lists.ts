import pl from "nodejs-polars";
import { requireColumns } from "../clean/frame-access";
import { findId } from "../recommend/csr";
import { encodeIds, indexInteractions, sortedIds, type Interactions } from "../recommend/id-index";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import { sortedContains } from "../util/sorted-contains";
import type { RankedLists, TruthSets } from "./evaluate-top-k";

/**
 * Name of the rank column of a recommendation frame.
 *
 * @example
 * ```ts
 * recs.filter(pl.col(RANK).ltEq(10));
 * ```
 */
export const RANK = "rank";

/**
 * Sorted union of the item ids of several frames (each with an `item` column).
 *
 * @example
 * ```ts
 * const items = itemSpace([truth, recs, train]);
 * ```
 */
export function itemSpace(frames: readonly pl.DataFrame[]): string[] {
  const cols = frames.filter((f) => f.height > 0).map((f) => f.select(pl.col(COL.item).cast(pl.Utf8)).unique());
  if (cols.length === 0) return [];
  return sortedIds(pl.concat(cols, { how: "vertical" }), COL.item);
}

/**
 * Truth frame (user, item; duplicates merged) → the truth users (sorted) and their item sets
 * in the code space `items`.
 *
 * @example
 * ```ts
 * const { users, sets } = truthSets(test, items);
 * ```
 */
export function truthSets(truth: pl.DataFrame, items: readonly string[]): { users: string[]; sets: TruthSets } {
  requireColumns(truth, [COL.user, COL.item], "evaluate (truth)");
  if (truth.height === 0) return { users: [], sets: { indptr: new Int32Array(1), indices: new Int32Array(0) } };
  const inter = indexInteractions(truth, { merge: "binary", universe: { items } });
  if (inter.itemIds.length !== items.length) throw new Error("truthSets: the item space must contain every truth item");
  return { users: inter.userIds, sets: { indptr: inter.csr.indptr, indices: inter.csr.indices } };
}

/**
 * Recommendation frame (user, item, rank) → row-major lists aligned with `users`: the item of
 * rank r goes to position r − 1 (ranks beyond `width` are ignored, users not in `users` too).
 *
 * @throws DataError on a null or non-integer rank, a repeated (user, rank) or an item listed
 *   twice for one user.
 * @example
 * ```ts
 * const lists = rankedLists(recs, users, items, 20);
 * ```
 */
export function rankedLists(recs: pl.DataFrame, users: readonly string[], items: readonly string[], width: number): RankedLists {
  requireColumns(recs, [COL.user, COL.item, RANK], "evaluate (recs)");
  const out = new Int32Array(users.length * width).fill(-1);
  if (recs.height === 0) return { width, items: out };
  const nulls = recs.getColumn(RANK).nullCount();
  if (nulls > 0) throw new DataError(`evaluate found ${nulls} null rank(s)`, { column: RANK });
  const u = encodeIds(recs, COL.user, users);
  const i = encodeIds(recs, COL.item, items);
  const rank = recs.getColumn(RANK).cast(pl.Float64).toTypedArray() as Float64Array;
  for (let r = 0; r < u.length; r++) {
    const rk = rank[r];
    if (!(Number.isInteger(rk) && rk >= 1)) throw new DataError(`rank must be an integer >= 1, got ${rk} at row ${r}`, { column: RANK });
    if (u[r] < 0 || rk > width) continue;
    const slot = u[r] * width + rk - 1;
    if (out[slot] >= 0) throw new DataError(`user '${users[u[r]]}' has two items at rank ${rk}`, { column: RANK });
    out[slot] = i[r];
  }
  const mark = new Int32Array(items.length).fill(-1);
  for (let x = 0; x < users.length; x++) {
    for (let p = 0; p < width; p++) {
      const it = out[x * width + p];
      if (it < 0) continue;
      if (mark[it] === x) throw new DataError(`user '${users[x]}' is recommended item '${items[it]}' twice`, { column: COL.item });
      mark[it] = x;
    }
  }
  return { width, items: out };
}

/**
 * Removes from each user's truth set the items that user has in training (they cannot be
 * recommended when training items are excluded). `train` must share the item code space.
 *
 * @returns the filtered sets and the number of pairs removed.
 * @example
 * ```ts
 * const { sets: held, removed } = dropTrainPairs(sets, users, indexInteractions(train, { universe: { items } }));
 * ```
 */
export function dropTrainPairs(sets: TruthSets, users: readonly string[], train: Interactions): { sets: TruthSets; removed: number } {
  const indptr = new Int32Array(sets.indptr.length);
  const indices = new Int32Array(sets.indices.length);
  const { indptr: tp, indices: ti } = train.csr;
  let n = 0;
  users.forEach((user, x) => {
    const t = findId(train.userIds, user);
    for (let p = sets.indptr[x]; p < sets.indptr[x + 1]; p++) {
      const item = sets.indices[p];
      if (t >= 0 && sortedContains(ti, tp[t], tp[t + 1], item)) continue;
      indices[n++] = item;
    }
    indptr[x + 1] = n;
  });
  return { sets: { indptr, indices: indices.slice(0, n) }, removed: sets.indices.length - n };
}

/**
 * The first recommended item that is a training item of its user, or null: the check that a
 * protocol excluding training items was honoured.
 *
 * @example
 * ```ts
 * const bad = firstTrainItemInLists(lists, users, items, trainInter); // { user: "u3", item: "i9" } or null
 * ```
 */
export function firstTrainItemInLists(
  lists: RankedLists,
  users: readonly string[],
  items: readonly string[],
  train: Interactions,
): { user: string; item: string } | null {
  const { indptr: tp, indices: ti } = train.csr;
  for (let x = 0; x < users.length; x++) {
    const t = findId(train.userIds, users[x]);
    if (t < 0) continue;
    for (let p = 0; p < lists.width; p++) {
      const item = lists.items[x * lists.width + p];
      if (item >= 0 && sortedContains(ti, tp[t], tp[t + 1], item)) return { user: users[x], item: items[item] };
    }
  }
  return null;
}

/**
 * Category code per item code (−1 unknown) from an (item, category) frame; an item's first
 * non-null category wins.
 *
 * @example
 * ```ts
 * const category = itemCategoryCodes(movies, items);
 * ```
 */
export function itemCategoryCodes(frame: pl.DataFrame, items: readonly string[]): Int32Array {
  requireColumns(frame, [COL.item, COL.category], "evaluate (item categories)");
  const firsts = frame
    .select(pl.col(COL.item).cast(pl.Utf8), pl.col(COL.category).cast(pl.Utf8))
    .filter(pl.col(COL.category).isNotNull())
    .unique({ subset: COL.item, keep: "first", maintainOrder: true });
  const out = new Int32Array(items.length).fill(-1);
  if (firsts.height === 0) return out;
  const cats = sortedIds(firsts, COL.category);
  const i = encodeIds(firsts, COL.item, items);
  const c = encodeIds(firsts, COL.category, cats);
  for (let r = 0; r < i.length; r++) if (i[r] >= 0) out[i[r]] = c[r];
  return out;
}
