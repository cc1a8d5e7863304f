import pl from "nodejs-polars";
import { readCoordinates, type CoordinateColumns } from "./coordinates";

const BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";
const DECODE = new Map<string, number>([...BASE32].map((c, i) => [c, i]));

/**
 * The box a geohash stands for (degrees), with its centre.
 *
 * @example
 * ```ts
 * const b: GeohashBox = geohashDecode("gbsuv"); // b.minLat = 48.6474609375 …
 * ```
 */
export interface GeohashBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
  /** Centre latitude, degrees. */
  lat: number;
  /** Centre longitude, degrees. */
  lon: number;
}

/**
 * The eight neighbours of a geohash; `null` beyond a pole.
 *
 * @example
 * ```ts
 * const { n, e, s, w }: GeohashNeighbours = geohashNeighbours("gbsuv");
 * ```
 */
export interface GeohashNeighbours {
  n: string | null;
  ne: string | null;
  e: string;
  se: string | null;
  s: string | null;
  sw: string | null;
  w: string;
  nw: string | null;
}

function checkPrecision(precision: number, caller: string): void {
  if (!Number.isInteger(precision) || precision < 1 || precision > 12) {
    throw new Error(`${caller}: precision must be an integer in [1, 12], got ${precision}`);
  }
}

/**
 * Encodes a point as a geohash (Niemeyer 2008): longitude and latitude bits interleaved,
 * longitude first, five bits per base-32 character (`0-9`, `b-z` without `a i l o`).
 * Precision 5 is a cell of about 4.9 × 4.9 km, 7 about 153 × 153 m, 9 about 4.8 × 4.8 m
 * (widths shrink with cos φ).
 *
 * @param lat latitude, degrees in [−90, 90]
 * @param lon longitude, degrees in [−180, 180]
 * @param precision number of characters, integer in [1, 12]. Default 9.
 * @returns the geohash string
 * @example
 * ```ts
 * geohashEncode(57.64911, 10.40744, 11); // "u4pruydqqvj"
 * geohashEncode(48.669, -4.329, 5);      // "gbsuv"
 * ```
 */
export function geohashEncode(lat: number, lon: number, precision = 9): string {
  checkPrecision(precision, "geohashEncode");
  if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) throw new Error(`geohashEncode: need |lat| <= 90 and |lon| <= 180, got (${lat}, ${lon})`);
  let latLo = -90;
  let latHi = 90;
  let lonLo = -180;
  let lonHi = 180;
  let out = "";
  let even = true; // longitude bit first
  let bit = 0;
  let ch = 0;
  while (out.length < precision) {
    if (even) {
      const mid = (lonLo + lonHi) / 2;
      if (lon >= mid) {
        ch = (ch << 1) | 1;
        lonLo = mid;
      } else {
        ch <<= 1;
        lonHi = mid;
      }
    } else {
      const mid = (latLo + latHi) / 2;
      if (lat >= mid) {
        ch = (ch << 1) | 1;
        latLo = mid;
      } else {
        ch <<= 1;
        latHi = mid;
      }
    }
    even = !even;
    if (++bit === 5) {
      out += BASE32[ch];
      bit = 0;
      ch = 0;
    }
  }
  return out;
}

/**
 * Decodes a geohash to its box and centre.
 *
 * @param hash a geohash of 1–12 characters (case-insensitive)
 * @returns the box, see {@link GeohashBox}
 * @example
 * ```ts
 * geohashDecode("gbsuv"); // { minLat: 48.6474609375, maxLat: 48.69140625, minLon: -4.3505859375, maxLon: -4.306640625, lat: 48.66943359375, lon: -4.3286132812 }
 * ```
 */
export function geohashDecode(hash: string): GeohashBox {
  const h = String(hash).toLowerCase();
  checkPrecision(h.length, "geohashDecode");
  let latLo = -90;
  let latHi = 90;
  let lonLo = -180;
  let lonHi = 180;
  let even = true;
  for (let i = 0; i < h.length; i++) {
    const v = DECODE.get(h[i]);
    if (v === undefined) throw new Error(`geohashDecode: '${hash}' has an invalid character '${h[i]}' at position ${i} (valid: ${BASE32})`);
    for (let b = 4; b >= 0; b--) {
      const one = (v >> b) & 1;
      if (even) {
        const mid = (lonLo + lonHi) / 2;
        if (one) lonLo = mid;
        else lonHi = mid;
      } else {
        const mid = (latLo + latHi) / 2;
        if (one) latLo = mid;
        else latHi = mid;
      }
      even = !even;
    }
  }
  return { minLat: latLo, maxLat: latHi, minLon: lonLo, maxLon: lonHi, lat: (latLo + latHi) / 2, lon: (lonLo + lonHi) / 2 };
}

/**
 * The geohash of the same precision next to `hash` in a compass direction (`dLat`, `dLon` in
 * cells: −1, 0 or 1). Longitudes wrap around the antimeridian; beyond a pole it is `null`.
 *
 * @example
 * ```ts
 * geohashAdjacent("gbsuv", 1, 0); // "gbsvj" (north)
 * ```
 */
export function geohashAdjacent(hash: string, dLat: number, dLon: number): string | null {
  const b = geohashDecode(hash);
  const lat = b.lat + dLat * (b.maxLat - b.minLat);
  if (lat > 90 || lat < -90) return null;
  let lon = b.lon + dLon * (b.maxLon - b.minLon);
  if (lon >= 180) lon -= 360;
  if (lon < -180) lon += 360;
  return geohashEncode(lat, lon, hash.length);
}

/**
 * The eight neighbours of a geohash (same precision).
 *
 * @example
 * ```ts
 * geohashNeighbours("gbsuv");
 * // { n: "gbsvj", ne: "gbsvn", e: "gbsuy", se: "gbsuw", s: "gbsut", sw: "gbsus", w: "gbsuu", nw: "gbsvh" }
 * ```
 */
export function geohashNeighbours(hash: string): GeohashNeighbours {
  const at = (dLat: number, dLon: number) => geohashAdjacent(hash, dLat, dLon);
  return { n: at(1, 0), ne: at(1, 1), e: at(0, 1)!, se: at(-1, 1), s: at(-1, 0), sw: at(-1, -1), w: at(0, -1)!, nw: at(1, -1) };
}

/**
 * Options of {@link addGeohash}.
 *
 * @example
 * ```ts
 * addGeohash(df, { precision: 6, column: "gh6" });
 * ```
 */
export interface AddGeohashOptions {
  /** Geohash length, integer in [1, 12]. Default 7 (≈ 153 m cells). */
  precision?: number;
  /** Output column. Default `"geohash"`. */
  column?: string;
  /** Coordinate columns. Default `lat`, `lon`. */
  cols?: CoordinateColumns;
}

const defaults = { precision: 7, column: "geohash" };

/**
 * Adds a String column with the geohash of every row's coordinates. Null, NaN or out-of-range
 * coordinates fail with a `DataError` naming the row.
 *
 * @param df frame with coordinate columns
 * @param options see {@link AddGeohashOptions}
 * @returns the frame with the geohash column added (replaced if present)
 * @example
 * ```ts
 * const cells = addGeohash(events, { precision: 6 }).groupBy("geohash").agg(pl.len());
 * ```
 */
export function addGeohash(df: pl.DataFrame, options: AddGeohashOptions = {}): pl.DataFrame {
  const precision = options.precision ?? defaults.precision;
  checkPrecision(precision, "addGeohash");
  const { lat, lon } = readCoordinates(df, options.cols ?? {}, "addGeohash");
  const out: string[] = new Array(lat.length);
  for (let i = 0; i < lat.length; i++) out[i] = geohashEncode(lat[i], lon[i], precision);
  return df.withColumns(pl.Series(options.column ?? defaults.column, out, pl.String));
}
