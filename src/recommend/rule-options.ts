/**
 * The options of the rule recommender's ranking (`recommendWithRules`,
 * `recommendCategoriesWithRules`, `ruleRecommender`), with their defaults and validation.
 */
import type { RuleCombine, RuleWeight } from "./rule-score";

/**
 * Options of `recommendWithRules` and `recommendCategoriesWithRules`.
 * @example
 * ```ts
 * recommendWithRules(model, queries, { k: 10, weight: "confidence", combine: "max", halfLifeMinutes: 60, excludeSeen: true });
 * ```
 */
export interface RecommendWithRulesOptions {
  /** Rows per query, an integer ≥ 1 (fewer when fewer are eligible). */
  k: number;
  /** w(r): `"confidence-lift"` (confidence × lift), `"confidence"` or `"lift"`. Default `"confidence-lift"`. */
  weight?: RuleWeight;
  /** How the rules firing for one category combine: `"sum"`, `"max"` or `"specific"` (see `rule-score`). Default `"sum"`. */
  combine?: RuleCombine;
  /** Weight of the popularity prior P(c) in the category score, ≥ 0. Default `1`. */
  prior?: number;
  /** Half-life of the recency decay of sequential rules, minutes > 0 (`Infinity`: none). Default `null`: each rule's Δt. */
  halfLifeMinutes?: number | null;
  /** Visits at most this many minutes before the query give `cat:` / item tokens for association rules, ≥ 0. Default `120`. */
  behaviourMinutes?: number;
  /**
   * How a category's score spreads over its items: `"region"`: share(i | c, r) =
   * (n(i)·[region(i) = r] + m·n(i)/n(c)) / (n(c, r) + m), so the popular items of c in the
   * query's region come first and the rest follow by global popularity (m =
   * `regionSmoothing`); `"global"` (or a query without a known region): n(i) / n(c). n counts
   * training visits. Default `"region"`.
   */
  itemScope?: "region" | "global";
  /** m above: pseudo-visits pulling a region's shares towards the global ones, ≥ 0. Default `10`. */
  regionSmoothing?: number;
  /** Leave out the query's recent items and, for a query whose `user` the model knows, its training items. Default `false`. */
  excludeSeen?: boolean;
  /** Rule sentences per explanation (largest contributions first), integer ≥ 1. Default `2`. */
  maxReasons?: number;
  /** Significant digits of confidence and lift in explanations, integer in [1, 6]. Default `2`. */
  digits?: number;
}

const defaults = {
  weight: "confidence-lift" as RuleWeight,
  combine: "sum" as RuleCombine,
  prior: 1,
  halfLifeMinutes: null as number | null,
  behaviourMinutes: 120,
  itemScope: "region" as "region" | "global",
  regionSmoothing: 10,
  excludeSeen: false,
  maxReasons: 2,
  digits: 2,
};

/**
 * Resolved options (every field set).
 * @example
 * ```ts
 * const o: RuleRecOptions = resolveRuleOptions({ k: 5 }); // o.weight === "confidence-lift"
 * ```
 * @internal
 */
export type RuleRecOptions = typeof defaults & { k: number };

/**
 * Validates and fills in the options; errors name the option and its range.
 * @example
 * ```ts
 * resolveRuleOptions({ k: 0 }); // Error: k must be an integer >= 1, got 0
 * ```
 * @internal
 */
export function resolveRuleOptions(options: RecommendWithRulesOptions): RuleRecOptions {
  const o = { ...defaults, ...options } as RuleRecOptions;
  const k = options?.k;
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`k must be an integer >= 1, got ${k}`);
  if (!["confidence-lift", "confidence", "lift"].includes(o.weight)) throw new Error(`weight must be "confidence-lift", "confidence" or "lift", got ${JSON.stringify(o.weight)}`);
  if (!["sum", "max", "specific"].includes(o.combine)) throw new Error(`combine must be "sum", "max" or "specific", got ${JSON.stringify(o.combine)}`);
  if (!(o.prior >= 0 && Number.isFinite(o.prior))) throw new Error(`prior must be a finite number >= 0, got ${o.prior}`);
  if (o.halfLifeMinutes !== null && !(o.halfLifeMinutes > 0)) throw new Error(`halfLifeMinutes must be > 0 (Infinity: no decay) or null, got ${o.halfLifeMinutes}`);
  if (!(o.behaviourMinutes >= 0)) throw new Error(`behaviourMinutes must be >= 0, got ${o.behaviourMinutes}`);
  if (o.itemScope !== "region" && o.itemScope !== "global") throw new Error(`itemScope must be "region" or "global", got ${JSON.stringify(o.itemScope)}`);
  if (!(o.regionSmoothing >= 0 && Number.isFinite(o.regionSmoothing))) throw new Error(`regionSmoothing must be a finite number >= 0, got ${o.regionSmoothing}`);
  if (!(Number.isInteger(o.maxReasons) && o.maxReasons >= 1)) throw new Error(`maxReasons must be an integer >= 1, got ${o.maxReasons}`);
  if (!(Number.isInteger(o.digits) && o.digits >= 1 && o.digits <= 6)) throw new Error(`digits must be an integer in [1, 6], got ${o.digits}`);
  return o;
}

