/**
 * Association rules from frequent itemsets (mlxtend's `association_rules`), with arules'
 * single-consequent mode, thresholds on any metric, redundant-rule pruning and top-k.
 */
import pl from "nodejs-polars";
import type { FrequentItemsets } from "./itemset-sink";
import { itemsetKey, itemsetTable, type ItemsetTable } from "./itemset-table";
import { labelRanks, listSeries } from "./itemsets-frame";
import { redundantRules } from "./redundant-rules";
import { checkMetric, RULE_METRICS, ruleMetrics, type RuleMetric } from "./rule-metrics";

/**
 * Which splits of an itemset become rules.
 * @example
 * ```ts
 * associationRules(itemsets, { mode: "single-consequent" });
 * ```
 */
export type RuleMode = "all" | "single-consequent";

/**
 * Options of {@link associationRules}.
 * @example
 * ```ts
 * associationRules(itemsets, { metric: "lift", minThreshold: 1.2, thresholds: { confidence: 0.3 }, pruneRedundant: true, topK: 20 });
 * ```
 */
export interface AssociationRulesOptions {
  /** Metric that `minThreshold` applies to (see {@link RULE_METRICS}). Default `"confidence"`. */
  metric?: RuleMetric;
  /** Keep rules with `metric` ≥ this. Default `0.8` (mlxtend's). */
  minThreshold?: number;
  /** More minimum thresholds, on any metrics, e.g. `{ lift: 1.2, support: 0.01 }`. Default `{}`. */
  thresholds?: Partial<Record<RuleMetric, number>>;
  /**
   * `"all"`: every split of an itemset into a non-empty antecedent and consequent (mlxtend);
   * `"single-consequent"`: exactly one item on the right (R arules `apriori`). Default `"all"`.
   */
  mode?: RuleMode;
  /** Minimum items in the whole rule (antecedent ∪ consequent), integer ≥ 2. Default `2`. */
  minLen?: number;
  /** Maximum items in the whole rule. Default `Infinity`. */
  maxLen?: number;
  /** Drop redundant rules (see {@link redundantRules}). Default `false`. */
  pruneRedundant?: boolean;
  /** Metric the output is sorted by, descending. Default: `metric`. */
  sortBy?: RuleMetric;
  /** Keep only the first `topK` rules after sorting. Default `Infinity` (all). */
  topK?: number;
  /** Stop with an Error once more rules than this pass the thresholds. Default `1_000_000`. */
  maxRules?: number;
}

const defaults = {
  metric: "confidence" as RuleMetric,
  minThreshold: 0.8,
  mode: "all" as RuleMode,
  minLen: 2,
  maxLen: Infinity,
  pruneRedundant: false,
  topK: Infinity,
  maxRules: 1_000_000,
};

const M = RULE_METRICS.length;

/**
 * Generates association rules A → C from frequent itemsets. Supports come from the
 * itemsets (every subset of an itemset must be present, as downward closure guarantees
 * for a complete mining result); confidence is computed from counts when the input has them,
 * so thresholds match R's arules exactly.
 *
 * @param itemsets the frame of {@link fpGrowth} / {@link apriori} (columns `itemsets`,
 * `support`, optional `count`) or their raw typed result.
 * @param options see {@link AssociationRulesOptions}.
 * @returns columns `antecedents`, `consequents` (List(String), items in label order) and one
 * Float64 column per metric in {@link RULE_METRICS} order (formulas and ranges there), sorted by
 * `sortBy` descending (ties: support, confidence, then items).
 * @throws Error on an unknown metric (listing the valid ones), an empty or malformed itemsets
 * frame, a missing subset, or more than `maxRules` rules.
 * @example
 * ```ts
 * const itemsets = fpGrowth(baskets, { minSupport: 0.006 });
 * associationRules(itemsets, { minThreshold: 0.25, mode: "single-consequent" }); // arules apriori's rules
 * associationRules(itemsets, { metric: "lift", minThreshold: 1.5, topK: 10 });
 * ```
 */
export function associationRules(itemsets: pl.DataFrame | FrequentItemsets, options: AssociationRulesOptions = {}): pl.DataFrame {
  const o = { ...defaults, ...options };
  const metric = checkMetric(o.metric, "metric");
  const sortBy = checkMetric(options.sortBy ?? metric, "sortBy");
  const bounds: Array<[number, number]> = [[RULE_METRICS.indexOf(metric), checkNumber(o.minThreshold, "minThreshold")]];
  for (const [name, v] of Object.entries(o.thresholds ?? {})) {
    bounds.push([RULE_METRICS.indexOf(checkMetric(name, "thresholds")), checkNumber(v, `thresholds.${name}`)]);
  }
  if (o.mode !== "all" && o.mode !== "single-consequent") {
    throw new Error(`mode must be "all" or "single-consequent", got ${JSON.stringify(o.mode)}`);
  }
  if (!(Number.isInteger(o.minLen) && o.minLen >= 2)) throw new Error(`minLen must be an integer >= 2 (a rule has two sides), got ${o.minLen}`);
  if (!((Number.isInteger(o.maxLen) || o.maxLen === Infinity) && o.maxLen >= o.minLen)) {
    throw new Error(`maxLen must be an integer >= minLen (${o.minLen}) or Infinity, got ${o.maxLen}`);
  }
  if (!(o.topK === Infinity || (Number.isInteger(o.topK) && o.topK >= 0))) throw new Error(`topK must be an integer >= 0 or Infinity, got ${o.topK}`);
  const table = itemsetTable(itemsets, "associationRules");
  const rules = generate(table, o.mode, o.minLen, o.maxLen, bounds, o.maxRules);
  let keep = Array.from({ length: rules.ante.length }, (_, r) => r);
  if (o.pruneRedundant) {
    const conf = Float64Array.from(keep, (r) => rules.metrics[r * M + 3]);
    const redundant = redundantRules({ ante: rules.ante, cons: rules.cons, confidence: conf });
    keep = keep.filter((r) => !redundant[r]);
  }
  const rank = labelRanks(table.labels);
  const names = (ids: Int32Array): string[] => Array.from(ids).sort((a, b) => rank[a] - rank[b]).map((i) => table.labels[i]);
  const ante = rules.ante.map(names);
  const cons = rules.cons.map(names);
  const s = RULE_METRICS.indexOf(sortBy);
  const text = ante.map((x, r) => `${x.join("\u0000")}\u0001${cons[r].join("\u0000")}`);
  const m = rules.metrics;
  const desc = (a: number, b: number, j: number): number => (m[a * M + j] === m[b * M + j] ? 0 : m[b * M + j] > m[a * M + j] ? 1 : -1);
  keep.sort((a, b) => desc(a, b, s) || desc(a, b, 2) || desc(a, b, 3) || (text[a] < text[b] ? -1 : text[a] > text[b] ? 1 : 0));
  if (keep.length > o.topK) keep = keep.slice(0, o.topK);
  const columns: pl.Series[] = [listSeries("antecedents", keep.map((r) => ante[r])), listSeries("consequents", keep.map((r) => cons[r]))];
  RULE_METRICS.forEach((name, j) => columns.push(pl.Series(name, Float64Array.from(keep, (r) => rules.metrics[r * M + j]))));
  return pl.DataFrame(columns);
}

function checkNumber(v: unknown, name: string): number {
  if (typeof v !== "number" || Number.isNaN(v)) throw new Error(`${name} must be a number, got ${String(v)}`);
  return v;
}

/** Rules passing the thresholds: sides as ascending ids, metrics row-major (M per rule). */
function generate(
  t: ItemsetTable,
  mode: RuleMode,
  minLen: number,
  maxLen: number,
  bounds: Array<[number, number]>,
  maxRules: number,
): { ante: Int32Array[]; cons: Int32Array[]; metrics: number[] } {
  const ante: Int32Array[] = [];
  const cons: Int32Array[] = [];
  const metrics: number[] = [];
  const row = new Float64Array(M);
  const a: number[] = [];
  const c: number[] = [];
  const lookup = (side: number[], whole: number): number => {
    const r = t.index.get(itemsetKey(side, 0, side.length));
    if (r === undefined) {
      const items = side.map((i) => JSON.stringify(t.labels[i])).join(", ");
      const of = itemsetKey(t.ids, t.offsets[whole], t.offsets[whole + 1]).split(",").map((i) => JSON.stringify(t.labels[+i]));
      throw new Error(
        `associationRules: the support of {${items}} (a subset of {${of.join(", ")}}) is missing; ` +
          `rules need every subset of each itemset: mine with minLen 1 and without filtering the itemsets`,
      );
    }
    return r;
  };
  for (let r = 0; r < t.support.length; r++) {
    const lo = t.offsets[r];
    const k = t.offsets[r + 1] - lo;
    if (k < minLen || k > maxLen) continue;
    if (mode === "all" && k > 20) throw new Error(`associationRules: an itemset of ${k} items has 2^${k} − 2 splits; use mode "single-consequent" or maxLen`);
    // the consequent as a bitmask over the itemset's positions
    const consider = (mask: number): void => {
      a.length = 0;
      c.length = 0;
      for (let j = 0; j < k; j++) (mask & (1 << j) ? c : a).push(t.ids[lo + j]);
      const ra = lookup(a, r);
      const rc = lookup(c, r);
      const conf = t.count ? t.count[r] / t.count[ra] : t.support[r] / t.support[ra];
      ruleMetrics(t.support[ra], t.support[rc], t.support[r], conf, row);
      for (const [j, min] of bounds) if (!(row[j] >= min)) return;
      if (ante.length >= maxRules) {
        throw new Error(`associationRules: more than ${maxRules} rules pass the thresholds; raise minThreshold, set maxLen, or raise maxRules`);
      }
      ante.push(Int32Array.from(a));
      cons.push(Int32Array.from(c));
      for (let j = 0; j < M; j++) metrics.push(row[j]);
    };
    if (mode === "all") for (let mask = 1; mask < (1 << k) - 1; mask++) consider(mask);
    else for (let j = 0; j < k; j++) consider(1 << j);
  }
  return { ante, cons, metrics };
}
