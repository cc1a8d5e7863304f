import { EARTH_RADIUS_M } from "../spatial/haversine";
import type { Csr } from "./csr";

/**
 * Options of {@link poiKnn}.
 *
 * @example
 * ```ts
 * poiKnn(lat, lon, { k: 10, maxDistanceM: 2_000 });
 * ```
 */
export interface PoiKnnOptions {
  /** Neighbours per point, ≥ 1. Default 10. */
  k?: number;
  /** Leave out neighbours farther than this, in metres. Default `Infinity`. */
  maxDistanceM?: number;
}

const defaults = { k: 10, maxDistanceM: Infinity };

/**
 * The k nearest neighbours of every point by great-circle (haversine) distance, exact, in
 * O(n log n) on average: points become unit vectors on the sphere, where the straight-line
 * (chord) distance c is monotone in the great-circle distance d = 2R·asin(c/2), and a 3-d k-d
 * tree answers the queries. Works across the antimeridian and near the poles. Ties are broken
 * by the smaller index; a point is never its own neighbour (a distinct point at the same place
 * is, at distance 0). Points with a NaN coordinate get no neighbours and are no one's.
 *
 * @param lat latitudes in degrees.
 * @param lon longitudes in degrees (same length).
 * @param options see {@link PoiKnnOptions}.
 * @returns a directed `n × n` CSR: row i lists i's neighbours (ascending index), values are
 *   distances in metres.
 * @throws Error when the arrays differ in length, a latitude is outside [−90, 90] or k < 1.
 * @example
 * ```ts
 * const knn = poiKnn(itemLat, itemLon, { k: 5 }); // knn.values[p] = metres to knn.indices[p]
 * ```
 */
export function poiKnn(lat: ArrayLike<number>, lon: ArrayLike<number>, options: PoiKnnOptions = {}): Csr {
  const k = options.k ?? defaults.k;
  const maxD = options.maxDistanceM ?? defaults.maxDistanceM;
  const n = lat.length;
  if (lon.length !== n) throw new Error(`poiKnn: lat and lon differ in length (${n} vs ${lon.length})`);
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`poiKnn: k must be an integer >= 1, got ${k}`);
  if (!(maxD > 0)) throw new Error(`poiKnn: maxDistanceM must be > 0, got ${maxD}`);
  const xyz = new Float64Array(3 * n);
  const valid: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = lat[i];
    const b = lon[i];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    if (a < -90 || a > 90) throw new Error(`poiKnn: lat[${i}] = ${a} is outside [-90, 90]`);
    const phi = (a * Math.PI) / 180;
    const lam = (b * Math.PI) / 180;
    xyz[3 * i] = Math.cos(phi) * Math.cos(lam);
    xyz[3 * i + 1] = Math.cos(phi) * Math.sin(lam);
    xyz[3 * i + 2] = Math.sin(phi);
    valid.push(i);
  }
  const perm = Int32Array.from(valid);
  const axis = new Int8Array(perm.length);
  build(xyz, perm, axis, 0, perm.length);
  const maxChord = Number.isFinite(maxD) ? 2 * Math.sin(Math.min(Math.PI / 2, maxD / (2 * EARTH_RADIUS_M))) : Infinity;
  const heapD = new Float64Array(k);
  const heapI = new Int32Array(k);
  const indptr = new Int32Array(n + 1);
  const rowsIdx: Int32Array[] = new Array(n);
  const rowsD: Float64Array[] = new Array(n);
  const isValid = new Uint8Array(n);
  for (const i of valid) isValid[i] = 1;
  for (let i = 0; i < n; i++) {
    if (!isValid[i]) {
      rowsIdx[i] = new Int32Array(0);
      rowsD[i] = new Float64Array(0);
      continue;
    }
    const st = { size: 0, limit: maxChord * maxChord };
    search(xyz, perm, axis, 0, perm.length, i, k, heapD, heapI, st);
    const order = Array.from({ length: st.size }, (_, j) => j).sort((a, b) => heapI[a] - heapI[b]);
    rowsIdx[i] = Int32Array.from(order, (j) => heapI[j]);
    rowsD[i] = Float64Array.from(order, (j) => 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(heapD[j]) / 2)));
  }
  for (let i = 0; i < n; i++) indptr[i + 1] = indptr[i] + rowsIdx[i].length;
  const indices = new Int32Array(indptr[n]);
  const values = new Float32Array(indptr[n]);
  for (let i = 0; i < n; i++) {
    indices.set(rowsIdx[i], indptr[i]);
    values.set(rowsD[i], indptr[i]);
  }
  return { nRows: n, nCols: n, indptr, indices, values };
}

/** Builds the implicit k-d tree on perm[lo, hi): median at mid, split on the widest axis. */
function build(xyz: Float64Array, perm: Int32Array, axis: Int8Array, lo: number, hi: number): void {
  if (hi - lo <= 1) return;
  let best = 0;
  let bestSpread = -1;
  for (let a = 0; a < 3; a++) {
    let mn = Infinity;
    let mx = -Infinity;
    for (let p = lo; p < hi; p++) {
      const v = xyz[3 * perm[p] + a];
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    if (mx - mn > bestSpread) {
      bestSpread = mx - mn;
      best = a;
    }
  }
  const mid = (lo + hi) >> 1;
  select(xyz, perm, best, lo, hi - 1, mid);
  axis[mid] = best;
  build(xyz, perm, axis, lo, mid);
  build(xyz, perm, axis, mid + 1, hi);
}

/** Quickselect: puts the element of rank `kth` (by coordinate a, then index) at perm[kth]. */
function select(xyz: Float64Array, perm: Int32Array, a: number, lo: number, hi: number, kth: number): void {
  const key = (p: number): number => xyz[3 * perm[p] + a];
  const less = (p: number, v: number, id: number): boolean => key(p) < v || (key(p) === v && perm[p] < id);
  while (hi > lo) {
    const m = (lo + hi) >> 1;
    const pv = key(m);
    const pid = perm[m];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (less(i, pv, pid)) i++;
      while (key(j) > pv || (key(j) === pv && perm[j] > pid)) j--;
      if (i <= j) {
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        i++;
        j--;
      }
    }
    if (kth <= j) hi = j;
    else if (kth >= i) lo = i;
    else return;
  }
}

/** True when (d, i) ranks after (e, j): farther, or as far with a larger index. */
const after = (d: number, i: number, e: number, j: number): boolean => d > e || (d === e && i > j);

function search(
  xyz: Float64Array, perm: Int32Array, axis: Int8Array, lo: number, hi: number,
  q: number, k: number, hd: Float64Array, hi2: Int32Array, st: { size: number; limit: number },
): void {
  if (lo >= hi) return;
  const mid = (lo + hi) >> 1;
  const p = perm[mid];
  if (p !== q) {
    const dx = xyz[3 * p] - xyz[3 * q];
    const dy = xyz[3 * p + 1] - xyz[3 * q + 1];
    const dz = xyz[3 * p + 2] - xyz[3 * q + 2];
    const d = dx * dx + dy * dy + dz * dz;
    if (d <= st.limit) offer(hd, hi2, k, st, d, p);
  }
  const a = axis[mid];
  const diff = xyz[3 * q + a] - xyz[3 * p + a];
  const [nearLo, nearHi, farLo, farHi] = diff < 0 ? [lo, mid, mid + 1, hi] : [mid + 1, hi, lo, mid];
  search(xyz, perm, axis, nearLo, nearHi, q, k, hd, hi2, st);
  const worst = st.size < k ? st.limit : Math.min(st.limit, hd[0]);
  if (diff * diff <= worst) search(xyz, perm, axis, farLo, farHi, q, k, hd, hi2, st);
}

/** Bounded max-heap on (distance, index) of the k best so far. */
function offer(hd: Float64Array, hi: Int32Array, k: number, st: { size: number }, d: number, i: number): void {
  if (st.size < k) {
    let c = st.size++;
    while (c > 0) {
      const par = (c - 1) >> 1;
      if (!after(d, i, hd[par], hi[par])) break;
      hd[c] = hd[par];
      hi[c] = hi[par];
      c = par;
    }
    hd[c] = d;
    hi[c] = i;
    return;
  }
  if (!after(hd[0], hi[0], d, i)) return;
  let c = 0;
  for (;;) {
    const l = 2 * c + 1;
    if (l >= k) break;
    const r = l + 1;
    const m = r < k && after(hd[r], hi[r], hd[l], hi[l]) ? r : l;
    if (!after(hd[m], hi[m], d, i)) break;
    hd[c] = hd[m];
    hi[c] = hi[m];
    c = m;
  }
  hd[c] = d;
  hi[c] = i;
}
