import { forceLayout } from "../graph/force-layout";
import type { GraphSubset } from "../graph/graph-subset";
import { SEED } from "../schema";
import type { PlotlyFigure } from "./figure";
import { makeFigure, OTHER_COLOR, PALETTE } from "./layout-defaults";

/**
 * Options of {@link graphSubsetFigure}.
 *
 * @example
 * ```ts
 * graphSubsetFigure(subset, { seed: 3, iterations: 400 });
 * ```
 */
export interface GraphSubsetFigureOptions {
  /** Seed of the layout. Default `SEED` (42). */
  seed?: number;
  /** Layout iterations. Default 300. */
  iterations?: number;
  /** Title. Default: derived. */
  title?: string;
}

const EDGE_COLORS: Record<string, string> = { "user-item": "#bbbbbb", transition: PALETTE[3], proximity: PALETTE[2] };

/**
 * Draws a small graph (from `graphSubset`) with a deterministic force layout as a Plotly
 * scatter: one line trace per edge type (user–item grey, transitions and proximity coloured),
 * users and items as markers sized by log degree, ids on hover. No graph library needed.
 *
 * @param subset nodes and edges as plain arrays.
 * @param options see {@link GraphSubsetFigureOptions}.
 * @returns a figure; `layout.meta.positions` holds the `n × 2` coordinates.
 * @example
 * ```ts
 * show(graphSubsetFigure(graphSubset(buildStGraph(events), { users: 15 })));
 * ```
 */
export function graphSubsetFigure(subset: GraphSubset, options: GraphSubsetFigureOptions = {}): PlotlyFigure {
  const { nodes, edges } = subset;
  const pos = forceLayout(nodes.length, edges.map((e) => ({ source: e.source, target: e.target, weight: e.type === "user-item" ? 1 : 0.5 })), {
    seed: options.seed ?? SEED,
    iterations: options.iterations ?? 300,
  });
  const round = (v: number): number => Number(v.toFixed(5));
  const data: Record<string, unknown>[] = [];
  for (const type of [...new Set(edges.map((e) => e.type))]) {
    const x: (number | null)[] = [];
    const y: (number | null)[] = [];
    for (const e of edges) {
      if (e.type !== type) continue;
      x.push(round(pos[2 * e.source]), round(pos[2 * e.target]), null);
      y.push(round(pos[2 * e.source + 1]), round(pos[2 * e.target + 1]), null);
    }
    data.push({ type: "scatter", mode: "lines", name: `${type} edges`, x, y, hoverinfo: "skip", line: { width: type === "user-item" ? 0.8 : 1.5, color: EDGE_COLORS[type] ?? OTHER_COLOR } });
  }
  for (const [type, color, symbol] of [["user", PALETTE[0], "circle"], ["item", PALETTE[1], "square"]] as const) {
    const idx = nodes.map((n, i) => (n.type === type ? i : -1)).filter((i) => i >= 0);
    data.push({
      type: "scatter",
      mode: "markers",
      name: `${type}s`,
      x: idx.map((i) => round(pos[2 * i])),
      y: idx.map((i) => round(pos[2 * i + 1])),
      text: idx.map((i) => `${nodes[i].id} (degree ${nodes[i].degree})`),
      hovertemplate: "%{text}<extra></extra>",
      marker: { color, symbol, size: idx.map((i) => 6 + 3 * Math.log1p(nodes[i].degree)), line: { width: 1, color: "#ffffff" } },
    });
  }
  const nUsers = nodes.filter((n) => n.type === "user").length;
  const title = options.title ?? `Graph subset<br><sup>${nUsers} users, ${nodes.length - nUsers} items, ${edges.length} edges; force layout (seed ${options.seed ?? SEED})</sup>`;
  const hidden = { showgrid: false, zeroline: false, showticklabels: false, ticks: "", showline: false };
  return makeFigure(data, title, {
    xaxis: hidden,
    yaxis: { ...hidden, scaleanchor: "x" },
    meta: { positions: Array.from(pos, round) },
  });
}
