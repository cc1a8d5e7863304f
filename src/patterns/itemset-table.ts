/**
 * Frequent itemsets indexed for rule generation: items as integer ids, each itemset's ids
 * sorted, and a lookup from an itemset to its row. Built from the frame of {@link fpGrowth} /
 * {@link apriori} or from their raw typed-array result.
 */
import type pl from "nodejs-polars";
import type { FrequentItemsets } from "./itemset-sink";

/**
 * Itemsets with their supports, indexed by content.
 * @example
 * ```ts
 * const t: ItemsetTable = itemsetTable(itemsets, "associationRules");
 * t.support[t.index.get("0,3")!];
 * ```
 */
export interface ItemsetTable {
  /** Label of each item id. */
  labels: string[];
  /** Ids of itemset r, ascending: `ids[offsets[r] .. offsets[r + 1])`. */
  ids: Int32Array;
  offsets: Int32Array;
  /** Support (fraction) of each itemset. */
  support: Float64Array;
  /** Count of each itemset, when known (gives exact confidences). */
  count: Int32Array | null;
  /** Row of each itemset, by {@link itemsetKey}. */
  index: Map<string, number>;
}

/**
 * The lookup key of a sorted id list.
 * @example
 * ```ts
 * itemsetKey(Int32Array.of(2, 5), 0, 2); // "2,5"
 * ```
 */
export function itemsetKey(ids: ArrayLike<number>, lo: number, hi: number): string {
  let s = "";
  for (let p = lo; p < hi; p++) s += p === lo ? `${ids[p]}` : `,${ids[p]}`;
  return s;
}

/**
 * Indexes itemsets from a frame (`itemsets` List(String), `support`, optional `count`) or a
 * raw {@link FrequentItemsets}.
 *
 * @param input the itemsets.
 * @param fn calling function, for messages.
 * @returns the indexed table.
 * @throws Error when columns are missing or of the wrong kind, or when there are no itemsets.
 * @example
 * ```ts
 * const table = itemsetTable(fpGrowth(baskets, { minSupport: 0.1 }), "associationRules");
 * ```
 */
export function itemsetTable(input: pl.DataFrame | FrequentItemsets, fn: string): ItemsetTable {
  const t = isRaw(input) ? fromRaw(input) : fromFrame(input, fn);
  if (t.support.length === 0) throw new Error(`${fn}: the frame of frequent itemsets is empty: nothing to build rules from`);
  const index = new Map<string, number>();
  for (let r = 0; r < t.support.length; r++) index.set(itemsetKey(t.ids, t.offsets[r], t.offsets[r + 1]), r);
  return { ...t, index };
}

function isRaw(x: unknown): x is FrequentItemsets {
  return typeof x === "object" && x !== null && (x as FrequentItemsets).codes instanceof Int32Array;
}

function fromRaw(raw: FrequentItemsets): Omit<ItemsetTable, "index"> {
  const ids = raw.codes.slice();
  for (let r = 0; r < raw.length; r++) ids.subarray(raw.offsets[r], raw.offsets[r + 1]).sort();
  const support = new Float64Array(raw.length);
  for (let r = 0; r < raw.length; r++) support[r] = raw.counts[r] / raw.nTransactions;
  return { labels: raw.items, ids, offsets: raw.offsets, support, count: raw.counts };
}

function fromFrame(df: pl.DataFrame, fn: string): Omit<ItemsetTable, "index"> {
  const missing = ["itemsets", "support"].filter((c) => !df.columns.includes(c));
  if (missing.length) {
    throw new Error(`${fn}: the itemsets frame needs columns 'itemsets' and 'support' (missing: ${missing.join(", ")}); got ${df.columns.join(", ")}`);
  }
  const lists = df.getColumn("itemsets").toArray() as unknown[];
  const support = Float64Array.from(df.getColumn("support").toArray() as number[]);
  const count = df.columns.includes("count") ? Int32Array.from(df.getColumn("count").toArray() as number[]) : null;
  const idOf = new Map<string, number>();
  const labels: string[] = [];
  const offsets = new Int32Array(lists.length + 1);
  const flat: number[] = [];
  for (let r = 0; r < lists.length; r++) {
    const list = lists[r];
    if (!Array.isArray(list)) throw new Error(`${fn}: column 'itemsets' must hold lists of item labels (row ${r} is ${typeof list})`);
    const row: number[] = [];
    for (const label of list) {
      const key = String(label);
      let id = idOf.get(key);
      if (id === undefined) {
        id = labels.length;
        idOf.set(key, id);
        labels.push(key);
      }
      row.push(id);
    }
    row.sort((a, b) => a - b);
    flat.push(...row);
    offsets[r + 1] = flat.length;
  }
  for (let r = 0; r < support.length; r++) {
    if (!(support[r] > 0 && support[r] <= 1)) throw new Error(`${fn}: column 'support' must be in (0, 1], got ${support[r]} at row ${r}`);
  }
  return { labels, ids: Int32Array.from(flat), offsets, support, count };
}
