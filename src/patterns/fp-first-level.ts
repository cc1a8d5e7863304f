/**
 * The entry of the FP-Growth miner and its first level. The conditional trees of the frequent
 * items are built either from a global FP-tree (when it compresses the transactions well:
 * dense data) or straight from the transactions, through per-item lists of the transactions
 * that contain the item (sparse data: the scans are sequential instead of random tree
 * walks, and no global tree is built at all). Deeper levels always work on trees.
 */
import { FpMiner } from "./fp-miner";
import { buildGlobalTree, linkTree } from "./fp-tree";
import type { ItemsetSink } from "./itemset-sink";
import type { Transactions } from "./transactions";

/**
 * How the first level is projected: chosen by a cost estimate, or forced (tests).
 * @example
 * ```ts
 * mineFpGrowth(tx, 2, Infinity, sink, "transactions");
 * ```
 */
export type FirstLevel = "auto" | "tree" | "transactions";

/**
 * Mines all itemsets with count ≥ `minCount` and at most `maxLen` items into `sink`.
 * @internal
 * @example
 * ```ts
 * const sink = new ItemsetSink(false, { minLen: 1, maxLen: Infinity, maxItemsets: 1e6, minSupport: 0.01 }, tx.items.length);
 * mineFpGrowth(tx, 100, Infinity, sink);
 * sink.result(tx.items, tx.nTransactions, 100).length;
 * ```
 */
export function mineFpGrowth(tx: Transactions, minCount: number, maxLen: number, sink: ItemsetSink, firstLevel: FirstLevel = "auto"): void {
  const counts = tx.itemCounts;
  let nFreq = 0;
  while (nFreq < counts.length && counts[nFreq] >= minCount) nFreq++;
  let z = 0; // items in every transaction: codes 0 .. z − 1, at the start of every transaction
  while (z < nFreq && counts[z] === tx.nTransactions) z++;
  const miner = new FpMiner(tx.items.length, 1024, minCount, maxLen, sink);
  for (let c = 0; c < z; c++) miner.pe[miner.peLen++] = c;
  // itemsets made only of items present in every transaction (the empty prefix is skipped by minLen ≥ 1)
  if (z > 0) sink.emit(miner.prefix, 0, tx.nTransactions, miner.pe, miner.peLen);
  if (nFreq === z) return;
  const useTree = firstLevel === "tree" || (firstLevel === "auto" && treeIsCheaper(tx, z, nFreq));
  if (useTree) {
    const t = buildGlobalTree(tx, z, nFreq, miner.A);
    miner.mineTree(t.nodeStart, t.nodeEnd, t.itemStart, t.k, 0);
  } else mineFromTransactions(miner, tx, z, nFreq);
}

/**
 * Estimates both first levels from the sorted transactions: scanning transactions costs
 * Σ L(L − 1)/2 reads; walking the tree costs the summed depth of its nodes (a node is new
 * past the prefix shared with the previous transaction), at about twice the price per read
 * (a heuristic: the tree wins when transactions share long prefixes, e.g. dense data).
 */
function treeIsCheaper(tx: Transactions, z: number, nFreq: number): boolean {
  const { data, offsets, weights } = tx;
  let scan = 0;
  let walk = 0;
  let prevStart = -1;
  let prevLen = 0;
  for (let t = 0; t < weights.length; t++) {
    const s = offsets[t] + z;
    let e = s;
    while (e < offsets[t + 1] && data[e] < nFreq) e++;
    const len = e - s;
    let lcp = 0;
    if (prevStart >= 0) while (lcp < len && lcp < prevLen && data[s + lcp] === data[prevStart + lcp]) lcp++;
    scan += (len * (len - 1)) / 2;
    walk += (len * (len - 1) - lcp * (lcp - 1)) / 2;
    prevStart = s;
    prevLen = len;
  }
  return 2 * walk < scan;
}

/** First level from the transactions: per item, count then build its conditional tree. */
function mineFromTransactions(miner: FpMiner, tx: Transactions, z: number, nFreq: number): void {
  const { data, offsets, weights, itemCounts } = tx;
  const k = nFreq - z;
  // per item j (code z + j): the transactions containing it and its position there
  const start = new Int32Array(k + 1);
  for (let t = 0; t < weights.length; t++) {
    for (let p = offsets[t] + z; p < offsets[t + 1] && data[p] < nFreq; p++) start[data[p] - z + 1]++;
  }
  for (let j = 0; j < k; j++) start[j + 1] += start[j];
  const fill = start.slice(0, k);
  const tidT = new Int32Array(start[k]);
  const tidP = new Int32Array(start[k]);
  for (let t = 0; t < weights.length; t++) {
    for (let p = offsets[t] + z; p < offsets[t + 1] && data[p] < nFreq; p++) {
      const e = fill[data[p] - z]++;
      tidT[e] = t;
      tidP[e] = p;
    }
  }
  const A = miner.A;
  const { cond, map, prefix, sink } = miner;
  const seq = new Int32Array(k);
  const prevSeq = new Int32Array(k);
  const path = new Int32Array(k);
  const gcodeOf = (j: number): number => j + z;
  for (let i = k - 1; i >= 0; i--) {
    const s = itemCounts[z + i];
    prefix[0] = z + i;
    const pe0 = miner.peLen;
    const nodeBase = A.used;
    const itemBase = A.itemsUsed;
    let pathSum = 0;
    if (miner.maxLen > 1) {
      for (let e = start[i]; e < start[i + 1]; e++) {
        const t = tidT[e];
        const w = weights[t];
        const p = tidP[e];
        for (let q = offsets[t] + z; q < p; q++) cond[data[q] - z] += w;
        pathSum += p - offsets[t] - z;
      }
    }
    const newK = pathSum > 0 ? miner.classify(i, s, gcodeOf) : 0;
    sink.emit(prefix, 1, s, miner.pe, miner.peLen);
    if (newK > 0) {
      let { item, parent, count, aux, child, sibling } = A;
      const rootChild = miner.rootChild;
      let used = nodeBase;
      let prevLen = 0;
      for (let e = start[i]; e < start[i + 1]; e++) {
        const t = tidT[e];
        const p = tidP[e];
        let len = 0;
        for (let q = offsets[t] + z; q < p; q++) {
          const c = map[data[q] - z];
          if (c >= 0) seq[len++] = c;
        }
        if (len === 0) continue;
        if (used + len > item.length) {
          // grow as needed (the tree is usually far smaller than the sum of the prefixes)
          A.used = used;
          A.ensureNodes(len);
          ({ item, parent, count, aux, child, sibling } = A);
        }
        // reuse the path shared with the previous transaction, then look children up
        let d = 0;
        while (d < prevLen && d < len && seq[d] === prevSeq[d]) d++;
        for (; d < len; d++) {
          const c = seq[d];
          const up = d > 0 ? path[d - 1] : -1;
          let v = up < 0 ? rootChild[c] : child[up];
          if (up >= 0) while (v >= 0 && item[v] !== c) v = sibling[v];
          if (v < 0) {
            v = used++;
            item[v] = c;
            parent[v] = up;
            count[v] = 0;
            child[v] = -1;
            aux[v] = -1;
            if (up < 0) {
              sibling[v] = -1;
              rootChild[c] = v;
            } else {
              sibling[v] = child[up];
              child[up] = v;
            }
          }
          path[d] = v;
          prevSeq[d] = c;
        }
        prevLen = len;
        count[path[len - 1]] += weights[t];
      }
      for (let c = 0; c < newK; c++) rootChild[c] = -1;
      A.used = used;
      linkTree(A, nodeBase, used, itemBase);
      miner.mineTree(nodeBase, used, itemBase, newK, 1);
    }
    A.used = nodeBase;
    A.itemsUsed = itemBase;
    miner.peLen = pe0;
  }
}
