import { csrDegrees } from "./degree-stats";
import type { StGraph } from "./st-graph";

/**
 * A small graph as plain arrays, ready to lay out and draw.
 *
 * @example
 * ```ts
 * const s: GraphSubset = graphSubset(g, { users: 10 });
 * s.nodes[s.edges[0].source].id;
 * ```
 */
export interface GraphSubset {
  nodes: { id: string; type: "user" | "item"; degree: number }[];
  /** `source`/`target` index `nodes`; `type` is `"user-item"`, `"transition"` or `"proximity"`. */
  edges: { source: number; target: number; type: string; weight: number }[];
}

/**
 * Options of {@link graphSubset}.
 *
 * @example
 * ```ts
 * graphSubset(g, { users: 15, itemsPerUser: 4, itemItem: false });
 * ```
 */
export interface GraphSubsetOptions {
  /** The most active users (by weighted degree, ties by id) to keep. Default 20. */
  users?: number;
  /** Each kept user's heaviest items to keep. Default 5. */
  itemsPerUser?: number;
  /** Also keep transition and proximity edges among the kept items. Default `true`. */
  itemItem?: boolean;
}

const defaults = { users: 20, itemsPerUser: 5, itemItem: true };

/**
 * A deterministic, readable subset of a spatio-temporal graph: the `users` most active users,
 * their `itemsPerUser` heaviest items, the user–item edges between them and (optionally) the
 * transition (directed, a → b) and proximity edges among those items. Degrees are those of the
 * whole graph (user–item degree), for sizing markers.
 *
 * @param g the graph from `buildStGraph`.
 * @param options see {@link GraphSubsetOptions}.
 * @returns nodes (users first) and edges as plain arrays (no graph library needed).
 * @example
 * ```ts
 * show(graphSubsetFigure(graphSubset(g, { users: 12 })));
 * ```
 */
export function graphSubset(g: StGraph, options: GraphSubsetOptions = {}): GraphSubset {
  const o = { ...defaults, ...options };
  if (!(Number.isInteger(o.users) && o.users >= 1)) throw new Error(`graphSubset: users must be an integer >= 1, got ${o.users}`);
  if (!(Number.isInteger(o.itemsPerUser) && o.itemsPerUser >= 1)) throw new Error(`graphSubset: itemsPerUser must be an integer >= 1, got ${o.itemsPerUser}`);
  const R = g.userItem;
  const wdeg = csrDegrees(R, { weighted: true });
  const udeg = csrDegrees(R);
  const ideg = csrDegrees(R, { axis: "col" });
  const users = Array.from({ length: R.nRows }, (_, u) => u)
    .sort((a, b) => wdeg[b] - wdeg[a] || (g.userIds[a] < g.userIds[b] ? -1 : 1))
    .slice(0, o.users);
  const nodes: GraphSubset["nodes"] = users.map((u) => ({ id: g.userIds[u], type: "user", degree: udeg[u] }));
  const edges: GraphSubset["edges"] = [];
  const itemNode = new Map<number, number>();
  users.forEach((u, ui) => {
    const ps = Array.from({ length: R.indptr[u + 1] - R.indptr[u] }, (_, j) => R.indptr[u] + j)
      .sort((a, b) => R.values[b] - R.values[a] || R.indices[a] - R.indices[b])
      .slice(0, o.itemsPerUser);
    for (const p of ps) {
      const i = R.indices[p];
      if (!itemNode.has(i)) {
        itemNode.set(i, nodes.length);
        nodes.push({ id: g.itemIds[i], type: "item", degree: ideg[i] });
      }
      edges.push({ source: ui, target: itemNode.get(i)!, type: "user-item", weight: R.values[p] });
    }
  });
  if (o.itemItem) {
    for (const [type, m] of [["transition", g.transition], ["proximity", g.proximity]] as const) {
      for (const [i, node] of [...itemNode].sort((a, b) => a[1] - b[1])) {
        for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
          const j = m.indices[p];
          const other = itemNode.get(j);
          if (other === undefined || (type === "proximity" && j < i)) continue; // proximity is symmetric: once per pair
          edges.push({ source: node, target: other, type, weight: m.values[p] });
        }
      }
    }
  }
  return { nodes, edges };
}
