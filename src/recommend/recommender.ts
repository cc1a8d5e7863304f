import type pl from "nodejs-polars";

/**
 * Options of every `recommend` call.
 *
 * @example
 * ```ts
 * const recs = model.recommend(fitted, ["u1", "u2"], { k: 10, excludeSeen: true });
 * ```
 */
export interface RecommendOptions {
  /** Items per user, ≥ 1. When larger than the catalogue, every eligible item is returned. */
  k: number;
  /** Leave out the items the user interacted with in training. Default `true`. */
  excludeSeen?: boolean;
  /**
   * Rank only these (user, item) pairs (columns `user`, `item`), e.g. sampled negatives plus the
   * held-out items for a sampled-candidate protocol. A requested user without a row here gets an
   * empty list; items the model does not know are skipped. Default: every item is a candidate.
   */
  candidates?: pl.DataFrame;
}

/**
 * A fitted model: plain data (no class instances) so it can be saved and loaded. `kind` names the
 * recommender that made it; `userIds`/`itemIds` map dense indices back to the original ids.
 */
export interface FittedModel {
  kind: string;
  /** Original user ids, index = dense user index. */
  userIds: readonly string[];
  /** Original item ids, index = dense item index. */
  itemIds: readonly string[];
  /** JSON-serialisable settings and facts (hyperparameters, seed, training time …). */
  meta: Record<string, unknown>;
}

/** A saved model: metadata as JSON text, weights as named binary arrays. */
export interface SavedModel {
  json: string;
  arrays: Record<string, Float32Array | Float64Array | Int32Array | Uint32Array>;
}

/**
 * The one interface every recommender implements (cf. RecBole's `full_sort_predict`), so the
 * evaluation and comparison code loops over models without adapters.
 *
 * `recommend` returns a frame with columns `user` (String), `item` (String), `score` (Float64),
 * `rank` (Int32, 1 = best) and `fallback` (Boolean: true when the user was unseen in training and
 * the recommendation falls back to popularity), sorted by user then rank.
 *
 * @example
 * ```ts
 * const fitted = await popularity.fit(train, { seed: 42 });
 * const recs = popularity.recommend(fitted, users, { k: 20 });
 * ```
 */
export interface Recommender<Options = Record<string, unknown>, Model extends FittedModel = FittedModel> {
  /** Short name, e.g. `"ItemKNN"`. */
  readonly name: string;
  fit(train: pl.DataFrame, options?: Options): Model | Promise<Model>;
  recommend(model: Model, users: readonly string[], options: RecommendOptions): pl.DataFrame;
  save(model: Model): SavedModel;
  load(saved: SavedModel): Model;
}

/**
 * A {@link Recommender} whose `fit` is synchronous (every baseline here), so callers get the
 * model without `await`.
 *
 * @example
 * ```ts
 * const fitted = itemKnn.fit(train, { neighbors: 50 }); // ItemKnnModel, not a Promise
 * ```
 */
export interface SyncRecommender<Options = Record<string, unknown>, Model extends FittedModel = FittedModel> extends Recommender<Options, Model> {
  fit(train: pl.DataFrame, options?: Options): Model;
}
