/**
 * The sentences that say why the rule recommender ranked something: one per fired rule, e.g.
 * "weekend evenings in Riverside, people go to a Bar: confidence 0.57, lift 5.7" or
 * "after a Gym, people visit a Coffee Shop within 2 h (median 59 min): confidence 0.58, lift 35".
 */
import { ST_PREFIX } from "../patterns/st-tokens";
import type { ContextRule, SequenceRule } from "./rule-model";

/**
 * A metric as printed in explanations: `digits` significant digits, no trailing zeros.
 *
 * @example
 * ```ts
 * formatRuleMetric(0.568872, 2); // "0.57"
 * formatRuleMetric(35.169, 2);   // "35"
 * ```
 */
export function formatRuleMetric(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(digits)));
}

/**
 * A duration in words: under an hour "N min", whole hours "N h", else "H h M min" (rounded to
 * the minute).
 *
 * @example
 * ```ts
 * formatMinutes(120); // "2 h"
 * formatMinutes(58.7); // "59 min"
 * formatMinutes(195); // "3 h 15 min"
 * ```
 */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * The noun with its indefinite article, by its first letter (vowel → "an"), with the common
 * exceptions of a vowel letter sounding as a consonant ("a University", "a European …").
 *
 * @example
 * ```ts
 * withArticle("Office");     // "an Office"
 * withArticle("University"); // "a University"
 * ```
 */
export function withArticle(noun: string): string {
  const an = /^[aeiou]/i.test(noun) && !/^(uni|use|usu|uti|eu|one)/i.test(noun);
  return `${an ? "an" : "a"} ${noun}`;
}

const plural = (s: string): string => (s.endsWith("s") ? s : `${s}s`);
const and = (xs: string[]): string => xs.join(" and ");

/**
 * The antecedent of a context rule in words: when (day kind, part of day, hour), where (region,
 * cell, cluster), event type, then recent behaviour ("after a Gym") and items.
 *
 * @example
 * ```ts
 * antecedentPhrase(["day:weekend", "region:Riverside", "time:evening"]); // "weekend evenings in Riverside"
 * antecedentPhrase(["day:weekday"]);                                      // "on weekdays"
 * antecedentPhrase(["cat:Gym", "time:morning"]);                          // "mornings after a Gym"
 * ```
 */
export function antecedentPhrase(tokens: readonly string[]): string {
  const of = (prefix: string): string[] => tokens.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));
  const day = of(ST_PREFIX.day);
  const time = of(ST_PREFIX.time);
  const hour = of(ST_PREFIX.hour);
  const parts: string[] = [];
  if (time.length > 0) parts.push(day.length > 0 ? `${and(day)} ${and(time.map(plural))}` : and(time.map(plural)));
  else if (day.length > 0) parts.push(`on ${and(day.map(plural))}`);
  if (hour.length > 0) parts.push(`at ${and(hour.map((h) => `${h} h`))}`);
  const region = of(ST_PREFIX.region);
  const cell = of(ST_PREFIX.cell);
  const cluster = of(ST_PREFIX.cluster);
  if (region.length > 0) parts.push(`in ${and(region)}`);
  if (cell.length > 0) parts.push(`in cell ${and(cell)}`);
  if (cluster.length > 0) parts.push(`in cluster ${and(cluster)}`);
  const event = of(ST_PREFIX.event);
  if (event.length > 0) parts.push(`at ${and(event)} events`);
  const cats = of(ST_PREFIX.category);
  if (cats.length > 0) parts.push(`after ${and(cats.map(withArticle))}`);
  const items = tokens.filter((t) => t.indexOf(":") <= 0);
  if (items.length > 0) parts.push(`after visiting ${and(items)}`);
  return parts.length > 0 ? parts.join(" ") : "in general";
}

/**
 * The sentence of a fired association rule.
 *
 * @example
 * ```ts
 * explainContextRule({ antecedent: ["day:weekend", "region:Riverside", "time:evening"], category: "Bar", confidence: 0.5689, lift: 5.676, support: 0.02 }, 2);
 * // "weekend evenings in Riverside, people go to a Bar: confidence 0.57, lift 5.7"
 * ```
 */
export function explainContextRule(r: ContextRule, digits: number): string {
  return `${antecedentPhrase(r.antecedent)}, people go to ${withArticle(r.category)}: confidence ${formatRuleMetric(r.confidence, digits)}, lift ${formatRuleMetric(r.lift, digits)}`;
}

/**
 * The sentence of a fired sequential rule (the median delay is left out when unknown).
 *
 * @example
 * ```ts
 * explainSequenceRule({ antecedent: "Gym", category: "Coffee Shop", confidence: 0.577, lift: 35.17, medianDelayMin: 58.7, maxGapMin: 120 }, 2);
 * // "after a Gym, people visit a Coffee Shop within 2 h (median 59 min): confidence 0.58, lift 35"
 * ```
 */
export function explainSequenceRule(r: SequenceRule, digits: number): string {
  const median = Number.isFinite(r.medianDelayMin) ? ` (median ${formatMinutes(r.medianDelayMin)})` : "";
  return `after ${withArticle(r.antecedent)}, people visit ${withArticle(r.category)} within ${formatMinutes(r.maxGapMin)}${median}: confidence ${formatRuleMetric(r.confidence, digits)}, lift ${formatRuleMetric(r.lift, digits)}`;
}

/**
 * The explanation of a row no rule fired for (the popularity fallback): at category level with
 * the category's share of visits, at item level with the item's visits and, when the item lies
 * in the query's region, that region.
 *
 * @example
 * ```ts
 * explainFallback("Coffee Shop", { share: 0.184 });                     // "no rule fired: Coffee Shop is popular (18 % of visits)"
 * explainFallback("Coffee Shop", { visits: 312, region: "Riverside" }); // "no rule fired: popular Coffee Shop in Riverside (312 visits)"
 * ```
 */
export function explainFallback(category: string, detail: { share?: number; visits?: number; region?: string | null }): string {
  if (detail.visits === undefined) return `no rule fired: ${category} is popular (${Math.round(100 * (detail.share ?? 0))} % of visits)`;
  return `no rule fired: popular ${category}${detail.region ? ` in ${detail.region}` : ""} (${detail.visits} visits)`;
}
