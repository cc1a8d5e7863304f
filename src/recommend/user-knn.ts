import { knnRecommender, neighborRows, seenRows, type KnnModel, type KnnOptions } from "./knn-recommender";
import type { SyncRecommender } from "./recommender";

/** Options of the {@link userKnn} recommender's `fit` (shrink and weighting as in {@link KnnOptions}). */
export interface UserKnnOptions extends KnnOptions {
  /** Neighbours kept per user, an integer ≥ 1. Default `100`. */
  neighbors?: number;
}

/** A fitted UserKNN: each user's neighbour list (users × users CSR) and the training values r_vj. */
export interface UserKnnModel extends KnnModel {}

/**
 * User-based collaborative filtering: user–user cosine similarity with shrinkage, each user
 * keeping its `neighbors` most similar users N(u), and
 *
 *   score(u, j) = Σ_{v ∈ N(u)} sim(u, v) · r_vj,
 *
 * computed sparsely (untouched items score 0 and follow by index).
 *
 * @example
 * ```ts
 * const fitted = userKnn.fit(train, { neighbors: 50 });
 * userKnn.recommend(fitted, users, { k: 20 });
 * ```
 */
export const userKnn: SyncRecommender<UserKnnOptions, UserKnnModel> = knnRecommender({
  name: "UserKNN",
  // similarities between users: rows of the users × items matrix as is
  similarityRows: (userItem) => userItem,
  // (users × users similarities) · (users × items training values)
  hops: (model) => [neighborRows(model), seenRows(model)],
});
