import { describe, expect, it } from "vitest";
import { aprioriRaw } from "../../src/patterns/apriori";
import { mineFpGrowth, type FirstLevel } from "../../src/patterns/fp-first-level";
import { ItemsetSink } from "../../src/patterns/itemset-sink";
import { encodeTransactions } from "../../src/patterns/transactions";
import { bruteForceItemsets, entries, keyOf, randomBaskets } from "./oracle";

/** Runs the miner directly, with the first level forced to one strategy. */
function mine(baskets: string[][], minCount: number, firstLevel: FirstLevel, maxLen = Infinity): Map<string, number> {
  const tx = encodeTransactions(baskets);
  const sink = new ItemsetSink(false, { minLen: 1, maxLen, maxItemsets: 1e6, minSupport: 0 }, tx.items.length);
  mineFpGrowth(tx, minCount, maxLen, sink, firstLevel);
  const raw = sink.result(tx.items, tx.nTransactions, minCount);
  const out = new Map<string, number>();
  const faults: string[] = [];
  for (let r = 0; r < raw.length; r++) {
    const labels = Array.from(raw.codes.subarray(raw.offsets[r], raw.offsets[r + 1]), (c) => raw.items[c]);
    if (new Set(labels).size !== labels.length) faults.push(`item twice in ${labels}`);
    const k = keyOf(labels);
    if (out.has(k)) faults.push(`${labels} reported twice`);
    out.set(k, raw.counts[r]);
  }
  expect(faults).toEqual([]);
  return out;
}

describe("mineFpGrowth", () => {
  it.each(Array.from({ length: 30 }, (_, i) => i + 500))("projects the first level from a global tree or from the transactions alike (seed %i)", (seed) => {
    const baskets = randomBaskets(seed, { nItems: 10, nBaskets: 50 });
    for (const minCount of [1, 3, 6]) {
      const want = entries(bruteForceItemsets(baskets, minCount));
      expect(entries(mine(baskets, minCount, "tree"))).toEqual(want);
      expect(entries(mine(baskets, minCount, "transactions"))).toEqual(want);
      expect(entries(mine(baskets, minCount, "auto"))).toEqual(want);
    }
  });

  it("both first levels respect maxLen", () => {
    const baskets = randomBaskets(3, { nItems: 9, nBaskets: 40 });
    for (const maxLen of [1, 2, 3]) {
      const want = entries(bruteForceItemsets(baskets, 2, 1, maxLen));
      expect(entries(mine(baskets, 2, "tree", maxLen))).toEqual(want);
      expect(entries(mine(baskets, 2, "transactions", maxLen))).toEqual(want);
    }
  });

  it("folds items in every transaction on both paths", () => {
    const baskets = [["x", "y", "a"], ["x", "y", "z", "a"], ["z", "a"], ["x", "a"]];
    for (const first of ["tree", "transactions"] as const) {
      expect(entries(mine(baskets, 2, first))).toEqual(entries(bruteForceItemsets(baskets, 2)));
    }
    expect(mine(baskets, 2, "tree").get(keyOf(["a", "x", "y"]))).toBe(2);
  });

  it("grows its arena on trees of thousands of nodes, with results equal to Apriori", () => {
    // 4000 baskets over 40 items: conditional trees far beyond the initial 1024 nodes
    const baskets = randomBaskets(77, { nItems: 40, nBaskets: 4000 }).map((b) => b.slice(0, 14));
    const a = aprioriRaw(baskets, { minCount: 120 });
    const want = new Map<string, number>();
    for (let r = 0; r < a.length; r++) want.set(keyOf(Array.from(a.codes.subarray(a.offsets[r], a.offsets[r + 1]), (c) => a.items[c])), a.counts[r]);
    expect(want.size).toBeGreaterThan(500);
    expect(entries(mine(baskets, 120, "transactions"))).toEqual(entries(want));
    expect(entries(mine(baskets, 120, "tree"))).toEqual(entries(want));
  });
});
