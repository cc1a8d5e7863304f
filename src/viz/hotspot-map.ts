import pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import type { PlotlyFigure } from "./figure";
import { formatInt, toPlotValues } from "./format";
import { requireColumns, requireNumeric } from "./frame-checks";
import { axisTitle, makeFigure } from "./layout-defaults";

/**
 * Options of {@link hotspotMapFigure}.
 *
 * @example
 * ```ts
 * hotspotMapFigure(gi, { timeBin: "evening", zCritical: 2.58, markerSize: 12 });
 * ```
 */
export interface HotspotMapOptions {
  /** Which `time_bin` to draw. Default: the only bin; required when the frame has several. */
  timeBin?: string;
  /** |z| at or above which a cell is outlined as significant. Default 1.959964 (5 %, two-sided). */
  zCritical?: number;
  /** Colour range ±zMax. Default: the largest |z| drawn (at least `zCritical`). */
  zMax?: number;
  /** Marker side in px (markers are squares of constant screen size). Default 9. */
  markerSize?: number;
  /** Title. Default: derived (bin, cells, hot and cold counts). */
  title?: string;
}

const defaults = { zCritical: 1.959964, markerSize: 9 };
const WEBGL_ABOVE = 5_000;

/**
 * Diverging colour scale for z-scores: blue (cold, z < 0) through near-white (z = 0) to red
 * (hot), after ColorBrewer RdBu; the figure sets cmin = −zMax and cmax = zMax so 0 is the middle.
 *
 * @example
 * ```ts
 * { marker: { color: z, colorscale: [...Z_COLORSCALE], cmin: -3, cmax: 3 } }
 * ```
 */
export const Z_COLORSCALE: readonly (readonly [number, string])[] = [
  [0, "#2166ac"],
  [0.25, "#67a9cf"],
  [0.5, "#f7f7f7"],
  [0.75, "#ef8a62"],
  [1, "#b2182b"],
];

/**
 * Map of Getis-Ord Gi* z-scores (the output of `giStarHotspots`) for one time bin: one square
 * marker per grid cell at its centre on plain lon/lat axes (no map tiles, renders offline, with
 * the true-to-shape aspect ratio of `geoScatterFigure`), coloured by z on a diverging scale
 * centred at 0. Cells with |z| ≥ `zCritical` get a dark outline. Hover shows count, z and p.
 * Cells whose z is NaN are drawn with a null colour (grey in Plotly).
 *
 * @param gi frame with `time_bin`, `lat`, `lon`, `count`, `gi_z` (and optionally `p_value`)
 * @param options see {@link HotspotMapOptions}
 * @returns a figure with one `scatter` (or `scattergl` above 5 000 cells) trace: `x` = cell
 *   longitudes, `y` = latitudes, `marker.color` = z, `customdata` = [count, z, p]
 * @example
 * ```ts
 * const gi = giStarHotspots(addTimeFeatures(events), { timeBin: "part_of_day" });
 * show(hotspotMapFigure(gi, { timeBin: "evening" }));
 * ```
 */
export function hotspotMapFigure(gi: pl.DataFrame, options: HotspotMapOptions = {}): PlotlyFigure {
  const caller = "hotspotMapFigure";
  const zCritical = options.zCritical ?? defaults.zCritical;
  const markerSize = options.markerSize ?? defaults.markerSize;
  if (!(zCritical > 0)) throw new Error(`${caller}: zCritical must be > 0, got ${zCritical}`);
  if (!(markerSize > 0)) throw new Error(`${caller}: markerSize must be > 0 px, got ${markerSize}`);
  if (options.zMax !== undefined && !(options.zMax > 0)) throw new Error(`${caller}: zMax must be > 0, got ${options.zMax}`);
  requireColumns(gi, ["time_bin"], caller);
  for (const c of ["lat", "lon", "count", "gi_z"]) requireNumeric(gi, c, caller);
  const bins = [...new Set(gi.getColumn("time_bin").cast(pl.String).toArray() as string[])].sort();
  let bin = options.timeBin;
  if (bin === undefined) {
    if (bins.length !== 1) throw new Error(`${caller}: the frame has ${bins.length} time bins (${bins.join(", ")}); choose one with { timeBin }`);
    bin = bins[0];
  }
  if (!bins.includes(bin)) throw new DataError(`${caller}: time bin '${bin}' is not in the frame (bins: ${bins.join(", ")})`, { column: "time_bin" });
  const cells = gi.filter(pl.col("time_bin").cast(pl.String).eq(pl.lit(bin)));
  const xs = cells.getColumn("lon").toArray() as number[];
  const ys = cells.getColumn("lat").toArray() as number[];
  const count = cells.getColumn("count").toArray() as number[];
  const z = toPlotValues(cells.getColumn("gi_z").toArray()) as (number | null)[];
  const p = gi.columns.includes("p_value") ? (toPlotValues(cells.getColumn("p_value").toArray()) as (number | null)[]) : z.map(() => null);

  let maxAbs = 0;
  let hot = 0;
  let cold = 0;
  for (const v of z) {
    if (v === null) continue;
    maxAbs = Math.max(maxAbs, Math.abs(v));
    if (v >= zCritical) hot++;
    if (v <= -zCritical) cold++;
  }
  const zMax = options.zMax ?? Math.max(maxAbs, zCritical);
  const trace = {
    type: cells.height > WEBGL_ABOVE ? "scattergl" : "scatter",
    mode: "markers",
    name: `Gi* z (${bin})`,
    x: xs,
    y: ys,
    customdata: count.map((c, i) => [c, z[i], p[i]]),
    marker: {
      symbol: "square",
      size: markerSize,
      color: z,
      colorscale: Z_COLORSCALE.map(([t, c]) => [t, c]),
      cmin: -zMax,
      cmax: zMax,
      showscale: true,
      colorbar: { title: { text: "Gi* z" } },
      line: { color: "#222222", width: z.map((v) => (v !== null && Math.abs(v) >= zCritical ? 1.5 : 0)) },
    },
    hovertemplate: "lon %{x:.4f}, lat %{y:.4f}<br>events %{customdata[0]}<br>z %{customdata[1]:.2f}, p %{customdata[2]:.3g}<extra></extra>",
  };
  const title =
    options.title ??
    `Gi* hot spots: ${bin}<br><sup>${formatInt(cells.height)} cells; ${formatInt(hot)} hot, ${formatInt(cold)} cold at |z| ≥ ${zCritical.toFixed(2)} (outlined)</sup>`;
  return makeFigure([trace], title, {
    showlegend: false,
    ...geoAxes(ys),
    meta: { timeBin: bin, cells: cells.height, hot, cold, zMax, zCritical },
  });
}

/** x/y axes titled in degrees with `yaxis.scaleratio = 1 / cos φ` at the middle latitude (as in geoScatterFigure). */
function geoAxes(lats: ArrayLike<number>): Record<string, unknown> {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < lats.length; i++) {
    if (lats[i] < lo) lo = lats[i];
    if (lats[i] > hi) hi = lats[i];
  }
  const mid = Number.isFinite(lo) ? (lo + hi) / 2 : 0;
  return {
    xaxis: { ...axisTitle("longitude (°)"), showgrid: true },
    yaxis: { ...axisTitle("latitude (°)"), scaleanchor: "x", scaleratio: 1 / Math.max(Math.cos((mid * Math.PI) / 180), 0.05), showgrid: true },
  };
}
