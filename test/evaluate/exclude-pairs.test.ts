import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { excludePairs } from "../../src/evaluate/exclude-pairs";
import { pairsFrame } from "../contracts/fixtures";

describe("excludePairs", () => {
  const recs = pl.DataFrame({
    user: ["a", "a", "a", "b", "b"],
    item: ["x", "y", "z", "x", "w"],
    score: [3, 2, 1, 5, 4],
    rank: pl.Series("rank", [1, 2, 3, 1, 2], pl.Int32),
  });

  it("removes the pairs and re-ranks what remains per user", () => {
    const out = excludePairs(recs, pairsFrame([["a", "y"], ["b", "x"], ["c", "x"]]));
    expect(out.toRecords()).toEqual([
      { user: "a", item: "x", score: 3, rank: 1 },
      { user: "a", item: "z", score: 1, rank: 2 },
      { user: "b", item: "w", score: 4, rank: 1 },
    ]);
  });

  it("truncates to k and validates it", () => {
    expect(excludePairs(recs, pairsFrame([["a", "x"]]), { k: 1 }).toRecords().map((r) => [r.user, r.item])).toEqual([["a", "y"], ["b", "x"]]);
    expect(() => excludePairs(recs, pairsFrame([]), { k: 0 })).toThrow(/k/);
  });
});
