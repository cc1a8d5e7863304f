import type pl from "nodejs-polars";
import { fitLightGcnFamily, loadLightGcnFamily, recommendLightGcn, type LightGcnModel, type LightGcnOptions } from "./lightgcn-fit";
import { saveFitted } from "./model-io";
import type { Recommender } from "./recommender";

/**
 * A LightGCN-family recommender: the {@link Recommender} interface with a synchronous `fit`.
 *
 * @example
 * ```ts
 * const model: LightGcnModel = lightGcn.fit(train, { epochs: 10 });
 * ```
 */
export interface LightGcnRecommender<O extends LightGcnOptions = LightGcnOptions> extends Recommender<O, LightGcnModel> {
  fit(train: pl.DataFrame, options?: O): LightGcnModel;
}

/**
 * LightGCN (He et al., SIGIR 2020) as a {@link Recommender}: user and item embeddings E0 are
 * smoothed over the user–item graph, `E_k = Â E_{k−1}` with `Â = D^-1/2 [[0, R], [Rᵀ, 0]] D^-1/2`,
 * the final embedding is the mean of layers 0..K and the score is their dot product. Trained with
 * BPR (uniformly sampled users, one positive, one uniform negative), L2 `reg` on the batch's
 * layer-0 rows, Adam, one full propagation per batch — the authors' recipe (defaults: 3 layers,
 * dim 64, batch 2048, lr 1e-3, reg 1e-4). Forward and backward are hand-written on
 * `Float32Array`s (gradient checked against finite differences), the propagation runs on all
 * cores, and a run is deterministic for a seed and resumable from `checkpointDir`.
 *
 * @example
 * ```ts
 * const logs: EpochLog[] = [];
 * const model = lightGcn.fit(train, { epochs: 100, validation: valid, patience: 4, onEpoch: (l) => logs.push(l) });
 * show(lossCurveFigure(logs));
 * const recs = lightGcn.recommend(model, users, { k: 20 });
 * ```
 */
export const lightGcn: LightGcnRecommender = {
  name: "LightGCN",
  fit: (train, options) => fitLightGcnFamily("LightGCN", train, options),
  recommend: recommendLightGcn,
  save: (model) => saveFitted(model),
  load: (saved) => loadLightGcnFamily(saved, "LightGCN"),
};
