import pl from "nodejs-polars";
import { SEED } from "../schema";
import type { PlotlyFigure } from "./figure";
import { requireColumns, requireNumeric } from "./frame-checks";
import { axisTitle, makeFigure, OTHER_COLOR, PALETTE } from "./layout-defaults";
import { sampleIndices } from "./sample-indices";

/**
 * Options of {@link embeddingMapFigure}.
 *
 * @example
 * ```ts
 * embeddingMapFigure(proj, { color: "category", text: "item", maxCategories: 6 });
 * ```
 */
export interface EmbeddingMapOptions {
  /** Horizontal and vertical coordinate columns. Defaults `"pc1"`, `"pc2"`. */
  x?: string;
  y?: string;
  /** Colour by this column (one trace per value: the `maxCategories` most frequent, then "other"). Default: none. */
  color?: string;
  /** Column shown on hover. Default: none. */
  text?: string;
  /** Values of `color` with their own colour. Default 8. */
  maxCategories?: number;
  /** At most this many points (seeded sample above). Default 20 000. */
  maxPoints?: number;
  /** Seed of the sample. Default `SEED` (42). */
  seed?: number;
  /** Axis titles, e.g. with explained variance. Defaults: the column names. */
  xTitle?: string;
  yTitle?: string;
  /** Title. Default: derived. */
  title?: string;
}

const defaults = { x: "pc1", y: "pc2", maxCategories: 8, maxPoints: 20_000, seed: SEED };

/**
 * A 2-D map of embeddings (e.g. the PCA coordinates from `projectEmbeddings`) coloured by a
 * category or region column: points of a colour that cluster together show what the model
 * learnt. Categories are ranked by frequency; the rest is grey "other", missing values are
 * "(missing)". Above `maxPoints` rows a seeded sample is drawn (said in the title).
 *
 * @param df a frame with the two coordinate columns (and `color` / `text` when given).
 * @param options see {@link EmbeddingMapOptions}.
 * @returns a figure with one `scattergl` trace per colour.
 * @example
 * ```ts
 * const { frame, pca } = projectEmbeddings(model.itemIds, model.itemEmb, model.dim);
 * show(embeddingMapFigure(frame.join(itemCategories, { on: "item" }), { color: "category", text: "item" }));
 * ```
 */
export function embeddingMapFigure(df: pl.DataFrame, options: EmbeddingMapOptions = {}): PlotlyFigure {
  const caller = "embeddingMapFigure";
  const o = { ...defaults, ...options };
  requireNumeric(df, o.x, caller);
  requireNumeric(df, o.y, caller);
  if (o.color !== undefined) requireColumns(df, [o.color], caller);
  if (o.text !== undefined) requireColumns(df, [o.text], caller);
  if (!(Number.isInteger(o.maxCategories) && o.maxCategories >= 1)) throw new Error(`${caller}: maxCategories must be an integer >= 1, got ${o.maxCategories}`);
  if (!(Number.isInteger(o.maxPoints) && o.maxPoints >= 1)) throw new Error(`${caller}: maxPoints must be an integer >= 1, got ${o.maxPoints}`);
  const sampled = df.height > o.maxPoints;
  const pts = sampled ? df.select(pl.all().gather(Array.from(sampleIndices(df.height, o.maxPoints, o.seed)))) : df;
  const xs = pts.getColumn(o.x).toArray() as number[];
  const ys = pts.getColumn(o.y).toArray() as number[];
  const texts = o.text !== undefined ? (pts.getColumn(o.text).cast(pl.String).toArray() as (string | null)[]) : null;
  const label = (v: unknown): string => (v === null || v === undefined ? "(missing)" : String(v));
  const cats = o.color !== undefined ? (pts.getColumn(o.color).toArray() as unknown[]).map(label) : xs.map(() => "points");
  const freq = new Map<string, number>();
  for (const c of (o.color !== undefined ? (df.getColumn(o.color).toArray() as unknown[]).map(label) : ["points"])) freq.set(c, (freq.get(c) ?? 0) + 1);
  const ranked = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]);
  const top = ranked.slice(0, o.maxCategories);
  const slot = new Map(top.map((c, k) => [c, k]));
  const buckets = Array.from({ length: top.length + 1 }, () => [] as number[]);
  cats.forEach((c, i) => buckets[slot.get(c) ?? top.length].push(i));
  const trace = (name: string, idx: number[], color: string) => ({
    type: "scattergl",
    mode: "markers",
    name,
    x: idx.map((i) => xs[i]),
    y: idx.map((i) => ys[i]),
    ...(texts ? { text: idx.map((i) => texts[i]), hovertemplate: `%{text}<br>${o.x} %{x:.3f}<br>${o.y} %{y:.3f}<extra>${name}</extra>` } : {}),
    marker: { size: 5, opacity: 0.7, color },
  });
  const data = top.map((c, k) => trace(c, buckets[k], PALETTE[k % PALETTE.length]));
  if (buckets[top.length].length > 0) data.push(trace(`other (${ranked.length - top.length} values)`, buckets[top.length], OTHER_COLOR));
  const sub = sampled ? `${pts.height} of ${df.height} points (seeded sample, seed ${o.seed})` : `${df.height} points`;
  const title = o.title ?? `Embedding map${o.color !== undefined ? ` by ${o.color}` : ""}<br><sup>${sub}</sup>`;
  return makeFigure(data, title, {
    showlegend: data.length > 1,
    legend: { itemsizing: "constant" },
    xaxis: axisTitle(o.xTitle ?? o.x),
    yaxis: axisTitle(o.yTitle ?? o.y),
  });
}
