/**
 * The rule recommender behind the shared {@link Recommender} interface: `fit` mines the rules,
 * `recommend` fires them at each user's last training event.
 */
import type pl from "nodejs-polars";
import { requireColumns } from "../clean/frame-access";
import { COL } from "../schema";
import { candidateSets } from "./candidate-sets";
import { findId } from "./csr";
import { loadFitted, saveFitted } from "./model-io";
import type { Recommender } from "./recommender";
import { buildRuleModel } from "./rule-build";
import { mineRecommendationRules, type MineRecommendationRulesOptions } from "./rule-mine";
import { RULE_MODEL_ARRAYS, type RuleModel } from "./rule-model";
import { parseQuery, userQuery } from "./rule-query";
import { resolveRuleOptions, type RecommendWithRulesOptions } from "./rule-options";
import { rankItems, RuleRows, ruleRanker, seenItems } from "./rule-rank";
import { withItemRegions } from "./rule-regions";
import { TopKHeap } from "./top-k";

/**
 * Options of {@link ruleRecommender}: how rules are mined (see `mineRecommendationRules`), how
 * they are fired and mapped to items (see `recommendWithRules`; `k` and `excludeSeen` come with
 * each `recommend` call), and where regions come from.
 * @example
 * ```ts
 * ruleRecommender({ itemRegions: poiRegions(readGroundTruth().pois), minSupport: 0.001, weight: "confidence" });
 * ```
 */
export interface RuleRecommenderOptions extends MineRecommendationRulesOptions, Omit<RecommendWithRulesOptions, "k" | "excludeSeen"> {
  /**
   * POI → region table (`item`, `region`), joined onto the training events when they have no
   * `region` column (e.g. `poiRegions(readGroundTruth().pois)`, or a spatial clustering).
   * Default: none (then the events' own `region` column, if any).
   */
  itemRegions?: pl.DataFrame | null;
}

/** Settings of a fitted model that `recommend` reads back (kept in `meta`). */
const RANK_KEYS = ["weight", "combine", "prior", "halfLifeMinutes", "behaviourMinutes", "itemScope", "regionSmoothing", "maxReasons", "digits"] as const;

/**
 * The `fit` of {@link ruleRecommender} as a synchronous function: joins `itemRegions` when the
 * events have no region, mines the rules (`mineRecommendationRules`) and builds the model
 * (`buildRuleModel`); the ranking options are validated and kept in `meta.ranking`.
 *
 * @param train training events (user, item, ts, category, local time; region or `itemRegions`).
 * @param options see {@link RuleRecommenderOptions}.
 * @returns the fitted {@link RuleModel}.
 * @throws DataError on missing columns; Error on bad options.
 * @example
 * ```ts
 * const model = fitRuleRecommender(train, { itemRegions: poiRegions(readGroundTruth().pois) });
 * model.meta.mining; // thresholds used and rule counts
 * ```
 */
export function fitRuleRecommender(train: pl.DataFrame, options: RuleRecommenderOptions = {}): RuleModel {
  const t0 = Date.now();
  requireColumns(train, [COL.user, COL.item, COL.ts, COL.category], "ruleRecommender.fit");
  let frame = train;
  let unmatched = 0;
  if (options.itemRegions && !train.columns.includes("region")) ({ frame, unmatched } = withItemRegions(train, options.itemRegions));
  const mined = mineRecommendationRules(frame, options);
  const model = buildRuleModel(frame, mined, {
    dayParts: options.dayParts,
    geohashPrecision: options.geohashPrecision,
    cols: { time: mined.info.timeColumn as string },
  });
  const ranking: Record<string, unknown> = {};
  for (const key of RANK_KEYS) if (options[key] !== undefined) ranking[key] = options[key];
  if (ranking.halfLifeMinutes === Infinity) ranking.halfLifeMinutes = Number.MAX_VALUE; // JSON-safe, decays by nothing
  resolveRuleOptions({ k: 1, ...ranking }); // fail at fit time on bad ranking options
  model.meta = { ...model.meta, mining: mined.info, eventsWithoutRegion: unmatched, ranking, fitSeconds: (Date.now() - t0) / 1000 };
  return model;
}

/** Unknown user: the most popular items (distinct training users), ties by item index. */
function popularRows(model: RuleModel, user: string, k: number, rows: RuleRows, among?: Int32Array): void {
  const heap = new TopKHeap(k);
  if (among) for (const i of among) heap.offer(model.popularity[i], i);
  else for (let i = 0; i < model.itemIds.length; i++) heap.offer(model.popularity[i], i);
  const top = heap.result();
  for (let j = 0; j < top.items.length; j++) {
    const i = top.items[j];
    const c = model.itemCategory[i];
    const category = c >= 0 ? model.categories[c] : "";
    rows.push(user, model.itemIds[i], category, model.popularity[i], j + 1, `unknown user: popular item (${model.popularity[i]} users)`, true);
  }
}

function loadRules(saved: Parameters<Recommender["load"]>[0]): RuleModel {
  const model = loadFitted<RuleModel>(saved, "RuleRecommender", RULE_MODEL_ARRAYS);
  const nan = (v: number | null): number => (v === null ? NaN : v); // JSON writes NaN as null
  model.contextRules = model.contextRules.map((r) => ({ ...r, support: nan(r.support) }));
  model.sequenceRules = model.sequenceRules.map((r) => ({ ...r, medianDelayMin: nan(r.medianDelayMin) }));
  return model;
}

/**
 * A rule-based recommender behind the shared interface, so the evaluation code can compare it
 * with Popularity and the others without adapters.
 *
 * - `fit(train)`: joins `itemRegions` when given, mines context ⇒ category association rules
 *   and category → category sequential rules (`mineRecommendationRules` defaults: FP-Growth at
 *   support 0.002 on one basket per event with `time:`/`day:`/`region:` tokens, confidence ≥ 0.05,
 *   lift ≥ 1; sequential rules at Δt 120 and 240 min, ≥ 20 occurrences), and builds the model.
 * - `recommend(model, users, { k, excludeSeen, candidates })`: for each known user the query is
 *   the last training event (its local time, region, and the visits of the preceding Δt, the
 *   last one at elapsed 0); items are ranked as `recommendWithRules` ranks them. `excludeSeen`
 *   (default true) leaves out the user's training items. A user unknown to the model gets the
 *   most popular items (distinct training users) with `fallback` true. Users come back
 *   deduplicated, in sorted id order.
 *
 * The frame has the interface's columns `user`, `item`, `score`, `rank`, `fallback` plus
 * `category` and `explanation`; `fallback` is true where no rule fired for the item's category.
 *
 * @param options see {@link RuleRecommenderOptions}; `fit`'s own options override them.
 * @returns the {@link Recommender}.
 * @example
 * ```ts
 * const rules = ruleRecommender({ itemRegions: poiRegions(readGroundTruth().pois) });
 * const fitted = rules.fit(train);
 * rules.recommend(fitted, ["u0001"], { k: 10 }).select("item", "explanation");
 * ```
 */
export function ruleRecommender(options: RuleRecommenderOptions = {}): Recommender<RuleRecommenderOptions, RuleModel> {
  return {
    name: "Rules",
    fit: (train, fitOptions = {}) => fitRuleRecommender(train, { ...options, ...fitOptions }),
    recommend: (model, users, recOptions) => {
      const ranking = (model.meta.ranking ?? {}) as Partial<RecommendWithRulesOptions>;
      const o = resolveRuleOptions({ ...ranking, k: recOptions?.k, excludeSeen: recOptions?.excludeSeen ?? true });
      if (!Array.isArray(users)) throw new Error("users must be an array of user ids");
      users.forEach((u, j) => {
        if (typeof u !== "string") throw new Error(`users[${j}] must be a string id, got ${String(u)}`);
      });
      const wanted = [...new Set(users)].sort();
      const cands = recOptions.candidates ? candidateSets(recOptions.candidates, wanted, model.itemIds) : null;
      const ranker = ruleRanker(model, o);
      const rows = new RuleRows();
      const none: ReadonlySet<number> = new Set();
      wanted.forEach((user, j) => {
        const u = findId(model.userIds, user);
        const among = cands ? cands[j] : undefined;
        if (u < 0 || !(model.seenIndptr[u + 1] > model.seenIndptr[u])) return popularRows(model, user, o.k, rows, among);
        const q = parseQuery(model, userQuery(model, u), j, o.behaviourMinutes);
        rankItems(ranker, q, rows, o.excludeSeen ? seenItems(model, q) : none, among);
      });
      return rows.frame(true);
    },
    save: (model) => saveFitted(model),
    load: loadRules,
  };
}
