/**
 * The internal encoding every miner reads: items recoded to dense integers by descending
 * frequency, distinct transactions as one flat `Int32Array` with offsets, identical baskets
 * merged with weights.
 */
import { sortAndMerge } from "./sort-transactions";

/**
 * Baskets encoded for mining (see {@link encodeTransactions}).
 *
 * Item code 0 is the most frequent item; ties are broken by label (code-unit order), so the
 * encoding is deterministic. Each distinct transaction lists its codes in ascending order
 * (most frequent item first), and the distinct transactions are sorted lexicographically.
 * Build it with {@link encodeTransactions} or a reader, never by hand: the miners rely on
 * this order.
 * @example
 * ```ts
 * const tx: Transactions = encodeTransactions([["a", "b"], ["a"]]);
 * tx.weights; // Int32Array [1, 1]: [a] and [a, b]
 * ```
 */
export interface Transactions {
  /** Item label of each code (`items[0]` is the most frequent item). */
  items: string[];
  /** Number of baskets containing each item, by code (non-increasing). */
  itemCounts: Int32Array;
  /** Number of baskets, empty ones included: the N of `support = count / N`. */
  nTransactions: number;
  /** Baskets with no item (they count in N, so they lower every support). */
  nEmpty: number;
  /** Items of distinct transaction t: `data[offsets[t] .. offsets[t + 1])`, ascending codes. */
  data: Int32Array;
  /** Start of each distinct transaction in `data`, plus the end (length = distinct + 1). */
  offsets: Int32Array;
  /** Number of baskets each distinct transaction stands for (they sum to N − nEmpty). */
  weights: Int32Array;
  /** Items dropped while encoding, by reason (a basket is a set; labels must be non-empty). */
  dropped: { duplicateItems: number; emptyLabels: number };
}

/**
 * Encodes baskets (arrays of item labels) for mining. Labels are kept verbatim (no trimming).
 * An item repeated inside a basket is kept once and counted in `dropped.duplicateItems`; an
 * empty label `""` is dropped and counted in `dropped.emptyLabels`. Empty baskets are kept in
 * the count of transactions (`nTransactions`, `nEmpty`), as R's arules does.
 *
 * @param baskets one array of item labels per transaction.
 * @returns the {@link Transactions} encoding.
 * @throws Error when `baskets` is not an array of arrays of strings (naming the basket).
 * @example
 * ```ts
 * const tx = encodeTransactions([["milk", "bread"], ["milk"], []]);
 * tx.items;         // ["milk", "bread"]
 * tx.nTransactions; // 3 (tx.nEmpty = 1)
 * ```
 */
export function encodeTransactions(baskets: ReadonlyArray<ReadonlyArray<string>>): Transactions {
  if (!Array.isArray(baskets)) throw new Error(`baskets must be an array of arrays of item labels, got ${typeof baskets}`);
  const ids = new Map<string, number>();
  const labels: string[] = [];
  let total = 0;
  for (let b = 0; b < baskets.length; b++) {
    const basket = baskets[b];
    if (!Array.isArray(basket)) throw new Error(`baskets[${b}] must be an array of item labels, got ${typeof basket}`);
    total += basket.length;
  }
  const flat = new Int32Array(total);
  const offsets = new Int32Array(baskets.length + 1);
  let emptyLabels = 0;
  let k = 0;
  for (let b = 0; b < baskets.length; b++) {
    const basket = baskets[b];
    for (let j = 0; j < basket.length; j++) {
      const label = basket[j];
      if (typeof label !== "string") throw new Error(`baskets[${b}][${j}] must be a string item label, got ${typeof label}`);
      if (label === "") {
        emptyLabels++;
        continue;
      }
      let id = ids.get(label);
      if (id === undefined) {
        id = labels.length;
        ids.set(label, id);
        labels.push(label);
      }
      flat[k++] = id;
    }
    offsets[b + 1] = k;
  }
  return _encodeIds(labels, flat.subarray(0, k), offsets, { emptyLabels });
}

/**
 * Encodes baskets already given as raw integer ids `0 .. labels.length − 1` (readers use it
 * to skip string work): `ids[offsets[b] .. offsets[b + 1])` are the items of basket b.
 * @internal
 * @example
 * ```ts
 * _encodeIds(["x", "y"], Int32Array.of(0, 1, 1), Int32Array.of(0, 2, 3)).items; // ["y", "x"]
 * ```
 */
export function _encodeIds(
  labels: string[],
  ids: Int32Array,
  offsets: Int32Array,
  dropped: { emptyLabels: number } = { emptyLabels: 0 },
): Transactions {
  const nRaw = labels.length;
  const nBaskets = offsets.length - 1;
  // count baskets per item, keeping each item once per basket (stamp = last basket seen)
  const rawCounts = new Int32Array(nRaw);
  const stamp = new Int32Array(nRaw).fill(-1);
  let duplicateItems = 0;
  for (let b = 0; b < nBaskets; b++) {
    for (let p = offsets[b]; p < offsets[b + 1]; p++) {
      const id = ids[p];
      if (stamp[id] === b) duplicateItems++;
      else {
        stamp[id] = b;
        rawCounts[id]++;
      }
    }
  }
  // recode by descending count, ties by label
  const order = Array.from({ length: nRaw }, (_, i) => i);
  order.sort((a, b) => rawCounts[b] - rawCounts[a] || (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0));
  const code = new Int32Array(nRaw);
  const items = new Array<string>(nRaw);
  const itemCounts = new Int32Array(nRaw);
  for (let c = 0; c < nRaw; c++) {
    code[order[c]] = c;
    items[c] = labels[order[c]];
    itemCounts[c] = rawCounts[order[c]];
  }
  // each basket: recode, drop repeats, sort ascending
  const data = new Int32Array(ids.length - duplicateItems);
  const txOffsets: number[] = [0];
  stamp.fill(-1);
  let k = 0;
  let nEmpty = 0;
  for (let b = 0; b < nBaskets; b++) {
    const start = k;
    for (let p = offsets[b]; p < offsets[b + 1]; p++) {
      const id = ids[p];
      if (stamp[id] === b) continue;
      stamp[id] = b;
      data[k++] = code[id];
    }
    if (k === start) {
      nEmpty++;
      continue;
    }
    sortRange(data, start, k);
    txOffsets.push(k);
  }
  const merged = sortAndMerge(data, Int32Array.from(txOffsets));
  return {
    items,
    itemCounts,
    nTransactions: nBaskets,
    nEmpty,
    data: merged.data,
    offsets: merged.offsets,
    weights: merged.weights,
    dropped: { duplicateItems, emptyLabels: dropped.emptyLabels },
  };
}

/** Sorts `a[lo .. hi)` ascending: insertion sort for short ranges (baskets are short). */
function sortRange(a: Int32Array, lo: number, hi: number): void {
  if (hi - lo > 24) {
    a.subarray(lo, hi).sort();
    return;
  }
  for (let i = lo + 1; i < hi; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}
