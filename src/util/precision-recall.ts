/** Precision, recall and F1 of a found set against a truth set. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  found: number;
  truth: number;
}

/**
 * Compares what a method found with what was planted: precision = |found ∩ truth| / |found|,
 * recall = |found ∩ truth| / |truth|, F1 their harmonic mean (0 when both are 0; precision is 1
 * for an empty found set, recall 1 for an empty truth set).
 *
 * @example
 * ```ts
 * precisionRecall(["2024-04-08", "2024-05-03", "2024-06-01"], ["2024-04-08", "2024-05-03"]);
 * // { precision: 0.667, recall: 1, f1: 0.8, … }
 * ```
 */
export function precisionRecall<T>(found: Iterable<T>, truth: Iterable<T>): PrecisionRecall {
  const f = new Set(found);
  const t = new Set(truth);
  let tp = 0;
  for (const x of f) if (t.has(x)) tp++;
  const precision = f.size ? tp / f.size : 1;
  const recall = t.size ? tp / t.size : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePositives: tp, found: f.size, truth: t.size };
}
