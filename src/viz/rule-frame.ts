/**
 * Reading rule frames (of `associationRules` and `sequentialRules`) for the rule figures:
 * rule sides as string arrays, metric columns as numbers, a deterministic top-k order and
 * compact number labels.
 */
import type pl from "nodejs-polars";
import { RULE_METRICS } from "../patterns/rule-metrics";
import { DataError } from "../util/data-error";
import { dtypeOf, isNumericColumn, requireColumns, requireNumeric } from "./frame-checks";

/** Metric columns that rule frames may carry: association-rule metrics, then sequential-rule ones. */
const KNOWN_METRICS: readonly string[] = [...RULE_METRICS, "n_antecedent", "n_both", "n_users", "base_rate", "median_delay_min"];

/**
 * One side of each rule as an array of item labels: a `List(String)` column (the
 * `antecedents` / `consequents` of `associationRules`) or a `String` column (the
 * `antecedent` / `consequent` of `sequentialRules`, one item per rule).
 *
 * @param df the rule frame
 * @param column the side's column
 * @param caller the figure's name, for messages
 * @param rows read only these rows, in this order (the list columns are the slow part). Default: all rows.
 * @returns one array of labels per (selected) row, a fresh array each
 * @throws DataError when the column is missing, has another dtype, or holds a null or empty side
 * @example
 * ```ts
 * readRuleSides(rules, "antecedents", "ruleScatterFigure"); // [["bread", "milk"], ["eggs"], …]
 * readRuleSides(rules, "antecedents", "ruleScatterFigure", Int32Array.of(4, 0)); // rows 4 and 0
 * ```
 */
export function readRuleSides(df: pl.DataFrame, column: string, caller: string, rows?: Int32Array): string[][] {
  requireColumns(df, [column], caller);
  const dtype = dtypeOf(df, column);
  if (dtype !== "String" && dtype !== "Utf8" && dtype !== "List") {
    throw new DataError(`${caller}: a rule side must be a List(String) or String column, got ${dtype}`, { column });
  }
  const series = df.getColumn(column);
  const values = (rows === undefined ? series : series.gather(Array.from(rows))).toArray() as unknown[];
  const sides = values.map((v) => (Array.isArray(v) ? v.map((x) => String(x)) : v === null || v === undefined ? [] : [String(v)]));
  const bad = sides.findIndex((s) => s.length === 0);
  if (bad >= 0) throw new DataError(`${caller}: rule ${rows === undefined ? bad : rows[bad]} has an empty or null side`, { column });
  return sides;
}

/**
 * A numeric metric column of a rule frame as a `Float64Array` (nulls become NaN).
 *
 * @param df the rule frame
 * @param metric the metric (column) name
 * @param caller the figure's name, for messages
 * @param param the option the name came from, for messages
 * @throws DataError when `metric` is a known rule metric that the frame lacks, or not numeric;
 *   Error when `metric` is neither a column of the frame nor a known metric (the message lists both)
 * @example
 * ```ts
 * readRuleMetric(rules, "lift", "ruleScatterFigure", "color"); // Float64Array [2.5, 1.25, …]
 * ```
 */
export function readRuleMetric(df: pl.DataFrame, metric: string, caller: string, param: string): Float64Array {
  if (typeof metric !== "string" || metric === "") throw new Error(`${caller}: ${param} must be a metric name, got ${JSON.stringify(metric)}`);
  if (!df.columns.includes(metric)) {
    if (KNOWN_METRICS.includes(metric)) {
      throw new DataError(`${caller}: ${param} is '${metric}' but the rule frame has no such column (it has ${df.columns.join(", ")})`, {
        column: metric,
      });
    }
    const numeric = df.columns.filter((c) => isNumericColumn(df, c));
    throw new Error(
      `${caller}: ${param}: unknown metric ${JSON.stringify(metric)}; use a numeric column of the frame (${numeric.join(", ") || "none"})`,
    );
  }
  requireNumeric(df, metric, caller);
  const values = df.getColumn(metric).toArray() as unknown[];
  return Float64Array.from(values, (v) => (v === null || v === undefined ? NaN : Number(v)));
}

/**
 * Row indices ordered by `values` descending (+∞ first, NaN last, ties by row index), cut to
 * the first `k`: the deterministic "top rules by a metric".
 *
 * @example
 * ```ts
 * topRuleOrder(Float64Array.of(1, NaN, 3, 1), 3); // Int32Array [2, 0, 3]
 * ```
 */
export function topRuleOrder(values: Float64Array, k: number = values.length): Int32Array {
  const order = Array.from({ length: values.length }, (_, i) => i);
  order.sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    const na = Number.isNaN(va);
    const nb = Number.isNaN(vb);
    if (na || nb) return na === nb ? a - b : na ? 1 : -1;
    return va === vb ? a - b : vb > va ? 1 : -1;
  });
  return Int32Array.from(order.slice(0, Math.max(0, Math.min(k, order.length))));
}

/**
 * A short label for a metric value: 4 significant digits, `"∞"`, `"−∞"` or `"NaN"`.
 *
 * @example
 * ```ts
 * formatMetric(2 / 3);     // "0.6667"
 * formatMetric(Infinity);  // "∞"
 * ```
 */
export function formatMetric(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "∞";
  if (v === -Infinity) return "−∞";
  return String(Number(v.toPrecision(4)));
}

/**
 * A rule as text: `"A, B ⇒ C"` (association rules) or with another arrow.
 *
 * @example
 * ```ts
 * ruleText(["bread", "milk"], ["eggs"]);        // "bread, milk ⇒ eggs"
 * ruleText(["Gym"], ["Coffee Shop"], " → ");    // "Gym → Coffee Shop"
 * ```
 */
export function ruleText(antecedent: readonly string[], consequent: readonly string[], arrow = " ⇒ "): string {
  return `${antecedent.join(", ")}${arrow}${consequent.join(", ")}`;
}

/**
 * Shortens a label to at most `max` characters, ending in "…" when cut.
 *
 * @example
 * ```ts
 * truncateLabel("a very long rule label", 10); // "a very lo…"
 * ```
 */
export function truncateLabel(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * The rule-side columns: the given ones, else `antecedents` / `consequents`
 * (associationRules), else `antecedent` / `consequent` (sequentialRules) when only those exist.
 *
 * @example
 * ```ts
 * ruleSideColumns(sequentialRules(events), undefined); // { antecedents: "antecedent", consequents: "consequent" }
 * ```
 */
export function ruleSideColumns(rules: pl.DataFrame, cols?: { antecedents?: string; consequents?: string }): { antecedents: string; consequents: string } {
  const plural = rules.columns.includes("antecedents") || !rules.columns.includes("antecedent");
  return {
    antecedents: cols?.antecedents ?? (plural ? "antecedents" : "antecedent"),
    consequents: cols?.consequents ?? (plural ? "consequents" : "consequent"),
  };
}

/**
 * `defaults` with every option that is not `undefined` laid over it (an explicit
 * `{ x: undefined }` keeps the default, unlike a plain spread).
 *
 * @example
 * ```ts
 * withDefaults({ topK: 30, metric: "lift" }, { topK: undefined }); // { topK: 30, metric: "lift" }
 * ```
 */
export function withDefaults<D extends object, O extends object>(defaults: D, options: O): D & O {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  return out as D & O;
}
