/**
 * FP-Growth (Han, Pei & Yin 2000): exact frequent-itemset mining on FP-trees held in flat
 * typed arrays, with the speed-ups of Borgelt's implementation (frequency-ordered integer
 * items, merged duplicate transactions, perfect-extension folding, single-path shortcut,
 * counting without materialising), and a first level projected straight from the
 * transactions when they are sparse.
 */
import type pl from "nodejs-polars";
import { mineFpGrowth } from "./fp-first-level";
import { ItemsetSink, type FrequentItemsets, type ItemsetCounts } from "./itemset-sink";
import { itemsetsToFrame } from "./itemsets-frame";
import { resolveSupport, type BasketInput, type ResolvedSupport, type SupportOptions } from "./support-threshold";

/**
 * Options of {@link fpGrowth} (and {@link fpGrowthRaw}, {@link countItemsets}).
 * @example
 * ```ts
 * fpGrowth(baskets, { minSupport: 0.001, maxLen: 4, maxItemsets: 5_000_000 });
 * ```
 */
export interface FpGrowthOptions extends SupportOptions {
  /**
   * Stop with an Error once more than this many itemsets would be produced, instead of running
   * out of memory (ignored by {@link countItemsets}). Default `1_000_000`.
   */
  maxItemsets?: number;
}

const defaults = { maxItemsets: 1_000_000 };

/**
 * Mines all frequent itemsets with FP-Growth and returns them as a frame (mlxtend's
 * `fpgrowth(df, min_support, use_colnames=True, max_len)`, with item names, not indices).
 * Exact: the same itemsets and counts as Apriori or a brute-force count. Support is
 * count / N where N counts every basket, empty ones included.
 *
 * @param baskets arrays of item labels (one per transaction), or their {@link encodeTransactions} encoding
 * (encode once when mining the same baskets several times).
 * @param options `minSupport` (fraction in (0, 1], default 0.5) or `minCount`; `minLen` (default 1);
 * `maxLen` (default Infinity); `maxItemsets` (default 1,000,000).
 * @returns columns `itemsets` (List(String), items in label order), `count` (Int32),
 * `support` (Float64), sorted by count descending, then size, then items.
 * @throws Error on an empty basket list, a threshold out of range, or more than `maxItemsets` itemsets.
 * @example
 * ```ts
 * const baskets = [["milk", "bread"], ["milk", "eggs"], ["milk", "bread", "eggs"]];
 * fpGrowth(baskets, { minSupport: 0.6 });
 * // itemsets            count  support
 * // ["milk"]            3      1.0
 * // ["bread"]           2      0.667
 * // ["eggs"]            2      0.667
 * // ["bread", "milk"]   2      0.667
 * // ["eggs", "milk"]    2      0.667
 * ```
 */
export function fpGrowth(baskets: BasketInput, options: FpGrowthOptions = {}): pl.DataFrame {
  return itemsetsToFrame(fpGrowthRaw(baskets, options));
}

/**
 * FP-Growth returning flat typed arrays (for speed-critical callers and for
 * {@link associationRules}): no frame, no sorting, item codes instead of strings.
 *
 * @param baskets arrays of item labels, or their encoding.
 * @param options see {@link FpGrowthOptions}.
 * @returns the {@link FrequentItemsets}; `items[code]` names a code.
 * @example
 * ```ts
 * const raw = fpGrowthRaw(readFimi("retail.dat"), { minSupport: 0.001 });
 * raw.length; // 7589
 * ```
 */
export function fpGrowthRaw(baskets: BasketInput, options: FpGrowthOptions = {}): FrequentItemsets {
  const r = resolveSupport(baskets, options, "fpGrowth");
  const maxItemsets = options.maxItemsets ?? defaults.maxItemsets;
  if (!(Number.isInteger(maxItemsets) && maxItemsets >= 1)) {
    throw new Error(`fpGrowth: maxItemsets must be an integer >= 1, got ${maxItemsets}`);
  }
  const sink = newSink(false, r, maxItemsets);
  mineFpGrowth(r.tx, r.minCount, r.maxLen, sink);
  return sink.result(r.tx.items, r.tx.nTransactions, r.minCount);
}

/**
 * Counts the frequent itemsets by size without materialising them (perfect extensions and
 * single paths are counted with binomial coefficients, so this is much faster than
 * {@link fpGrowth} when there are many). Counts above 2^53 are approximate.
 *
 * @param baskets arrays of item labels, or their encoding.
 * @param options `minSupport` / `minCount`, `minLen`, `maxLen` as in {@link fpGrowth}.
 * @returns `total` and `byLength[L]` (itemsets of L items).
 * @example
 * ```ts
 * countItemsets(readFimi("T10I4D100K.dat"), { minSupport: 0.001 }).total; // 27532
 * ```
 */
export function countItemsets(baskets: BasketInput, options: SupportOptions = {}): ItemsetCounts {
  const r = resolveSupport(baskets, options, "countItemsets");
  const sink = newSink(true, r, Infinity);
  mineFpGrowth(r.tx, r.minCount, r.maxLen, sink);
  return sink.countResult();
}

function newSink(countOnly: boolean, r: ResolvedSupport, maxItemsets: number): ItemsetSink {
  return new ItemsetSink(
    countOnly,
    { minLen: r.minLen, maxLen: r.maxLen, maxItemsets, minSupport: r.minSupport },
    r.tx.items.length,
  );
}
