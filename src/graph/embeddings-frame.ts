import pl from "nodejs-polars";
import { COL } from "../schema";

/**
 * Options of {@link embeddingsFrame}.
 *
 * @example
 * ```ts
 * embeddingsFrame(model.userIds, model.userEmb, model.dim, { idColumn: "user", prefix: "u" });
 * ```
 */
export interface EmbeddingsFrameOptions {
  /** Name of the id column. Default `COL.item` (`"item"`). */
  idColumn?: string;
  /** Prefix of the component columns (`e0`, `e1`, …). Default `"e"`. */
  prefix?: string;
}

/**
 * Row-major embeddings (one row of `dim` values per id) as a Polars frame — an id column and
 * one Float32 column per component — ready to export with `writeParquet` / `writeCSV` or to
 * join with item attributes.
 *
 * @param ids one id per row.
 * @param emb `ids.length · dim` values, row-major.
 * @param dim the embedding width, an integer ≥ 1.
 * @param options see {@link EmbeddingsFrameOptions}.
 * @throws Error when the lengths disagree or a value is not finite (naming its id and component).
 * @example
 * ```ts
 * embeddingsFrame(lgcn.itemIds, lgcn.itemEmb, lgcn.dim).writeParquet("reports/embeddings/items.parquet");
 * ```
 */
export function embeddingsFrame(ids: readonly string[], emb: ArrayLike<number>, dim: number, options: EmbeddingsFrameOptions = {}): pl.DataFrame {
  if (!(Number.isInteger(dim) && dim >= 1)) throw new Error(`embeddingsFrame: dim must be an integer >= 1, got ${dim}`);
  if (emb.length !== ids.length * dim) throw new Error(`embeddingsFrame: ${ids.length} ids × dim ${dim} needs ${ids.length * dim} values, got ${emb.length}`);
  const prefix = options.prefix ?? "e";
  const n = ids.length;
  const cols: pl.Series[] = [pl.Series(options.idColumn ?? COL.item, ids as string[], pl.Utf8)];
  for (let c = 0; c < dim; c++) {
    const col = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const v = emb[i * dim + c];
      if (!Number.isFinite(v)) throw new Error(`embeddingsFrame: ${prefix}${c} of id ${JSON.stringify(ids[i])} (row ${i}) is ${v}`);
      col[i] = v;
    }
    cols.push(pl.Series(`${prefix}${c}`, col));
  }
  return pl.DataFrame(cols);
}
