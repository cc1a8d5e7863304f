/**
 * Apriori (Agrawal & Srikant 1994), level by level: the textbook algorithm, kept simple for
 * teaching and as an independent cross-check of {@link fpGrowth}. Correct, not fast.
 */
import type pl from "nodejs-polars";
import { ItemsetSink, type FrequentItemsets } from "./itemset-sink";
import { itemsetsToFrame } from "./itemsets-frame";
import { resolveSupport, type BasketInput, type SupportOptions } from "./support-threshold";

/**
 * Options of {@link apriori}: as {@link FpGrowthOptions}.
 * @example
 * ```ts
 * apriori(baskets, { minCount: 10, maxLen: 3 });
 * ```
 */
export interface AprioriOptions extends SupportOptions {
  /** Stop with an Error once more than this many itemsets are found. Default `1_000_000`. */
  maxItemsets?: number;
}

const defaults = { maxItemsets: 1_000_000 };

/**
 * Mines all frequent itemsets with Apriori; the result is identical to {@link fpGrowth}'s.
 * Level k + 1 candidates join two frequent k-itemsets sharing their first k − 1 items and
 * are pruned unless all their k-subsets are frequent; each level is then counted in one pass
 * over the (merged) transactions.
 *
 * @param baskets arrays of item labels, or their encoding.
 * @param options as {@link fpGrowth}: `minSupport` / `minCount`, `minLen`, `maxLen`, `maxItemsets`.
 * @returns the same frame as {@link fpGrowth}: `itemsets`, `count`, `support`.
 * @example
 * ```ts
 * apriori([["a", "b"], ["a"], ["a", "b", "c"]], { minSupport: 0.6 });
 * // ["a"] 3 1.0 · ["b"] 2 0.667 · ["a", "b"] 2 0.667
 * ```
 */
export function apriori(baskets: BasketInput, options: AprioriOptions = {}): pl.DataFrame {
  return itemsetsToFrame(aprioriRaw(baskets, options));
}

/**
 * Apriori returning the raw typed arrays (see {@link fpGrowthRaw}).
 * @param baskets arrays of item labels, or their encoding.
 * @param options see {@link AprioriOptions}.
 * @returns the frequent itemsets.
 * @example
 * ```ts
 * aprioriRaw(baskets, { minSupport: 0.1 }).length;
 * ```
 */
export function aprioriRaw(baskets: BasketInput, options: AprioriOptions = {}): FrequentItemsets {
  const { tx, minCount, minLen, maxLen, minSupport } = resolveSupport(baskets, options, "apriori");
  const maxItemsets = options.maxItemsets ?? defaults.maxItemsets;
  const sink = new ItemsetSink(false, { minLen, maxLen, maxItemsets, minSupport }, tx.items.length);
  const none = new Int32Array(0);
  // level 1
  let level: number[][] = [];
  for (let c = 0; c < tx.items.length; c++) {
    if (tx.itemCounts[c] < minCount) continue;
    level.push([c]);
    sink.emit(Int32Array.of(c), 1, tx.itemCounts[c], none, 0);
  }
  for (let k = 2; k <= maxLen && level.length > 1; k++) {
    const candidates = nextCandidates(level);
    const counts = countCandidates(candidates, tx.data, tx.offsets, tx.weights, tx.items.length);
    level = [];
    for (let j = 0; j < candidates.length; j++) {
      if (counts[j] < minCount) continue;
      level.push(candidates[j]);
      sink.emit(Int32Array.from(candidates[j]), k, counts[j], none, 0);
    }
  }
  return sink.result(tx.items, tx.nTransactions, minCount);
}

/** Joins k-itemsets (sorted lists, in lexicographic order) sharing k − 1 items; prunes by subsets. */
function nextCandidates(level: number[][]): number[][] {
  const known = new Set(level.map((s) => s.join(",")));
  const out: number[][] = [];
  for (let i = 0; i < level.length; i++) {
    for (let j = i + 1; j < level.length; j++) {
      const a = level[i];
      const b = level[j];
      const k = a.length;
      let samePrefix = true;
      for (let p = 0; p < k - 1; p++) if (a[p] !== b[p]) samePrefix = false;
      if (!samePrefix) break; // the level is sorted: no later b shares a's prefix
      const cand = a[k - 1] < b[k - 1] ? [...a, b[k - 1]] : [...b, a[k - 1]];
      let allFrequent = true;
      for (let drop = 0; drop < cand.length - 2 && allFrequent; drop++) {
        allFrequent = known.has(cand.filter((_, q) => q !== drop).join(","));
      }
      if (allFrequent) out.push(cand);
    }
  }
  return out.sort(compareLists);
}

function compareLists(a: number[], b: number[]): number {
  for (let p = 0; p < a.length; p++) if (a[p] !== b[p]) return a[p] - b[p];
  return 0;
}

/** Counts each candidate: for every transaction, the candidates starting with one of its items. */
function countCandidates(cands: number[][], data: Int32Array, offsets: Int32Array, weights: Int32Array, nItems: number): Int32Array {
  const byFirst: number[][] = Array.from({ length: nItems }, () => []);
  cands.forEach((c, j) => byFirst[c[0]].push(j));
  const counts = new Int32Array(cands.length);
  const inTx = new Uint8Array(nItems);
  for (let t = 0; t < weights.length; t++) {
    for (let p = offsets[t]; p < offsets[t + 1]; p++) inTx[data[p]] = 1;
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      for (const j of byFirst[data[p]]) {
        const c = cands[j];
        let all = true;
        for (let q = 1; q < c.length && all; q++) all = inTx[c[q]] === 1;
        if (all) counts[j] += weights[t];
      }
    }
    for (let p = offsets[t]; p < offsets[t + 1]; p++) inTx[data[p]] = 0;
  }
  return counts;
}
