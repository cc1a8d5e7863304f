import type { AccuracyMetric } from "./metric";

/** Σ_{p<k} hits[p]. */
function hitCount(hits: Uint8Array, k: number): number {
  let h = 0;
  for (let p = 0; p < k; p++) h += hits[p];
  return h;
}

/**
 * Recall@K = |top-K ∩ T| / |T| for the user's relevant set T; range [0, 1].
 *
 * @example
 * ```ts
 * recall.perUser(Uint8Array.of(1, 0, 1), 3, 4); // 2 hits of 4 relevant = 0.5
 * ```
 */
export const recall: AccuracyMetric = {
  name: "recall",
  family: "accuracy",
  lowerIsBetter: false,
  formula: "recall@K = |top-K ∩ T| / |T|",
  perUser: (hits, k, nTruth) => hitCount(hits, k) / nTruth,
};

/**
 * Precision@K = |top-K ∩ T| / K; range [0, 1]. The denominator is K even when the list is
 * shorter (RecBole and microsoft/recommenders convention).
 *
 * @example
 * ```ts
 * precision.perUser(Uint8Array.of(1, 0, 1), 3, 4); // 2 / 3
 * ```
 */
export const precision: AccuracyMetric = {
  name: "precision",
  family: "accuracy",
  lowerIsBetter: false,
  formula: "precision@K = |top-K ∩ T| / K",
  perUser: (hits, k) => hitCount(hits, k) / k,
};

/**
 * HR@K (hit ratio; RecBole's `hit`) = 1 when at least one relevant item is in the top K, else 0;
 * its mean over users is in [0, 1].
 *
 * @example
 * ```ts
 * hr.perUser(Uint8Array.of(0, 0, 1), 2, 1); // 0: the hit is at rank 3
 * ```
 */
export const hr: AccuracyMetric = {
  name: "hr",
  family: "accuracy",
  lowerIsBetter: false,
  formula: "hr@K = 1[|top-K ∩ T| > 0]",
  perUser: (hits, k) => (hitCount(hits, k) > 0 ? 1 : 0),
};
