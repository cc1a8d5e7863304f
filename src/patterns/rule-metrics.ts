/**
 * The interest measures of an association rule A → C, as mlxtend's `association_rules`
 * computes them, from s(A), s(C), s(A ∪ C) (supports as fractions of N).
 */

/**
 * Every rule metric, in output column order.
 *
 * | name | formula | range |
 * |---|---|---|
 * | `antecedent_support` | s(A) | [0, 1] |
 * | `consequent_support` | s(C) | [0, 1] |
 * | `support` | s(A ∪ C) | [0, 1] |
 * | `confidence` | s(A ∪ C) / s(A) | [0, 1] |
 * | `lift` | confidence / s(C) | [0, ∞) (1: independence) |
 * | `leverage` | s(A ∪ C) − s(A)·s(C) | [−0.25, 0.25] (0: independence) |
 * | `conviction` | (1 − s(C)) / (1 − confidence); ∞ when confidence = 1 | [0, ∞] (1: independence) |
 * | `zhangs_metric` | leverage / max(s(A ∪ C)·(1 − s(A)), s(A)·(s(C) − s(A ∪ C))); 0 when that max is 0 | [−1, 1] |
 * | `jaccard` | s(A ∪ C) / (s(A) + s(C) − s(A ∪ C)) | [0, 1] |
 * | `certainty` | (confidence − s(C)) / (1 − s(C)); 0 when s(C) = 1 | [−1, 1] |
 * | `kulczynski` | (s(A ∪ C)/s(A) + s(A ∪ C)/s(C)) / 2 | [0, 1] |
 *
 * @example
 * ```ts
 * RULE_METRICS.includes("lift"); // true
 * ```
 */
export const RULE_METRICS = [
  "antecedent_support",
  "consequent_support",
  "support",
  "confidence",
  "lift",
  "leverage",
  "conviction",
  "zhangs_metric",
  "jaccard",
  "certainty",
  "kulczynski",
] as const;

/**
 * A rule metric name (see {@link RULE_METRICS} for formulas and ranges).
 * @example
 * ```ts
 * const m: RuleMetric = "lift";
 * ```
 */
export type RuleMetric = (typeof RULE_METRICS)[number];

/**
 * Checks a metric name; the error lists the valid ones.
 *
 * @param name the name to check.
 * @param param the option it came from (for the message).
 * @returns the name, typed.
 * @throws Error naming the parameter and listing the valid metrics.
 * @example
 * ```ts
 * checkMetric("lfit", "metric"); // Error: metric: unknown metric 'lfit'; valid metrics: antecedent_support, …
 * ```
 */
export function checkMetric(name: unknown, param: string): RuleMetric {
  if (typeof name === "string" && (RULE_METRICS as readonly string[]).includes(name)) return name as RuleMetric;
  throw new Error(`${param}: unknown metric ${JSON.stringify(name)}; valid metrics: ${RULE_METRICS.join(", ")}`);
}

/**
 * Writes all metrics of one rule into `out` (in {@link RULE_METRICS} order).
 *
 * @param sA support of the antecedent.
 * @param sC support of the consequent.
 * @param sAC support of the whole rule.
 * @param conf confidence (passed in so that it can be computed exactly from counts).
 * @param out array of at least 11 numbers.
 * @example
 * ```ts
 * const m = new Float64Array(11);
 * ruleMetrics(0.5, 0.5, 0.25, 0.5, m); // m[4] (lift) = 1
 * ```
 */
export function ruleMetrics(sA: number, sC: number, sAC: number, conf: number, out: Float64Array | number[]): void {
  const leverage = sAC - sA * sC;
  const zDen = Math.max(sAC * (1 - sA), sA * (sC - sAC));
  out[0] = sA;
  out[1] = sC;
  out[2] = sAC;
  out[3] = conf;
  out[4] = conf / sC;
  out[5] = leverage;
  out[6] = conf < 1 ? (1 - sC) / (1 - conf) : Infinity;
  out[7] = zDen === 0 ? 0 : leverage / zDen;
  out[8] = sAC / (sA + sC - sAC);
  out[9] = 1 - sC === 0 ? 0 : (conf - sC) / (1 - sC);
  out[10] = (sAC / sA + sAC / sC) / 2;
}
