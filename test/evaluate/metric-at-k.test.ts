import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { hrAtK, mapAtK, metricAtK, mrrAtK, ndcgAtK, precisionAtK, recallAtK } from "../../src/evaluate/metric-at-k";
import { pairsFrame } from "../contracts/fixtures";

describe("metricAtK and the named metric functions", () => {
  // a -> {x, y}; list [y, q, x]: hits at ranks 1 and 3
  const truth = pairsFrame([["a", "x"], ["a", "y"]]);
  const recs = pl.DataFrame({ user: ["a", "a", "a"], item: ["y", "q", "x"], rank: pl.Series("rank", [1, 2, 3], pl.Int32) });

  it("returns single numbers computed by hand", () => {
    expect(recallAtK(truth, recs, { k: 2 })).toBe(0.5); // 1 of 2
    expect(precisionAtK(truth, recs, { k: 3 })).toBeCloseTo(2 / 3, 12);
    expect(hrAtK(truth, recs, { k: 1 })).toBe(1);
    expect(mrrAtK(truth, recs, { k: 3 })).toBe(1);
    // DCG@3 = 1 + 1/log2 4 = 1.5; IDCG (|T| = 2) = 1 + 1/log2 3
    expect(ndcgAtK(truth, recs, { k: 3 })).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3)), 12);
    // AP@3 = (1/1 + 2/3) / min(2, 3)
    expect(mapAtK(truth, recs, { k: 3 })).toBeCloseTo((1 + 2 / 3) / 2, 12);
    expect(metricAtK("coverage", truth, recs, { k: 3, catalogSize: 6 })).toBe(0.5);
  });

  it("excludes training pairs by default when a training frame is given", () => {
    const train = pairsFrame([["a", "x"]]);
    const noX = pl.DataFrame({ user: ["a", "a"], item: ["y", "q"], rank: pl.Series("rank", [1, 2], pl.Int32) });
    expect(recallAtK(truth, noX, { k: 2, train })).toBe(1); // truth is {y} only
    expect(recallAtK(truth, noX, { k: 2, train, excludeTrainItems: false })).toBe(0.5);
  });
});
