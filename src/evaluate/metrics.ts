import { coverage, diversity, novelty } from "./beyond-accuracy";
import { hr, precision, recall } from "./hit-metrics";
import type { Metric, MetricName } from "./metric";
import { map, mrr, ndcg } from "./rank-metrics";

/**
 * Every metric by name (a plain registry: no reflection).
 *
 * @example
 * ```ts
 * METRICS.ndcg.formula; // "ndcg@K = …"
 * Object.keys(METRICS); // ["recall", "precision", "hr", "ndcg", "mrr", "map", "coverage", "novelty", "diversity"]
 * ```
 */
export const METRICS: Readonly<Record<MetricName, Metric>> = { recall, precision, hr, ndcg, mrr, map, coverage, novelty, diversity };

/**
 * The metric of a name, or an Error listing the known names.
 *
 * @example
 * ```ts
 * getMetric("recall").lowerIsBetter; // false
 * ```
 */
export function getMetric(name: string): Metric {
  const m = (METRICS as Record<string, Metric>)[name];
  if (!m) throw new Error(`unknown metric ${JSON.stringify(name)}; known: ${Object.keys(METRICS).join(", ")}`);
  return m;
}

/**
 * Whether a lower value of a `name@k` key (or a bare name) is better.
 *
 * @example
 * ```ts
 * lowerIsBetter("ndcg@10"); // false
 * ```
 */
export function lowerIsBetter(key: string): boolean {
  return getMetric(key.split("@")[0]).lowerIsBetter;
}
