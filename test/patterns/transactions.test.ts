import { describe, expect, it } from "vitest";
import { sortAndMerge } from "../../src/patterns/sort-transactions";
import { encodeTransactions, type Transactions } from "../../src/patterns/transactions";
import { createRng } from "../../src/util/rng";
import { randomBaskets } from "./oracle";

/** The distinct transactions as label lists with weights, in stored order. */
function decode(tx: Transactions): Array<[string[], number]> {
  return Array.from(tx.weights, (w, t) => [Array.from(tx.data.subarray(tx.offsets[t], tx.offsets[t + 1]), (c) => tx.items[c]), w]);
}

describe("encodeTransactions", () => {
  it("recodes items by descending frequency (ties by label) and merges identical baskets", () => {
    const tx = encodeTransactions([["b", "a"], ["a", "b"], ["c", "a"], [], ["a"], ["c", "c", "b"]]);
    // counts: a 4, b 3, c 2 (c repeated in the last basket counts once)
    expect(tx.items).toEqual(["a", "b", "c"]);
    expect(Array.from(tx.itemCounts)).toEqual([4, 3, 2]);
    expect(tx.nTransactions).toBe(6);
    expect(tx.nEmpty).toBe(1);
    expect(tx.dropped).toEqual({ duplicateItems: 1, emptyLabels: 0 });
    // lexicographic by codes: [a], [a b] ×2, [a c], [b c]
    expect(decode(tx)).toEqual([
      [["a"], 1],
      [["a", "b"], 2],
      [["a", "c"], 1],
      [["b", "c"], 1],
    ]);
  });

  it("keeps labels verbatim and counts dropped empty labels", () => {
    const tx = encodeTransactions([["cream cheese ", "cream cheese", ""], ["cream cheese "]]);
    expect(new Set(tx.items)).toEqual(new Set(["cream cheese ", "cream cheese"]));
    expect(tx.dropped.emptyLabels).toBe(1);
    expect(tx.itemCounts[0]).toBe(2); // "cream cheese " (with the space) is in both baskets
  });

  it("encodes an empty basket list as zero transactions", () => {
    const tx = encodeTransactions([]);
    expect(tx.nTransactions).toBe(0);
    expect(tx.weights.length).toBe(0);
    expect(Array.from(tx.offsets)).toEqual([0]);
  });

  it.each([1, 2, 3, 4, 5])("preserves every basket as a set, with multiplicity (seed %i)", (seed) => {
    const baskets = randomBaskets(seed, { nItems: 8, nBaskets: 60 });
    const tx = encodeTransactions(baskets);
    const want = new Map<string, number>();
    for (const b of baskets) {
      if (b.length === 0) continue;
      const k = [...new Set(b)].sort().join("|");
      want.set(k, (want.get(k) ?? 0) + 1);
    }
    const got = new Map(decode(tx).map(([items, w]) => [[...items].sort().join("|"), w]));
    expect(got).toEqual(want);
    expect(tx.nEmpty).toBe(baskets.filter((b) => b.length === 0).length);
    // codes ascending inside each transaction, counts non-increasing
    for (let t = 0; t < tx.weights.length; t++) {
      for (let p = tx.offsets[t] + 1; p < tx.offsets[t + 1]; p++) expect(tx.data[p]).toBeGreaterThan(tx.data[p - 1]);
    }
    for (let c = 1; c < tx.itemCounts.length; c++) expect(tx.itemCounts[c]).toBeLessThanOrEqual(tx.itemCounts[c - 1]);
  });
});

describe("sortAndMerge", () => {
  it.each([
    [7, 60],
    [8, 60],
    [9, 5000],
    [10, 5000],
  ])("sorts lexicographically (prefix first) and merges like a naive sort (seed %i, codes < %i)", (seed, range) => {
    const rng = createRng(seed);
    const txs: number[][] = [];
    // groups above 32 transactions: counting sort over narrow code ranges, comparison sort over wide ones
    for (let t = 0; t < 400; t++) {
      const len = rng.int(6);
      const s = new Set<number>();
      for (let j = 0; j < len; j++) s.add(rng.int(rng.next() < 0.5 ? 4 : range));
      txs.push([...s].sort((a, b) => a - b));
    }
    const offsets = new Int32Array(txs.length + 1);
    txs.forEach((t, i) => (offsets[i + 1] = offsets[i] + t.length));
    const m = sortAndMerge(Int32Array.from(txs.flat()), offsets);
    const naive = new Map<string, number>();
    for (const t of txs) naive.set(t.join(","), (naive.get(t.join(",")) ?? 0) + 1);
    const cmp = (a: number[], b: number[]): number => {
      for (let j = 0; j < Math.min(a.length, b.length); j++) if (a[j] !== b[j]) return a[j] - b[j];
      return a.length - b.length;
    };
    const expected = [...naive.keys()].map((k) => (k === "" ? [] : k.split(",").map(Number))).sort(cmp);
    const got = Array.from(m.weights, (_, t) => Array.from(m.data.subarray(m.offsets[t], m.offsets[t + 1])));
    expect(got).toEqual(expected);
    expect(Array.from(m.weights)).toEqual(expected.map((e) => naive.get(e.join(","))));
  });
});
