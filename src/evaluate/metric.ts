/** Accuracy metrics, computed per user from the hit vector of the top-K list. */
export type AccuracyMetricName = "recall" | "precision" | "hr" | "ndcg" | "mrr" | "map";
/** Beyond-accuracy metrics, computed over all the lists. */
export type ListMetricName = "coverage" | "novelty" | "diversity";
/** Every metric `evaluate` knows. */
export type MetricName = AccuracyMetricName | ListMetricName;

/**
 * An accuracy metric at K (RecBole style: registered by name, `lowerIsBetter` flag, keys
 * `name@k`). `perUser` reads `hits[p]` (1 when the item at rank p + 1 is relevant) for p < k.
 *
 * @example
 * ```ts
 * recall.perUser(Uint8Array.of(1, 0, 1), 3, 4); // 0.5
 * ```
 */
export interface AccuracyMetric {
  name: AccuracyMetricName;
  family: "accuracy";
  /** False for every metric here (higher is better). */
  lowerIsBetter: boolean;
  /** One-line formula, printed beside results. */
  formula: string;
  /**
   * The user's value at cut-off k.
   * @param hits 0/1 per rank position (length ≥ k; positions without an item are 0).
   * @param k the cut-off.
   * @param nTruth the user's number of relevant items (≥ 1).
   */
  perUser(hits: Uint8Array, k: number, nTruth: number): number;
}

/** Inputs of a list metric, in a dense item code space `0 .. nItems − 1`. */
export interface ListContext {
  /** Catalogue size (denominator of coverage). */
  catalogSize: number;
  /** Distinct training users per item code (novelty). */
  popularity?: Float64Array;
  /** Number of training users (novelty). */
  popularityUsers?: number;
  /** Category code per item code, −1 when unknown (diversity). */
  category?: Int32Array;
}

/**
 * A beyond-accuracy metric at K, computed over all evaluated users' top-K lists.
 *
 * @example
 * ```ts
 * coverage.compute(lists, 10, { catalogSize: 1682 });
 * ```
 */
export interface ListMetric {
  name: ListMetricName;
  family: "beyond";
  lowerIsBetter: boolean;
  formula: string;
  /** What the context must hold. */
  needs: "popularity" | "category" | null;
  /**
   * @param items row-major `nUsers × width` item codes, −1 = no item at that rank.
   * @param width positions stored per user.
   * @param k the cut-off (≤ width is read).
   * @param context catalogue size, popularity or categories.
   */
  compute(items: Int32Array, width: number, k: number, context: ListContext): number;
}

/** Any metric. */
export type Metric = AccuracyMetric | ListMetric;

/**
 * The RecBole-style key of a metric at a cut-off.
 *
 * @example
 * ```ts
 * metricKey("ndcg", 10); // "ndcg@10"
 * ```
 */
export function metricKey(name: MetricName, k: number): string {
  return `${name}@${k}`;
}
