import { EARTH_RADIUS_M } from "./haversine";

const RAD = Math.PI / 180;
const DENSE_MAX = 1 << 22;

/**
 * A bucket index for fixed-radius (haversine) neighbour queries: points grouped by bucket in
 * `order`; `ranges(i, out)` writes the `[start, end)` ranges of `order` covering the 3 × 3 buckets
 * around point i into `out` (as start, end pairs; `out` needs room for 18 numbers) and returns
 * how many ranges it wrote.
 *
 * @example
 * ```ts
 * const idx: BucketIndex = haversineBuckets(lat, lon, 100);
 * const out = new Int32Array(18);
 * const k = idx.ranges(0, out); // candidates: idx.order[out[2m] … out[2m+1]) for m < k
 * ```
 */
export interface BucketIndex {
  order: Int32Array;
  ranges(i: number, out: Int32Array): number;
}

/**
 * Builds a {@link BucketIndex} on a lat/lon grid whose buckets are at least ε tall (ε/R in
 * latitude) and at least as wide as the largest longitude gap two points within ε can have at
 * the highest |latitude| of the data (+ ε): sin(Δλ/2) ≤ sin(ε/2R) / cos φ. Every ε-neighbour of a
 * point therefore lies in its bucket or one of the 8 around it; columns wrap at the antimeridian.
 * Buckets are addressed densely (counting sort, O(n + buckets)) when the data's bucket box holds
 * at most 4 M buckets and does not span every column, and through a sorted key map otherwise.
 *
 * @param lat latitudes, degrees (validated by the caller)
 * @param lon longitudes, degrees
 * @param epsM query radius, metres > 0
 * @example
 * ```ts
 * const idx = haversineBuckets(Float64Array.of(31.2, 31.2001), Float64Array.of(121.4, 121.4), 50);
 * ```
 */
export function haversineBuckets(lat: Float64Array, lon: Float64Array, epsM: number): BucketIndex {
  const n = lat.length;
  const dLat = (epsM / EARTH_RADIUS_M / RAD) * (1 + 1e-9);
  let minLat = Infinity;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    if (lat[i] < minLat) minLat = lat[i];
    if (Math.abs(lat[i]) > maxAbs) maxAbs = Math.abs(lat[i]);
  }
  const phi = Math.min(90, maxAbs + dLat) * RAD;
  const s = Math.sin(epsM / EARTH_RADIUS_M / 2) / Math.cos(phi);
  const dLon = s >= 1 || !Number.isFinite(s) ? 360 : (2 * Math.asin(s)) / RAD;
  const nCols = Math.max(1, Math.floor(360 / dLon));
  const width = 360 / nCols;
  const row = new Int32Array(n);
  const col = new Int32Array(n);
  let rowMax = 0;
  let colMin = nCols;
  let colMax = -1;
  for (let i = 0; i < n; i++) {
    const r = Math.floor((lat[i] - minLat) / dLat);
    const c = Math.floor((lon[i] + 180) / width) % nCols;
    if (r > 2 ** 31 - 2) throw new Error(`dbscan: epsM = ${epsM} m is too small for the bucket index; use a larger epsM`);
    row[i] = r;
    col[i] = c;
    if (r > rowMax) rowMax = r;
    if (c < colMin) colMin = c;
    if (c > colMax) colMax = c;
  }
  const nR = rowMax + 1;
  const nC = colMax - colMin + 1;
  if (nC < nCols && nR * nC <= Math.max(DENSE_MAX, 4 * n)) return denseIndex(row, col, colMin, nR, nC);
  if (nR * nCols > 2 ** 53) throw new Error(`dbscan: epsM = ${epsM} m is too small for data this spread out (bucket keys overflow); use a larger epsM`);
  return sparseIndex(row, col, nCols);
}

/** Counting sort into a dense bucket box (no wrap needed: the data do not span every column). */
function denseIndex(row: Int32Array, col: Int32Array, colMin: number, nR: number, nC: number): BucketIndex {
  const n = row.length;
  const start = new Int32Array(nR * nC + 1);
  const key = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    key[i] = row[i] * nC + (col[i] - colMin);
    start[key[i] + 1]++;
  }
  for (let b = 0; b < nR * nC; b++) start[b + 1] += start[b];
  const fill = start.slice(0, nR * nC);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[key[i]]++] = i;
  return {
    order,
    ranges(i, out) {
      const r0 = row[i];
      const c0 = col[i] - colMin;
      let k = 0;
      for (let r = Math.max(0, r0 - 1); r <= Math.min(nR - 1, r0 + 1); r++) {
        const a = r * nC + Math.max(0, c0 - 1);
        const b = r * nC + Math.min(nC - 1, c0 + 1) + 1; // adjacent buckets of one row are contiguous in `order`
        if (start[b] > start[a]) {
          out[2 * k] = start[a];
          out[2 * k + 1] = start[b];
          k++;
        }
      }
      return k;
    },
  };
}

/** Sorted keys and a map from bucket key to its range; columns wrap modulo nCols. */
function sparseIndex(row: Int32Array, col: Int32Array, nCols: number): BucketIndex {
  const n = row.length;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = row[i] * nCols + col[i];
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => key[a] - key[b]);
  const range = new Map<number, [number, number]>();
  for (let k = 0; k < n; k++) {
    const kk = key[order[k]];
    const got = range.get(kk);
    if (got) got[1] = k + 1;
    else range.set(kk, [k, k + 1]);
  }
  const colOffsets = nCols >= 3 ? [-1, 0, 1] : nCols === 2 ? [0, 1] : [0];
  return {
    order,
    ranges(i, out) {
      let k = 0;
      for (let dr = -1; dr <= 1; dr++) {
        const r = row[i] + dr;
        if (r < 0) continue;
        for (const dc of colOffsets) {
          const got = range.get(r * nCols + ((((col[i] + dc) % nCols) + nCols) % nCols));
          if (!got) continue;
          out[2 * k] = got[0];
          out[2 * k + 1] = got[1];
          k++;
        }
      }
      return k;
    },
  };
}
