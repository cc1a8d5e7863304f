import type { AccuracyMetric } from "./metric";

/** 1 / log2(p + 2): the discount of 0-based position p. */
const discount = (p: number): number => 1 / Math.log2(p + 2);

/**
 * NDCG@K with binary relevance: DCG = Σ_{p=1..K} rel_p / log2(p + 1), divided by the ideal
 * DCG = Σ_{p=1..min(|T|, K)} 1 / log2(p + 1) (all relevant items first); range [0, 1].
 *
 * @example
 * ```ts
 * // hits at ranks 1 and 3, |T| = 2: (1 + 1/log2 4) / (1 + 1/log2 3) = 1.5 / 1.6309 = 0.9197
 * ndcg.perUser(Uint8Array.of(1, 0, 1), 3, 2);
 * ```
 */
export const ndcg: AccuracyMetric = {
  name: "ndcg",
  family: "accuracy",
  lowerIsBetter: false,
  formula: "ndcg@K = Σ_{p≤K} rel_p/log2(p+1) / Σ_{p≤min(|T|,K)} 1/log2(p+1)",
  perUser: (hits, k, nTruth) => {
    let dcg = 0;
    for (let p = 0; p < k; p++) if (hits[p]) dcg += discount(p);
    let idcg = 0;
    for (let p = 0; p < Math.min(nTruth, k); p++) idcg += discount(p);
    return dcg / idcg;
  },
};

/**
 * MRR@K = 1 / rank of the first relevant item in the top K (0 when none); range [0, 1].
 *
 * @example
 * ```ts
 * mrr.perUser(Uint8Array.of(0, 0, 1), 3, 1); // 1/3
 * ```
 */
export const mrr: AccuracyMetric = {
  name: "mrr",
  family: "accuracy",
  lowerIsBetter: false,
  formula: "mrr@K = 1 / rank of the first hit (0 if none within K)",
  perUser: (hits, k) => {
    for (let p = 0; p < k; p++) if (hits[p]) return 1 / (p + 1);
    return 0;
  },
};

/**
 * MAP@K = (1 / min(|T|, K)) Σ_{p=1..K} rel_p · Precision@p; range [0, 1]. Normalised by
 * min(|T|, K), as RecBole does (so a perfect list scores 1 even when |T| > K); the older
 * microsoft/recommenders `map_at_k` divides by |T| instead.
 *
 * @example
 * ```ts
 * // hits at ranks 1 and 3, |T| = 4, K = 3: (1/1 + 2/3) / min(4, 3) = 0.5556
 * map.perUser(Uint8Array.of(1, 0, 1), 3, 4);
 * ```
 */
export const map: AccuracyMetric = {
  name: "map",
  family: "accuracy",
  lowerIsBetter: false,
  formula: "map@K = Σ_{p≤K} rel_p·precision@p / min(|T|, K)",
  perUser: (hits, k, nTruth) => {
    let h = 0;
    let sum = 0;
    for (let p = 0; p < k; p++) {
      if (hits[p]) {
        h++;
        sum += h / (p + 1);
      }
    }
    return sum / Math.min(nTruth, k);
  },
};
