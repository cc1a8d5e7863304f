import { describe, expect, it } from "vitest";
import { countItemsets, fpGrowth, fpGrowthRaw } from "../../src/patterns/fpgrowth";
import { encodeTransactions } from "../../src/patterns/transactions";
import { bruteForceItemsets, entries, frameToMap, keyOf, randomBaskets } from "./oracle";

// mlxtend's 5 × 11 example (docs of fpgrowth), as baskets
const MLXTEND = [
  ["Milk", "Onion", "Nutmeg", "Kidney Beans", "Eggs", "Yogurt"],
  ["Dill", "Onion", "Nutmeg", "Kidney Beans", "Eggs", "Yogurt"],
  ["Milk", "Apple", "Kidney Beans", "Eggs"],
  ["Milk", "Unicorn", "Corn", "Kidney Beans", "Yogurt"],
  ["Corn", "Onion", "Onion", "Kidney Beans", "Ice cream", "Eggs"],
];

describe("fpGrowth", () => {
  it("finds mlxtend's 11 itemsets at min support 0.6 (hand-checked)", () => {
    const df = fpGrowth(MLXTEND, { minSupport: 0.6 });
    // ceil(0.6 · 5) = 3 baskets: Kidney Beans 5, Eggs 4, Yogurt 3, Onion 3, Milk 3;
    // {Eggs, Kidney Beans} 4, {Kidney Beans, Yogurt} 3, {Kidney Beans, Onion} 3, {Eggs, Onion} 3,
    // {Kidney Beans, Milk} 3, {Eggs, Kidney Beans, Onion} 3
    expect(entries(frameToMap(df))).toEqual(
      entries(
        new Map([
          [keyOf(["Kidney Beans"]), 5],
          [keyOf(["Eggs"]), 4],
          [keyOf(["Yogurt"]), 3],
          [keyOf(["Onion"]), 3],
          [keyOf(["Milk"]), 3],
          [keyOf(["Eggs", "Kidney Beans"]), 4],
          [keyOf(["Kidney Beans", "Yogurt"]), 3],
          [keyOf(["Kidney Beans", "Onion"]), 3],
          [keyOf(["Eggs", "Onion"]), 3],
          [keyOf(["Kidney Beans", "Milk"]), 3],
          [keyOf(["Eggs", "Kidney Beans", "Onion"]), 3],
        ]),
      ),
    );
    expect(df.columns).toEqual(["itemsets", "count", "support"]);
    // sorted by count, then size, then items (label order inside each itemset)
    expect(df.getColumn("itemsets").toArray().slice(0, 3)).toEqual([["Kidney Beans"], ["Eggs"], ["Eggs", "Kidney Beans"]]);
    expect(df.getColumn("support").toArray()[0]).toBe(1);
  });

  it.each(Array.from({ length: 60 }, (_, i) => i + 1))("equals the brute-force count on random baskets (seed %i)", (seed) => {
    const baskets = randomBaskets(seed);
    for (const minCount of [1, 2, 3, Math.max(1, Math.floor(baskets.length / 2))]) {
      const got = frameToMap(fpGrowth(baskets, { minCount }));
      expect(entries(got)).toEqual(entries(bruteForceItemsets(baskets, minCount)));
    }
  });

  it.each([11, 12, 13, 14, 15, 16, 17, 18])("respects minLen and maxLen like the oracle (seed %i)", (seed) => {
    const baskets = randomBaskets(seed, { nItems: 9, nBaskets: 30 });
    for (const [minLen, maxLen] of [[1, 1], [2, 3], [3, Infinity], [1, 2]]) {
      const got = frameToMap(fpGrowth(baskets, { minCount: 2, minLen, maxLen }));
      expect(entries(got)).toEqual(entries(bruteForceItemsets(baskets, 2, minLen, maxLen)));
    }
  });

  it("folds items present in every basket (perfect extensions of the empty set)", () => {
    // "a" in all 4 baskets; "b" in 3; "c" always with "b"
    const baskets = [["a", "b", "c"], ["a", "b", "c"], ["a", "b", "c", "d"], ["a", "d"]];
    const got = frameToMap(fpGrowth(baskets, { minCount: 1 }));
    expect(entries(got)).toEqual(entries(bruteForceItemsets(baskets, 1)));
    expect(got.get(keyOf(["a"]))).toBe(4);
    expect(got.get(keyOf(["a", "b", "c", "d"]))).toBe(1);
    expect(got.size).toBe(15); // all 2^4 − 1 subsets occur
  });

  it("enumerates a single-path tree (nested baskets) completely", () => {
    // tree a → b → c → d → e with counts 5, 4, 3, 2, 1
    const items = ["a", "b", "c", "d", "e"];
    const baskets = items.map((_, i) => items.slice(0, i + 1));
    const got = frameToMap(fpGrowth(baskets, { minCount: 1 }));
    expect(got.size).toBe(31);
    // an itemset's count is the number of baskets containing its deepest item
    expect(got.get(keyOf(["a", "c", "e"]))).toBe(1);
    expect(got.get(keyOf(["b", "c"]))).toBe(3);
  });

  it("applies count ≥ ceil(minSupport · N) and counts empty baskets in N", () => {
    const baskets = [["x"], ["x", "y"], [], ["y"], ["x"]]; // N = 5
    // 0.4 · 5 = 2 exactly: count ≥ 2 keeps x (3) and y (2), not {x, y} (1)
    expect(entries(frameToMap(fpGrowth(baskets, { minSupport: 0.4 })))).toEqual(entries(new Map([["x", 3], ["y", 2]])));
    // 0.41 · 5 = 2.05 → count ≥ 3 keeps x only
    expect([...frameToMap(fpGrowth(baskets, { minSupport: 0.41 })).keys()]).toEqual(["x"]);
    expect(fpGrowth(baskets, { minSupport: 0.4 }).getColumn("support").toArray()).toEqual([0.6, 0.4]);
  });

  it("one-item baskets give only 1-itemsets", () => {
    const df = fpGrowth([["a"], ["b"], ["a"], ["c"]], { minCount: 1 });
    expect(entries(frameToMap(df))).toEqual(entries(new Map([["a", 2], ["b", 1], ["c", 1]])));
  });

  it("gives the same result from baskets and from their encoding, and raw equals frame", () => {
    const baskets = randomBaskets(99, { nItems: 8, nBaskets: 40 });
    const tx = encodeTransactions(baskets);
    const a = frameToMap(fpGrowth(baskets, { minCount: 3 }));
    expect(entries(frameToMap(fpGrowth(tx, { minCount: 3 })))).toEqual(entries(a));
    const raw = fpGrowthRaw(tx, { minCount: 3 });
    const fromRaw = new Map<string, number>();
    for (let r = 0; r < raw.length; r++) {
      const labels = Array.from(raw.codes.subarray(raw.offsets[r], raw.offsets[r + 1]), (c) => raw.items[c]);
      fromRaw.set(keyOf(labels), raw.counts[r]);
    }
    expect(entries(fromRaw)).toEqual(entries(a));
    expect(raw.nTransactions).toBe(40);
    expect(raw.minCount).toBe(3);
  });

  it.each([1, 2, 3, 4, 5, 6])("countItemsets equals the materialised counts by length (seed %i)", (seed) => {
    const baskets = randomBaskets(seed + 200, { nItems: 10, nBaskets: 35 });
    for (const [minLen, maxLen] of [[1, Infinity], [2, 4]]) {
      const oracle = bruteForceItemsets(baskets, 2, minLen, maxLen);
      const byLength: number[] = [];
      for (const k of oracle.keys()) {
        const L = k.split("\u0001").length;
        byLength[L] = (byLength[L] ?? 0) + 1;
      }
      const c = countItemsets(baskets, { minCount: 2, minLen, maxLen });
      expect(c.total).toBe(oracle.size);
      for (let L = 1; L < Math.max(byLength.length, c.byLength.length); L++) expect(c.byLength[L] ?? 0).toBe(byLength[L] ?? 0);
    }
  });

  it("stops with a clear error when itemsets explode past maxItemsets", () => {
    // 20 items in every one of 3 baskets: 2^20 − 1 itemsets
    const items = Array.from({ length: 20 }, (_, i) => `i${i}`);
    const baskets = [items, items, items.slice(0, 19)];
    expect(() => fpGrowth(baskets, { minSupport: 0.5, maxItemsets: 10_000 })).toThrow(
      /more than 10000 itemsets at min support 0\.5; raise minSupport or set maxLen/,
    );
    // the counting mode is not capped and uses binomials: 2^19 − 1 itemsets of items 0..18 plus those with i19 (count 2)
    expect(countItemsets(baskets, { minSupport: 0.5 }).total).toBe(2 ** 20 - 1);
    expect(fpGrowth(baskets, { minSupport: 0.5, maxLen: 2 }).height).toBe(20 + 190);
  });

  it("rejects bad input with messages naming the parameter", () => {
    expect(() => fpGrowth([], { minSupport: 0.1 })).toThrow(/no transactions/);
    expect(() => fpGrowth([["a"]], { minSupport: 0 })).toThrow(/minSupport must be a positive number within the interval \(0, 1\], got 0/);
    expect(() => fpGrowth([["a"]], { minSupport: 1.5 })).toThrow(/interval \(0, 1\]/);
    expect(() => fpGrowth([["a"]], { minSupport: -0.1 })).toThrow(/interval \(0, 1\]/);
    expect(() => fpGrowth([["a"]], { minSupport: Number.NaN })).toThrow(/interval \(0, 1\]/);
    expect(() => fpGrowth([["a"]], { minCount: 0 })).toThrow(/minCount must be an integer >= 1/);
    expect(() => fpGrowth([["a"]], { minCount: 2, minSupport: 0.5 })).toThrow(/not both/);
    expect(() => fpGrowth([["a"]], { minLen: 0 })).toThrow(/minLen must be an integer >= 1/);
    expect(() => fpGrowth([["a"]], { minLen: 3, maxLen: 2 })).toThrow(/maxLen must be an integer >= minLen/);
    expect(() => fpGrowth([["a"]], { maxItemsets: 0 })).toThrow(/maxItemsets must be an integer >= 1/);
    expect(() => fpGrowth([["a", 3 as unknown as string]])).toThrow(/baskets\[0\]\[1\] must be a string/);
    expect(() => fpGrowth(["ab" as unknown as string[]])).toThrow(/baskets\[0\] must be an array/);
  });

  it("returns an empty frame with the right columns when nothing is frequent", () => {
    const df = fpGrowth([["a"], ["b"], []], { minSupport: 1 });
    expect(df.height).toBe(0);
    expect(df.columns).toEqual(["itemsets", "count", "support"]);
    expect(String(df.getColumn("itemsets").dtype)).toContain("List");
  });

  it("counts only empty baskets as transactions (all-empty input has no itemsets)", () => {
    expect(fpGrowth([[], []], { minCount: 1 }).height).toBe(0);
  });
});
