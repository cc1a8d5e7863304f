/**
 * Lexicographic sort of integer-coded transactions with identical ones merged: the order in
 * which an FP-tree can be built without searching for children (every group of transactions
 * sharing a prefix is contiguous).
 */

/**
 * Distinct transactions, sorted, with their multiplicities.
 * @example
 * ```ts
 * const { data, offsets, weights }: MergedTransactions = sortAndMerge(tx.data, tx.offsets);
 * ```
 */
export interface MergedTransactions {
  /** Items of transaction t: `data[offsets[t] .. offsets[t + 1])`. */
  data: Int32Array;
  /** Start of each transaction plus the end. */
  offsets: Int32Array;
  /** Multiplicity of each distinct transaction. */
  weights: Int32Array;
}

/**
 * Sorts transactions (each already sorted ascending) lexicographically, a proper prefix first,
 * and merges identical ones. A most-significant-digit radix sort on the codes (a counting sort
 * per position, comparison sort for small or sparse groups).
 *
 * @param data concatenated items.
 * @param offsets start of each transaction plus the end.
 * @param weights multiplicity of each input transaction (default 1 each).
 * @returns the sorted distinct transactions.
 * @example
 * ```ts
 * // transactions [1], [0, 1], [1]
 * const m = sortAndMerge(Int32Array.of(1, 0, 1, 1), Int32Array.of(0, 1, 3, 4));
 * m.data;    // [0, 1, 1]: [0, 1] then [1]
 * m.weights; // [1, 2]
 * ```
 */
export function sortAndMerge(data: Int32Array, offsets: Int32Array, weights?: Int32Array): MergedTransactions {
  const n = offsets.length - 1;
  let maxCode = -1;
  for (let p = 0; p < data.length; p++) if (data[p] > maxCode) maxCode = data[p];
  const idx = new Int32Array(n);
  for (let t = 0; t < n; t++) idx[t] = t;
  const tmp = new Int32Array(n);
  const counts = new Int32Array(maxCode + 3);
  radix(idx, tmp, 0, n, 0, data, offsets, counts);
  // merge identical neighbours: same[r] = 1 when the r-th sorted transaction equals the one before
  const same = new Uint8Array(n);
  let m = 0;
  let size = 0;
  for (let r = 0; r < n; r++) {
    const t = idx[r];
    const len = offsets[t + 1] - offsets[t];
    if (r > 0) {
      const u = idx[r - 1];
      if (offsets[u + 1] - offsets[u] === len) {
        let j = 0;
        const pa = offsets[t];
        const pb = offsets[u];
        while (j < len && data[pa + j] === data[pb + j]) j++;
        if (j === len) {
          same[r] = 1;
          continue;
        }
      }
    }
    m++;
    size += len;
  }
  const outData = new Int32Array(size);
  const outOffsets = new Int32Array(m + 1);
  const outWeights = new Int32Array(m);
  let k = 0;
  let d = -1;
  for (let r = 0; r < n; r++) {
    const t = idx[r];
    const w = weights ? weights[t] : 1;
    if (same[r]) {
      outWeights[d] += w;
      continue;
    }
    d++;
    outWeights[d] = w;
    for (let p = offsets[t]; p < offsets[t + 1]; p++) outData[k++] = data[p];
    outOffsets[d + 1] = k;
  }
  return { data: outData, offsets: outOffsets, weights: outWeights };
}

/** Key of transaction t at position d: −1 past its end (so shorter sorts first), else the code. */
function keyAt(data: Int32Array, offsets: Int32Array, t: number, d: number): number {
  const p = offsets[t] + d;
  return p < offsets[t + 1] ? data[p] : -1;
}

/** Sorts `idx[lo .. hi)` by position d onwards (all share positions 0 .. d − 1). */
function radix(
  idx: Int32Array,
  tmp: Int32Array,
  lo: number,
  hi: number,
  d: number,
  data: Int32Array,
  offsets: Int32Array,
  counts: Int32Array,
): void {
  // explicit stack of [lo, hi, d] groups to avoid deep recursion
  const stack: number[] = [lo, hi, d];
  while (stack.length) {
    const depth = stack.pop()!;
    const h = stack.pop()!;
    const l = stack.pop()!;
    if (h - l < 2) continue;
    if (h - l <= 32) {
      insertionSort(idx, l, h, depth, data, offsets);
      continue;
    }
    // counting sort on the key at `depth`; counts[key + 1]
    let minK = Infinity;
    let maxK = -Infinity;
    for (let r = l; r < h; r++) {
      const key = keyAt(data, offsets, idx[r], depth);
      if (key < minK) minK = key;
      if (key > maxK) maxK = key;
    }
    if (minK === maxK) {
      if (minK >= 0) stack.push(l, h, depth + 1); // all share this position
      continue;
    }
    const base = minK;
    const span = maxK - minK + 1;
    if (span > 4 * (h - l) + 64) {
      // few transactions over a wide range of codes: a comparison sort is cheaper than counting
      const part = Array.from(idx.subarray(l, h));
      part.sort((a, b) => compareFrom(data, offsets, a, b, depth));
      idx.set(part, l);
      continue;
    }
    counts.fill(0, 0, span + 1);
    for (let r = l; r < h; r++) counts[keyAt(data, offsets, idx[r], depth) - base + 1]++;
    for (let c = 1; c <= span; c++) counts[c] += counts[c - 1];
    for (let r = l; r < h; r++) {
      const t = idx[r];
      tmp[l + counts[keyAt(data, offsets, t, depth) - base]++] = t;
    }
    idx.set(tmp.subarray(l, h), l);
    // after the pass counts[c] is the end of bucket c; buckets with key −1 (ended) need no more work
    let start = l;
    for (let c = 0; c < span; c++) {
      const end = l + counts[c];
      if (c + base >= 0 && end - start > 1) stack.push(start, end, depth + 1);
      start = end;
    }
  }
}

function insertionSort(idx: Int32Array, lo: number, hi: number, d: number, data: Int32Array, offsets: Int32Array): void {
  for (let i = lo + 1; i < hi; i++) {
    const t = idx[i];
    let j = i - 1;
    while (j >= lo && compareFrom(data, offsets, idx[j], t, d) > 0) {
      idx[j + 1] = idx[j];
      j--;
    }
    idx[j + 1] = t;
  }
}

function compareFrom(data: Int32Array, offsets: Int32Array, a: number, b: number, d: number): number {
  let pa = offsets[a] + d;
  let pb = offsets[b] + d;
  const ea = offsets[a + 1];
  const eb = offsets[b + 1];
  while (pa < ea && pb < eb) {
    const diff = data[pa] - data[pb];
    if (diff !== 0) return diff;
    pa++;
    pb++;
  }
  return ea - pa - (eb - pb);
}
