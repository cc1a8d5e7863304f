import pl from "nodejs-polars";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import { readCoordinates, type CoordinateColumns } from "./coordinates";
import { haversine } from "./haversine";

const RAD = Math.PI / 180;

/**
 * Options of {@link radiusOfGyration}.
 *
 * @example
 * ```ts
 * radiusOfGyration(df, { userColumn: "uid", cols: { lat: "latitude", lon: "longitude" } });
 * ```
 */
export interface RadiusOfGyrationOptions {
  /** User column. Default `COL.user`. */
  userColumn?: string;
  /** Coordinate columns. Default `lat`, `lon`. */
  cols?: CoordinateColumns;
}

/**
 * Per-group centre of mass and radius of gyration on typed arrays: `group[i]` in [0, nGroups).
 * The centre is the normalised mean of the unit vectors of the points (the spherical centroid;
 * it equals the mean lat/lon at city scale and stays correct across the antimeridian), and
 * r_g = √(mean of squared haversine distances to it).
 *
 * @returns per group: `n`, `lat`, `lon` (degrees), `rg` (metres)
 * @example
 * ```ts
 * const { rg } = gyration(Int32Array.of(0, 0), 1, Float64Array.of(31.23, 31.24), Float64Array.of(121.47, 121.47)); // rg[0] ≈ 556
 * ```
 */
export function gyration(
  group: ArrayLike<number>,
  nGroups: number,
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
): { n: Float64Array; lat: Float64Array; lon: Float64Array; rg: Float64Array } {
  const n = new Float64Array(nGroups);
  const sx = new Float64Array(nGroups);
  const sy = new Float64Array(nGroups);
  const sz = new Float64Array(nGroups);
  for (let i = 0; i < lat.length; i++) {
    const g = group[i];
    const c = Math.cos(lat[i] * RAD);
    n[g]++;
    sx[g] += c * Math.cos(lon[i] * RAD);
    sy[g] += c * Math.sin(lon[i] * RAD);
    sz[g] += Math.sin(lat[i] * RAD);
  }
  const cLat = new Float64Array(nGroups);
  const cLon = new Float64Array(nGroups);
  for (let g = 0; g < nGroups; g++) {
    cLat[g] = Math.atan2(sz[g], Math.hypot(sx[g], sy[g])) / RAD;
    cLon[g] = Math.atan2(sy[g], sx[g]) / RAD;
  }
  const ss = new Float64Array(nGroups);
  for (let i = 0; i < lat.length; i++) {
    const g = group[i];
    const d = haversine(lat[i], lon[i], cLat[g], cLon[g]);
    ss[g] += d * d;
  }
  const rg = new Float64Array(nGroups);
  for (let g = 0; g < nGroups; g++) rg[g] = n[g] > 0 ? Math.sqrt(ss[g] / n[g]) : NaN;
  return { n, lat: cLat, lon: cLon, rg };
}

/**
 * Each user's radius of gyration (González, Hidalgo & Barabási 2008), the typical distance of
 * a user's events from their centre of mass:
 *
 * r_g = √( (1/n) Σᵢ d(pᵢ, p̄)² ),  d = haversine distance, p̄ = spherical centroid of the user's points.
 *
 * A user with one distinct place has r_g ≈ 0 (below a micrometre: the centroid is computed in floating point).
 *
 * @param df events with user and coordinates
 * @param options see {@link RadiusOfGyrationOptions}
 * @returns one row per user, sorted by user: `user`, `n_events` (UInt32), `centre_lat`,
 *   `centre_lon` (degrees), `r_gyration_m` (metres)
 * @throws DataError for null/NaN coordinates (naming the row), a missing or null user column
 * @example
 * ```ts
 * radiusOfGyration(events).sort("r_gyration_m", true).head(10);
 * ```
 */
export function radiusOfGyration(df: pl.DataFrame, options: RadiusOfGyrationOptions = {}): pl.DataFrame {
  const caller = "radiusOfGyration";
  const user = options.userColumn ?? COL.user;
  if (!df.columns.includes(user)) throw new DataError(`${caller} needs column '${user}' (frame has: ${df.columns.join(", ")})`, { column: user });
  const { lat, lon } = readCoordinates(df, options.cols ?? {}, caller);
  const nullUsers = df.getColumn(user).nullCount();
  if (nullUsers > 0) throw new DataError(`${caller}: ${nullUsers} row(s) have a null user; drop them first`, { column: user });
  const ids = df.select(pl.col(user).cast(pl.String)).getColumn(user).toArray() as string[];
  const names = [...new Set(ids)].sort();
  const index = new Map(names.map((u, i) => [u, i]));
  const group = Int32Array.from(ids, (u) => index.get(u)!);
  const g = gyration(group, names.length, lat, lon);
  return pl.DataFrame([
    pl.Series(user, names, pl.String),
    pl.Series("n_events", g.n, pl.Float64).cast(pl.UInt32),
    pl.Series("centre_lat", g.lat, pl.Float64),
    pl.Series("centre_lon", g.lon, pl.Float64),
    pl.Series("r_gyration_m", g.rg, pl.Float64),
  ]);
}
