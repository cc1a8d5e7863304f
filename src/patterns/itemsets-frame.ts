/**
 * Conversions between the raw itemset arrays and the Polars frame users see:
 * `itemsets` (List(String)), `count` (Int32), `support` (Float64).
 */
import pl from "nodejs-polars";
import type { FrequentItemsets } from "./itemset-sink";

/**
 * A rank for each label: integer labels (FIMI ids) in numeric order, before other labels,
 * which are in code-unit order. Used to print the items of an itemset in a stable order.
 * @internal
 * @example
 * ```ts
 * labelRanks(["10", "9", "b", "a"]); // Int32Array [1, 0, 3, 2]
 * ```
 */
export function labelRanks(items: readonly string[]): Int32Array {
  const isInt = (s: string): boolean => /^(0|[1-9][0-9]{0,14})$/.test(s);
  const order = Array.from({ length: items.length }, (_, i) => i);
  order.sort((a, b) => {
    const x = items[a];
    const y = items[b];
    const ix = isInt(x);
    const iy = isInt(y);
    if (ix && iy) return Number(x) - Number(y);
    if (ix !== iy) return ix ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank = new Int32Array(items.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  return rank;
}

/**
 * Turns raw itemsets into a frame sorted by count (descending), then size, then items; the
 * items of each itemset are listed in label order (numeric for integer labels).
 *
 * @param raw the raw result of {@link fpGrowthRaw} or {@link aprioriRaw}.
 * @returns columns `itemsets` (List(String)), `count` (Int32: transactions containing the
 * itemset), `support` (Float64: count / N).
 * @example
 * ```ts
 * itemsetsToFrame(fpGrowthRaw(baskets, { minSupport: 0.1 })).head();
 * ```
 */
export function itemsetsToFrame(raw: FrequentItemsets): pl.DataFrame {
  const { items, codes, offsets, counts, length: n } = raw;
  const rank = labelRanks(items);
  // each itemset's codes sorted by label rank
  const sorted = new Int32Array(codes.length);
  for (let r = 0; r < n; r++) {
    const lo = offsets[r];
    const hi = offsets[r + 1];
    for (let p = lo; p < hi; p++) {
      const c = codes[p];
      let q = p - 1;
      while (q >= lo && rank[sorted[q]] > rank[c]) {
        sorted[q + 1] = sorted[q];
        q--;
      }
      sorted[q + 1] = c;
    }
  }
  const order = Array.from({ length: n }, (_, r) => r);
  order.sort((a, b) => {
    const d = counts[b] - counts[a];
    if (d !== 0) return d;
    const la = offsets[a + 1] - offsets[a];
    const lb = offsets[b + 1] - offsets[b];
    if (la !== lb) return la - lb;
    for (let j = 0; j < la; j++) {
      const e = rank[sorted[offsets[a] + j]] - rank[sorted[offsets[b] + j]];
      if (e !== 0) return e;
    }
    return 0;
  });
  const lists: string[][] = new Array(n);
  const count = new Int32Array(n);
  const support = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const o = order[r];
    const list: string[] = new Array(offsets[o + 1] - offsets[o]);
    for (let p = offsets[o], j = 0; p < offsets[o + 1]; p++, j++) list[j] = items[sorted[p]];
    lists[r] = list;
    count[r] = counts[o];
    support[r] = counts[o] / raw.nTransactions;
  }
  return pl.DataFrame([listSeries("itemsets", lists), pl.Series("count", count), pl.Series("support", support)]);
}

/**
 * A List(String) series, also when empty (nodejs-polars cannot infer the type of `[]`).
 * @internal
 * @example
 * ```ts
 * listSeries("itemsets", []).dtype; // List(String), 0 rows
 * ```
 */
export function listSeries(name: string, lists: string[][]): pl.Series {
  if (lists.length === 0) return pl.Series(name, [["x"]], pl.List(pl.Utf8)).slice(0, 0);
  return pl.Series(name, lists, pl.List(pl.Utf8));
}
