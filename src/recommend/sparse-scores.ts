import { TopKHeap, type TopK } from "./top-k";

/**
 * Scores accumulated on the few items a neighbourhood model touches, with a top-k that equals a
 * dense ranking in which every untouched item scores 0. Reused across users (a stamp marks the
 * current user, so nothing is cleared between users). Accumulated contributions must be
 * positive, as similarity-weighted sums of positive values are.
 *
 * @example
 * ```ts
 * const acc = new SparseScores(nItems);
 * acc.begin();
 * acc.add(7, 0.5); acc.add(3, 0.2);
 * acc.rank(10, seenItems); // items 7, 3, then untouched unseen items by index with score 0
 * ```
 */
export class SparseScores {
  private readonly acc: Float64Array;
  private readonly stamp: Int32Array;
  private readonly seen: Int32Array;
  private readonly touched: Int32Array;
  private nTouched = 0;
  private round = 0;

  constructor(readonly nItems: number) {
    this.acc = new Float64Array(nItems);
    this.stamp = new Int32Array(nItems);
    this.seen = new Int32Array(nItems);
    this.touched = new Int32Array(nItems);
  }

  /** Starts a new user. */
  begin(): void {
    this.round++;
    this.nTouched = 0;
  }

  /** Adds `value` to the score of `item`. */
  add(item: number, value: number): void {
    if (this.stamp[item] !== this.round) {
      this.stamp[item] = this.round;
      this.acc[item] = 0;
      this.touched[this.nTouched++] = item;
    }
    this.acc[item] += value;
  }

  /** Writes the accumulated scores into a dense vector (other entries untouched). */
  writeTo(out: Float32Array): void {
    for (let t = 0; t < this.nTouched; t++) out[this.touched[t]] = this.acc[this.touched[t]];
  }

  /** The k best items, excluding `exclude`; untouched items follow with score 0 in index order. */
  rank(k: number, exclude: Int32Array): TopK {
    const { round, seen, acc, stamp } = this;
    for (let p = 0; p < exclude.length; p++) seen[exclude[p]] = round;
    const heap = new TopKHeap(k);
    for (let t = 0; t < this.nTouched; t++) {
      const item = this.touched[t];
      if (seen[item] !== round && acc[item] >= heap.threshold()) heap.offer(acc[item], item);
    }
    for (let item = 0; item < this.nItems && heap.size < k; item++) {
      if (stamp[item] !== round && seen[item] !== round) heap.offer(0, item);
    }
    return heap.result();
  }
}
