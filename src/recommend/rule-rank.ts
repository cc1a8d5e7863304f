/**
 * The ranking core of the rule recommender, shared by `recommendWithRules`,
 * `recommendCategoriesWithRules` and `ruleRecommender.recommend`: category scores → ranked
 * categories, or → item scores via each item's share of its category → ranked items, with
 * explanations.
 */
import pl from "nodejs-polars";
import { findId } from "./csr";
import { explainContextRule, explainFallback, explainSequenceRule } from "./rule-explain";
import type { RuleModel } from "./rule-model";
import type { RuleRecOptions } from "./rule-options";
import type { ParsedQuery } from "./rule-query";
import { indexRules, scoreCategories, type Contribution, type RuleIndex, type RuleScoring } from "./rule-score";
import { TopKHeap } from "./top-k";

/**
 * Output rows, filled query by query, then turned into a frame.
 * @example
 * ```ts
 * const rows = new RuleRows();
 * rows.push("u1", "p1", "Bar", 0.9, 1, "weekend evenings, people go to a Bar: …", false);
 * rows.frame(true); // user | item | category | score | rank | explanation | fallback
 * ```
 * @internal
 */
export class RuleRows {
  user: string[] = [];
  item: string[] = [];
  category: string[] = [];
  score: number[] = [];
  explanation: string[] = [];
  fallback: boolean[] = [];
  rank: number[] = [];

  push(user: string, item: string | null, category: string, score: number, rank: number, explanation: string, fallback: boolean): void {
    this.user.push(user);
    if (item !== null) this.item.push(item);
    this.category.push(category);
    this.score.push(score);
    this.rank.push(rank);
    this.explanation.push(explanation);
    this.fallback.push(fallback);
  }

  /** The frame: user, [item,] category, score, rank, explanation, fallback. */
  frame(withItem: boolean): pl.DataFrame {
    const cols: pl.Series[] = [pl.Series("user", this.user, pl.Utf8)];
    if (withItem) cols.push(pl.Series("item", this.item, pl.Utf8));
    cols.push(
      pl.Series("category", this.category, pl.Utf8),
      pl.Series("score", Float64Array.from(this.score)),
      pl.Series("rank", Int32Array.from(this.rank)),
      pl.Series("explanation", this.explanation, pl.Utf8),
      pl.Series("fallback", this.fallback, pl.Bool),
    );
    return pl.DataFrame(cols);
  }
}

/**
 * What ranking one query needs, computed once per call (see {@link ruleRanker}).
 * @example
 * ```ts
 * const r: RuleRanker = ruleRanker(model, resolveRuleOptions({ k: 10 }));
 * ```
 * @internal
 */
export interface RuleRanker {
  model: RuleModel;
  o: RuleRecOptions;
  index: RuleIndex;
  /** Σ visits of the items of each category, and per (category, region). */
  catTotal: Float64Array;
  catRegionTotal: Float64Array;
  visitShare: Float64Array;
}

/**
 * Prepares the rule index and the item-share tables.
 * @example
 * ```ts
 * const ranker = ruleRanker(model, resolveRuleOptions({ k: 10 }));
 * ```
 * @internal
 */
export function ruleRanker(model: RuleModel, o: RuleRecOptions): RuleRanker {
  const nC = model.categories.length;
  const nR = model.regions.length;
  const catTotal = new Float64Array(nC);
  const catRegionTotal = new Float64Array(nC * Math.max(1, nR));
  for (let i = 0; i < model.itemIds.length; i++) {
    const c = model.itemCategory[i];
    if (c < 0) continue;
    catTotal[c] += model.itemVisits[i];
    if (model.itemRegion[i] >= 0) catRegionTotal[c * nR + model.itemRegion[i]] += model.itemVisits[i];
  }
  let total = 0;
  for (let c = 0; c < nC; c++) total += model.categoryVisits[c];
  const visitShare = Float64Array.from(model.categoryVisits, (v) => (total > 0 ? v / total : 0));
  return { model, o, index: indexRules(model), catTotal, catRegionTotal, visitShare };
}

/** The explanation of a category from its fired rules (up to `maxReasons`, then a count). */
function explainFired(model: RuleModel, fired: Contribution[], o: RuleRecOptions): string {
  const said = fired.slice(0, o.maxReasons).map((f) => (f.kind === "context" ? explainContextRule(model.contextRules[f.rule], o.digits) : explainSequenceRule(model.sequenceRules[f.rule], o.digits)));
  const more = fired.length - said.length;
  return more > 0 ? `${said.join("; ")}; and ${more} more rule${more > 1 ? "s" : ""}` : said.join("; ");
}

/**
 * Ranks the categories of one parsed query into `rows` (score descending, ties by name).
 * @example
 * ```ts
 * rankCategories(ranker, parseQuery(model, q, 0, 120), rows);
 * ```
 * @internal
 */
export function rankCategories(r: RuleRanker, q: ParsedQuery, rows: RuleRows): void {
  const { model, o } = r;
  const { score, fired } = scoreCategories(model, r.index, q, o as RuleScoring);
  const order = Array.from({ length: score.length }, (_, c) => c).sort((a, b) => score[b] - score[a] || a - b);
  order.slice(0, o.k).forEach((c, j) => {
    const none = fired[c].length === 0;
    const why = none ? explainFallback(model.categories[c], { share: r.visitShare[c] }) : explainFired(model, fired[c], o);
    rows.push(q.user, null, model.categories[c], score[c], j + 1, why, none);
  });
}

/**
 * Ranks the items of one parsed query into `rows`: item score = score(c_i) × share(i | c_i, r).
 * `exclude` holds item indices to leave out; `among` (sorted) restricts the candidates. Ties go
 * to the smaller item index.
 * @example
 * ```ts
 * rankItems(ranker, parseQuery(model, q, 0, 120), rows, new Set());
 * ```
 * @internal
 */
export function rankItems(r: RuleRanker, q: ParsedQuery, rows: RuleRows, exclude: ReadonlySet<number>, among?: Int32Array): void {
  const { model, o } = r;
  const { score, fired } = scoreCategories(model, r.index, q, o as RuleScoring);
  const nR = model.regions.length;
  const region = o.itemScope === "region" && q.region !== null ? findId(model.regions, q.region) : -1;
  const m = o.regionSmoothing;
  const itemScore = (i: number): number => {
    const c = model.itemCategory[i];
    const n = model.itemVisits[i];
    if (region < 0) return (score[c] * n) / r.catTotal[c];
    const inRegion = model.itemRegion[i] === region ? n : 0;
    const denom = r.catRegionTotal[c * nR + region] + m;
    return denom > 0 ? (score[c] * (inRegion + (m * n) / r.catTotal[c])) / denom : (score[c] * n) / r.catTotal[c];
  };
  const heap = new TopKHeap(o.k);
  const consider = (i: number): void => {
    if (model.itemCategory[i] < 0 || exclude.has(i)) return;
    heap.offer(itemScore(i), i);
  };
  if (among) for (const i of among) consider(i);
  else for (let i = 0; i < model.itemIds.length; i++) consider(i);
  const top = heap.result();
  for (let j = 0; j < top.items.length; j++) {
    const i = top.items[j];
    const c = model.itemCategory[i];
    const none = fired[c].length === 0;
    const inRegion = region >= 0 && model.itemRegion[i] === region ? model.regions[region] : null;
    const why = none ? explainFallback(model.categories[c], { visits: model.itemVisits[i], region: inRegion }) : explainFired(model, fired[c], o);
    rows.push(q.user, model.itemIds[i], model.categories[c], itemScore(i), j + 1, why, none);
  }
}

/**
 * The item indices a query excludes under `excludeSeen`: the training items of a user the model
 * knows (by the query's `user`) and the query's recent items.
 * @example
 * ```ts
 * rankItems(ranker, q, rows, seenItems(model, q));
 * ```
 * @internal
 */
export function seenItems(model: RuleModel, q: ParsedQuery): Set<number> {
  const out = new Set<number>();
  const u = findId(model.userIds, q.user);
  if (u >= 0) for (let p = model.seenIndptr[u]; p < model.seenIndptr[u + 1]; p++) out.add(model.seenIndices[p]);
  for (const item of q.recentItems) {
    const i = findId(model.itemIds, item);
    if (i >= 0) out.add(i);
  }
  return out;
}

