import type pl from "nodejs-polars";
import { evaluate, type EvaluateContext } from "./evaluate";
import { metricKey, type MetricName } from "./metric";

/** Options of {@link metricAtK} and the named metric functions. */
export interface MetricAtKOptions extends EvaluateContext {
  /** Cut-off K, an integer ≥ 1. Required. */
  k: number;
  /** Drop truth pairs seen in `train` and refuse recommended training items (needs `train`). Default `true`. */
  excludeTrainItems?: boolean;
}

/**
 * One metric at one K as a plain number (microsoft/recommenders style `(truth, recs, {k}) → number`),
 * through {@link evaluate} with a full-ranking protocol.
 *
 * @param name the metric.
 * @param truth held-out (user, item).
 * @param recs recommendations (user, item, rank).
 * @param options `k`, `excludeTrainItems`, and the evaluation context (`train` …).
 * @example
 * ```ts
 * metricAtK("ndcg", test, recs, { k: 10, train }); // 0.2488
 * ```
 */
export function metricAtK(name: MetricName, truth: pl.DataFrame, recs: pl.DataFrame, options: MetricAtKOptions): number {
  const { k, excludeTrainItems = true, ...context } = options;
  const out = evaluate(truth, recs, { split: "given", candidates: "all", k: [k], excludeTrainItems, metrics: [name] }, context);
  return out[metricKey(name, k)];
}

/** Recall@K (see `recall`). @example `recallAtK(test, recs, { k: 10, train })` */
export const recallAtK = (truth: pl.DataFrame, recs: pl.DataFrame, options: MetricAtKOptions): number => metricAtK("recall", truth, recs, options);
/** Precision@K (see `precision`). @example `precisionAtK(test, recs, { k: 10, train })` */
export const precisionAtK = (truth: pl.DataFrame, recs: pl.DataFrame, options: MetricAtKOptions): number => metricAtK("precision", truth, recs, options);
/** HR@K (see `hr`). @example `hrAtK(test, recs, { k: 10, train })` */
export const hrAtK = (truth: pl.DataFrame, recs: pl.DataFrame, options: MetricAtKOptions): number => metricAtK("hr", truth, recs, options);
/** NDCG@K (see `ndcg`). @example `ndcgAtK(test, recs, { k: 10, train })` */
export const ndcgAtK = (truth: pl.DataFrame, recs: pl.DataFrame, options: MetricAtKOptions): number => metricAtK("ndcg", truth, recs, options);
/** MRR@K (see `mrr`). @example `mrrAtK(test, recs, { k: 10, train })` */
export const mrrAtK = (truth: pl.DataFrame, recs: pl.DataFrame, options: MetricAtKOptions): number => metricAtK("mrr", truth, recs, options);
/** MAP@K (see `map`). @example `mapAtK(test, recs, { k: 10, train })` */
export const mapAtK = (truth: pl.DataFrame, recs: pl.DataFrame, options: MetricAtKOptions): number => metricAtK("map", truth, recs, options);
