/**
 * Turns mined rule frames (`associationRules`, `sequentialRules` output) into the plain rules a
 * {@link RuleModel} fires, validating tokens and numbers and counting what was left out.
 */
import type pl from "nodejs-polars";
import { ST_PREFIX } from "../patterns/st-tokens";
import { DataError } from "../util/data-error";
import type { ContextRule, SequenceRule } from "./rule-model";

/**
 * Rules left out of a model, by reason (nothing is dropped silently).
 * @example
 * ```ts
 * parseContextRules(rules).skipped; // { notCategoryConsequent: 12, undefinedMetric: 0 }
 * ```
 */
export interface RuleSkips {
  /** Association rules whose consequent is not exactly one `cat:` token (e.g. {cat:Bar} ⇒ {time:evening}). */
  notCategoryConsequent: number;
  /** Rules whose confidence or lift is NaN (e.g. a sequential rule with a zero base rate). */
  undefinedMetric: number;
}

const KNOWN_PREFIXES: readonly string[] = Object.values(ST_PREFIX);
const VALID = "time:, day:, hour:, cell:, region:, cluster:, event:, cat: or an unprefixed item id";

/**
 * Checks one antecedent token: a context token, a `cat:` category, or an unprefixed item id.
 * A `user:` token (an actor, never part of a query) or a `word:` prefix the library does not
 * write fails.
 *
 * @param token the token.
 * @param where where it came from, for the message (e.g. `"association rule 3"`).
 * @throws Error naming the token, the rule and the valid prefixes.
 * @example
 * ```ts
 * checkRuleToken("region:Riverside", "rule 0"); // ok
 * checkRuleToken("weather:rain", "rule 0");     // Error: rule 0: unknown token prefix 'weather:' …
 * ```
 */
export function checkRuleToken(token: unknown, where: string): string {
  if (typeof token !== "string" || token.length === 0) throw new Error(`${where}: antecedent tokens must be non-empty strings, got ${JSON.stringify(token)}`);
  if (token.startsWith(ST_PREFIX.user)) {
    throw new Error(`${where}: token '${token}' is a user (actor) token, which no query holds; antecedents may be ${VALID}`);
  }
  const colon = token.indexOf(":");
  if (colon > 0 && !KNOWN_PREFIXES.includes(token.slice(0, colon + 1))) {
    throw new Error(`${where}: unknown token prefix '${token.slice(0, colon + 1)}' in '${token}'; antecedents may be ${VALID}`);
  }
  return token;
}

function requireRuleColumns(rules: pl.DataFrame, columns: readonly string[], what: string): void {
  for (const c of columns) {
    if (!rules.columns.includes(c)) throw new DataError(`${what} need column '${c}' (frame has: ${rules.columns.join(", ")})`, { column: c });
  }
}

function numbers(rules: pl.DataFrame, column: string): number[] {
  return (rules.getColumn(column).toArray() as (number | null)[]).map((v) => (v === null ? NaN : Number(v)));
}

function checkRange(v: number, column: string, r: number, what: string, max: number): void {
  if (!Number.isNaN(v) && !(v >= 0 && v <= max)) {
    throw new DataError(`${what} ${r}: ${column} must be in [0, ${max === Infinity ? "∞" : max}], got ${v}`, { column });
  }
}

/**
 * The category-predicting rules of an association-rule frame: each rule whose consequent is one
 * `cat:<category>` token becomes a {@link ContextRule}; others are counted in `skipped`.
 *
 * @param rules columns `antecedents`, `consequents` (List(String)), `confidence`, `lift`
 *   (Float64) and optionally `support` (as `associationRules` returns).
 * @returns the rules (antecedent tokens sorted) and the skip counts.
 * @throws DataError on a missing column or a metric out of range; Error on a bad token.
 * @example
 * ```ts
 * const { rules, skipped } = parseContextRules(associationRules(fpGrowth(baskets, { minSupport: 0.01 })));
 * ```
 */
export function parseContextRules(rules: pl.DataFrame): { rules: ContextRule[]; skipped: RuleSkips } {
  const what = "association rules";
  requireRuleColumns(rules, ["antecedents", "consequents", "confidence", "lift"], what);
  const ante = rules.getColumn("antecedents").toArray() as unknown as (string[] | null)[];
  const cons = rules.getColumn("consequents").toArray() as unknown as (string[] | null)[];
  const conf = numbers(rules, "confidence");
  const lift = numbers(rules, "lift");
  const support = rules.columns.includes("support") ? numbers(rules, "support") : null;
  const out: ContextRule[] = [];
  const skipped: RuleSkips = { notCategoryConsequent: 0, undefinedMetric: 0 };
  for (let r = 0; r < ante.length; r++) {
    const where = `association rule ${r}`;
    const c = cons[r] ?? [];
    const a = (ante[r] ?? []).map((t) => checkRuleToken(t, where));
    checkRange(conf[r], "confidence", r, "association rule", 1);
    checkRange(lift[r], "lift", r, "association rule", Infinity);
    if (c.length !== 1 || typeof c[0] !== "string" || !c[0].startsWith(ST_PREFIX.category) || c[0].length === ST_PREFIX.category.length) {
      skipped.notCategoryConsequent++;
      continue;
    }
    if (Number.isNaN(conf[r]) || Number.isNaN(lift[r])) {
      skipped.undefinedMetric++;
      continue;
    }
    out.push({
      antecedent: [...new Set(a)].sort(),
      category: c[0].slice(ST_PREFIX.category.length),
      confidence: conf[r],
      lift: lift[r],
      support: support ? support[r] : NaN,
    });
  }
  return { rules: out, skipped };
}

/**
 * The rules of a sequential-rule frame as {@link SequenceRule}s. Categories may carry the `cat:`
 * prefix or not; Δt comes from a `max_gap_min` column when present, else from `maxGapMinutes`.
 *
 * @param rules columns `antecedent`, `consequent` (String), `confidence`, `lift`, optional
 *   `median_delay_min`, `max_gap_min` (as `sequentialRules` returns, plus the Δt column).
 * @param maxGapMinutes Δt of every rule when the frame has no `max_gap_min` column (the
 *   `maxGapMinutes` they were mined with), > 0.
 * @returns the rules and the skip counts (NaN confidence or lift).
 * @throws DataError on a missing column, a metric out of range or a bad Δt.
 * @example
 * ```ts
 * parseSequenceRules(sequentialRules(events, { maxGapMinutes: 120 }), 120).rules[0];
 * // { antecedent: "Gym", category: "Coffee Shop", confidence: 0.58, lift: 35.2, medianDelayMin: 58.7, maxGapMin: 120 }
 * ```
 */
export function parseSequenceRules(rules: pl.DataFrame, maxGapMinutes: number): { rules: SequenceRule[]; skipped: RuleSkips } {
  const what = "sequential rules";
  requireRuleColumns(rules, ["antecedent", "consequent", "confidence", "lift"], what);
  const hasGap = rules.columns.includes("max_gap_min");
  if (!hasGap && !(Number.isFinite(maxGapMinutes) && maxGapMinutes > 0)) {
    throw new Error(`maxGapMinutes (Δt of the sequential rules) must be a finite number > 0, got ${maxGapMinutes}`);
  }
  const strip = (v: unknown, column: string, r: number): string => {
    if (typeof v !== "string" || v.length === 0) throw new DataError(`sequential rule ${r}: ${column} must be a category name, got ${JSON.stringify(v)}`, { column });
    return v.startsWith(ST_PREFIX.category) ? v.slice(ST_PREFIX.category.length) : v;
  };
  const a = rules.getColumn("antecedent").toArray() as unknown[];
  const b = rules.getColumn("consequent").toArray() as unknown[];
  const conf = numbers(rules, "confidence");
  const lift = numbers(rules, "lift");
  const delay = rules.columns.includes("median_delay_min") ? numbers(rules, "median_delay_min") : null;
  const gap = hasGap ? numbers(rules, "max_gap_min") : null;
  const out: SequenceRule[] = [];
  const skipped: RuleSkips = { notCategoryConsequent: 0, undefinedMetric: 0 };
  for (let r = 0; r < a.length; r++) {
    const antecedent = strip(a[r], "antecedent", r);
    const category = strip(b[r], "consequent", r);
    checkRange(conf[r], "confidence", r, "sequential rule", 1);
    checkRange(lift[r], "lift", r, "sequential rule", Infinity);
    const maxGapMin = gap ? gap[r] : maxGapMinutes;
    if (!(Number.isFinite(maxGapMin) && maxGapMin > 0)) throw new DataError(`sequential rule ${r}: max_gap_min must be a finite number > 0, got ${maxGapMin}`, { column: "max_gap_min" });
    if (Number.isNaN(conf[r]) || Number.isNaN(lift[r])) {
      skipped.undefinedMetric++;
      continue;
    }
    out.push({ antecedent, category, confidence: conf[r], lift: lift[r], medianDelayMin: delay ? delay[r] : NaN, maxGapMin });
  }
  return { rules: out, skipped };
}
