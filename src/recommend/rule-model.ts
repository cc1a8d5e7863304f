/**
 * The fitted state of the rule-based recommender: the rules it fires and the catalogue it maps
 * predicted categories onto. Plain data (arrays and typed arrays), so it saves like every model.
 */
import type { DayPart } from "../features/add-time-features";
import type { FittedModel } from "./recommender";

/**
 * An association rule that predicts a category: {time:evening, day:weekend, region:Riverside} ⇒
 * Bar. It fires when every antecedent token is in the query's tokens.
 *
 * @example
 * ```ts
 * const r: ContextRule = { antecedent: ["day:weekend", "region:Riverside", "time:evening"], category: "Bar", confidence: 0.57, lift: 5.7, support: 0.024 };
 * ```
 */
export interface ContextRule {
  /**
   * Antecedent tokens: context (`time:`, `day:`, `hour:`, `cell:`, `region:`, `cluster:`,
   * `event:`), recent behaviour (`cat:<category>`) or recent items (unprefixed ids).
   */
  antecedent: string[];
  /** The predicted category (the consequent `cat:<category>` without its prefix). */
  category: string;
  /** P(category | antecedent), in [0, 1]. */
  confidence: number;
  /** confidence / P(category), ≥ 0. */
  lift: number;
  /** s(antecedent ∪ consequent); NaN when the rule frame had no `support` column. */
  support: number;
}

/**
 * A sequential rule A → B within Δt: "after a Gym, a Coffee Shop within 120 min". It fires when
 * the query's recent visits hold category A at most Δt minutes before the query time.
 *
 * @example
 * ```ts
 * const r: SequenceRule = { antecedent: "Gym", category: "Coffee Shop", confidence: 0.58, lift: 35, medianDelayMin: 59, maxGapMin: 120 };
 * ```
 */
export interface SequenceRule {
  /** Category A (visited before). */
  antecedent: string;
  /** Category B (predicted). */
  category: string;
  /** P(B within Δt | A), in [0, 1]. */
  confidence: number;
  /** confidence / base rate of B, ≥ 0. */
  lift: number;
  /** Median minutes from A to B among the pairs that were counted (NaN when unknown). */
  medianDelayMin: number;
  /** Δt of the rule, minutes > 0. */
  maxGapMin: number;
}

/**
 * A fitted rule recommender (`kind` `"RuleRecommender"`), as {@link buildRuleModel} and
 * `ruleRecommender.fit` return it. Item `i` is `itemIds[i]` (sorted), user `u` is `userIds[u]`.
 *
 * @example
 * ```ts
 * const model = buildRuleModel(train, { association: rules, sequential: seq });
 * model.contextRules.length; // rules that predict a category
 * ```
 */
export interface RuleModel extends FittedModel {
  contextRules: ContextRule[];
  sequenceRules: SequenceRule[];
  /** Category names, sorted; rules may name categories without items (they rank only at category level). */
  categories: string[];
  /** Training events per category (index as `categories`). */
  categoryVisits: Float64Array;
  /** Training events per item. */
  itemVisits: Float64Array;
  /** Category code of each item (index into `categories`); −1 for an item whose category is always null. */
  itemCategory: Int32Array;
  /** Region names, sorted (empty when the training frame has no region column). */
  regions: string[];
  /** Region code of each item (its most frequent region in training; ties: first in sort order); −1 when unknown. */
  itemRegion: Int32Array;
  /** Training items of user u: `seenIndices[seenIndptr[u] .. seenIndptr[u + 1])`, ascending. */
  seenIndptr: Int32Array;
  seenIndices: Int32Array;
  /** Distinct training users per item (the shared popularity convention). */
  popularity: Float32Array;
  /** Local time (epoch ms of the naive local wall time) of each user's last training event. */
  lastTime: Float64Array;
  /** Region code of each user's last training event (−1 when unknown). */
  lastRegion: Int32Array;
  /**
   * Each user's visits in the `historyMinutes` before (and at) the last event, oldest first:
   * `recentCategory`/`recentItem`/`recentTime` over `[recentIndptr[u], recentIndptr[u + 1])`.
   */
  recentIndptr: Int32Array;
  recentCategory: Int32Array;
  recentItem: Int32Array;
  recentTime: Float64Array;
  /** Part-of-day bins the `time:` tokens were made with. */
  dayParts: DayPart[];
  /** ISO weekdays that are `day:weekend`. */
  weekendDays: number[];
  /** Geohash characters of `cell:` tokens. */
  geohashPrecision: number;
}

/**
 * The array fields of {@link RuleModel}, for `loadFitted`.
 * @example
 * ```ts
 * loadFitted<RuleModel>(saved, "RuleRecommender", RULE_MODEL_ARRAYS);
 * ```
 */
export const RULE_MODEL_ARRAYS = [
  "categoryVisits",
  "itemVisits",
  "itemCategory",
  "itemRegion",
  "seenIndptr",
  "seenIndices",
  "popularity",
  "lastTime",
  "lastRegion",
  "recentIndptr",
  "recentCategory",
  "recentItem",
  "recentTime",
] as const;
