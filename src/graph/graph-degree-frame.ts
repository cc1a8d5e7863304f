import pl from "nodejs-polars";
import type { Csr } from "./csr";
import { csrDegrees } from "./degree-stats";
import type { StGraph } from "./st-graph";

/**
 * Column names of {@link graphDegreeFrame}.
 *
 * @example
 * ```ts
 * df.filter(pl.col(DEGREE_COL.edgeType).eq(pl.lit("user-item")));
 * ```
 */
export const DEGREE_COL = { node: "node", nodeType: "node_type", edgeType: "edge_type", degree: "degree", weightedDegree: "weighted_degree" } as const;

/**
 * Degrees of every node of a spatio-temporal graph by edge type, in long form: one row per
 * (node, edge type) with columns `node` (id, String), `node_type` (`"user"` | `"item"`),
 * `edge_type` (`"user-item"`, `"transition-out"`, `"transition-in"`, `"proximity"`), `degree`
 * (Int32, number of distinct neighbours) and `weighted_degree` (Float64, sum of weights).
 * Users have a `user-item` row; items have one row per edge type.
 *
 * @param g the graph from `buildStGraph`.
 * @returns the degree frame (users first, then items; edge types in the order above).
 * @example
 * ```ts
 * const deg = graphDegreeFrame(g);
 * deg.groupBy("edge_type").agg(pl.col("degree").mean());
 * ```
 */
export function graphDegreeFrame(g: StGraph): pl.DataFrame {
  const parts: pl.DataFrame[] = [];
  const add = (ids: readonly string[], nodeType: string, edgeType: string, m: Csr, axis: "row" | "col"): void => {
    parts.push(
      pl.DataFrame([
        pl.Series(DEGREE_COL.node, ids as string[], pl.Utf8),
        pl.Series(DEGREE_COL.nodeType, new Array(ids.length).fill(nodeType), pl.Utf8),
        pl.Series(DEGREE_COL.edgeType, new Array(ids.length).fill(edgeType), pl.Utf8),
        pl.Series(DEGREE_COL.degree, Int32Array.from(csrDegrees(m, { axis }))),
        pl.Series(DEGREE_COL.weightedDegree, csrDegrees(m, { axis, weighted: true })),
      ]),
    );
  };
  add(g.userIds, "user", "user-item", g.userItem, "row");
  add(g.itemIds, "item", "user-item", g.userItem, "col");
  add(g.itemIds, "item", "transition-out", g.transition, "row");
  add(g.itemIds, "item", "transition-in", g.transition, "col");
  add(g.itemIds, "item", "proximity", g.proximity, "row");
  return pl.concat(parts, { how: "vertical" });
}
