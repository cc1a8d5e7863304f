import pl from "nodejs-polars";
import { COL, SEED } from "../schema";
import { DataError } from "../util/data-error";
import type { PlotlyFigure } from "./figure";
import { formatInt, toPlotValues } from "./format";
import { isNumericColumn, requireColumns, requireNumeric } from "./frame-checks";
import { axisTitle, makeFigure, OTHER_COLOR, PALETTE } from "./layout-defaults";
import { sampleIndices } from "./sample-indices";

/**
 * Options of {@link geoScatterFigure}.
 *
 * @example
 * ```ts
 * geoScatterFigure(df, { colorBy: "category", maxPoints: 5_000, seed: 1, renderer: "svg" });
 * ```
 */
export interface GeoScatterOptions {
  /**
   * Colour points by this column: numeric columns get a continuous colour scale, other columns
   * one trace per value (the `maxCategories` most frequent, the rest as "other"). Default: none.
   */
  colorBy?: string;
  /** At most this many points are drawn; above it a seeded uniform sample is drawn. Default 20 000. */
  maxPoints?: number;
  /** Seed of the down-sampling. Default `SEED` (42). */
  seed?: number;
  /** With a categorical `colorBy`: how many values get their own colour. Default 8. */
  maxCategories?: number;
  /** `"webgl"` (`scattergl`), `"svg"` (`scatter`), or `"auto"`: webgl above 5 000 points. Default `"auto"`. */
  renderer?: "auto" | "webgl" | "svg";
  /** Marker diameter in px. Default 4. */
  markerSize?: number;
  /** Marker opacity. Default 0.6. */
  opacity?: number;
  /** Column names. Default `COL.lat`, `COL.lon`. */
  cols?: { lat?: string; lon?: string };
  /** Title. Default: derived (says when the points are a sample). */
  title?: string;
}

const defaults = {
  maxPoints: 20_000,
  seed: SEED,
  maxCategories: 8,
  renderer: "auto" as "auto" | "webgl" | "svg",
  markerSize: 4,
  opacity: 0.6,
  cols: { lat: COL.lat, lon: COL.lon },
};
const WEBGL_ABOVE = 5_000;
const MISSING = "(missing)";

function inRange(column: string, lo: number, hi: number): pl.Expr {
  return pl.col(column).gtEq(lo).and(pl.col(column).ltEq(hi));
}

/**
 * Plots events at their longitude / latitude on plain axes (no map tiles, renders offline),
 * with a true-to-shape aspect ratio: `yaxis.scaleanchor = "x"` and
 * `yaxis.scaleratio = 1 / cos(φ)`, φ = the middle latitude of the points, because a degree of
 * longitude spans cos φ times the ground distance of a degree of latitude.
 *
 * Rows with null, NaN or out-of-range coordinates (|lat| > 90, |lon| > 180) are left out and
 * counted in the title. Above `maxPoints` valid rows, a seeded uniform sample without
 * replacement is drawn (same seed, same points; original row order kept) and the title says so.
 *
 * @param df event frame with `lat` and `lon` (degrees, WGS84)
 * @param options see {@link GeoScatterOptions}
 * @returns a figure of `scatter`/`scattergl` traces with `x` = longitudes and `y` = latitudes
 * @example
 * ```ts
 * show(geoScatterFigure(checkins));
 * show(geoScatterFigure(checkins, { colorBy: "category", maxPoints: 50_000, seed: 7 }));
 * ```
 */
export function geoScatterFigure(df: pl.DataFrame, options: GeoScatterOptions = {}): PlotlyFigure {
  const caller = "geoScatterFigure";
  const o = {
    maxPoints: options.maxPoints ?? defaults.maxPoints,
    seed: options.seed ?? defaults.seed,
    maxCategories: options.maxCategories ?? defaults.maxCategories,
    renderer: options.renderer ?? defaults.renderer,
    markerSize: options.markerSize ?? defaults.markerSize,
    opacity: options.opacity ?? defaults.opacity,
    colorBy: options.colorBy,
    title: options.title,
    cols: { lat: options.cols?.lat ?? defaults.cols.lat, lon: options.cols?.lon ?? defaults.cols.lon },
  };
  if (!Number.isInteger(o.maxPoints) || o.maxPoints < 1) throw new Error(`${caller}: maxPoints must be an integer >= 1, got ${o.maxPoints}`);
  if (!Number.isInteger(o.maxCategories) || o.maxCategories < 1) {
    throw new Error(`${caller}: maxCategories must be an integer >= 1, got ${o.maxCategories}`);
  }
  if (!["auto", "webgl", "svg"].includes(o.renderer)) throw new Error(`${caller}: renderer must be "auto", "webgl" or "svg", got '${o.renderer}'`);
  const { lat, lon } = o.cols;
  requireNumeric(df, lat, caller);
  requireNumeric(df, lon, caller);
  if (o.colorBy !== undefined) requireColumns(df, [o.colorBy], caller);

  const keep = [lon, lat, ...(o.colorBy !== undefined && o.colorBy !== lat && o.colorBy !== lon ? [o.colorBy] : [])];
  const valid = df.select(...keep).filter(inRange(lat, -90, 90).and(inRange(lon, -180, 180)));
  const dropped = df.height - valid.height;
  if (valid.height === 0) throw new DataError(`${caller}: no row has valid coordinates (|lat| <= 90, |lon| <= 180)`, { column: lat });
  const sampled = valid.height > o.maxPoints;
  const pts = sampled ? valid.select(pl.all().gather(Array.from(sampleIndices(valid.height, o.maxPoints, o.seed)))) : valid;

  const xs = pts.getColumn(lon).toArray() as number[];
  const ys = pts.getColumn(lat).toArray() as number[];
  const type = o.renderer === "svg" || (o.renderer === "auto" && pts.height <= WEBGL_ABOVE) ? "scatter" : "scattergl";
  const trace = (name: string, x: number[], y: number[], marker: Record<string, unknown>) => ({
    type,
    mode: "markers",
    name,
    x,
    y,
    marker: { size: o.markerSize, opacity: o.opacity, ...marker },
    hovertemplate: "lon %{x:.4f}<br>lat %{y:.4f}",
  });

  let data: Record<string, unknown>[];
  if (o.colorBy === undefined) {
    data = [trace("events", xs, ys, { color: PALETTE[0] })];
  } else if (isNumericColumn(df, o.colorBy)) {
    const color = toPlotValues(pts.getColumn(o.colorBy).toArray());
    data = [trace(o.colorBy, xs, ys, { color, colorscale: "Viridis", showscale: true, colorbar: { title: { text: o.colorBy } } })];
  } else {
    data = categoricalTraces(valid, pts, o.colorBy, o.maxCategories, xs, ys, trace);
  }

  let lo = Infinity;
  let hi = -Infinity;
  for (const y of ys) {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  const midLat = (lo + hi) / 2;
  const scaleratio = 1 / Math.max(Math.cos((midLat * Math.PI) / 180), 0.05);

  const sub = [
    sampled
      ? `${formatInt(pts.height)} of ${formatInt(valid.height)} events shown (seeded sample, seed ${o.seed})`
      : `${formatInt(valid.height)} events`,
  ];
  if (dropped > 0) sub.push(`${formatInt(dropped)} rows without valid coordinates left out`);
  const title = o.title ?? `Events in space${o.colorBy !== undefined ? ` by ${o.colorBy}` : ""}<br><sup>${sub.join("; ")}</sup>`;
  return makeFigure(data, title, {
    showlegend: data.length > 1,
    legend: { itemsizing: "constant" },
    xaxis: { ...axisTitle("longitude (°)"), showgrid: true },
    yaxis: { ...axisTitle("latitude (°)"), scaleanchor: "x", scaleratio, showgrid: true },
    meta: { midLatitude: midLat, sampled, shown: pts.height, valid: valid.height, dropped },
  });
}

/** One trace per frequent category (ranked on all valid rows), then "other". */
function categoricalTraces(
  valid: pl.DataFrame,
  pts: pl.DataFrame,
  colorBy: string,
  maxCategories: number,
  xs: number[],
  ys: number[],
  trace: (name: string, x: number[], y: number[], marker: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown>[] {
  const label = pl.col(colorBy).cast(pl.String).fillNull(pl.lit(MISSING)).alias("__c");
  const counts = valid.select(label).groupBy("__c").agg(pl.len().alias("__n"));
  const names = counts.getColumn("__c").toArray() as string[];
  const n = counts.getColumn("__n").toArray() as number[];
  const order = names.map((_, i) => i).sort((a, b) => n[b] - n[a] || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  const top = order.slice(0, maxCategories).map((i) => names[i]);
  const slot = new Map(top.map((c, i) => [c, i]));
  const other = top.length; // index of the "other" bucket
  const bx: number[][] = Array.from({ length: top.length + 1 }, () => []);
  const by: number[][] = Array.from({ length: top.length + 1 }, () => []);
  const cats = pts.select(label).getColumn("__c").toArray() as string[];
  for (let i = 0; i < cats.length; i++) {
    const k = slot.get(cats[i]) ?? other;
    bx[k].push(xs[i]);
    by[k].push(ys[i]);
  }
  const out = top.map((c, k) => trace(c, bx[k], by[k], { color: PALETTE[k % PALETTE.length] }));
  if (names.length > top.length) out.push(trace(`other (${names.length - top.length} values)`, bx[other], by[other], { color: OTHER_COLOR }));
  return out;
}
