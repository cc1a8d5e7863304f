/**
 * Rule firing and category scoring of the rule recommender.
 *
 * score(c) = prior · P(c) + AGG_{fired r ⇒ c} w(r) · decay(r)
 *
 * - P(c) = training visits of c / all training visits (the popularity prior, which also ranks the
 *   categories no rule fired for);
 * - w(r) = confidence × lift (`"confidence-lift"`), confidence, or lift;
 * - decay(r) = 1 for an association rule (it describes the present), and 2^(−e / h) for a
 *   sequential rule whose antecedent category was last visited e minutes ago (0 ≤ e ≤ Δt), with
 *   half-life h = `halfLifeMinutes` or, by default, the rule's own Δt (a visit at the edge of the
 *   window counts half);
 * - AGG = Σ (`"sum"`), max (`"max"`), or `"specific"`: the most specific fired association rule
 *   of c (largest antecedent; ties: larger weight) plus Σ of the fired sequential rules, i.e. the
 *   narrowest context's estimate plus the sequence evidence (less double counting of nested
 *   contexts than Σ).
 */
import type { RuleModel } from "./rule-model";
import type { ParsedQuery } from "./rule-query";
import { findId } from "./csr";

/**
 * The weight w(r) of one fired rule.
 * @example
 * ```ts
 * const w: RuleWeight = "confidence-lift";
 * ```
 */
export type RuleWeight = "confidence-lift" | "confidence" | "lift";
/**
 * How the weights of the rules firing for one category combine (see the module formula).
 * @example
 * ```ts
 * const agg: RuleCombine = "max";
 * ```
 */
export type RuleCombine = "sum" | "max" | "specific";

/**
 * Scoring settings (see the module formula).
 * @example
 * ```ts
 * const s: RuleScoring = { weight: "confidence-lift", combine: "sum", prior: 1, halfLifeMinutes: null };
 * ```
 */
export interface RuleScoring {
  weight: RuleWeight;
  combine: RuleCombine;
  /** Weight of the popularity prior P(c), ≥ 0 (0: categories without a fired rule score 0). */
  prior: number;
  /** Half-life of the recency decay, minutes > 0 (Infinity: no decay); null: each rule's Δt. */
  halfLifeMinutes: number | null;
}

/**
 * One fired rule and what it added to its category's score.
 * @example
 * ```ts
 * const c: Contribution = { kind: "sequence", rule: 0, value: 3.1, elapsedMin: 45 };
 * ```
 */
export interface Contribution {
  kind: "context" | "sequence";
  /** Index into `model.contextRules` or `model.sequenceRules`. */
  rule: number;
  /** w(r) · decay(r). */
  value: number;
  /** Minutes since the antecedent visit (sequential rules; NaN for context rules). */
  elapsedMin: number;
}

/**
 * Rules indexed for firing, built once per call (see {@link indexRules}).
 * @example
 * ```ts
 * const index: RuleIndex = indexRules(model);
 * ```
 * @internal
 */
export interface RuleIndex {
  /** Antecedent token → context rules containing it. */
  byToken: Map<string, number[]>;
  /** Context rules with an empty antecedent (always fire). */
  always: number[];
  contextCategory: Int32Array;
  /** Antecedent category → sequential rules. */
  byAntecedent: Map<string, number[]>;
  sequenceCategory: Int32Array;
  /** Per context rule, the call that last touched it and its matched tokens (reused across calls). */
  stamp: Int32Array;
  /** Calls of {@link scoreCategories} so far (the current stamp). */
  calls: number;
  hits: Int32Array;
}

/**
 * Indexes a model's rules by antecedent token and by antecedent category.
 * @example
 * ```ts
 * const index = indexRules(model);
 * ```
 * @internal
 */
export function indexRules(model: RuleModel): RuleIndex {
  const byToken = new Map<string, number[]>();
  const always: number[] = [];
  model.contextRules.forEach((r, j) => {
    if (r.antecedent.length === 0) always.push(j);
    for (const t of r.antecedent) {
      const list = byToken.get(t);
      if (list) list.push(j);
      else byToken.set(t, [j]);
    }
  });
  const byAntecedent = new Map<string, number[]>();
  model.sequenceRules.forEach((r, j) => {
    const list = byAntecedent.get(r.antecedent);
    if (list) list.push(j);
    else byAntecedent.set(r.antecedent, [j]);
  });
  return {
    byToken,
    always,
    contextCategory: Int32Array.from(model.contextRules, (r) => findId(model.categories, r.category)),
    byAntecedent,
    sequenceCategory: Int32Array.from(model.sequenceRules, (r) => findId(model.categories, r.category)),
    stamp: new Int32Array(model.contextRules.length).fill(-1),
    calls: 0,
    hits: new Int32Array(model.contextRules.length),
  };
}

/**
 * A rule's weight before decay.
 * @example
 * ```ts
 * ruleWeight(0.6, 5, "confidence-lift"); // 3
 * ```
 */
export function ruleWeight(confidence: number, lift: number, weight: RuleWeight): number {
  return weight === "confidence-lift" ? confidence * lift : weight === "confidence" ? confidence : lift;
}

/**
 * Scores every category of the model for one parsed query (see the module formula) and lists
 * the fired rules per category, largest contribution first (ties: context rules, then rule
 * order).
 *
 * @param model the model.
 * @param index its {@link indexRules}.
 * @param q the parsed query.
 * @param s the scoring settings.
 * @returns `score` per category (index as `model.categories`) and `fired` contributions.
 * @example
 * ```ts
 * const { score, fired } = scoreCategories(model, indexRules(model), parseQuery(model, q, 0, 120), scoring);
 * ```
 * @internal
 */
export function scoreCategories(model: RuleModel, index: RuleIndex, q: ParsedQuery, s: RuleScoring): { score: Float64Array; fired: Contribution[][] } {
  const stamp = ++index.calls;
  const nC = model.categories.length;
  const agg = new Float64Array(nC);
  const fired: Contribution[][] = Array.from({ length: nC }, () => []);
  const specific = s.combine === "specific";
  const best = specific ? new Int32Array(nC).fill(-1) : null; // most specific context rule per category
  const bestValue = new Float64Array(nC);
  const add = (c: number, contribution: Contribution): void => {
    if (c < 0) return;
    if (best && contribution.kind === "context") {
      const b = best[c];
      const len = model.contextRules[contribution.rule].antecedent.length;
      const bLen = b < 0 ? -1 : model.contextRules[b].antecedent.length;
      if (len > bLen || (len === bLen && (contribution.value > bestValue[c] || (contribution.value === bestValue[c] && contribution.rule < b)))) {
        best[c] = contribution.rule;
        bestValue[c] = contribution.value;
      }
      return;
    }
    fired[c].push(contribution);
    agg[c] = s.combine === "max" ? Math.max(agg[c], contribution.value) : agg[c] + contribution.value;
  };
  const fire = (j: number): void => {
    const r = model.contextRules[j];
    add(index.contextCategory[j], { kind: "context", rule: j, value: ruleWeight(r.confidence, r.lift, s.weight), elapsedMin: NaN });
  };
  for (const j of index.always) fire(j);
  for (const t of q.tokens) {
    const list = index.byToken.get(t);
    if (!list) continue;
    for (const j of list) {
      if (index.stamp[j] !== stamp) {
        index.stamp[j] = stamp;
        index.hits[j] = 0;
      }
      if (++index.hits[j] === model.contextRules[j].antecedent.length) fire(j);
    }
  }
  for (const [category, elapsed] of q.elapsedByCategory) {
    const list = index.byAntecedent.get(category);
    if (!list) continue;
    for (const j of list) {
      const r = model.sequenceRules[j];
      if (!(elapsed >= 0 && elapsed <= r.maxGapMin)) continue;
      const h = s.halfLifeMinutes ?? r.maxGapMin;
      const decay = h === Infinity ? 1 : Math.pow(2, -elapsed / h);
      add(index.sequenceCategory[j], { kind: "sequence", rule: j, value: ruleWeight(r.confidence, r.lift, s.weight) * decay, elapsedMin: elapsed });
    }
  }
  if (best) {
    for (let c = 0; c < nC; c++) {
      if (best[c] < 0) continue;
      fired[c].push({ kind: "context", rule: best[c], value: bestValue[c], elapsedMin: NaN });
      agg[c] += bestValue[c];
    }
  }
  let total = 0;
  for (let c = 0; c < nC; c++) total += model.categoryVisits[c];
  const score = new Float64Array(nC);
  for (let c = 0; c < nC; c++) {
    score[c] = (total > 0 ? (s.prior * model.categoryVisits[c]) / total : 0) + agg[c];
    if (fired[c].length > 1) fired[c].sort((a, b) => b.value - a.value || (a.kind === b.kind ? a.rule - b.rule : a.kind === "context" ? -1 : 1));
  }
  return { score, fired };
}
