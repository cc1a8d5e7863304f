/**
 * Rules in action: fire the rules a user's current context satisfies, score categories, map
 * them to concrete items, and say why.
 */
import type pl from "nodejs-polars";
import type { RuleModel } from "./rule-model";
import { resolveRuleOptions, type RecommendWithRulesOptions } from "./rule-options";
import { parseQuery, type RuleQuery } from "./rule-query";
import { rankCategories, rankItems, RuleRows, ruleRanker, seenItems } from "./rule-rank";

export type { RecommendWithRulesOptions } from "./rule-options";

function checkQueries(queries: readonly RuleQuery[]): void {
  if (!Array.isArray(queries)) throw new Error("queries must be an array of RuleQuery objects");
}

/**
 * Top-k categories per query: every rule whose antecedent the context satisfies fires
 * (association rules: all antecedent tokens among the query's tokens; sequential rules: the
 * antecedent category visited 0 to Δt minutes before the query), and categories are ranked by
 * score(c) = prior · P(c) + Σ w(r) · decay(r) (see `rule-score`; ties: category name).
 *
 * @param model a {@link RuleModel}.
 * @param queries the users' current contexts.
 * @param options see {@link RecommendWithRulesOptions} (`itemScope`, `regionSmoothing`, `excludeSeen` unused).
 * @returns columns `user`, `category`, `score` (Float64), `rank` (Int32, 1 = best), `explanation`
 *   (String) and `fallback` (Boolean: no rule fired for the category, ranked by popularity),
 *   queries in input order.
 * @throws Error on bad options or queries.
 * @example
 * ```ts
 * recommendCategoriesWithRules(model, [{ user: "u1", time: Date.UTC(2024, 5, 1, 19), region: "Riverside" }], { k: 3 });
 * // u1 | Bar | 3.4 | 1 | "weekend evenings in Riverside, people go to a Bar: confidence 0.57, lift 5.7" | false
 * ```
 */
export function recommendCategoriesWithRules(model: RuleModel, queries: readonly RuleQuery[], options: RecommendWithRulesOptions): pl.DataFrame {
  const o = resolveRuleOptions(options);
  checkQueries(queries);
  const ranker = ruleRanker(model, o);
  const rows = new RuleRows();
  queries.forEach((q, j) => rankCategories(ranker, parseQuery(model, q, j, o.behaviourMinutes), rows));
  return rows.frame(false);
}

/**
 * Top-k items per query with an explanation each: categories are scored as in
 * {@link recommendCategoriesWithRules}, each item gets score(c_i) × share(i | c_i, region) (the
 * popular items of the category in the query's region first; see `itemScope`), and the top k
 * items are returned (ties: smaller item id). With no rule at all every row is the popularity
 * fallback (region-aware item popularity).
 *
 * @param model a {@link RuleModel}.
 * @param queries the users' current contexts.
 * @param options see {@link RecommendWithRulesOptions}.
 * @returns columns `user`, `item`, `category`, `score` (Float64), `rank` (Int32), `explanation`
 *   (the fired rules in words, or the fallback reason) and `fallback` (Boolean: no rule fired
 *   for the item's category), queries in input order.
 * @throws Error on bad options (e.g. k < 1) or queries.
 * @example
 * ```ts
 * const recs = recommendWithRules(model, [{
 *   user: "u1", time: new Date("2024-06-01T08:30:00Z"), region: "Riverside",
 *   recent: [{ category: "Gym", time: new Date("2024-06-01T07:45:00Z") }],
 * }], { k: 10 });
 * // u1 | p0001 | Coffee Shop | … | 1 | "after a Gym, people visit a Coffee Shop within 2 h (median 59 min): confidence 0.58, lift 35" | false
 * ```
 */
export function recommendWithRules(model: RuleModel, queries: readonly RuleQuery[], options: RecommendWithRulesOptions): pl.DataFrame {
  const o = resolveRuleOptions(options);
  checkQueries(queries);
  const ranker = ruleRanker(model, o);
  const rows = new RuleRows();
  const none: ReadonlySet<number> = new Set();
  queries.forEach((q, j) => {
    const parsed = parseQuery(model, q, j, o.behaviourMinutes);
    rankItems(ranker, parsed, rows, o.excludeSeen ? seenItems(model, parsed) : none);
  });
  return rows.frame(true);
}
