import type pl from "nodejs-polars";
import { cosineNeighbors } from "./cosine-neighbors";
import type { Csr } from "./csr";
import { BASE_ARRAYS, fitBase, type BaseFitOptions, type BaseFitted } from "./fitted-base";
import type { MergeRule } from "./id-index";
import { loadFitted, saveFitted } from "./model-io";
import { recommendUsers } from "./recommend-users";
import type { SyncRecommender } from "./recommender";
import { SparseScores } from "./sparse-scores";

/** Options shared by the neighbourhood recommenders' `fit` (ItemKNN, UserKNN). */
export interface KnnOptions extends BaseFitOptions {
  /** Neighbours kept per row of the similarity matrix, an integer ≥ 1. Default `100`. */
  neighbors?: number;
  /** Shrinkage λ ≥ 0 in sim = dot / (‖a‖‖b‖ + λ). Default `0`. */
  shrink?: number;
  /** Interaction values: `"binary"` (implicit feedback), `"count"` or `"max-rating"`. Default `"binary"`. */
  weighting?: MergeRule;
}

/** A fitted neighbourhood model: the neighbour lists (CSR of the kept similarities) and the training values. */
export interface KnnModel extends BaseFitted {
  neighborIndptr: Int32Array;
  neighborIndices: Int32Array;
  neighborValues: Float32Array;
  /** Training values r_ui aligned with `seenIndices`. */
  seenValues: Float32Array;
}

/** The rows, column indices and values of a CSR matrix: all a sparse product reads. */
export type SparseRows = Pick<Csr, "indptr" | "indices" | "values">;

/** What tells ItemKNN from UserKNN. */
export interface KnnSpec {
  /** Model name and `kind`, e.g. `"ItemKNN"`. */
  name: string;
  /** The matrix whose rows get cosine neighbours, from the users × items training matrix. */
  similarityRows: (userItem: Csr) => Csr;
  /**
   * The two sparse matrices whose product gives the scores: score(u, ·) = Σ_p first[u, p] · second[p, ·].
   * ItemKNN: (seen, neighbours); UserKNN: (neighbours, seen).
   */
  hops: (model: KnnModel) => [first: SparseRows, second: SparseRows];
}

const defaults = { neighbors: 100, shrink: 0, weighting: "binary" as MergeRule };

/** Arrays of a {@link KnnModel} that `save` writes and `load` reads back. */
const KNN_ARRAYS = [...BASE_ARRAYS, "neighborIndptr", "neighborIndices", "neighborValues", "seenValues"];

/**
 * Row `u` of the product first · second, accumulated sparsely into `acc`:
 * Σ_{p ∈ first[u]} first[u, p] · second[p, j] for every j in the rows p.
 */
function accumulateRow(first: SparseRows, second: SparseRows, u: number, acc: SparseScores): void {
  acc.begin();
  for (let p = first.indptr[u]; p < first.indptr[u + 1]; p++) {
    const mid = first.indices[p];
    const a = first.values[p];
    for (let q = second.indptr[mid]; q < second.indptr[mid + 1]; q++) acc.add(second.indices[q], a * second.values[q]);
  }
}

function fitKnn(spec: KnnSpec, train: pl.DataFrame, options: KnnOptions = {}): KnnModel {
  const t0 = Date.now();
  const o = { ...defaults, ...options };
  const { inter, base } = fitBase(spec.name, train, options, o.weighting);
  const sims = cosineNeighbors(spec.similarityRows(inter.csr), { neighbors: o.neighbors, shrink: o.shrink });
  return {
    ...base,
    meta: { ...base.meta, neighbors: o.neighbors, shrink: o.shrink, weighting: o.weighting, fitSeconds: (Date.now() - t0) / 1000 },
    neighborIndptr: sims.indptr,
    neighborIndices: sims.indices,
    neighborValues: sims.values,
    seenValues: inter.csr.values,
  };
}

/**
 * Builds a cosine-neighbourhood recommender: `fit` indexes the training frame, keeps each row's
 * `neighbors` most similar rows of `spec.similarityRows(users × items)` (cosine with shrinkage),
 * and `recommend` scores each user by the sparse two-hop product `spec.hops` (only touched items;
 * untouched items score 0 and follow by index). Save/load keep every array.
 *
 * @param spec the name, the matrix to take similarities over and the two factors of the score.
 * @returns a {@link SyncRecommender} over {@link KnnOptions} and {@link KnnModel}.
 * @example
 * ```ts
 * const itemKnn = knnRecommender({
 *   name: "ItemKNN",
 *   similarityRows: transposeCsr, // items × users
 *   hops: (m) => [seenRows(m), neighborRows(m)], // Σ_i r_ui · sim(i, j)
 * });
 * const fitted = itemKnn.fit(train, { neighbors: 50 });
 * ```
 */
export function knnRecommender(spec: KnnSpec): SyncRecommender<KnnOptions, KnnModel> {
  return {
    name: spec.name,
    fit: (train, options) => fitKnn(spec, train, options),
    recommend: (model, users, options) => {
      const acc = new SparseScores(model.itemIds.length);
      const [first, second] = spec.hops(model);
      return recommendUsers(model, users, options, {
        score: (u, out) => {
          accumulateRow(first, second, u, acc);
          acc.writeTo(out);
        },
        rank: (u, k, exclude) => {
          accumulateRow(first, second, u, acc);
          return acc.rank(k, exclude);
        },
      });
    },
    save: (model) => saveFitted(model),
    load: (saved) => loadFitted<KnnModel>(saved, spec.name, KNN_ARRAYS),
  };
}

/**
 * The training matrix (users × items, values r_ui) of a {@link KnnModel}.
 *
 * @example
 * ```ts
 * const [first, second] = [seenRows(model), neighborRows(model)];
 * ```
 */
export function seenRows(model: KnnModel): SparseRows {
  return { indptr: model.seenIndptr, indices: model.seenIndices, values: model.seenValues };
}

/**
 * The kept similarities (a square CSR over items or users) of a {@link KnnModel}.
 *
 * @example
 * ```ts
 * const sims = neighborRows(model); // sims.indices[sims.indptr[i]..] are i's neighbours
 * ```
 */
export function neighborRows(model: KnnModel): SparseRows {
  return { indptr: model.neighborIndptr, indices: model.neighborIndices, values: model.neighborValues };
}
