/**
 * A chronological, per-event evaluation of the rule recommender against popularity baselines,
 * at category and item level ("which kind of place next, and which place").
 */
import pl from "nodejs-polars";
import { requireColumns } from "../clean/frame-access";
import { addTimeFeatures } from "../features/add-time-features";
import { getMetric } from "../evaluate/metrics";
import type { AccuracyMetric } from "../evaluate/metric";
import { COL } from "../schema";
import { globalTimeSplit } from "../split/global-time-split";
import { findId } from "./csr";
import { eventQueries } from "./rule-event-queries";
import type { RuleModel } from "./rule-model";
import { recommendCategoriesWithRules, recommendWithRules } from "./rule-recommend";
import { fitRuleRecommender, type RuleRecommenderOptions } from "./rule-recommender";
import { withItemRegions } from "./rule-regions";

/**
 * Options of {@link evaluateRuleRecommender}: the recommender's options plus the protocol's.
 * @example
 * ```ts
 * evaluateRuleRecommender(events, { testFraction: 0.2, k: [1, 3, 10], weight: "confidence" });
 * ```
 */
export interface EvaluateRuleRecommenderOptions extends RuleRecommenderOptions {
  /** Share of the timeline in test: events at or after the (1 − testFraction) quantile of `ts`, in (0, 1). Default `0.2`. */
  testFraction?: number;
  /** Cut-offs K. Default `[10]`. */
  k?: number[];
}

/**
 * What {@link evaluateRuleRecommender} returns.
 * @example
 * ```ts
 * const { results, protocol } = evaluateRuleRecommender(events);
 * console.log(protocol); // printed beside `results`
 * ```
 */
export interface RuleEvaluation {
  /** One row per level (`category`, `item`) and method (`popularity`, `context-popularity`, `rules`): `hr@K`, `ndcg@K` (Float64). */
  results: pl.DataFrame;
  /** The protocol in one line, to print beside the numbers. */
  protocol: string;
  /** Sizes: train and test events, queries, queries with ≥ 1 fired rule, truths unknown to training. */
  counts: { train: number; test: number; queries: number; queriesWithRule: number; unknownItems: number; unknownCategories: number };
  /** The time cut (UTC): train is every event before it. */
  cut: Date | null;
  /** The fitted rule model. */
  model: RuleModel;
}

const defaults = { testFraction: 0.2, k: [10] };
const METHODS = ["popularity", "context-popularity", "rules"] as const;

/** Positions (1-based) of each code in a ranking by descending score, ties by smaller code. */
function positions(score: Float64Array): Int32Array {
  const order = Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  const pos = new Int32Array(score.length);
  order.forEach((c, p) => (pos[c] = p + 1));
  return pos;
}

/** The 1-based rank of each query's truth in a recs frame (0 when absent). */
function ranksFromRecs(recs: pl.DataFrame, ids: string[], truth: (string | null)[], on: string): Int32Array {
  const t = pl.DataFrame([pl.Series("user", ids, pl.Utf8), pl.Series(on, truth, pl.Utf8), pl.Series("__q__", Int32Array.from(ids, (_, q) => q))]);
  const hit = recs.select("user", on, "rank").join(t, { on: ["user", on], how: "inner" });
  const out = new Int32Array(ids.length);
  const q = hit.getColumn("__q__").toTypedArray() as Int32Array;
  const rank = hit.getColumn("rank").toTypedArray() as Int32Array;
  for (let j = 0; j < q.length; j++) out[q[j]] = rank[j];
  return out;
}

/** Mean hr@K and ndcg@K over queries with one relevant thing each (rank 0 = not in the list). */
function scoreRanks(ranks: Int32Array, ks: number[]): Record<string, number> {
  const width = Math.max(...ks);
  const hits = new Uint8Array(width);
  const out: Record<string, number> = {};
  for (const name of ["hr", "ndcg"]) {
    const m = getMetric(name) as AccuracyMetric;
    for (const k of ks) {
      let sum = 0;
      for (const r of ranks) {
        hits.fill(0);
        if (r >= 1 && r <= width) hits[r - 1] = 1;
        sum += m.perUser(hits, k, 1);
      }
      out[`${name}@${k}`] = ranks.length > 0 ? sum / ranks.length : NaN;
    }
  }
  return out;
}

/**
 * Evaluates the rule recommender per event, chronologically:
 * - split: train = events before the (1 − `testFraction`) quantile of `ts`, test = the rest;
 * - fit: `fitRuleRecommender(train, options)` (rules and popularity from train only);
 * - queries: every test event; the query is the context at that event: its local time (part of
 *   day, day kind), its region (where the user is, as a location-aware app knows) and the
 *   user's visits (train or test) in the `historyMinutes` before it;
 * - truth: the event's category (category level) and item (item level); full ranking of all
 *   categories / items, seen items kept (revisits count);
 * - methods: `popularity` (training visits), `context-popularity` (training visits in the same
 *   part of day × day kind × region, ties and unseen contexts by global visits), `rules`
 *   (`recommendCategoriesWithRules` / `recommendWithRules`);
 * - metrics: hr@K and ndcg@K (one relevant item: ndcg = 1 / log2(rank + 1)), mean over queries.
 * A truth unknown to training counts as a miss for every method.
 *
 * @param events cleaned events: user, item, ts, category, a local Datetime (`ts_local`); a
 *   region column or `options.itemRegions`.
 * @param options see {@link EvaluateRuleRecommenderOptions}.
 * @returns {@link RuleEvaluation}.
 * @throws DataError on missing columns; Error on bad options.
 * @example
 * ```ts
 * const ev = evaluateRuleRecommender(checkIns, { itemRegions: poiRegions(readGroundTruth().pois) });
 * console.log(ev.protocol);
 * ev.results; // level | method | hr@10 | ndcg@10
 * ```
 */
export function evaluateRuleRecommender(events: pl.DataFrame, options: EvaluateRuleRecommenderOptions = {}): RuleEvaluation {
  const testFraction = options.testFraction ?? defaults.testFraction;
  const ks = options.k ?? defaults.k;
  if (!(testFraction > 0 && testFraction < 1)) throw new Error(`testFraction must be in (0, 1), got ${testFraction}`);
  if (!Array.isArray(ks) || ks.length === 0 || !ks.every((k) => Number.isInteger(k) && k >= 1)) throw new Error(`k must be a non-empty array of integers >= 1, got ${JSON.stringify(ks)}`);
  requireColumns(events, [COL.user, COL.item, COL.ts, COL.category], "evaluateRuleRecommender");
  let frame = events;
  if (options.itemRegions && !events.columns.includes("region")) frame = withItemRegions(events, options.itemRegions).frame;
  const { train, test, report } = globalTimeSplit(frame, { cut: 1 - testFraction });
  const model = fitRuleRecommender(train, options);
  const time = model.meta.timeColumn as string;
  const historyMinutes = model.meta.historyMinutes as number;
  const { queries, truth } = eventQueries(frame, test, { historyMinutes, cols: { time } });
  const ids = queries.map((q) => q.user);
  const width = Math.max(...ks);
  const ranking = (model.meta.ranking ?? {}) as Record<string, unknown>;
  const nC = model.categories.length;
  const catRecs = recommendCategoriesWithRules(model, queries, { ...ranking, k: Math.max(width, nC) });
  const itemRecs = recommendWithRules(model, queries, { ...ranking, k: width });
  const fired = new Set(catRecs.filter(pl.col("fallback").not()).getColumn("user").toArray() as string[]);
  // baselines: global and per-context visit counts from train
  const tf = (df: pl.DataFrame) => addTimeFeatures(df, { column: time, dayParts: model.dayParts, weekendDays: model.weekendDays });
  const key = (df: pl.DataFrame): string[] => {
    const f = tf(df);
    const region = f.columns.includes("region") ? (f.getColumn("region").cast(pl.Utf8).toArray() as (string | null)[]) : null;
    const part = f.getColumn("part_of_day").toArray() as string[];
    const weekend = f.getColumn("is_weekend").toArray() as boolean[];
    return part.map((p, r) => `${p}|${weekend[r]}|${region ? region[r] : ""}`);
  };
  const trainKey = key(train);
  const testKey = key(test);
  const trainCat = (train.getColumn(COL.category).cast(pl.Utf8).toArray() as (string | null)[]).map((c) => (c === null ? -1 : findId(model.categories, c)));
  const trainItem = (train.getColumn(COL.item).cast(pl.Utf8).toArray() as string[]).map((i) => findId(model.itemIds, i));
  const truthCat = truth.category.map((c) => (c === null ? -1 : findId(model.categories, c)));
  const truthItem = truth.item.map((i) => findId(model.itemIds, i));
  const level = (n: number, trainCode: number[], truthCode: number[], ruleRanks: Int32Array) => {
    const global = new Float64Array(n);
    const byKey = new Map<string, Float64Array>();
    trainCode.forEach((c, r) => {
      if (c < 0) return;
      global[c]++;
      let v = byKey.get(trainKey[r]);
      if (!v) byKey.set(trainKey[r], (v = new Float64Array(n)));
      v[c]++;
    });
    const total = global.reduce((a, b) => a + b, 0);
    const prior = global.map((g) => g / Math.max(1, total)); // < 1: breaks ties, ranks unseen contexts
    const globalPos = positions(global);
    const ctxPos = new Map<string, Int32Array>();
    for (const [k, v] of byKey) ctxPos.set(k, positions(v.map((x, c) => x + prior[c])));
    const pop = Int32Array.from(truthCode, (c) => (c < 0 ? 0 : globalPos[c]));
    const ctx = Int32Array.from(truthCode, (c, q) => (c < 0 ? 0 : (ctxPos.get(testKey[q]) ?? globalPos)[c]));
    return { popularity: pop, "context-popularity": ctx, rules: ruleRanks };
  };
  const cat = level(nC, trainCat, truthCat, ranksFromRecs(catRecs, ids, truth.category, "category"));
  const item = level(model.itemIds.length, trainItem, truthItem, ranksFromRecs(itemRecs, ids, truth.item, "item"));
  const rows: Record<string, unknown>[] = [];
  for (const [name, ranks] of [["category", cat], ["item", item]] as const) {
    for (const m of METHODS) rows.push({ level: name, method: m, ...scoreRanks(ranks[m], ks) });
  }
  const results = pl.DataFrame(rows);
  const day = (d: Date | null): string => (d ? d.toISOString().slice(0, 10) : "?");
  const protocol =
    `split: global time cut at the ${Math.round(100 * (1 - testFraction))} % quantile of ts (${day(report.cut)}; ${train.height} train / ${test.height} test events)` +
    ` · queries: every test event, context = its local part of day, day kind, region and the user's visits in the previous ${historyMinutes} min` +
    ` · truth: the event's category / item · candidates: all ${nC} categories / ${model.itemIds.length} items, seen items kept` +
    ` · rules and popularity from train only · hr, ndcg @${ks.join(", ")} · mean over ${queries.length} queries`;
  return {
    results,
    protocol,
    counts: {
      train: train.height,
      test: test.height,
      queries: queries.length,
      queriesWithRule: fired.size,
      unknownItems: truthItem.filter((i) => i < 0).length,
      unknownCategories: truthCat.filter((c) => c < 0).length,
    },
    cut: report.cut,
    model,
  };
}
