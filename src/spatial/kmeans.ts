import pl from "nodejs-polars";
import { SEED } from "../schema";
import { createRng, type Rng } from "../util/rng";
import { readCoordinates, validateCoordinates, type CoordinateColumns } from "./coordinates";
import { fromLocalPlane, localPlane, planeCentre, toLocalPlane } from "./local-plane";

/**
 * Options of {@link kmeans}.
 *
 * @example
 * ```ts
 * const o: KmeansOptions = { k: 6, seed: 7, nInit: 5 };
 * ```
 */
export interface KmeansOptions {
  /** Number of clusters, integer in [1, n]. Required. */
  k: number;
  /** Seed of the k-means++ initialisation. Default `SEED` (42). */
  seed?: number;
  /** Most Lloyd iterations per run. Default 100. */
  maxIter?: number;
  /** Stop when no centre moves more than this, metres. Default 0.01. */
  tolM?: number;
  /** Independent k-means++ starts; the one with the lowest inertia is kept. Default 3. */
  nInit?: number;
}

/**
 * Result of {@link kmeans}.
 *
 * @example
 * ```ts
 * const { centres, inertiaHistory }: KmeansResult = kmeans(lat, lon, { k: 6 });
 * ```
 */
export interface KmeansResult {
  /** Cluster of each point, 0 … k−1 (nearest final centre; ties to the lower index). */
  labels: Int32Array;
  /** Final centres, degrees. */
  centres: { lat: Float64Array; lon: Float64Array };
  /** Sum of squared plane distances to the assigned centres, m². */
  inertia: number;
  /** Lloyd iterations of the kept run. */
  iterations: number;
  /** Whether the kept run stopped by `tolM` or stable labels (not by `maxIter`). */
  converged: boolean;
  /** Inertia after each assignment step of the kept run (never increases). */
  inertiaHistory: number[];
}

const defaults = { seed: SEED, maxIter: 100, tolM: 0.01, nInit: 3 };

function resolve(options: KmeansOptions, n: number, caller: string) {
  const o = {
    k: options.k,
    seed: options.seed ?? defaults.seed,
    maxIter: options.maxIter ?? defaults.maxIter,
    tolM: options.tolM ?? defaults.tolM,
    nInit: options.nInit ?? defaults.nInit,
  };
  if (!Number.isInteger(o.k) || o.k < 1) throw new Error(`${caller}: k must be an integer >= 1, got ${o.k}`);
  if (n >= 0 && o.k > n) throw new Error(`${caller}: k = ${o.k} is larger than the number of points n = ${n}; k must be in [1, n]`);
  if (!Number.isInteger(o.maxIter) || o.maxIter < 1) throw new Error(`${caller}: maxIter must be an integer >= 1, got ${o.maxIter}`);
  if (!(o.tolM >= 0)) throw new Error(`${caller}: tolM must be >= 0 metres, got ${o.tolM}`);
  if (!Number.isInteger(o.nInit) || o.nInit < 1) throw new Error(`${caller}: nInit must be an integer >= 1, got ${o.nInit}`);
  return o;
}

/** k-means++ (Arthur & Vassilvitskii 2007): first centre uniform, then ∝ squared distance to the nearest chosen centre. */
function plusPlus(x: Float64Array, y: Float64Array, k: number, rng: Rng): { cx: Float64Array; cy: Float64Array } {
  const n = x.length;
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  const d2 = new Float64Array(n).fill(Infinity);
  let pick = rng.int(n);
  for (let c = 0; c < k; c++) {
    cx[c] = x[pick];
    cy[c] = y[pick];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dx = x[i] - cx[c];
      const dy = y[i] - cy[c];
      const d = dx * dx + dy * dy;
      if (d < d2[i]) d2[i] = d;
      total += d2[i];
    }
    if (c + 1 < k) pick = total > 0 ? rng.weighted(d2) : rng.int(n); // fewer distinct points than k: repeat one
  }
  return { cx, cy };
}

function lloyd(x: Float64Array, y: Float64Array, k: number, rng: Rng, maxIter: number, tolM: number) {
  const n = x.length;
  const { cx, cy } = plusPlus(x, y, k, rng);
  const labels = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n);
  const assign = (): { changed: boolean; inertia: number } => {
    let changed = false;
    let inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bd = Infinity;
      for (let c = 0; c < k; c++) {
        const dx = x[i] - cx[c];
        const dy = y[i] - cy[c];
        const d = dx * dx + dy * dy;
        if (d < bd) {
          bd = d;
          best = c;
        }
      }
      if (labels[i] !== best) changed = true;
      labels[i] = best;
      dist[i] = bd;
      inertia += bd;
    }
    return { changed, inertia };
  };
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  const cnt = new Float64Array(k);
  const update = (): number => {
    sx.fill(0);
    sy.fill(0);
    cnt.fill(0);
    for (let i = 0; i < n; i++) {
      sx[labels[i]] += x[i];
      sy[labels[i]] += y[i];
      cnt[labels[i]]++;
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      let nx = cx[c];
      let ny = cy[c];
      if (cnt[c] > 0) {
        nx = sx[c] / cnt[c];
        ny = sy[c] / cnt[c];
      } else {
        // empty cluster: move it onto the point farthest from its centre (lowers the inertia)
        let far = -1;
        for (let i = 0; i < n; i++) if (dist[i] > 0 && (far < 0 || dist[i] > dist[far])) far = i;
        if (far >= 0) {
          nx = x[far];
          ny = y[far];
          dist[far] = 0;
        }
      }
      shift = Math.max(shift, Math.hypot(nx - cx[c], ny - cy[c]));
      cx[c] = nx;
      cy[c] = ny;
    }
    return shift;
  };
  const history = [assign().inertia];
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    const shift = update();
    const { changed, inertia } = assign();
    history.push(inertia);
    iterations++;
    if (!changed || shift <= tolM) {
      converged = true;
      break;
    }
  }
  return { labels, cx, cy, inertia: history[history.length - 1], iterations, converged, history };
}

/**
 * k-means (Lloyd) on WGS84 points with k-means++ initialisation, deterministic for a seed.
 *
 * Points are first projected to a local equirectangular plane in metres around the data's
 * centre (mean latitude, circular mean longitude; see `localPlane`), where the mean is the exact
 * minimiser of squared Euclidean distance, so Lloyd's two steps each lower the inertia and it
 * converges. At city scale (points within ~30 km of the centre) plane distances match haversine
 * distances to better than 0.5 %, so this is k-means under great-circle distance for practical
 * purposes, with inertia in m². (Spherical k-means on unit vectors would be exact at any scale,
 * but its "inertia" is in cosine units and buys nothing within a city; for continent-scale data
 * cluster per region instead.)
 *
 * Each of `nInit` runs draws its own k-means++ start from one seeded generator; the run with
 * the lowest final inertia is kept. An empty cluster is moved onto the point farthest from its
 * centre. Iteration stops when the labels no longer change, when no centre moves more than
 * `tolM`, or after `maxIter` iterations.
 *
 * @param lat latitudes, degrees
 * @param lon longitudes, degrees
 * @param options see {@link KmeansOptions}
 * @returns labels, centres (degrees), inertia (m²), see {@link KmeansResult}
 * @throws DataError for null / NaN / out-of-range coordinates (naming the row) or empty input;
 *   Error for k outside [1, n] or other bad options
 * @example
 * ```ts
 * const { labels, centres, inertia } = kmeans(lat, lon, { k: 6, seed: 1 });
 * ```
 */
export function kmeans(lat: ArrayLike<number>, lon: ArrayLike<number>, options: KmeansOptions): KmeansResult {
  validateCoordinates(lat, lon, "kmeans");
  const o = resolve(options, lat.length, "kmeans");
  const centre = planeCentre(lat, lon);
  const plane = localPlane(centre.lat, centre.lon);
  const { x, y } = toLocalPlane(plane, lat, lon);
  const rng = createRng(o.seed);
  let best: ReturnType<typeof lloyd> | null = null;
  for (let r = 0; r < o.nInit; r++) {
    const run = lloyd(x, y, o.k, rng.fork(), o.maxIter, o.tolM);
    if (best === null || run.inertia < best.inertia) best = run;
  }
  const b = best!;
  return {
    labels: b.labels,
    centres: fromLocalPlane(plane, b.cx, b.cy),
    inertia: b.inertia,
    iterations: b.iterations,
    converged: b.converged,
    inertiaHistory: b.history,
  };
}

/**
 * Options of {@link addKmeansClusters}.
 *
 * @example
 * ```ts
 * addKmeansClusters(df, { k: 6, column: "zone" });
 * ```
 */
export interface AddKmeansClustersOptions extends KmeansOptions {
  /** Output column. Default `"cluster"`. */
  column?: string;
  /** Coordinate columns. Default `lat`, `lon`. */
  cols?: CoordinateColumns;
}

/**
 * Runs {@link kmeans} on a frame's coordinates and adds an Int32 cluster column (0 … k−1).
 * Null or NaN coordinates fail with a `DataError` naming the 0-based row: filter them first.
 *
 * @param df frame with coordinate columns
 * @param options see {@link AddKmeansClustersOptions} (`k` is required)
 * @returns the frame with the cluster column added (replaced if present); row order unchanged
 * @example
 * ```ts
 * const zones = addKmeansClusters(events, { k: 6, seed: 42 });
 * ```
 */
export function addKmeansClusters(df: pl.DataFrame, options: AddKmeansClustersOptions): pl.DataFrame {
  resolve(options, -1, "addKmeansClusters");
  const { lat, lon } = readCoordinates(df, options.cols ?? {}, "addKmeansClusters");
  const { labels } = kmeans(lat, lon, options);
  return df.withColumns(pl.Series(options.column ?? "cluster", labels, pl.Int32));
}
