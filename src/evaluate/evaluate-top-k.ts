import type { ListContext, MetricName } from "./metric";
import { metricKey } from "./metric";
import { getMetric } from "./metrics";

/** Relevant items per user, CSR-like: user u's items are `indices[indptr[u] .. indptr[u+1])` (distinct). */
export interface TruthSets {
  indptr: Int32Array;
  indices: Int32Array;
}

/** Ranked lists, row-major `nUsers × width`: `items[u*width + p]` is the item at rank p + 1, −1 if none. */
export interface RankedLists {
  width: number;
  items: Int32Array;
}

/** Options of {@link evaluateTopK}. */
export interface EvaluateTopKOptions extends Partial<ListContext> {
  /** Cut-offs, integers ≥ 1. */
  ks: readonly number[];
  /** Metric names. */
  metrics: readonly MetricName[];
  /** Size of the item code space (codes are 0 .. nItems − 1). */
  nItems: number;
}

/**
 * Validates cut-offs: integers ≥ 1, at least one; throws an Error naming the bad value.
 *
 * @example
 * ```ts
 * checkKs([10, 20]); // ok
 * checkKs([0]);      // Error: every k must be an integer >= 1, got 0
 * ```
 */
export function checkKs(ks: readonly number[]): void {
  if (!Array.isArray(ks) || ks.length === 0) throw new Error("k must be a non-empty array of integers >= 1");
  for (const k of ks) if (!(Number.isInteger(k) && k >= 1)) throw new Error(`every k must be an integer >= 1, got ${k}`);
}

/**
 * The typed-array evaluation of precomputed top-K lists: for each metric and K, the mean over
 * the users with at least one relevant item (row u of `truth` aligned with row u of `lists`; a
 * user without a list scores 0 on accuracy). Accuracy metrics use a per-user hit vector built
 * with one marker array (O(|T_u| + width) per user); list metrics see the evaluated users' lists.
 *
 * @param truth relevant items per user.
 * @param lists ranked items per user (same users, same order).
 * @param options cut-offs, metrics, item space size and the list-metric context.
 * @returns `{ "recall@10": …, "ndcg@10": …, … }` in the order metrics × ks.
 * @example
 * ```ts
 * const truth = { indptr: Int32Array.of(0, 2), indices: Int32Array.of(3, 5) };
 * const lists = { width: 3, items: Int32Array.of(5, 1, 3) };
 * evaluateTopK(truth, lists, { ks: [2], metrics: ["recall", "mrr"], nItems: 6 }); // { "recall@2": 0.5, "mrr@2": 1 }
 * ```
 */
export function evaluateTopK(truth: TruthSets, lists: RankedLists, options: EvaluateTopKOptions): Record<string, number> {
  checkKs(options.ks);
  const nUsers = truth.indptr.length - 1;
  const { width, items } = lists;
  if (items.length !== nUsers * width) throw new Error(`lists.items has ${items.length} entries, expected nUsers × width = ${nUsers} × ${width}`);
  const metrics = options.metrics.map(getMetric);
  const mark = new Uint8Array(options.nItems);
  const hits = new Uint8Array(Math.max(width, ...options.ks));
  const sums = new Float64Array(metrics.length * options.ks.length);
  const evaluated: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    const a = truth.indptr[u];
    const b = truth.indptr[u + 1];
    if (b === a) continue;
    evaluated.push(u);
    for (let p = a; p < b; p++) mark[truth.indices[p]] = 1;
    for (let p = 0; p < width; p++) {
      const i = items[u * width + p];
      hits[p] = i >= 0 && mark[i] ? 1 : 0;
    }
    for (let p = a; p < b; p++) mark[truth.indices[p]] = 0;
    metrics.forEach((m, mi) => {
      if (m.family !== "accuracy") return;
      options.ks.forEach((k, ki) => (sums[mi * options.ks.length + ki] += m.perUser(hits, k, b - a)));
    });
  }
  let rows = items;
  if (evaluated.length < nUsers && metrics.some((m) => m.family === "beyond")) {
    rows = new Int32Array(evaluated.length * width);
    evaluated.forEach((u, r) => rows.set(items.subarray(u * width, (u + 1) * width), r * width));
  }
  const context: ListContext = { ...options, catalogSize: options.catalogSize ?? options.nItems };
  const out: Record<string, number> = {};
  metrics.forEach((m, mi) => {
    options.ks.forEach((k, ki) => {
      out[metricKey(m.name, k)] =
        m.family === "accuracy" ? (evaluated.length ? sums[mi * options.ks.length + ki] / evaluated.length : NaN) : m.compute(rows, width, k, context);
    });
  });
  return out;
}
