import type pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import type { PlotlyFigure } from "./figure";
import { formatInt, toPlotValues } from "./format";
import { requireColumns } from "./frame-checks";
import { axisTitle, makeFigure } from "./layout-defaults";
import { formatMetric, readRuleMetric, readRuleSides, ruleSideColumns, ruleText, topRuleOrder, truncateLabel, withDefaults } from "./rule-frame";

/**
 * Options of {@link ruleScatterFigure}.
 *
 * @example
 * ```ts
 * ruleScatterFigure(rules, { x: "support", y: "confidence", color: "lift", maxRules: 2000, labelTop: 10 });
 * ```
 */
export interface RuleScatterOptions {
  /** Metric on the x axis (a numeric column of the frame). Default `"support"`. */
  x?: string;
  /** Metric on the y axis. Default `"confidence"`. */
  y?: string;
  /** Metric of the marker colour (continuous scale with a colour bar); also ranks the rules. Default `"lift"`. */
  color?: string;
  /** At most this many rules are drawn: the top ones by `color` (ties: row order); the subtitle says how many were left out. Default 2 000. */
  maxRules?: number;
  /** The top this many rules by `color` get a text label (0: none). Default 10. */
  labelTop?: number;
  /** Marker diameter in px. Default 8. */
  markerSize?: number;
  /** Marker opacity. Default 0.8. */
  opacity?: number;
  /** Plotly colour scale name. Default `"Viridis"`. */
  colorscale?: string;
  /** Labels of the text labels are cut to this many characters (the hover shows the whole rule). Default 40. */
  labelMaxChars?: number;
  /**
   * Columns of the rule sides: List(String) or String. Default `antecedents` / `consequents`
   * (associationRules), or `antecedent` / `consequent` (sequentialRules) when only those exist.
   */
  cols?: { antecedents?: string; consequents?: string };
  /** Title. Default: derived from the metrics, with a subtitle of counts. */
  title?: string;
}

const defaults = {
  x: "support",
  y: "confidence",
  color: "lift",
  maxRules: 2_000,
  labelTop: 10,
  markerSize: 8,
  opacity: 0.8,
  colorscale: "Viridis",
  labelMaxChars: 40,
};
const WEBGL_ABOVE = 5_000;
/** Metrics always listed in the hover text when the frame has them. */
const HOVER_METRICS = ["support", "confidence", "lift"];

/**
 * The classic rule scatter plot (arules' `plot(rules)`): one marker per rule at (`x`, `y`)
 * metric values, coloured by a third metric on a continuous scale with a colour bar. The
 * hover text is the rule, `"A, B ⇒ C"`, with its x, y, colour, support, confidence and lift;
 * the top `labelTop` rules by the colour metric are labelled on the plot.
 *
 * Above `maxRules` rules, only the top `maxRules` by the colour metric are kept (ties: row
 * order; NaN last), and the subtitle says how many were left out. Markers are drawn in
 * ascending colour order so the strongest rules lie on top: trace 0's `x`, `y` and
 * `marker.color` are the metric columns at rows `customdata` (NaN and ±∞ become `null`, as
 * in JSON; such rules are counted in the subtitle).
 *
 * @param rules a rule frame from `associationRules` (or `sequentialRules`)
 * @param options see {@link RuleScatterOptions}
 * @returns a figure: trace 0 the rules (`scatter`, `scattergl` above 5 000), trace 1 (when
 *   `labelTop` > 0) the labels, as a `text`-mode scatter at the same points
 * @throws DataError on an empty frame, a missing side or metric column; Error on an unknown
 *   metric name or an option out of range
 * @example
 * ```ts
 * const rules = associationRules(fpGrowth(baskets, { minSupport: 0.01 }), { minThreshold: 0.3 });
 * show(ruleScatterFigure(rules));
 * show(ruleScatterFigure(rules, { x: "support", y: "lift", color: "confidence", labelTop: 5 }));
 * ```
 */
export function ruleScatterFigure(rules: pl.DataFrame, options: RuleScatterOptions = {}): PlotlyFigure {
  const caller = "ruleScatterFigure";
  const o = withDefaults(defaults, options);
  if (!(Number.isInteger(o.maxRules) && o.maxRules >= 1)) throw new Error(`${caller}: maxRules must be an integer >= 1, got ${o.maxRules}`);
  if (!(Number.isInteger(o.labelTop) && o.labelTop >= 0)) throw new Error(`${caller}: labelTop must be an integer >= 0, got ${o.labelTop}`);
  if (!(Number.isInteger(o.labelMaxChars) && o.labelMaxChars >= 2)) {
    throw new Error(`${caller}: labelMaxChars must be an integer >= 2, got ${o.labelMaxChars}`);
  }
  const cols = ruleSideColumns(rules, options.cols);
  const xs = readRuleMetric(rules, o.x, caller, "x");
  const ys = readRuleMetric(rules, o.y, caller, "y");
  const cs = readRuleMetric(rules, o.color, caller, "color");
  requireColumns(rules, [cols.antecedents, cols.consequents], caller);
  if (rules.height === 0) throw new DataError(`${caller}: the rule frame is empty: no rules to plot (lower the mining thresholds)`);

  const top = topRuleOrder(cs, o.maxRules); // best first
  const drawn = Int32Array.from(top).reverse(); // best drawn last, on top
  const ante = readRuleSides(rules, cols.antecedents, caller, drawn); // by position in `drawn`
  const cons = readRuleSides(rules, cols.consequents, caller, drawn);
  const hoverNames = [o.x, o.y, o.color, ...HOVER_METRICS.filter((m) => rules.columns.includes(m))].filter((m, i, a) => a.indexOf(m) === i);
  const hoverCols = hoverNames.map((m) => (m === o.x ? xs : m === o.y ? ys : m === o.color ? cs : readRuleMetric(rules, m, caller, "hover")));
  const texts = ante.map((a, i) => ruleText(a, cons[i]));
  const hover = Array.from(drawn, (r, i) => `${texts[i]}<br>${hoverNames.map((m, j) => `${m} ${formatMetric(hoverCols[j][r])}`).join("  ")}`);
  const pick = (v: Float64Array, idx: Int32Array) => toPlotValues(Array.from(idx, (r) => v[r]));
  const type = drawn.length > WEBGL_ABOVE ? "scattergl" : "scatter";
  const data: Record<string, unknown>[] = [
    {
      type,
      mode: "markers",
      name: "rules",
      x: pick(xs, drawn),
      y: pick(ys, drawn),
      customdata: Array.from(drawn),
      hovertext: hover,
      hoverinfo: "text",
      marker: {
        size: o.markerSize,
        opacity: o.opacity,
        color: pick(cs, drawn),
        colorscale: o.colorscale,
        showscale: true,
        colorbar: { title: { text: o.color } },
        line: { width: 0.5, color: "#ffffff" },
      },
    },
  ];
  const labelled = top.slice(0, Math.min(o.labelTop, top.length));
  if (labelled.length > 0) {
    data.push({
      type: "scatter",
      mode: "text",
      name: `top ${labelled.length} by ${o.color}`,
      x: pick(xs, labelled),
      y: pick(ys, labelled),
      customdata: Array.from(labelled),
      text: Array.from(labelled, (_, k) => truncateLabel(texts[drawn.length - 1 - k], o.labelMaxChars)),
      textposition: "top center",
      textfont: { size: 11 },
      cliponaxis: false,
      hoverinfo: "skip",
      showlegend: false,
    });
  }

  let notDrawn = 0;
  for (const r of drawn) if (!Number.isFinite(xs[r]) || !Number.isFinite(ys[r])) notDrawn++;
  const dropped = rules.height - drawn.length;
  const sub = [
    dropped > 0
      ? `top ${formatInt(drawn.length)} of ${formatInt(rules.height)} rules by ${o.color} shown (${formatInt(dropped)} left out)`
      : `${formatInt(rules.height)} rules`,
  ];
  if (labelled.length > 0) sub.push(`labels: top ${labelled.length} by ${o.color}`);
  if (notDrawn > 0) sub.push(`${formatInt(notDrawn)} rules with a non-finite ${o.x} or ${o.y} not drawn`);
  const title = o.title ?? `Rules: ${o.y} against ${o.x}, coloured by ${o.color}<br><sup>${sub.join("; ")}</sup>`;
  return makeFigure(data, title, {
    showlegend: false,
    xaxis: { ...axisTitle(o.x) },
    yaxis: { ...axisTitle(o.y) },
    meta: { x: o.x, y: o.y, color: o.color, total: rules.height, shown: drawn.length, dropped, labelled: labelled.length, notDrawn },
  });
}
