import type pl from "nodejs-polars";
import { columnCounts } from "./csr";
import { indexInteractions, type Interactions, type MergeRule } from "./id-index";
import type { FittedModel } from "./recommender";

/**
 * Fields every baseline's fitted model has beyond {@link FittedModel}: what each user saw in
 * training (to exclude it) and the fallback popularity.
 */
export interface BaseFitted extends FittedModel {
  /** CSR row pointers of the training items per user (length nUsers + 1). */
  seenIndptr: Int32Array;
  /** Training items per user, ascending within a user. */
  seenIndices: Int32Array;
  /** Fallback scores: distinct training users per item (or the model's own popularity). */
  popularity: Float32Array;
}

/** Options shared by every baseline's `fit`. */
export interface BaseFitOptions {
  /** Seed of any random step. Default `SEED` (42). */
  seed?: number;
  /** Extra users / items to index without training events (see `indexInteractions`). Default: none. */
  universe?: { users?: readonly string[]; items?: readonly string[] };
  /** Column names. Default: `COL.user`, `COL.item`, `COL.rating`, `COL.ts`. */
  cols?: { user?: string; item?: string; rating?: string; ts?: string };
}

/**
 * Indexes the training frame the way every baseline does (duplicates merged by `merge`) and
 * returns the interactions plus the {@link BaseFitted} fields.
 *
 * @example
 * ```ts
 * const { inter, base } = fitBase("ItemKNN", train, options, "binary");
 * ```
 */
export function fitBase(
  kind: string,
  train: pl.DataFrame,
  options: BaseFitOptions,
  merge: MergeRule,
): { inter: Interactions; base: BaseFitted } {
  if (train.height === 0) throw new Error(`${kind}.fit: the training frame is empty`);
  const inter = indexInteractions(train, { merge, universe: options.universe, cols: options.cols });
  const base: BaseFitted = {
    kind,
    userIds: inter.userIds,
    itemIds: inter.itemIds,
    meta: { trainRows: inter.rows, duplicatesMerged: inter.duplicates, users: inter.userIds.length, items: inter.itemIds.length, pairs: inter.csr.indices.length },
    seenIndptr: inter.csr.indptr,
    seenIndices: inter.csr.indices,
    popularity: columnCounts(inter.csr),
  };
  return { inter, base };
}

/**
 * The array fields of {@link BaseFitted}, for `loadFitted`.
 *
 * @example
 * ```ts
 * loadFitted<ItemKnnModel>(saved, "ItemKNN", [...BASE_ARRAYS, "neighborIndptr"]);
 * ```
 */
export const BASE_ARRAYS = ["seenIndptr", "seenIndices", "popularity"] as const;
