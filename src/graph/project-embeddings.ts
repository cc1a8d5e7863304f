import pl from "nodejs-polars";
import { COL } from "../schema";
import { pca, type PcaResult } from "./pca";

/**
 * Options of {@link projectEmbeddings}.
 *
 * @example
 * ```ts
 * projectEmbeddings(model.itemIds, model.itemEmb, model.dim, { idColumn: "item", components: 3 });
 * ```
 */
export interface ProjectEmbeddingsOptions {
  /** Name of the id column. Default `COL.item` (`"item"`). */
  idColumn?: string;
  /** Principal components kept (`pc1`, `pc2`, …). Default 2. */
  components?: number;
}

/**
 * Projects embeddings (one row per id) on their principal components, as a frame ready to
 * join with metadata (category, region) and draw with `embeddingMapFigure`.
 *
 * @param ids one id per row.
 * @param emb row-major `ids.length × dim` embeddings.
 * @param dim embedding width.
 * @param options see {@link ProjectEmbeddingsOptions}.
 * @returns `{ frame, pca }`: the frame has the id column (String) and `pc1..pcC` (Float64);
 *   `pca` is the full {@link PcaResult} (axes, explained variance).
 * @example
 * ```ts
 * const { frame, pca } = projectEmbeddings(model.itemIds, model.itemEmb, model.dim);
 * const withCat = frame.join(items, { on: "item", how: "left" });
 * ```
 */
export function projectEmbeddings(ids: readonly string[], emb: ArrayLike<number>, dim: number, options: ProjectEmbeddingsOptions = {}): { frame: pl.DataFrame; pca: PcaResult } {
  const c = options.components ?? 2;
  const p = pca(emb, ids.length, dim, { components: c });
  const cols: pl.Series[] = [pl.Series(options.idColumn ?? COL.item, ids as string[], pl.Utf8)];
  for (let r = 0; r < c; r++) cols.push(pl.Series(`pc${r + 1}`, Float64Array.from({ length: ids.length }, (_, i) => p.scores[i * c + r])));
  return { frame: pl.DataFrame(cols), pca: p };
}
