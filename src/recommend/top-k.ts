/**
 * The k best (item, score) pairs, best first: higher score first, ties by smaller item index.
 *
 * @example
 * ```ts
 * const { items, scores } = topK(Float32Array.of(0.1, 0.9, 0.9, 0.3), 2); // items [1, 2], scores [0.9, 0.9]
 * ```
 */
export interface TopK {
  items: Int32Array;
  scores: Float32Array;
}

/** Options of {@link topK}. */
export interface TopKOptions {
  /** Item indices to leave out, sorted ascending (e.g. a user's CSR row). Default: none. */
  exclude?: ArrayLike<number>;
  /** Only these item indices are eligible, sorted ascending (e.g. sampled candidates). Default: all. */
  among?: ArrayLike<number>;
}

/**
 * A bounded min-heap keeping the k best (score, item) pairs seen so far, where "better" means
 * a higher score, or an equal score and a smaller item index. O(log k) per offer.
 *
 * @example
 * ```ts
 * const heap = new TopKHeap(10);
 * for (const [item, s] of touched) heap.offer(s, item);
 * const best = heap.result();
 * ```
 */
export class TopKHeap {
  private readonly s: Float64Array;
  private readonly ix: Int32Array;
  /** Number of pairs held (≤ k). */
  size = 0;

  constructor(readonly k: number) {
    if (!(Number.isInteger(k) && k >= 1)) throw new Error(`k must be an integer >= 1, got ${k}`);
    this.s = new Float64Array(k);
    this.ix = new Int32Array(k);
  }

  /** True when (sa, ia) ranks below (sb, ib). */
  private static worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  /** Score of the worst pair kept (−Infinity while not full): a cheap pre-filter. */
  threshold(): number {
    return this.size < this.k ? -Infinity : this.s[0];
  }

  /** Offers one pair; keeps it if it is among the k best so far. NaN scores are refused. */
  offer(score: number, item: number): void {
    if (score !== score) throw new Error(`score of item ${item} is NaN`);
    const { s, ix } = this;
    if (this.size < this.k) {
      let c = this.size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!TopKHeap.worse(score, item, s[p], ix[p])) break;
        s[c] = s[p];
        ix[c] = ix[p];
        c = p;
      }
      s[c] = score;
      ix[c] = item;
      return;
    }
    if (!TopKHeap.worse(s[0], ix[0], score, item)) return;
    let c = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && TopKHeap.worse(s[r], ix[r], s[l], ix[l]) ? r : l;
      if (!TopKHeap.worse(s[m], ix[m], score, item)) break;
      s[c] = s[m];
      ix[c] = ix[m];
      c = m;
    }
    s[c] = score;
    ix[c] = item;
  }

  /** The pairs held, best first. Does not empty the heap. */
  result(): TopK {
    const n = this.size;
    const order = Array.from({ length: n }, (_, j) => j);
    order.sort((a, b) => this.s[b] - this.s[a] || this.ix[a] - this.ix[b]);
    const items = new Int32Array(n);
    const scores = new Float32Array(n);
    for (let j = 0; j < n; j++) {
      items[j] = this.ix[order[j]];
      scores[j] = this.s[order[j]];
    }
    return { items, scores };
  }
}

/**
 * The k highest-scoring items of a dense score vector, best first, by partial selection in
 * O(n log k): ties go to the smaller item index, excluded items are skipped, and when fewer than
 * k items are eligible all of them are returned. Does not modify `scores`.
 *
 * @param scores one score per item (index = item); NaN throws.
 * @param k how many, an integer ≥ 1.
 * @param options `exclude` (sorted item indices to skip) and `among` (sorted eligible indices).
 * @returns `{ items, scores }` of length `min(k, eligible)`.
 * @example
 * ```ts
 * topK(Float32Array.of(5, 1, 5, 3), 3, { exclude: [0] }); // items [2, 3, 1]
 * topK(Float32Array.of(5, 1, 5, 3), 9, { among: [1, 3] }); // items [3, 1]
 * ```
 */
export function topK(scores: ArrayLike<number>, k: number, options: TopKOptions = {}): TopK {
  const heap = new TopKHeap(k);
  const exclude = options.exclude ?? [];
  let e = 0;
  const skip = (item: number): boolean => {
    while (e < exclude.length && exclude[e] < item) e++;
    return e < exclude.length && exclude[e] === item;
  };
  if (options.among) {
    for (let j = 0; j < options.among.length; j++) {
      const item = options.among[j];
      if (item < 0 || item >= scores.length) throw new Error(`among[${j}] = ${item} is outside [0, ${scores.length})`);
      if (j > 0 && item <= options.among[j - 1]) throw new Error("among must be sorted ascending without repeats");
      if (!skip(item)) heap.offer(scores[item], item);
    }
    return heap.result();
  }
  for (let item = 0; item < scores.length; item++) {
    const s = scores[item];
    // scanning in index order, an equal score never beats the kept one: a strict pre-filter is exact
    if (heap.size === k && !(s > heap.threshold()) && s === s) continue;
    if (!skip(item)) heap.offer(s, item);
  }
  return heap.result();
}
