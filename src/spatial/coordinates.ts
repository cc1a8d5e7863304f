import pl from "nodejs-polars";
import { COL } from "../schema";
import { DataError } from "../util/data-error";

/**
 * Names of the coordinate columns a spatial verb reads.
 *
 * @example
 * ```ts
 * const cols: CoordinateColumns = { lat: "latitude", lon: "longitude" };
 * ```
 */
export interface CoordinateColumns {
  /** Latitude column, degrees. Default `COL.lat` (`"lat"`). */
  lat?: string;
  /** Longitude column, degrees. Default `COL.lon` (`"lon"`). */
  lon?: string;
}

/**
 * Checks a coordinate pair of arrays at the boundary of every spatial kernel: same length, at
 * least one point, every value finite and in range (|lat| ≤ 90, |lon| ≤ 180). The first bad
 * value fails with a `DataError` naming the caller, the column and the **0-based row index**.
 *
 * @param lat latitudes, degrees
 * @param lon longitudes, degrees
 * @param caller the calling function, named in the message
 * @param names column names used in the message. Default `{ lat: "lat", lon: "lon" }`.
 * @example
 * ```ts
 * validateCoordinates(Float64Array.of(31.2, NaN), Float64Array.of(121.4, 121.5), "dbscan");
 * // DataError: column 'lat': dbscan: row 1 has lat = NaN (null or NaN); ...
 * ```
 */
export function validateCoordinates(
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
  caller: string,
  names: { lat: string; lon: string } = { lat: COL.lat, lon: COL.lon },
): void {
  if (lat.length !== lon.length) throw new Error(`${caller}: lat and lon differ in length (${lat.length} vs ${lon.length})`);
  if (lat.length === 0) throw new DataError(`${caller}: no points (the input is empty)`, { column: names.lat });
  for (let i = 0; i < lat.length; i++) {
    const y = lat[i];
    const x = lon[i];
    if (!(Math.abs(y) <= 90)) throw badValue(caller, names.lat, i, y, "[-90, 90]");
    if (!(Math.abs(x) <= 180)) throw badValue(caller, names.lon, i, x, "[-180, 180]");
  }
}

function badValue(caller: string, column: string, row: number, v: number | null, range: string): DataError {
  const what = v === null || v === undefined || Number.isNaN(v) ? `${v} (null or NaN)` : `${v} (outside ${range})`;
  return new DataError(
    `${caller}: row ${row} (0-based) has ${column} = ${what}; spatial verbs need finite WGS84 degrees: drop or fill such rows first (e.g. dropImpossible, handleMissing)`,
    { column },
  );
}

/**
 * The coordinate columns of a frame as `Float64Array`s, validated by {@link validateCoordinates}
 * (null and NaN fail naming the row, so no row is ever dropped silently).
 *
 * @param df frame with the coordinate columns
 * @param cols column names, see {@link CoordinateColumns}
 * @param caller the calling verb, named in messages
 * @returns `{ lat, lon }` in degrees
 * @example
 * ```ts
 * const { lat, lon } = readCoordinates(events, {}, "addDbscanClusters");
 * ```
 */
export function readCoordinates(df: pl.DataFrame, cols: CoordinateColumns, caller: string): { lat: Float64Array; lon: Float64Array } {
  const names = { lat: cols.lat ?? COL.lat, lon: cols.lon ?? COL.lon };
  for (const c of [names.lat, names.lon]) {
    if (!df.columns.includes(c)) throw new DataError(`${caller} needs column '${c}' (frame has: ${df.columns.join(", ")})`, { column: c });
  }
  if (df.height === 0) throw new DataError(`${caller}: the frame is empty (no points)`, { column: names.lat });
  const read = (c: string) => {
    const s = df.getColumn(c);
    const variant = String((s.dtype as unknown as { variant: string }).variant);
    if (!/^(Float|Int|UInt)/.test(variant)) throw new DataError(`${caller}: expected a numeric column, got ${variant}`, { column: c });
    return df.select(pl.col(c).cast(pl.Float64).fillNull(NaN).alias(c)).getColumn(c).toTypedArray() as Float64Array;
  };
  const lat = read(names.lat);
  const lon = read(names.lon);
  validateCoordinates(lat, lon, caller, names);
  return { lat, lon };
}
