import pl from "nodejs-polars";
import { readCoordinates, validateCoordinates, type CoordinateColumns } from "./coordinates";
import { haversineBuckets } from "./bucket-index";
import { EARTH_RADIUS_M } from "./haversine";

const RAD = Math.PI / 180;
const UNCLASSIFIED = -2;
const NOISE = -1;

/**
 * Options of {@link dbscan}.
 *
 * @example
 * ```ts
 * const o: DbscanOptions = { epsM: 150, minPts: 10 };
 * ```
 */
export interface DbscanOptions {
  /** Neighbourhood radius ε, metres of great-circle (haversine) distance, > 0. Default 100. */
  epsM?: number;
  /** Points (the point itself included) an ε-neighbourhood needs for a core point, integer ≥ 1. Default 5. */
  minPts?: number;
}

/**
 * Result of {@link dbscan}.
 *
 * @example
 * ```ts
 * const { labels, core, nClusters, nNoise }: DbscanResult = dbscan(lat, lon, { epsM: 150 });
 * ```
 */
export interface DbscanResult {
  /** Cluster of each point: 0, 1, … in order of discovery (by row), −1 = noise. */
  labels: Int32Array;
  /** 1 where the point is a core point. */
  core: Uint8Array;
  /** Number of clusters. */
  nClusters: number;
  /** Number of noise points. */
  nNoise: number;
}

const defaults = { epsM: 100, minPts: 5 };

function checkOptions(o: Required<DbscanOptions>, caller: string): void {
  if (!(o.epsM > 0) || !Number.isFinite(o.epsM)) throw new Error(`${caller}: epsM must be a finite number of metres > 0, got ${o.epsM}`);
  if (!Number.isInteger(o.minPts) || o.minPts < 1) throw new Error(`${caller}: minPts must be an integer >= 1, got ${o.minPts}`);
}

/**
 * Distinct coordinates in order of first appearance, with multiplicities: an open-addressing
 * hash table on the bit patterns of (lat, lon), O(n).
 */
function dedupe(lat: ArrayLike<number>, lon: ArrayLike<number>): { uLat: Float64Array; uLon: Float64Array; weight: Int32Array; of: Int32Array } {
  const n = lat.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slot = new Int32Array(size).fill(-1);
  const pair = new Float64Array(2);
  const bits = new Uint32Array(pair.buffer);
  const uLat = new Float64Array(n);
  const uLon = new Float64Array(n);
  const weight = new Int32Array(n);
  const of = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    pair[0] = lat[i];
    pair[1] = lon[i];
    let h = Math.imul(bits[0] ^ Math.imul(bits[1], 0x9e3779b1), 0x85ebca6b) ^ Math.imul(bits[2] ^ Math.imul(bits[3], 0xc2b2ae35), 0x27d4eb2f);
    h ^= h >>> 15;
    let k = h & mask;
    while (slot[k] >= 0 && (uLat[slot[k]] !== pair[0] || uLon[slot[k]] !== pair[1])) k = (k + 1) & mask;
    if (slot[k] < 0) {
      slot[k] = m;
      uLat[m] = pair[0];
      uLon[m] = pair[1];
      m++;
    }
    weight[slot[k]]++;
    of[i] = slot[k];
  }
  return { uLat: uLat.slice(0, m), uLon: uLon.slice(0, m), weight: weight.slice(0, m), of };
}

/**
 * DBSCAN (Ester, Kriegel, Sander & Xu 1996) on WGS84 points with the haversine distance.
 *
 * A point is a **core** point when its closed ε-neighbourhood (distance ≤ `epsM`, the point
 * itself included) holds at least `minPts` points. Clusters are the connected components of core
 * points (two cores ≤ ε apart are connected) plus their **border** points (non-core points within
 * ε of a core). As in the original algorithm, points are scanned in row order, each cluster is
 * expanded completely before the scan goes on, and a border point within ε of cores of several
 * clusters joins the **first cluster discovered** that reaches it (so labels are deterministic
 * but a border point's cluster depends on row order; core points and noise do not). Clusters are
 * numbered 0, 1, … in order of discovery; noise is −1.
 *
 * Cost: identical coordinates are merged first (weighted counts; results are unchanged), then
 * each distinct point runs one range query on a bucket index (`haversineBuckets`: buckets ≥ ε
 * in both directions), so a query touches only the 3 × 3 buckets around the point instead of
 * all n points: about linear time at a fixed density. Worst case (everything within ε) is still
 * quadratic, as for any exact DBSCAN.
 *
 * @param lat latitudes, degrees
 * @param lon longitudes, degrees
 * @param options see {@link DbscanOptions}
 * @returns labels, core flags and counts, see {@link DbscanResult}
 * @throws DataError naming the row of a null / NaN / out-of-range coordinate or an empty input;
 *   Error for `epsM <= 0` or `minPts < 1`
 * @example
 * ```ts
 * const { labels, nClusters } = dbscan(lat, lon, { epsM: 150, minPts: 10 });
 * ```
 */
export function dbscan(lat: ArrayLike<number>, lon: ArrayLike<number>, options: DbscanOptions = {}): DbscanResult {
  const o = { epsM: options.epsM ?? defaults.epsM, minPts: options.minPts ?? defaults.minPts };
  checkOptions(o, "dbscan");
  validateCoordinates(lat, lon, "dbscan");
  const { uLat, uLon, weight, of } = dedupe(lat, lon);
  const n = uLat.length;
  const latR = new Float64Array(n);
  const lonR = new Float64Array(n);
  const cosLat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    latR[i] = uLat[i] * RAD;
    lonR[i] = uLon[i] * RAD;
    cosLat[i] = Math.cos(latR[i]);
  }
  const sh = Math.sin(o.epsM / EARTH_RADIUS_M / 2);
  const threshold = sh * sh; // haversine term a <= sin²(ε / 2R)  ⇔  distance <= ε
  const index = haversineBuckets(uLat, uLon, o.epsM);
  const order = index.order;
  const spans = new Int32Array(18);

  let buf = new Int32Array(64);
  let len = 0;
  let mass = 0;
  /** Fills buf[0 … len) with the ε-neighbours of distinct point p and `mass` with their multiplicity. */
  const query = (p: number): void => {
    len = 0;
    mass = 0;
    const lp = latR[p];
    const gp = lonR[p];
    const cp = cosLat[p];
    const k = index.ranges(p, spans);
    for (let m = 0; m < k; m++) {
      for (let t = spans[2 * m]; t < spans[2 * m + 1]; t++) {
        const j = order[t];
        const s1 = Math.sin((latR[j] - lp) / 2);
        const s2 = Math.sin((lonR[j] - gp) / 2);
        if (s1 * s1 + cp * cosLat[j] * s2 * s2 > threshold) continue;
        if (len === buf.length) {
          const bigger = new Int32Array(buf.length * 2);
          bigger.set(buf);
          buf = bigger;
        }
        buf[len++] = j;
        mass += weight[j];
      }
    }
  };

  const label = new Int32Array(n).fill(UNCLASSIFIED);
  const uCore = new Uint8Array(n);
  const stack = new Int32Array(n);
  let nClusters = 0;
  for (let i = 0; i < n; i++) {
    if (label[i] !== UNCLASSIFIED) continue;
    query(i);
    if (mass < o.minPts) {
      label[i] = NOISE;
      continue;
    }
    const c = nClusters++;
    uCore[i] = 1;
    label[i] = c;
    let top = 0;
    for (let k = 0; k < len; k++) {
      const j = buf[k];
      if (label[j] === UNCLASSIFIED) stack[top++] = j;
      if (label[j] < 0) label[j] = c;
    }
    while (top > 0) {
      const q = stack[--top];
      query(q);
      if (mass < o.minPts) continue;
      uCore[q] = 1;
      for (let k = 0; k < len; k++) {
        const j = buf[k];
        if (label[j] === UNCLASSIFIED) stack[top++] = j;
        if (label[j] < 0) label[j] = c;
      }
    }
  }
  const labels = new Int32Array(of.length);
  const core = new Uint8Array(of.length);
  let nNoise = 0;
  for (let i = 0; i < of.length; i++) {
    labels[i] = label[of[i]];
    core[i] = uCore[of[i]];
    if (labels[i] < 0) nNoise++;
  }
  return { labels, core, nClusters, nNoise };
}

/**
 * Options of {@link addDbscanClusters}.
 *
 * @example
 * ```ts
 * addDbscanClusters(df, { epsM: 150, minPts: 10, column: "zone", cols: { lat: "latitude", lon: "longitude" } });
 * ```
 */
export interface AddDbscanClustersOptions extends DbscanOptions {
  /** Output column. Default `"cluster"`. */
  column?: string;
  /** Coordinate columns. Default `lat`, `lon`. */
  cols?: CoordinateColumns;
}

/**
 * Runs {@link dbscan} on a frame's coordinates and adds an Int32 cluster column (−1 = noise).
 * Null or NaN coordinates fail with a `DataError` naming the 0-based row: filter them first.
 *
 * @param df frame with coordinate columns
 * @param options see {@link AddDbscanClustersOptions}
 * @returns the frame with the cluster column added (replaced if present); row order unchanged
 * @example
 * ```ts
 * const clustered = addDbscanClusters(events, { epsM: 150, minPts: 20 });
 * clustered.groupBy("cluster").agg(pl.len().alias("events"));
 * ```
 */
export function addDbscanClusters(df: pl.DataFrame, options: AddDbscanClustersOptions = {}): pl.DataFrame {
  const o = { epsM: options.epsM ?? defaults.epsM, minPts: options.minPts ?? defaults.minPts };
  checkOptions(o, "addDbscanClusters");
  const { lat, lon } = readCoordinates(df, options.cols ?? {}, "addDbscanClusters");
  const { labels } = dbscan(lat, lon, o);
  return df.withColumns(pl.Series(options.column ?? "cluster", labels, pl.Int32));
}
