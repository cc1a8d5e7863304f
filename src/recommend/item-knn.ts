import { transposeCsr } from "./csr";
import { knnRecommender, neighborRows, seenRows, type KnnModel, type KnnOptions } from "./knn-recommender";
import type { SyncRecommender } from "./recommender";

/** Options of the {@link itemKnn} recommender's `fit` (shrink and weighting as in {@link KnnOptions}). */
export interface ItemKnnOptions extends KnnOptions {
  /** Neighbours kept per item, an integer ≥ 1. Default `100` (RecBole's ItemKNN `k`). */
  neighbors?: number;
}

/** A fitted ItemKNN: each item's neighbour list (items × items CSR) and the training values r_ui. */
export interface ItemKnnModel extends KnnModel {}

/**
 * Item-based collaborative filtering (Sarwar et al. 2001; Deshpande & Karypis 2004): item–item
 * cosine similarity with shrinkage over the users × items matrix, each item keeping its
 * `neighbors` most similar items, and
 *
 *   score(u, j) = Σ_{i ∈ I_u} r_ui · sim(i, j)   for j among the neighbours of i,
 *
 * computed sparsely (only touched items; untouched items score 0 and follow by index).
 *
 * @example
 * ```ts
 * const fitted = itemKnn.fit(train, { neighbors: 50, shrink: 10 });
 * itemKnn.recommend(fitted, users, { k: 20 });
 * ```
 */
export const itemKnn: SyncRecommender<ItemKnnOptions, ItemKnnModel> = knnRecommender({
  name: "ItemKNN",
  // similarities between items: rows of the items × users matrix
  similarityRows: transposeCsr,
  // (users × items training values) · (items × items similarities)
  hops: (model) => [seenRows(model), neighborRows(model)],
});
