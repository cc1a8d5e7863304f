import { describe, expect, it } from "vitest";
import { map, mrr, ndcg } from "../../src/evaluate/rank-metrics";

// hits at ranks 2 and 5 of a list of 5
const hits = Uint8Array.of(0, 1, 0, 0, 1);

describe("rank metrics (hand-computed)", () => {
  it("ndcg@K with binary relevance and ideal DCG over min(|T|, K)", () => {
    // DCG@5 = 1/log2(3) + 1/log2(6) = 0.63093 + 0.38685 = 1.01778
    // |T| = 4: IDCG@5 = 1 + 1/log2(3) + 1/log2(4) + 1/log2(5) = 1 + 0.63093 + 0.5 + 0.43068 = 2.56161
    expect(ndcg.perUser(hits, 5, 4)).toBeCloseTo(1.01778 / 2.56161, 5); // 0.39732
    // |T| = 2: IDCG@5 = 1 + 0.63093 = 1.63093
    expect(ndcg.perUser(hits, 5, 2)).toBeCloseTo(1.01778 / 1.63093, 5); // 0.62405
    // K = 2, |T| = 4: DCG = 0.63093, IDCG over min(4, 2) = 2 positions = 1.63093
    expect(ndcg.perUser(hits, 2, 4)).toBeCloseTo(0.63093 / 1.63093, 5); // 0.38685
    expect(ndcg.perUser(Uint8Array.of(1, 1), 2, 2)).toBe(1);
    expect(ndcg.perUser(Uint8Array.of(0, 0), 2, 3)).toBe(0);
  });

  it("mrr@K = 1 / rank of the first hit", () => {
    expect(mrr.perUser(hits, 5, 4)).toBe(0.5);
    expect(mrr.perUser(hits, 1, 4)).toBe(0);
    expect(mrr.perUser(Uint8Array.of(0, 0, 1), 3, 1)).toBeCloseTo(1 / 3, 12);
  });

  it("map@K = Σ rel_p · precision@p / min(|T|, K)", () => {
    // precision at the hits: rank 2 -> 1/2, rank 5 -> 2/5; sum 0.9
    expect(map.perUser(hits, 5, 4)).toBeCloseTo(0.9 / 4, 12); // min(4, 5) = 4 -> 0.225
    expect(map.perUser(hits, 5, 9)).toBeCloseTo(0.9 / 5, 12); // min(9, 5) = 5 -> 0.18
    expect(map.perUser(hits, 2, 4)).toBeCloseTo(0.5 / 2, 12); // K = 2: only rank 2, min(4, 2) = 2 -> 0.25
    expect(map.perUser(Uint8Array.of(1, 1, 1), 3, 7)).toBe(1); // perfect list scores 1 even with |T| > K
  });
});
