import pl from "nodejs-polars";
import { COL, SEED } from "../schema";
import { DataError } from "../util/data-error";
import type { PlotlyFigure } from "./figure";
import { formatInt } from "./format";
import { requireNumeric } from "./frame-checks";
import { axisTitle, makeFigure, OTHER_COLOR, PALETTE } from "./layout-defaults";
import { sampleIndices } from "./sample-indices";

/**
 * Options of {@link clusterMapFigure}.
 *
 * @example
 * ```ts
 * clusterMapFigure(clustered, { maxClusters: 12, maxPoints: 50_000 });
 * ```
 */
export interface ClusterMapOptions {
  /** Cluster column (integers, −1 or any negative = noise). Default `"cluster"`. */
  column?: string;
  /** The largest clusters drawn as their own named traces; the rest share one trace. Default 8. */
  maxClusters?: number;
  /** At most this many points are drawn (seeded uniform sample above it). Default 20 000. */
  maxPoints?: number;
  /** Seed of the down-sampling. Default `SEED` (42). */
  seed?: number;
  /** Marker diameter in px. Default 4. */
  markerSize?: number;
  /** Marker opacity (noise is drawn at half of it). Default 0.7. */
  opacity?: number;
  /** Coordinate columns. Default `lat`, `lon`. */
  cols?: { lat?: string; lon?: string };
  /** Title. Default: derived (clusters, noise share, sample). */
  title?: string;
}

const defaults = { column: "cluster", maxClusters: 8, maxPoints: 20_000, seed: SEED, markerSize: 4, opacity: 0.7 };
const WEBGL_ABOVE = 5_000;

/**
 * Map of cluster labels (from `addDbscanClusters` or `addKmeansClusters`) on plain lon/lat axes
 * with the true-to-shape aspect ratio (no map tiles). Noise (negative labels) is one grey trace
 * drawn first; the `maxClusters` largest clusters (ranked on all valid rows; ties to the lower
 * label) get their own trace in the house palette; the remaining clusters share a trace
 * coloured by label. Rows with null, NaN or out-of-range coordinates are left out and counted in
 * the title; above `maxPoints` a seeded sample is drawn (same seed, same points).
 *
 * @param df frame with `lat`, `lon` and the cluster column
 * @param options see {@link ClusterMapOptions}
 * @returns a figure: trace 0 = noise (when present), then one trace per large cluster, then
 *   "other clusters"; `layout.meta` holds `clusters`, `noise`, `valid`, `shown`, `dropped`
 * @example
 * ```ts
 * show(clusterMapFigure(addDbscanClusters(events, { epsM: 150, minPts: 20 })));
 * ```
 */
export function clusterMapFigure(df: pl.DataFrame, options: ClusterMapOptions = {}): PlotlyFigure {
  const caller = "clusterMapFigure";
  const o = { ...defaults, ...stripUndefined(options) };
  const lat = options.cols?.lat ?? COL.lat;
  const lon = options.cols?.lon ?? COL.lon;
  if (!Number.isInteger(o.maxClusters) || o.maxClusters < 0) throw new Error(`${caller}: maxClusters must be an integer >= 0, got ${o.maxClusters}`);
  if (!Number.isInteger(o.maxPoints) || o.maxPoints < 1) throw new Error(`${caller}: maxPoints must be an integer >= 1, got ${o.maxPoints}`);
  for (const c of [lat, lon, o.column]) requireNumeric(df, c, caller);
  const nullLabels = df.getColumn(o.column).nullCount();
  if (nullLabels > 0) throw new DataError(`${caller}: ${nullLabels} row(s) have a null cluster label`, { column: o.column });

  const ok = (c: string, lim: number) => pl.col(c).gtEq(-lim).and(pl.col(c).ltEq(lim));
  const valid = df.select(pl.col(lon), pl.col(lat), pl.col(o.column).cast(pl.Int64).alias("__c")).filter(ok(lat, 90).and(ok(lon, 180)));
  const dropped = df.height - valid.height;
  if (valid.height === 0) throw new DataError(`${caller}: no row has valid coordinates (|lat| <= 90, |lon| <= 180)`, { column: lat });

  const sizes = valid.filter(pl.col("__c").gtEq(0)).groupBy("__c").agg(pl.len().alias("__n"));
  const ids = (sizes.getColumn("__c").toArray() as (number | bigint)[]).map(Number);
  const n = (sizes.getColumn("__n").toArray() as number[]).map(Number);
  const order = ids.map((_, i) => i).sort((a, b) => n[b] - n[a] || ids[a] - ids[b]);
  const top = order.slice(0, o.maxClusters).map((i) => ids[i]);
  const slot = new Map(top.map((c, k) => [c, k]));
  const noiseTotal = valid.height - n.reduce((s, v) => s + v, 0);

  const sampled = valid.height > o.maxPoints;
  const pts = sampled ? valid.select(pl.all().gather(Array.from(sampleIndices(valid.height, o.maxPoints, o.seed)))) : valid;
  const xs = pts.getColumn(lon).toArray() as number[];
  const ys = pts.getColumn(lat).toArray() as number[];
  const labels = (pts.getColumn("__c").toArray() as (number | bigint)[]).map(Number);
  const other = top.length;
  const noise = top.length + 1;
  const bx: number[][] = Array.from({ length: top.length + 2 }, () => []);
  const by: number[][] = Array.from({ length: top.length + 2 }, () => []);
  const otherColour: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i] < 0 ? noise : (slot.get(labels[i]) ?? other);
    bx[k].push(xs[i]);
    by[k].push(ys[i]);
    if (k === other) otherColour.push(PALETTE[labels[i] % PALETTE.length]);
  }
  const type = pts.height > WEBGL_ABOVE ? "scattergl" : "scatter";
  const trace = (name: string, k: number, color: string | string[], opacity: number) => ({
    type,
    mode: "markers",
    name,
    x: bx[k],
    y: by[k],
    marker: { size: o.markerSize, opacity, color },
    hovertemplate: `${name}<br>lon %{x:.4f}<br>lat %{y:.4f}<extra></extra>`,
  });
  const data: Record<string, unknown>[] = [];
  if (noiseTotal > 0) data.push(trace(`noise (${formatInt(noiseTotal)})`, noise, OTHER_COLOR, o.opacity / 2));
  top.forEach((c, k) => data.push(trace(`cluster ${c} (${formatInt(n[ids.indexOf(c)])})`, k, PALETTE[k % PALETTE.length], o.opacity)));
  if (ids.length > top.length) data.push(trace(`${formatInt(ids.length - top.length)} other clusters`, other, otherColour, o.opacity));

  const sub = [`${formatInt(ids.length)} clusters, ${formatInt(noiseTotal)} noise of ${formatInt(valid.height)} events`];
  if (sampled) sub.push(`${formatInt(pts.height)} shown (seeded sample, seed ${o.seed})`);
  if (dropped > 0) sub.push(`${formatInt(dropped)} rows without valid coordinates left out`);
  let lo = Infinity;
  let hi = -Infinity;
  for (const y of ys) {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  const scaleratio = 1 / Math.max(Math.cos((((lo + hi) / 2) * Math.PI) / 180), 0.05);
  return makeFigure(data, o.title ?? `Clusters in space<br><sup>${sub.join("; ")}</sup>`, {
    legend: { itemsizing: "constant" },
    xaxis: { ...axisTitle("longitude (°)"), showgrid: true },
    yaxis: { ...axisTitle("latitude (°)"), scaleanchor: "x", scaleratio, showgrid: true },
    meta: { clusters: ids.length, noise: noiseTotal, valid: valid.height, shown: pts.height, dropped, sampled },
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
