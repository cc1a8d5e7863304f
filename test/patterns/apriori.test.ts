import { describe, expect, it } from "vitest";
import { apriori } from "../../src/patterns/apriori";
import { fpGrowth } from "../../src/patterns/fpgrowth";
import { bruteForceItemsets, entries, frameToMap, randomBaskets } from "./oracle";

describe("apriori", () => {
  it.each(Array.from({ length: 25 }, (_, i) => i + 300))("equals the brute-force count (seed %i)", (seed) => {
    const baskets = randomBaskets(seed);
    for (const minCount of [1, 2, 4]) {
      expect(entries(frameToMap(apriori(baskets, { minCount })))).toEqual(entries(bruteForceItemsets(baskets, minCount)));
    }
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("equals FP-Growth on larger random baskets (seed %i)", (seed) => {
    // 40 items, 400 baskets: too many subsets for brute force, so the two algorithms check each other
    const baskets = randomBaskets(seed + 1000, { nItems: 40, nBaskets: 400 }).map((b) => b.filter((_, j) => j < 12));
    for (const minSupport of [0.05, 0.02]) {
      const a = apriori(baskets, { minSupport });
      const f = fpGrowth(baskets, { minSupport });
      expect(a.height).toBeGreaterThan(40);
      expect(entries(frameToMap(a))).toEqual(entries(frameToMap(f)));
    }
  });

  it("gives the frame contract of fpGrowth, row for row", () => {
    const baskets = randomBaskets(7, { nItems: 7, nBaskets: 30 });
    const a = apriori(baskets, { minSupport: 0.2, maxLen: 2 });
    const f = fpGrowth(baskets, { minSupport: 0.2, maxLen: 2 });
    expect(a.columns).toEqual(f.columns);
    expect(a.getColumn("itemsets").toArray()).toEqual(f.getColumn("itemsets").toArray());
    expect(a.getColumn("support").toArray()).toEqual(f.getColumn("support").toArray());
  });

  it("validates its input like fpGrowth", () => {
    expect(() => apriori([], { minSupport: 0.5 })).toThrow(/apriori: no transactions/);
    expect(() => apriori([["a"]], { minSupport: 2 })).toThrow(/apriori: minSupport must be a positive number within the interval \(0, 1\]/);
    const items = Array.from({ length: 14 }, (_, i) => `i${i}`);
    expect(() => apriori([items, items], { minCount: 2, maxItemsets: 100 })).toThrow(/more than 100 itemsets/);
  });
});
