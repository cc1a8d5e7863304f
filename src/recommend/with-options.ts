import type pl from "nodejs-polars";
import type { FittedModel, Recommender, SyncRecommender } from "./recommender";

/**
 * A recommender with some `fit` options fixed and its own name, so one list of models can hold
 * variants (e.g. recent-window popularity next to all-time popularity) and a comparison loop
 * needs no adapters. Options given to `fit` later override the fixed ones.
 *
 * @param base the recommender.
 * @param fixed options merged under every `fit` call.
 * @param name the variant's name. Default: `base.name`.
 * @returns a recommender sharing `base`'s recommend / save / load.
 * @example
 * ```ts
 * const models = [popularity, withOptions(popularity, { windowDays: 30 }, "Popularity-30d"), itemKnn];
 * for (const m of models) results[m.name] = evaluate(test, m.recommend(await m.fit(train), users, { k: 20 }), protocol, { train });
 * ```
 */
export function withOptions<O, M extends FittedModel>(base: SyncRecommender<O, M>, fixed: Partial<O>, name?: string): SyncRecommender<O, M>;
export function withOptions<O, M extends FittedModel>(base: Recommender<O, M>, fixed: Partial<O>, name?: string): Recommender<O, M>;
export function withOptions<O, M extends FittedModel>(base: Recommender<O, M>, fixed: Partial<O>, name: string = base.name): Recommender<O, M> {
  return {
    name,
    fit: (train: pl.DataFrame, options?: O) => base.fit(train, { ...fixed, ...(options ?? {}) } as O),
    recommend: (model, users, options) => base.recommend(model, users, options),
    save: (model) => base.save(model),
    load: (saved) => base.load(saved),
  };
}
