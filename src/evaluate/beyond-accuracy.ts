import type { ListMetric } from "./metric";

/**
 * Item coverage@K = |∪_u top-K(u)| / |catalogue|: the share of the catalogue recommended to at
 * least one evaluated user; range [0, 1].
 *
 * @example
 * ```ts
 * // two users, K = 2: [0, 1] and [1, 2] cover 3 of 10 items
 * coverage.compute(Int32Array.of(0, 1, 1, 2), 2, 2, { catalogSize: 10 }); // 0.3
 * ```
 */
export const coverage: ListMetric = {
  name: "coverage",
  family: "beyond",
  lowerIsBetter: false,
  needs: null,
  formula: "coverage@K = |∪_u top-K(u)| / |catalogue|",
  compute: (items, width, k, ctx) => {
    const seen = new Set<number>();
    for (let r = 0; r < items.length; r += width) {
      for (let p = 0; p < Math.min(k, width); p++) if (items[r + p] >= 0) seen.add(items[r + p]);
    }
    return ctx.catalogSize > 0 ? seen.size / ctx.catalogSize : NaN;
  },
};

/**
 * Novelty@K = mean over users of the mean self-information of their top-K items,
 * −log2(pop(i) / N), where pop(i) is the number of training users who interacted with i and N
 * the number of training users (microsoft/recommenders `novelty`). An item absent from training
 * counts as pop = 1 (maximal but finite). Range [0, log2 N]; users with an empty list are skipped.
 *
 * @example
 * ```ts
 * // N = 8 users; item 0 seen by 4 (1 bit), item 1 by 1 (3 bits); one list [0, 1] -> 2 bits
 * novelty.compute(Int32Array.of(0, 1), 2, 2, { catalogSize: 2, popularity: Float64Array.of(4, 1), popularityUsers: 8 }); // 2
 * ```
 */
export const novelty: ListMetric = {
  name: "novelty",
  family: "beyond",
  lowerIsBetter: false,
  needs: "popularity",
  formula: "novelty@K = mean_u mean_{i∈top-K(u)} −log2(pop(i)/N)",
  compute: (items, width, k, ctx) => {
    const pop = ctx.popularity;
    const n = ctx.popularityUsers ?? 0;
    if (!pop || !(n > 0)) throw new Error("novelty needs the training popularity (pass the training frame in the evaluation context)");
    let total = 0;
    let users = 0;
    for (let r = 0; r < items.length; r += width) {
      let s = 0;
      let m = 0;
      for (let p = 0; p < Math.min(k, width); p++) {
        const i = items[r + p];
        if (i < 0) continue;
        s += -Math.log2(Math.max(pop[i], 1) / n);
        m++;
      }
      if (m > 0) {
        total += s / m;
        users++;
      }
    }
    return users ? total / users : NaN;
  },
};

/**
 * Intra-list diversity by category@K = mean over users of the share of item pairs in their
 * top K whose categories differ: (1 / C(m, 2)) Σ_{a<b} 1[cat(a) ≠ cat(b)] over the m items
 * with a known category. Categories compare as whole values (a MovieLens "Comedy|Drama"
 * differs from "Comedy"). Range [0, 1]; users with fewer than 2 categorised items are skipped.
 *
 * @example
 * ```ts
 * // one list with categories [A, A, B]: pairs AA, AB, AB -> 2/3
 * diversity.compute(Int32Array.of(0, 1, 2), 3, 3, { catalogSize: 3, category: Int32Array.of(0, 0, 1) }); // 0.6667
 * ```
 */
export const diversity: ListMetric = {
  name: "diversity",
  family: "beyond",
  lowerIsBetter: false,
  needs: "category",
  formula: "diversity@K = mean_u share of pairs in top-K(u) with different categories",
  compute: (items, width, k, ctx) => {
    const cat = ctx.category;
    if (!cat) throw new Error("diversity needs item categories (pass itemCategories or a training frame with a category column)");
    let total = 0;
    let users = 0;
    const counts = new Map<number, number>();
    for (let r = 0; r < items.length; r += width) {
      counts.clear();
      let m = 0;
      for (let p = 0; p < Math.min(k, width); p++) {
        const i = items[r + p];
        if (i < 0 || cat[i] < 0) continue;
        counts.set(cat[i], (counts.get(cat[i]) ?? 0) + 1);
        m++;
      }
      if (m < 2) continue;
      let same = 0;
      for (const c of counts.values()) same += (c * (c - 1)) / 2;
      const pairs = (m * (m - 1)) / 2;
      total += (pairs - same) / pairs;
      users++;
    }
    return users ? total / users : NaN;
  },
};
