import type pl from "nodejs-polars";
import { cosineNeighbors } from "./cosine-neighbors";
import { BASE_ARRAYS, fitBase, type BaseFitOptions, type BaseFitted } from "./fitted-base";
import type { MergeRule } from "./id-index";
import { loadFitted, saveFitted } from "./model-io";
import { recommendUsers } from "./recommend-users";
import type { SyncRecommender } from "./recommender";
import { SparseScores } from "./sparse-scores";

/** Options of the {@link userKnn} recommender's `fit`. */
export interface UserKnnOptions extends BaseFitOptions {
  /** Neighbours kept per user, an integer ≥ 1. Default `100`. */
  neighbors?: number;
  /** Shrinkage λ ≥ 0 in sim = dot / (‖a‖‖b‖ + λ). Default `0`. */
  shrink?: number;
  /** Interaction values: `"binary"`, `"count"` or `"max-rating"`. Default `"binary"`. */
  weighting?: MergeRule;
}

/** A fitted UserKNN: each user's neighbour list (users × users CSR) and the training values. */
export interface UserKnnModel extends BaseFitted {
  neighborIndptr: Int32Array;
  neighborIndices: Int32Array;
  neighborValues: Float32Array;
  /** Training values r_vj aligned with `seenIndices`. */
  seenValues: Float32Array;
}

const defaults = { neighbors: 100, shrink: 0, weighting: "binary" as MergeRule };

function fitUserKnn(train: pl.DataFrame, options: UserKnnOptions = {}): UserKnnModel {
  const t0 = Date.now();
  const o = { ...defaults, ...options };
  const { inter, base } = fitBase("UserKNN", train, options, o.weighting);
  const sims = cosineNeighbors(inter.csr, { neighbors: o.neighbors, shrink: o.shrink });
  return {
    ...base,
    meta: { ...base.meta, neighbors: o.neighbors, shrink: o.shrink, weighting: o.weighting, fitSeconds: (Date.now() - t0) / 1000 },
    neighborIndptr: sims.indptr,
    neighborIndices: sims.indices,
    neighborValues: sims.values,
    seenValues: inter.csr.values,
  };
}

/** Accumulates Σ_{v ∈ N(u)} sim(u, v) · r_vj over the items j of each neighbour v. */
function accumulate(model: UserKnnModel, u: number, acc: SparseScores): void {
  const { seenIndptr, seenIndices, seenValues, neighborIndptr, neighborIndices, neighborValues } = model;
  acc.begin();
  for (let q = neighborIndptr[u]; q < neighborIndptr[u + 1]; q++) {
    const v = neighborIndices[q];
    const s = neighborValues[q];
    for (let p = seenIndptr[v]; p < seenIndptr[v + 1]; p++) acc.add(seenIndices[p], s * seenValues[p]);
  }
}

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
export const userKnn: SyncRecommender<UserKnnOptions, UserKnnModel> = {
  name: "UserKNN",
  fit: fitUserKnn,
  recommend: (model, users, options) => {
    const acc = new SparseScores(model.itemIds.length);
    return recommendUsers(model, users, options, {
      score: (u, out) => {
        accumulate(model, u, acc);
        acc.writeTo(out);
      },
      rank: (u, k, exclude) => {
        accumulate(model, u, acc);
        return acc.rank(k, exclude);
      },
    });
  },
  save: (model) => saveFitted(model),
  load: (saved) => loadFitted<UserKnnModel>(saved, "UserKNN", [...BASE_ARRAYS, "neighborIndptr", "neighborIndices", "neighborValues", "seenValues"]),
};
