/**
 * Where a miner puts what it finds: either the itemsets themselves (flat typed arrays, with a
 * cap that fails before memory runs out) or only their number by length.
 */

/**
 * Frequent itemsets as flat typed arrays: the fast, raw form of the miners' result.
 * @example
 * ```ts
 * const raw: FrequentItemsets = fpGrowthRaw(baskets, { minSupport: 0.1 });
 * const first = Array.from(raw.codes.subarray(raw.offsets[0], raw.offsets[1]), (c) => raw.items[c]);
 * ```
 */
export interface FrequentItemsets {
  /** Item label of each code (the encoding's `items`). */
  items: string[];
  /** Number of transactions N. */
  nTransactions: number;
  /** The count threshold used (count ≥ minCount). */
  minCount: number;
  /** Number of itemsets. */
  length: number;
  /** Item codes of itemset r: `codes[offsets[r] .. offsets[r + 1])` (in no particular order). */
  codes: Int32Array;
  /** Start of each itemset in `codes`, plus the end (length = `length + 1`). */
  offsets: Int32Array;
  /** Number of transactions containing each itemset. */
  counts: Int32Array;
}

/**
 * Numbers of frequent itemsets, without materialising them.
 * @example
 * ```ts
 * const { total, byLength }: ItemsetCounts = countItemsets(baskets, { minSupport: 0.01 });
 * ```
 */
export interface ItemsetCounts {
  /** All itemsets counted (within minLen .. maxLen). */
  total: number;
  /** `byLength[L]`: itemsets of L items (index 0 is always 0). */
  byLength: number[];
}

/**
 * Limits applied while emitting.
 * @example
 * ```ts
 * new ItemsetSink(false, { minLen: 1, maxLen: 3, maxItemsets: 1e6, minSupport: 0.01 }, nItems);
 * ```
 */
export interface SinkLimits {
  minLen: number;
  maxLen: number;
  /** Cap on materialised itemsets (ignored when counting). */
  maxItemsets: number;
  /** For the cap's message. */
  minSupport: number;
}

/**
 * Binomial coefficient C(m, t) as a float (exact below 2^53).
 * @example
 * ```ts
 * binomial(5, 2); // 10
 * ```
 */
export function binomial(m: number, t: number): number {
  if (t < 0 || t > m) return 0;
  let c = 1;
  for (let j = 0; j < Math.min(t, m - t); j++) c = (c * (m - j)) / (j + 1);
  return Math.round(c);
}

/**
 * Collects itemsets. `emit(prefix, L, support, ext, m)` reports the itemset made of
 * `prefix[0 .. L)` together with every subset of the perfect extensions `ext[0 .. m)`
 * (all with the same support), within the length limits.
 * @example
 * ```ts
 * const sink = new ItemsetSink(true, { minLen: 1, maxLen: Infinity, maxItemsets: 1e6, minSupport: 0.5 }, 3);
 * sink.emit(Int32Array.of(0), 1, 7, Int32Array.of(1, 2), 2); // {0}, {0,1}, {0,2}, {0,1,2}: count 7
 * sink.countResult().byLength; // [0, 1, 2, 1]
 * ```
 */
export class ItemsetSink {
  readonly countOnly: boolean;
  private readonly lim: SinkLimits;
  n = 0;
  codes: Int32Array;
  offsets: Int32Array;
  counts: Int32Array;
  private used = 0;
  readonly byLength: Float64Array;
  private readonly sel: Int32Array;

  constructor(countOnly: boolean, limits: SinkLimits, maxItems: number) {
    this.countOnly = countOnly;
    this.lim = limits;
    const cap = countOnly ? 0 : 1024;
    this.codes = new Int32Array(cap * 4);
    this.offsets = new Int32Array(cap + 1);
    this.counts = new Int32Array(cap);
    this.byLength = new Float64Array(Math.min(limits.maxLen, maxItems) + 2);
    this.sel = new Int32Array(maxItems + 1);
  }

  emit(prefix: Int32Array, L: number, support: number, ext: Int32Array, m: number): void {
    const tLow = Math.max(0, this.lim.minLen - L);
    const tHigh = Math.min(m, this.lim.maxLen - L);
    if (tLow > tHigh) return;
    if (this.countOnly) {
      for (let t = tLow; t <= tHigh; t++) this.byLength[L + t] += binomial(m, t);
      return;
    }
    let combos = 0;
    for (let t = tLow; t <= tHigh; t++) combos += binomial(m, t);
    if (this.n + combos > this.lim.maxItemsets) {
      const cap = this.lim.maxItemsets;
      throw new Error(
        `more than ${cap} itemsets at min support ${+this.lim.minSupport.toPrecision(6)}; raise minSupport or set maxLen ` +
          `(or raise maxItemsets, or use countItemsets to count them without materialising)`,
      );
    }
    if (m === 0) this.write(prefix, L, support, 0);
    else this.combos(prefix, L, support, ext, m, 0, 0, tLow, tHigh);
  }

  /** Writes every subset of ext[start ..] (added to sel[0 .. t)) of final size in [tLow, tHigh]. */
  private combos(prefix: Int32Array, L: number, s: number, ext: Int32Array, m: number, start: number, t: number, tLow: number, tHigh: number): void {
    if (t >= tLow) this.write(prefix, L, s, t);
    if (t === tHigh) return;
    for (let j = start; j < m; j++) {
      this.sel[t] = ext[j];
      this.combos(prefix, L, s, ext, m, j + 1, t + 1, tLow, tHigh);
    }
  }

  private write(prefix: Int32Array, L: number, support: number, t: number): void {
    const len = L + t;
    if (this.used + len > this.codes.length) this.codes = growTo(this.codes, this.used + len);
    if (this.n + 2 > this.offsets.length) this.offsets = growTo(this.offsets, this.n + 2);
    if (this.n + 1 > this.counts.length) this.counts = growTo(this.counts, this.n + 1);
    const codes = this.codes;
    let u = this.used;
    for (let j = 0; j < L; j++) codes[u++] = prefix[j];
    for (let j = 0; j < t; j++) codes[u++] = this.sel[j];
    this.used = u;
    this.counts[this.n] = support;
    this.offsets[++this.n] = u;
  }

  /** The collected itemsets. */
  result(items: string[], nTransactions: number, minCount: number): FrequentItemsets {
    return {
      items,
      nTransactions,
      minCount,
      length: this.n,
      codes: this.codes.slice(0, this.used),
      offsets: this.offsets.slice(0, this.n + 1),
      counts: this.counts.slice(0, this.n),
    };
  }

  /** The counts by length. */
  countResult(): ItemsetCounts {
    const byLength = Array.from(this.byLength);
    while (byLength.length > 1 && byLength[byLength.length - 1] === 0) byLength.pop();
    return { total: byLength.reduce((a, b) => a + b, 0), byLength };
  }
}

function growTo(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}
