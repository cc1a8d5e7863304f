import pl from "nodejs-polars";
import { normalCdf } from "../timeseries/special-functions";
import { DataError } from "../util/data-error";
import { readCoordinates, type CoordinateColumns } from "./coordinates";
import { boundingBox, gridCellCentres, gridCellIds, makeGrid, type BoundingBox } from "./grid-cells";
import { gridWeights, type SpatialWeights, type WeightScheme } from "./spatial-weights";

/**
 * Getis-Ord Gi* z-scores (Ord & Getis 1995, eq. 14 with the cell itself among its neighbours):
 *
 * Gi* = (Σⱼ wᵢⱼ xⱼ − X̄ Σⱼ wᵢⱼ) / ( S · √( (n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1) ) )
 *
 * with X̄ = Σⱼ xⱼ / n, S = √(Σⱼ xⱼ² / n − X̄²), sums over all n units (j = i included, so
 * `weights` must list each unit as its own neighbour, as `gridWeights` does). Under the null
 * of no spatial association Gi* is asymptotically standard normal: Gi* > 1.96 marks a hot
 * spot, < −1.96 a cold spot at the 5 % level (two-sided, not corrected for multiple testing).
 * When every xⱼ is equal (S = 0) or a unit's neighbourhood is the whole area, z is NaN.
 *
 * @param x value per unit (e.g. event counts per grid cell, empty cells included as 0)
 * @param w sparse weights, see {@link SpatialWeights}
 * @returns `Float64Array` of z-scores, one per unit
 * @example
 * ```ts
 * const z = giStar(counts, gridWeights(grid, { kind: "band", bandM: 750 }));
 * ```
 */
export function giStar(x: ArrayLike<number>, w: SpatialWeights): Float64Array {
  const n = x.length;
  if (w.n !== n) throw new Error(`giStar: ${n} values but weights for ${w.n} units`);
  if (n < 2) throw new Error(`giStar: needs at least 2 units, got ${n}`);
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw new Error(`giStar: x[${i}] = ${x[i]} is not finite`);
    sum += x[i];
    sum2 += x[i] * x[i];
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lag = 0;
    let wi = 0;
    let s1 = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const wij = w.weights[k];
      lag += wij * x[w.neighbours[k]];
      wi += wij;
      s1 += wij * wij;
    }
    const den = s * Math.sqrt((n * s1 - wi * wi) / (n - 1));
    z[i] = den > 0 ? (lag - mean * wi) / den : NaN;
  }
  return z;
}

/**
 * Options of {@link giStarHotspots}.
 *
 * @example
 * ```ts
 * giStarHotspots(df, { cellSizeM: 250, timeBin: "is_weekend", weights: { kind: "knn", k: 8 } });
 * ```
 */
export interface GiStarHotspotsOptions {
  /** Grid cell side, metres. Default 500. */
  cellSizeM?: number;
  /** Column whose values split the rows into time bins (e.g. `"part_of_day"`, `"is_weekend"`), each tested on its own. Default: none (one bin `"all"`). */
  timeBin?: string;
  /** Neighbours, see {@link WeightScheme}. Default `{ kind: "band" }`: distance band 1.5 × cell size (the cell and its 8 queen neighbours). */
  weights?: WeightScheme;
  /** Study area. Default: the bounding box of all rows (the same grid for every bin). */
  box?: BoundingBox;
  /** Output the cells with no event in the bin too. Default `false` (they still count in n, X̄ and S). */
  includeEmpty?: boolean;
  /** Coordinate columns. Default `lat`, `lon`. */
  cols?: CoordinateColumns;
}

const defaults = { cellSizeM: 500, weights: { kind: "band" } as WeightScheme, includeEmpty: false };

/**
 * Hot-spot analysis of event counts: rows are counted per cell of a metric square grid
 * (`makeGrid`, shared by all bins) and per time bin, and every cell of the grid (empty ones
 * included, as zeros) gets a Getis-Ord {@link giStar} z-score within its bin, with the two-sided
 * p-value 2 · (1 − Φ(|z|)).
 *
 * @param df events with coordinates (and the `timeBin` column if set)
 * @param options see {@link GiStarHotspotsOptions}
 * @returns one row per (bin, cell) with columns `time_bin` (String), `cell` (Int32, id
 *   `row · nCols + col`), `lat`, `lon` (cell centre, degrees), `count` (Int32), `gi_z`,
 *   `p_value` (Float64), sorted by bin then cell; only cells with events unless `includeEmpty`
 * @throws DataError for null/NaN coordinates (naming the row), rows outside `box`, null bins
 * @example
 * ```ts
 * const hot = giStarHotspots(addTimeFeatures(events), { timeBin: "part_of_day", cellSizeM: 500 });
 * hot.filter(pl.col("gi_z").gt(1.96));
 * ```
 */
export function giStarHotspots(df: pl.DataFrame, options: GiStarHotspotsOptions = {}): pl.DataFrame {
  const caller = "giStarHotspots";
  const cellSizeM = options.cellSizeM ?? defaults.cellSizeM;
  const { lat, lon } = readCoordinates(df, options.cols ?? {}, caller);
  const grid = makeGrid(options.box ?? boundingBox(lat, lon), cellSizeM);
  const cells = gridCellIds(grid, lat, lon);
  let outside = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i] < 0) outside++;
  if (outside > 0) throw new DataError(`${caller}: ${outside} row(s) fall outside the box; filter them first`, { column: options.cols?.lat ?? "lat" });
  const { bins, code } = timeBins(df, options.timeBin, caller);
  const w = gridWeights(grid, options.weights ?? defaults.weights);
  const nCells = grid.nRows * grid.nCols;
  const includeEmpty = options.includeEmpty ?? defaults.includeEmpty;
  const counts = bins.map(() => new Float64Array(nCells));
  for (let i = 0; i < cells.length; i++) counts[code[i]][cells[i]]++;

  const outBin: string[] = [];
  const outCell: number[] = [];
  const outCount: number[] = [];
  const outZ: number[] = [];
  const outP: number[] = [];
  bins.forEach((bin, b) => {
    const z = giStar(counts[b], w);
    for (let c = 0; c < nCells; c++) {
      if (!includeEmpty && counts[b][c] === 0) continue;
      outBin.push(bin);
      outCell.push(c);
      outCount.push(counts[b][c]);
      outZ.push(z[c]);
      outP.push(Number.isNaN(z[c]) ? NaN : 2 * normalCdf(-Math.abs(z[c])));
    }
  });
  const centres = gridCellCentres(grid, outCell);
  return pl.DataFrame([
    pl.Series("time_bin", outBin, pl.String),
    pl.Series("cell", outCell, pl.Int32),
    pl.Series("lat", centres.lat, pl.Float64),
    pl.Series("lon", centres.lon, pl.Float64),
    pl.Series("count", outCount, pl.Int32),
    pl.Series("gi_z", outZ, pl.Float64),
    pl.Series("p_value", outP, pl.Float64),
  ]);
}

/** Sorted distinct bin labels (as text) and each row's bin index. */
function timeBins(df: pl.DataFrame, column: string | undefined, caller: string): { bins: string[]; code: Int32Array } {
  if (column === undefined) return { bins: ["all"], code: new Int32Array(df.height) };
  if (!df.columns.includes(column)) throw new DataError(`${caller}: timeBin column '${column}' is absent (frame has: ${df.columns.join(", ")}); add it with addTimeFeatures`, { column });
  const s = df.getColumn(column);
  if (s.nullCount() > 0) throw new DataError(`${caller}: timeBin column has ${s.nullCount()} null value(s); fill or drop them first`, { column });
  const values = df.select(pl.col(column).cast(pl.String)).getColumn(column).toArray() as string[];
  const bins = [...new Set(values)].sort();
  const index = new Map(bins.map((b, i) => [b, i]));
  return { bins, code: Int32Array.from(values, (v) => index.get(v)!) };
}
