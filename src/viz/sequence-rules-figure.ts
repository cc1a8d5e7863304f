import type pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import type { PlotlyFigure } from "./figure";
import { formatInt, toPlotValues } from "./format";
import { requireColumns } from "./frame-checks";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";
import { formatMetric, readRuleMetric, readRuleSides, ruleText, topRuleOrder, truncateLabel, withDefaults } from "./rule-frame";

/**
 * Options of {@link sequenceRulesFigure}.
 *
 * @example
 * ```ts
 * sequenceRulesFigure(seqRules, { topK: 15, metric: "confidence" });
 * ```
 */
export interface SequenceRulesFigureOptions {
  /** Draw the top this many rules by `metric` (ties: row order; NaN last). Default 15. */
  topK?: number;
  /** Metric of the bar length and the ranking (a numeric column). Default `"confidence"`. */
  metric?: string;
  /** Bar colour. Default the first palette colour. */
  color?: string;
  /** Bar labels (`"A → B"`) are cut to this many characters (the hover shows the whole rule). Default 60. */
  labelMaxChars?: number;
  /** Column names. Default `antecedent`, `consequent`, `lift`, `median_delay_min` (the columns of `sequentialRules`). */
  cols?: { antecedent?: string; consequent?: string; lift?: string; delay?: string };
  /** Title. Default: derived, with a subtitle of counts. */
  title?: string;
}

const defaults = {
  topK: 15,
  metric: "confidence",
  color: PALETTE[0],
  labelMaxChars: 60,
};
const defaultCols = { antecedent: "antecedent", consequent: "consequent", lift: "lift", delay: "median_delay_min" };
/** Columns listed in the hover text, when the frame has them. */
const HOVER_EXTRA = ["support", "confidence", "n_both", "n_antecedent", "n_users", "base_rate"];

/**
 * Formats a delay in minutes to 3 significant digits: minutes under an hour (`"58.7 min"`),
 * else hours (`"2.5 h"`); `"n/a"` for NaN.
 *
 * @example
 * ```ts
 * formatDelay(58.7); // "58.7 min"
 * formatDelay(150);  // "2.5 h"
 * ```
 */
export function formatDelay(minutes: number): string {
  if (!Number.isFinite(minutes)) return "n/a";
  const three = (v: number): string => String(Number(v.toPrecision(3)));
  return minutes < 60 ? `${three(minutes)} min` : `${three(minutes / 60)} h`;
}

/**
 * Horizontal bars of the top sequential rules `"A → B"` by `metric` (confidence: the share
 * of A events followed by B within Δt), the strongest on top, each labelled with its lift and
 * the median delay from A to B; the hover adds support and the counts.
 *
 * @param seqRules a frame from `sequentialRules` (`antecedent`, `consequent`, `confidence`,
 *   `lift`, `median_delay_min`, …)
 * @param options see {@link SequenceRulesFigureOptions}
 * @returns a figure with one horizontal `bar` trace: `y` the rule labels, `x` the metric,
 *   `customdata` the frame rows, `text` "lift … · median delay …"
 * @throws DataError on an empty frame or a missing column; Error on an unknown metric name or
 *   an option out of range
 * @example
 * ```ts
 * const seqRules = sequentialRules(checkins, { maxGapMinutes: 120, minCount: 20 });
 * show(sequenceRulesFigure(seqRules, { topK: 15 }));
 * ```
 */
export function sequenceRulesFigure(seqRules: pl.DataFrame, options: SequenceRulesFigureOptions = {}): PlotlyFigure {
  const caller = "sequenceRulesFigure";
  const o = withDefaults(defaults, options);
  const cols = withDefaults(defaultCols, options.cols ?? {});
  if (!(Number.isInteger(o.topK) && o.topK >= 1)) throw new Error(`${caller}: topK must be an integer >= 1, got ${o.topK}`);
  if (!(Number.isInteger(o.labelMaxChars) && o.labelMaxChars >= 2)) throw new Error(`${caller}: labelMaxChars must be an integer >= 2, got ${o.labelMaxChars}`);
  const value = readRuleMetric(seqRules, o.metric, caller, "metric");
  const lift = readRuleMetric(seqRules, cols.lift, caller, "cols.lift");
  const delay = readRuleMetric(seqRules, cols.delay, caller, "cols.delay");
  requireColumns(seqRules, [cols.antecedent, cols.consequent], caller);
  if (seqRules.height === 0) throw new DataError(`${caller}: the rule frame is empty: no rules to plot (lower minCount or minConfidence)`);
  const top = topRuleOrder(value, o.topK);
  const kept = Array.from(top);
  const ante = readRuleSides(seqRules, cols.antecedent, caller, top);
  const cons = readRuleSides(seqRules, cols.consequent, caller, top);
  const full = kept.map((_, k) => ruleText(ante[k], cons[k], " → "));
  const labels = uniqueLabels(full.map((s) => truncateLabel(s, o.labelMaxChars)));
  const hoverNames = [o.metric, cols.lift, cols.delay, ...HOVER_EXTRA].filter((m, i, a) => a.indexOf(m) === i && seqRules.columns.includes(m));
  const hoverCols = hoverNames.map((m) => (m === o.metric ? value : m === cols.lift ? lift : m === cols.delay ? delay : readRuleMetric(seqRules, m, caller, "hover")));
  const hover = kept.map((r, k) => {
    const lines = hoverNames.map((m, j) => (m === cols.delay ? `median delay ${formatDelay(hoverCols[j][r])}` : `${m} ${formatMetric(hoverCols[j][r])}`));
    return [full[k], ...lines].join("<br>");
  });
  const xs = toPlotValues(kept.map((r) => value[r]));
  const trace = {
    type: "bar",
    orientation: "h",
    name: o.metric,
    x: xs,
    y: labels,
    customdata: kept,
    text: kept.map((r) => `lift ${formatMetric(lift[r])} · median delay ${formatDelay(delay[r])}`),
    textposition: "outside",
    cliponaxis: false,
    hovertext: hover,
    hoverinfo: "text",
    marker: { color: o.color },
  };
  let max = 0;
  let negative = false;
  for (const v of xs) {
    if (typeof v !== "number") continue;
    if (v < 0) negative = true;
    if (v > max) max = v;
  }
  const shown = kept.length < seqRules.height ? `top ${formatInt(kept.length)} of ${formatInt(seqRules.height)} rules by ${o.metric}` : `${formatInt(kept.length)} rules`;
  const title = o.title ?? `Sequential rules A → B by ${o.metric}<br><sup>${shown}; labels: lift · median delay from A to B</sup>`;
  return makeFigure([trace], title, {
    showlegend: false,
    xaxis: { ...axisTitle(o.metric), ...(negative || max === 0 ? {} : { range: [0, max * 1.45] }) },
    yaxis: { type: "category", autorange: "reversed", automargin: true },
    margin: { l: 24 },
    height: Math.max(300, 120 + 28 * kept.length),
    meta: { metric: o.metric, total: seqRules.height, shown: kept.length },
  });
}

/** Makes repeated labels distinct (a category axis would merge them): "x", "x (2)", … */
function uniqueLabels(labels: string[]): string[] {
  const used = new Map<string, number>();
  return labels.map((s) => {
    const n = (used.get(s) ?? 0) + 1;
    used.set(s, n);
    return n === 1 ? s : `${s} (${n})`;
  });
}
