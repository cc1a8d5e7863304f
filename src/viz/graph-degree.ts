import pl from "nodejs-polars";
import { DEGREE_COL } from "../graph/graph-degree-frame";
import type { PlotlyFigure } from "./figure";
import { requireColumns } from "./frame-checks";
import { axisTitle, makeFigure, PALETTE } from "./layout-defaults";

/**
 * Options of {@link graphDegreeFigure}.
 *
 * @example
 * ```ts
 * graphDegreeFigure(deg, { edgeTypes: ["user-item"], complementary: true });
 * ```
 */
export interface GraphDegreeOptions {
  /** Edge types to draw. Default: every `edge_type` present. */
  edgeTypes?: readonly string[];
  /** Plot P(D ≥ d) (complementary cumulative) instead of the count of nodes of degree d. Default `false`. */
  complementary?: boolean;
  /** Title. Default: derived. */
  title?: string;
}

/**
 * The degree distribution of a graph on log–log axes, one series per (node type, edge type):
 * the number of nodes of each degree d ≥ 1 (or, with `complementary`, the share of nodes with
 * degree ≥ d, which is smoother for heavy tails). Nodes of degree 0 cannot be drawn on a log
 * axis; their number is given in the legend.
 *
 * @param df a degree frame from `graphDegreeFrame` (columns node_type, edge_type, degree).
 * @param options see {@link GraphDegreeOptions}.
 * @returns a figure with one `scatter` trace per series, log-scaled axes.
 * @example
 * ```ts
 * show(graphDegreeFigure(graphDegreeFrame(buildStGraph(events))));
 * ```
 */
export function graphDegreeFigure(df: pl.DataFrame, options: GraphDegreeOptions = {}): PlotlyFigure {
  const caller = "graphDegreeFigure";
  requireColumns(df, [DEGREE_COL.nodeType, DEGREE_COL.edgeType, DEGREE_COL.degree], caller);
  const present = [...new Set(df.getColumn(DEGREE_COL.edgeType).toArray() as string[])];
  const types = options.edgeTypes ?? present;
  for (const t of types) if (!present.includes(t)) throw new Error(`${caller}: edge type '${t}' is not in the frame (has ${present.join(", ")})`);
  const counts = df
    .filter(pl.col(DEGREE_COL.edgeType).isIn([...types]))
    .groupBy([DEGREE_COL.nodeType, DEGREE_COL.edgeType, DEGREE_COL.degree])
    .agg(pl.len().alias("nodes"))
    .sort([DEGREE_COL.nodeType, DEGREE_COL.edgeType, DEGREE_COL.degree]);
  const nt = counts.getColumn(DEGREE_COL.nodeType).toArray() as string[];
  const et = counts.getColumn(DEGREE_COL.edgeType).toArray() as string[];
  const dg = counts.getColumn(DEGREE_COL.degree).toArray() as number[];
  const nn = counts.getColumn("nodes").toArray() as number[];
  const groups = new Map<string, { d: number[]; n: number[]; zeros: number }>();
  for (let r = 0; r < nt.length; r++) {
    const key = `${nt[r]} · ${et[r]}`;
    if (!groups.has(key)) groups.set(key, { d: [], n: [], zeros: 0 });
    const g = groups.get(key)!;
    if (dg[r] <= 0) g.zeros += nn[r];
    else {
      g.d.push(dg[r]);
      g.n.push(nn[r]);
    }
  }
  const data = [...groups].map(([name, g], k) => {
    const total = g.n.reduce((a, b) => a + b, 0) + g.zeros;
    let y: number[] = g.n;
    if (options.complementary) {
      let tail = g.n.reduce((a, b) => a + b, 0);
      y = g.n.map((c) => {
        const share = tail / total;
        tail -= c;
        return share;
      });
    }
    return {
      type: "scatter",
      mode: options.complementary ? "lines+markers" : "markers",
      name: g.zeros > 0 ? `${name} (${g.zeros} of degree 0)` : name,
      x: g.d,
      y,
      marker: { size: 5, color: PALETTE[k % PALETTE.length] },
      hovertemplate: `degree %{x}<br>${options.complementary ? "share ≥ degree %{y:.3g}" : "nodes %{y}"}<extra>${name}</extra>`,
    };
  });
  const title = options.title ?? `Degree distribution (log–log)<br><sup>${options.complementary ? "share of nodes with degree ≥ d" : "nodes per degree"}; ${data.length} series</sup>`;
  return makeFigure(data, title, {
    xaxis: { ...axisTitle("degree d"), type: "log" },
    yaxis: { ...axisTitle(options.complementary ? "P(D ≥ d)" : "nodes"), type: "log" },
  });
}
