import type pl from "nodejs-polars";
import { cosineNeighbors } from "./cosine-neighbors";
import { transposeCsr } from "./csr";
import { BASE_ARRAYS, fitBase, type BaseFitOptions, type BaseFitted } from "./fitted-base";
import type { MergeRule } from "./id-index";
import { loadFitted, saveFitted } from "./model-io";
import { recommendUsers } from "./recommend-users";
import type { SyncRecommender } from "./recommender";
import { SparseScores } from "./sparse-scores";

/** Options of the {@link itemKnn} recommender's `fit`. */
export interface ItemKnnOptions extends BaseFitOptions {
  /** Neighbours kept per item, an integer ≥ 1. Default `100` (RecBole's ItemKNN `k`). */
  neighbors?: number;
  /** Shrinkage λ ≥ 0 in sim = dot / (‖a‖‖b‖ + λ). Default `0`. */
  shrink?: number;
  /** Interaction values: `"binary"` (implicit feedback), `"count"` or `"max-rating"`. Default `"binary"`. */
  weighting?: MergeRule;
}

/** A fitted ItemKNN: each item's neighbour list (items × items CSR) and the training values. */
export interface ItemKnnModel extends BaseFitted {
  neighborIndptr: Int32Array;
  neighborIndices: Int32Array;
  neighborValues: Float32Array;
  /** Training values r_ui aligned with `seenIndices`. */
  seenValues: Float32Array;
}

const defaults = { neighbors: 100, shrink: 0, weighting: "binary" as MergeRule };

function fitItemKnn(train: pl.DataFrame, options: ItemKnnOptions = {}): ItemKnnModel {
  const t0 = Date.now();
  const o = { ...defaults, ...options };
  const { inter, base } = fitBase("ItemKNN", train, options, o.weighting);
  const sims = cosineNeighbors(transposeCsr(inter.csr), { neighbors: o.neighbors, shrink: o.shrink });
  return {
    ...base,
    meta: { ...base.meta, neighbors: o.neighbors, shrink: o.shrink, weighting: o.weighting, fitSeconds: (Date.now() - t0) / 1000 },
    neighborIndptr: sims.indptr,
    neighborIndices: sims.indices,
    neighborValues: sims.values,
    seenValues: inter.csr.values,
  };
}

/** Accumulates Σ_{i ∈ I_u} r_ui · sim(i, j) over the neighbours j of each training item i. */
function accumulate(model: ItemKnnModel, u: number, acc: SparseScores): void {
  const { seenIndptr, seenIndices, seenValues, neighborIndptr, neighborIndices, neighborValues } = model;
  acc.begin();
  for (let p = seenIndptr[u]; p < seenIndptr[u + 1]; p++) {
    const i = seenIndices[p];
    const r = seenValues[p];
    for (let q = neighborIndptr[i]; q < neighborIndptr[i + 1]; q++) acc.add(neighborIndices[q], r * neighborValues[q]);
  }
}

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
export const itemKnn: SyncRecommender<ItemKnnOptions, ItemKnnModel> = {
  name: "ItemKNN",
  fit: fitItemKnn,
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
  load: (saved) => loadFitted<ItemKnnModel>(saved, "ItemKNN", [...BASE_ARRAYS, "neighborIndptr", "neighborIndices", "neighborValues", "seenValues"]),
};
