import type pl from "nodejs-polars";
import { sumCsr, transposeCsr } from "../graph/csr";
import { itemItemGraph, type ItemItemGraphOptions } from "../graph/item-item-graph";
import { COL } from "../schema";
import type { LightGcnRecommender } from "./lightgcn";
import { fitLightGcnFamily, loadLightGcnFamily, recommendLightGcn, type LightGcnModel, type LightGcnOptions } from "./lightgcn-fit";
import { saveFitted } from "./model-io";

/**
 * Options of {@link stLightGcn}: every LightGCN option plus how the item–item block is built.
 *
 * @example
 * ```ts
 * stLightGcn.fit(train, { epochs: 50, transitionGapHours: 3, proximityK: 5, itemItemWeight: 0.5 });
 * ```
 */
export interface StLightGcnOptions extends LightGcnOptions, Omit<ItemItemGraphOptions, "cols"> {
  /** Weight of the symmetrised transitions `T + Tᵀ` inside the item–item block. Default 1. */
  transitionWeight?: number;
  /** Weight of the proximity edges inside the item–item block. Default 1. */
  proximityWeight?: number;
  /** Scale of the whole item–item block relative to the user–item edges (weight 1 each). Default 1. */
  itemItemWeight?: number;
}

/**
 * ST-LightGCN: LightGCN whose propagation graph also links items to items, with the same
 * training code. The adjacency is `[[0, R], [Rᵀ, w·S]]` with `S = a·(T + Tᵀ) + b·P`, built from
 * the training events only — `T` counts consecutive visits of a user within
 * `transitionGapHours`, `P` links each POI to its `proximityK` nearest POIs (haversine,
 * weight `exp(−d/proximityScaleM)`) — and normalised as a whole (`D^-1/2 A D^-1/2`). Items
 * that few users visited thus borrow signal from places visited before or after them and from
 * their neighbourhood. Needs the `ts` column (and `lat`/`lon` for proximity). With
 * `itemItemWeight: 0` it is exactly LightGCN.
 *
 * @example
 * ```ts
 * const model = stLightGcn.fit(train, { epochs: 100, validation: valid, proximityK: 10 });
 * stLightGcn.recommend(model, users, { k: 20 });
 * ```
 */
export const stLightGcn: LightGcnRecommender<StLightGcnOptions> = {
  name: "ST-LightGCN",
  fit: (train: pl.DataFrame, options: StLightGcnOptions = {}) =>
    fitLightGcnFamily("ST-LightGCN", train, options, (inter) => {
      const a = options.transitionWeight ?? 1;
      const b = options.proximityWeight ?? 1;
      const w = options.itemItemWeight ?? 1;
      for (const [name, v] of [["transitionWeight", a], ["proximityWeight", b], ["itemItemWeight", w]] as const) {
        if (!(Number.isFinite(v) && v >= 0)) throw new Error(`${name} must be a finite number >= 0, got ${v}`);
      }
      const cols = { user: options.cols?.user ?? COL.user, item: options.cols?.item ?? COL.item, ts: options.cols?.ts ?? COL.ts };
      const g = itemItemGraph(train, inter.itemIds, { ...options, cols });
      const block = sumCsr([
        { matrix: g.transition, weight: a },
        { matrix: transposeCsr(g.transition), weight: a },
        { matrix: g.proximity, weight: b },
      ]);
      return {
        block,
        weight: w,
        meta: {
          transitionWeight: a,
          proximityWeight: b,
          itemItemWeight: w,
          transitionEdges: g.transition.indices.length,
          proximityEdges: g.proximity.indices.length,
          ...g.counts.transitions,
          itemsWithoutCoords: g.counts.itemsWithoutCoords,
        },
      };
    }),
  recommend: recommendLightGcn,
  save: (model: LightGcnModel) => saveFitted(model),
  load: (saved) => loadLightGcnFamily(saved, "ST-LightGCN"),
};
