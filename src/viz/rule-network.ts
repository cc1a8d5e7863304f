import type pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import type { PlotlyFigure } from "./figure";
import { formatInt, toPlotValues } from "./format";
import { requireColumns } from "./frame-checks";
import { makeFigure, PALETTE } from "./layout-defaults";
import { formatMetric, readRuleMetric, readRuleSides, ruleSideColumns, ruleText, topRuleOrder, truncateLabel, withDefaults } from "./rule-frame";

/**
 * Options of {@link ruleNetworkFigure}.
 *
 * @example
 * ```ts
 * ruleNetworkFigure(rules, { topK: 30, metric: "lift", sizeBy: "support", arrows: true });
 * ```
 */
export interface RuleNetworkOptions {
  /** Draw the top this many rules by `metric` (ties: row order; NaN last). Default 30. */
  topK?: number;
  /** Metric that ranks the rules and colours the rule nodes (a numeric column). Default `"lift"`. */
  metric?: string;
  /** Metric of the rule-node size (linear between `ruleSize[0]` and `ruleSize[1]` px). Default `"support"`. */
  sizeBy?: string;
  /** Arrowheads on the edges (layout annotations): item → rule → item. Default `true`. */
  arrows?: boolean;
  /** Plotly colour scale of the rule nodes. Default `"Viridis"`. */
  colorscale?: string;
  /** Item-node diameter in px. Default 12. */
  itemSize?: number;
  /** Smallest and largest rule-node diameters in px. Default `[6, 20]`. */
  ruleSize?: [number, number];
  /** Item labels are cut to this many characters. Default 24. */
  labelMaxChars?: number;
  /** Columns of the rule sides. Default `antecedents` / `consequents` (or the singular names of `sequentialRules`). */
  cols?: { antecedents?: string; consequents?: string };
  /** Title. Default: derived, with a subtitle of counts. */
  title?: string;
}

const defaults = {
  topK: 30,
  metric: "lift",
  sizeBy: "support",
  arrows: true,
  colorscale: "Viridis",
  itemSize: 12,
  ruleSize: [6, 20] as [number, number],
  labelMaxChars: 24,
};
/** Rule nodes sit at radius 0.25 + 0.6·|mean of their items' positions| (items on the unit circle). */
const RULE_R0 = 0.25;
const RULE_R1 = 0.6;
/** Tangential spacing of rule nodes that would coincide (e.g. A ⇒ B and B ⇒ A). */
const SPREAD = 0.08;
/** Arrow annotations start this far along an edge, from its source. */
const ARROW_TAIL = 0.55;
const EDGE_COLOR = "#b0b0b0";

type Pt = [number, number];

/**
 * The arules-style graph of rules (`plot(rules, method = "graph")`): item nodes and small
 * rule nodes, with edges antecedent item → rule → consequent item. Rule nodes are sized by
 * `sizeBy` (support) and coloured by `metric` (lift), with a colour bar.
 *
 * The layout is deterministic, with no randomness: items lie on the unit circle, ordered by
 * how many of the drawn rules they appear in (descending; ties by label), the first at the
 * top, going clockwise; each rule node lies in the direction of the mean of its items'
 * positions, at radius 0.25 + 0.6·|mean| (pushed out from the centre, inside the circle);
 * rule nodes that would coincide are spread along the tangent.
 *
 * @param rules a rule frame from `associationRules` (or `sequentialRules`)
 * @param options see {@link RuleNetworkOptions}
 * @returns a figure: trace 0 the edges (one `scatter` of segments separated by `null`,
 *   Σ(|antecedent| + |consequent|) segments), trace 1 the rule nodes (`customdata` = row
 *   index, `marker.color` = the metric), trace 2 the item nodes; arrows as annotations
 * @throws DataError on an empty frame, a missing side or metric column; Error on an unknown
 *   metric name or an option out of range
 * @example
 * ```ts
 * const rules = associationRules(fpGrowth(baskets, { minSupport: 0.01 }), { metric: "lift", minThreshold: 1.2 });
 * show(ruleNetworkFigure(rules, { topK: 25 }));
 * ```
 */
export function ruleNetworkFigure(rules: pl.DataFrame, options: RuleNetworkOptions = {}): PlotlyFigure {
  const caller = "ruleNetworkFigure";
  const o = withDefaults(defaults, options);
  if (!(Number.isInteger(o.topK) && o.topK >= 1)) throw new Error(`${caller}: topK must be an integer >= 1, got ${o.topK}`);
  const [sLo, sHi] = o.ruleSize;
  if (!(sLo > 0 && sHi >= sLo)) throw new Error(`${caller}: ruleSize must be [min, max] px with 0 < min <= max, got ${JSON.stringify(o.ruleSize)}`);
  if (!(o.itemSize > 0)) throw new Error(`${caller}: itemSize must be > 0 px, got ${o.itemSize}`);
  const cols = ruleSideColumns(rules, options.cols);
  const score = readRuleMetric(rules, o.metric, caller, "metric");
  const size = readRuleMetric(rules, o.sizeBy, caller, "sizeBy");
  requireColumns(rules, [cols.antecedents, cols.consequents], caller);
  if (rules.height === 0) throw new DataError(`${caller}: the rule frame is empty: no rules to draw (lower the mining thresholds)`);
  const top = topRuleOrder(score, o.topK);
  const kept = Array.from(top);
  const ante = readRuleSides(rules, cols.antecedents, caller, top); // by position in `kept`
  const cons = readRuleSides(rules, cols.consequents, caller, top);

  // items on the circle, by appearance count
  const seen = new Map<string, { n: number; a: number; c: number }>();
  const bump = (item: string, side: "a" | "c"): void => {
    const s = seen.get(item) ?? { n: 0, a: 0, c: 0 };
    s[side]++;
    seen.set(item, s);
  };
  kept.forEach((_, k) => {
    for (const i of new Set(ante[k])) bump(i, "a");
    for (const i of new Set(cons[k])) bump(i, "c");
    for (const i of new Set([...ante[k], ...cons[k]])) seen.get(i)!.n++;
  });
  const items = [...seen.keys()].sort((p, q) => seen.get(q)!.n - seen.get(p)!.n || (p < q ? -1 : p > q ? 1 : 0));
  const angle = (k: number): number => Math.PI / 2 - (2 * Math.PI * k) / items.length;
  const itemPos = new Map<string, Pt>(items.map((it, k) => [it, [tidy(Math.cos(angle(k))), tidy(Math.sin(angle(k)))]]));

  const rulePos = placeRules(kept.map((_, k) => [...ante[k], ...cons[k]]), itemPos);

  // edges: item → rule for the antecedent, rule → item for the consequent
  const ex: (number | null)[] = [];
  const ey: (number | null)[] = [];
  const annotations: Record<string, unknown>[] = [];
  const fin = (v: number): number => (Number.isFinite(v) ? v : NaN);
  let smin = Infinity;
  let smax = -Infinity;
  for (const r of kept) {
    if (Number.isNaN(fin(size[r]))) continue;
    smin = Math.min(smin, size[r]);
    smax = Math.max(smax, size[r]);
  }
  const sizes = kept.map((r) => (Number.isNaN(fin(size[r])) ? sLo : smax > smin ? sLo + ((sHi - sLo) * (size[r] - smin)) / (smax - smin) : (sLo + sHi) / 2));
  const edge = (from: Pt, to: Pt, standoff: number): void => {
    ex.push(from[0], to[0], null);
    ey.push(from[1], to[1], null);
    if (!o.arrows) return;
    const tail: Pt = [from[0] + ARROW_TAIL * (to[0] - from[0]), from[1] + ARROW_TAIL * (to[1] - from[1])];
    annotations.push({
      x: to[0], y: to[1], ax: tail[0], ay: tail[1], xref: "x", yref: "y", axref: "x", ayref: "y",
      text: "", showarrow: true, arrowhead: 2, arrowsize: 1, arrowwidth: 1, arrowcolor: EDGE_COLOR, standoff,
    });
  };
  kept.forEach((_, k) => {
    for (const it of ante[k]) edge(itemPos.get(it)!, rulePos[k], sizes[k] / 2 + 1);
    for (const it of cons[k]) edge(rulePos[k], itemPos.get(it)!, o.itemSize / 2 + 1);
  });

  const hoverNames = [o.metric, o.sizeBy, "support", "confidence", "lift"].filter((m, i, a) => a.indexOf(m) === i && rules.columns.includes(m));
  const hoverCols = hoverNames.map((m) => (m === o.metric ? score : m === o.sizeBy ? size : readRuleMetric(rules, m, caller, "hover")));
  const edgeCount = ex.length / 3;
  const data: Record<string, unknown>[] = [
    { type: "scatter", mode: "lines", name: "edges", x: ex, y: ey, line: { color: EDGE_COLOR, width: 1 }, hoverinfo: "skip", showlegend: false },
    {
      type: "scatter",
      mode: "markers",
      name: "rules",
      x: rulePos.map((p) => p[0]),
      y: rulePos.map((p) => p[1]),
      customdata: kept,
      hovertext: kept.map((r, k) => `${ruleText(ante[k], cons[k])}<br>${hoverNames.map((m, j) => `${m} ${formatMetric(hoverCols[j][r])}`).join("  ")}`),
      hoverinfo: "text",
      marker: {
        size: sizes,
        color: toPlotValues(kept.map((r) => score[r])),
        colorscale: o.colorscale,
        showscale: true,
        colorbar: { title: { text: o.metric } },
        line: { width: 0.5, color: "#ffffff" },
      },
    },
    {
      type: "scatter",
      mode: "markers+text",
      name: "items",
      x: items.map((it) => itemPos.get(it)![0]),
      y: items.map((it) => itemPos.get(it)![1]),
      text: items.map((it) => truncateLabel(it, o.labelMaxChars)),
      textposition: items.map((it) => labelPosition(itemPos.get(it)!)),
      cliponaxis: false,
      hovertext: items.map((it) => {
        const s = seen.get(it)!;
        return `${it}<br>in ${s.n} of ${kept.length} rules (${s.a} as antecedent, ${s.c} as consequent)`;
      }),
      hoverinfo: "text",
      marker: { size: o.itemSize, color: PALETTE[0], line: { width: 1, color: "#ffffff" } },
    },
  ];
  const shown = kept.length < rules.height ? `top ${formatInt(kept.length)} of ${formatInt(rules.height)} rules by ${o.metric}` : `${formatInt(kept.length)} rules`;
  const sub = `${shown}, ${formatInt(items.length)} items; rule size: ${o.sizeBy}, colour: ${o.metric}`;
  const hidden = { visible: false, showgrid: false, zeroline: false, range: [-1.5, 1.5] };
  return makeFigure(data, options.title ?? `Rule graph<br><sup>${sub}</sup>`, {
    showlegend: false,
    xaxis: hidden,
    yaxis: { ...hidden, scaleanchor: "x", scaleratio: 1 },
    annotations,
    meta: { metric: o.metric, sizeBy: o.sizeBy, total: rules.height, shown: kept.length, items: items.length, edges: edgeCount },
  });
}

/** Rule-node positions (see {@link ruleNetworkFigure}); coincident nodes spread along the tangent. */
function placeRules(ruleItems: string[][], itemPos: Map<string, Pt>): Pt[] {
  const base: { p: Pt; t: Pt }[] = ruleItems.map((its) => {
    const uniq = [...new Set(its)];
    let mx = 0;
    let my = 0;
    for (const it of uniq) {
      const [x, y] = itemPos.get(it)!;
      mx += x / uniq.length;
      my += y / uniq.length;
    }
    const r = Math.hypot(mx, my);
    const first = itemPos.get(its[0])!;
    // items exactly opposite each other: the direction perpendicular to the first item
    const u: Pt = r > 1e-9 ? [mx / r, my / r] : [-first[1], first[0]];
    const rho = RULE_R0 + RULE_R1 * Math.min(r, 1);
    return { p: [u[0] * rho, u[1] * rho], t: [-u[1], u[0]] };
  });
  const groups = new Map<string, number[]>();
  base.forEach((b, k) => {
    const key = `${b.p[0].toFixed(6)},${b.p[1].toFixed(6)}`;
    const g = groups.get(key);
    if (g) g.push(k);
    else groups.set(key, [k]);
  });
  const out: Pt[] = base.map((b) => [b.p[0], b.p[1]]);
  for (const g of groups.values()) {
    g.forEach((k, j) => {
      const off = (j - (g.length - 1) / 2) * SPREAD;
      out[k] = [base[k].p[0] + off * base[k].t[0], base[k].p[1] + off * base[k].t[1]];
    });
  }
  return out;
}

/** Rounds away float dust such as cos(π/2) = 6e-17. */
function tidy(v: number): number {
  return Math.round(v * 1e12) / 1e12 + 0; // + 0 turns -0 into 0
}

/** Text position of an item label, away from the circle's centre. */
function labelPosition([x, y]: Pt): string {
  if (x > 0.3) return "middle right";
  if (x < -0.3) return "middle left";
  return y >= 0 ? "top center" : "bottom center";
}
