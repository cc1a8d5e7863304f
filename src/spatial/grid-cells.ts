import pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import { readCoordinates, validateCoordinates, type CoordinateColumns } from "./coordinates";
import { EARTH_RADIUS_M } from "./haversine";

const RAD = Math.PI / 180;

/**
 * A box in degrees (it must not cross the antimeridian).
 *
 * @example
 * ```ts
 * const box: BoundingBox = { minLat: 31.1, maxLat: 31.4, minLon: 121.3, maxLon: 121.7 };
 * ```
 */
export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/**
 * A metric square grid: cells of `cellSizeM` × `cellSizeM` metres in the equirectangular plane
 * whose scale is taken at the box's middle latitude φc (x = R·Δλ·cos φc, y = R·Δφ), with its
 * origin at the box's south-west corner. Cell `id = row · nCols + col`, row 0 in the south,
 * col 0 in the west. Because cos φc is one constant, cells are also regular in degrees
 * (`cellSizeM / mPerDegLat` tall, `cellSizeM / mPerDegLon` wide); they are exactly square in
 * metres at φc and off by cos φ / cos φc elsewhere (0.3 % at 20 km north or south of φc at 31°).
 *
 * @example
 * ```ts
 * const grid: GridSpec = makeGrid(boundingBox(lat, lon), 500);
 * ```
 */
export interface GridSpec {
  /** Side of a cell, metres. */
  cellSizeM: number;
  /** South-west corner of cell 0, degrees. */
  minLat: number;
  minLon: number;
  /** Metres per degree of latitude and of longitude (at the middle latitude). */
  mPerDegLat: number;
  mPerDegLon: number;
  nRows: number;
  nCols: number;
}

/**
 * The bounding box of points (validated: finite, in range, not empty).
 *
 * @example
 * ```ts
 * boundingBox(Float64Array.of(31.2, 31.3), Float64Array.of(121.4, 121.6)); // { minLat: 31.2, maxLat: 31.3, minLon: 121.4, maxLon: 121.6 }
 * ```
 */
export function boundingBox(lat: ArrayLike<number>, lon: ArrayLike<number>): BoundingBox {
  validateCoordinates(lat, lon, "boundingBox");
  const box = { minLat: Infinity, maxLat: -Infinity, minLon: Infinity, maxLon: -Infinity };
  for (let i = 0; i < lat.length; i++) {
    if (lat[i] < box.minLat) box.minLat = lat[i];
    if (lat[i] > box.maxLat) box.maxLat = lat[i];
    if (lon[i] < box.minLon) box.minLon = lon[i];
    if (lon[i] > box.maxLon) box.maxLon = lon[i];
  }
  return box;
}

/**
 * A grid of `cellSizeM`-metre cells covering `box` (a point on the north or east edge still
 * falls in the last row or column).
 *
 * @param box the area, see {@link BoundingBox}
 * @param cellSizeM cell side in metres, > 0
 * @example
 * ```ts
 * makeGrid({ minLat: 31.2, maxLat: 31.3, minLon: 121.4, maxLon: 121.5 }, 1000); // 12 rows × 10 cols
 * ```
 */
export function makeGrid(box: BoundingBox, cellSizeM: number): GridSpec {
  if (!(cellSizeM > 0) || !Number.isFinite(cellSizeM)) throw new Error(`makeGrid: cellSizeM must be a finite number > 0 (metres), got ${cellSizeM}`);
  const { minLat, maxLat, minLon, maxLon } = box;
  if (!(minLat <= maxLat && minLon <= maxLon) || !(Math.abs(minLat) <= 90 && Math.abs(maxLat) <= 90 && Math.abs(minLon) <= 180 && Math.abs(maxLon) <= 180)) {
    throw new Error(`makeGrid: box must have -90 <= minLat <= maxLat <= 90 and -180 <= minLon <= maxLon <= 180, got ${JSON.stringify(box)}`);
  }
  const mPerDegLat = EARTH_RADIUS_M * RAD;
  const mPerDegLon = mPerDegLat * Math.max(Math.cos(((minLat + maxLat) / 2) * RAD), 1e-6);
  const nRows = Math.floor(((maxLat - minLat) * mPerDegLat) / cellSizeM) + 1;
  const nCols = Math.floor(((maxLon - minLon) * mPerDegLon) / cellSizeM) + 1;
  if (nRows * nCols > 2 ** 31 - 1) throw new Error(`makeGrid: ${nRows} × ${nCols} cells is too many; use a larger cellSizeM than ${cellSizeM} m`);
  return { cellSizeM, minLat, minLon, mPerDegLat, mPerDegLon, nRows, nCols };
}

/**
 * The cell id of every point, or −1 for a point outside the grid.
 *
 * @returns `Int32Array` of cell ids (`row · nCols + col`)
 * @example
 * ```ts
 * const cell = gridCellIds(grid, lat, lon);
 * ```
 */
export function gridCellIds(grid: GridSpec, lat: ArrayLike<number>, lon: ArrayLike<number>): Int32Array {
  const n = lat.length;
  const out = new Int32Array(n);
  const kLat = grid.mPerDegLat / grid.cellSizeM;
  const kLon = grid.mPerDegLon / grid.cellSizeM;
  for (let i = 0; i < n; i++) {
    const r = Math.floor((lat[i] - grid.minLat) * kLat);
    const c = Math.floor((lon[i] - grid.minLon) * kLon);
    out[i] = r >= 0 && r < grid.nRows && c >= 0 && c < grid.nCols ? r * grid.nCols + c : -1;
  }
  return out;
}

/**
 * Centres (degrees) of the given cells.
 *
 * @example
 * ```ts
 * gridCellCentres(grid, [0]); // centre of the south-west cell
 * ```
 */
export function gridCellCentres(grid: GridSpec, cells: ArrayLike<number>): { lat: Float64Array; lon: Float64Array } {
  const n = cells.length;
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const dLat = grid.cellSizeM / grid.mPerDegLat;
  const dLon = grid.cellSizeM / grid.mPerDegLon;
  for (let i = 0; i < n; i++) {
    const id = cells[i];
    if (!(Number.isInteger(id) && id >= 0 && id < grid.nRows * grid.nCols)) throw new Error(`gridCellCentres: cell ${id} is not in the grid (0 … ${grid.nRows * grid.nCols - 1})`);
    const r = Math.floor(id / grid.nCols);
    const c = id - r * grid.nCols;
    lat[i] = grid.minLat + (r + 0.5) * dLat;
    lon[i] = grid.minLon + (c + 0.5) * dLon;
  }
  return { lat, lon };
}

/**
 * Options of {@link addGridCells}.
 *
 * @example
 * ```ts
 * addGridCells(df, { cellSizeM: 250, box: { minLat: 31.1, maxLat: 31.4, minLon: 121.3, maxLon: 121.7 } });
 * ```
 */
export interface AddGridCellsOptions {
  /** Cell side, metres. Default 500. */
  cellSizeM?: number;
  /** Area of the grid. Default: the bounding box of the frame's points. Points outside get a null cell. */
  box?: BoundingBox;
  /** Coordinate columns. Default `lat`, `lon`. */
  cols?: CoordinateColumns;
}

const defaults = { cellSizeM: 500 };

/**
 * Assigns every row to a cell of a metric square grid ({@link makeGrid}) and adds `cell`
 * (Int32; null when the point is outside `box`), `cell_lat` and `cell_lon` (the cell centre,
 * degrees). Null or NaN coordinates fail naming the row.
 *
 * @param df frame with coordinate columns
 * @param options see {@link AddGridCellsOptions}
 * @returns `{ frame, grid }`: the frame with the three columns added, and the grid used
 * @example
 * ```ts
 * const { frame, grid } = addGridCells(events, { cellSizeM: 250 });
 * frame.groupBy("cell").agg(pl.len().alias("events"));
 * ```
 */
export function addGridCells(df: pl.DataFrame, options: AddGridCellsOptions = {}): { frame: pl.DataFrame; grid: GridSpec } {
  const { lat, lon } = readCoordinates(df, options.cols ?? {}, "addGridCells");
  const grid = makeGrid(options.box ?? boundingBox(lat, lon), options.cellSizeM ?? defaults.cellSizeM);
  const cells = gridCellIds(grid, lat, lon);
  const inside: number[] = [];
  for (let i = 0; i < cells.length; i++) if (cells[i] >= 0) inside.push(i);
  const cLat: (number | null)[] = new Array(cells.length).fill(null);
  const cLon: (number | null)[] = new Array(cells.length).fill(null);
  const cell: (number | null)[] = new Array(cells.length).fill(null);
  const centres = gridCellCentres(grid, inside.map((i) => cells[i]));
  inside.forEach((i, k) => {
    cell[i] = cells[i];
    cLat[i] = centres.lat[k];
    cLon[i] = centres.lon[k];
  });
  if (inside.length === 0) throw new DataError("addGridCells: no point falls inside the box", { column: options.cols?.lat ?? "lat" });
  const frame = df.withColumns(pl.Series("cell", cell, pl.Int32), pl.Series("cell_lat", cLat, pl.Float64), pl.Series("cell_lon", cLon, pl.Float64));
  return { frame, grid };
}
