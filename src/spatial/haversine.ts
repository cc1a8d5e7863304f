/**
 * Mean Earth radius in metres (IUGG mean radius R₁ = 6 371 008.8 m), used by every distance in
 * `src/spatial`.
 *
 * @example
 * ```ts
 * const metresPerDegreeLat = (EARTH_RADIUS_M * Math.PI) / 180; // ≈ 111 195 m
 * ```
 */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance between two WGS84 points on a sphere of radius {@link EARTH_RADIUS_M}
 * (haversine formula, numerically stable for small distances):
 *
 * d = 2R · asin(√(sin²(Δφ/2) + cos φ₁ · cos φ₂ · sin²(Δλ/2)))
 *
 * The spherical model differs from the WGS84 ellipsoid by at most about 0.5 %.
 *
 * @param lat1 latitude of the first point, degrees
 * @param lon1 longitude of the first point, degrees
 * @param lat2 latitude of the second point, degrees
 * @param lon2 longitude of the second point, degrees
 * @returns distance in metres (NaN when any input is NaN)
 * @example
 * ```ts
 * haversine(31.23, 121.47, 31.24, 121.47); // ≈ 1112 m (0.01° of latitude)
 * ```
 */
export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * RAD) / 2);
  const s2 = Math.sin(((lon2 - lon1) * RAD) / 2);
  const a = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Vectorised haversine: the distance of every point `(lats[i], lons[i])` to one point
 * `(lat0, lon0)`, in metres.
 *
 * @param lats latitudes, degrees
 * @param lons longitudes, degrees (same length as `lats`)
 * @param lat0 latitude of the reference point, degrees
 * @param lon0 longitude of the reference point, degrees
 * @returns a new `Float64Array` of distances in metres
 * @example
 * ```ts
 * haversineTo(Float64Array.of(31.23, 31.24), Float64Array.of(121.47, 121.47), 31.23, 121.47); // [0, ≈1112]
 * ```
 */
export function haversineTo(lats: ArrayLike<number>, lons: ArrayLike<number>, lat0: number, lon0: number): Float64Array {
  if (lats.length !== lons.length) throw new Error(`haversineTo: lats and lons differ in length (${lats.length} vs ${lons.length})`);
  const out = new Float64Array(lats.length);
  const c0 = Math.cos(lat0 * RAD);
  for (let i = 0; i < lats.length; i++) {
    const s1 = Math.sin(((lats[i] - lat0) * RAD) / 2);
    const s2 = Math.sin(((lons[i] - lon0) * RAD) / 2);
    const a = s1 * s1 + c0 * Math.cos(lats[i] * RAD) * s2 * s2;
    out[i] = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }
  return out;
}

/**
 * Vectorised haversine between paired points: `out[i]` = distance from
 * `(lats1[i], lons1[i])` to `(lats2[i], lons2[i])`, in metres.
 *
 * @param lats1 latitudes of the first points, degrees
 * @param lons1 longitudes of the first points, degrees
 * @param lats2 latitudes of the second points, degrees
 * @param lons2 longitudes of the second points, degrees
 * @returns a new `Float64Array` of distances in metres
 * @example
 * ```ts
 * haversinePairs([31.23], [121.47], [31.23], [121.48]); // [≈ 951]
 * ```
 */
export function haversinePairs(
  lats1: ArrayLike<number>,
  lons1: ArrayLike<number>,
  lats2: ArrayLike<number>,
  lons2: ArrayLike<number>,
): Float64Array {
  const n = lats1.length;
  if (lons1.length !== n || lats2.length !== n || lons2.length !== n) throw new Error("haversinePairs: all four arrays must have the same length");
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = haversine(lats1[i], lons1[i], lats2[i], lons2[i]);
  return out;
}
