/**
 * Rosner's (1983) generalized extreme Studentized deviate (ESD) test for up to r outliers in
 * approximately normal data. For i = 1 … r, on the n − i + 1 values still in the sample:
 *
 *   R_i = max_j |x_j − x̄| / s              (x̄, s: mean and sample standard deviation),
 *   λ_i = (n − i)·t_{p, n−i−1} / √((n − i − 1 + t²_{p, n−i−1})(n − i + 1)),
 *   p = 1 − α / (2(n − i + 1))             (two-sided),
 *
 * and the value attaining R_i is removed before step i + 1. The number of outliers is the
 * largest i with R_i > λ_i (0 if none); they are the first that many values removed.
 * t_{p, ν} is the p-quantile of Student's t with ν degrees of freedom ({@link studentTQuantile}).
 * With `robust: true`, x̄ and s are replaced by the median and 1.4826·MAD (the "S-H-ESD"
 * variant of Hochenbaum et al. 2017), which masks less when there are many outliers.
 * If the remaining values all coincide (s = 0; robust: MAD = 0) the loop stops: no further
 * outlier is testable. Cost O(r·n) (O(r·n log n) robust).
 */
import { median } from "./robust-z";
import { checkInteger, isConstant, toSeries } from "./series-input";
import { studentTQuantile } from "./student-t";

/** Options of {@link generalizedEsd}. */
export interface GeneralizedEsdOptions {
  /** Upper bound r on the number of outliers, an integer in [1, n − 2]. Default max(1, ⌊n/10⌋), capped at n − 2. */
  maxAnomalies?: number;
  /** Significance level α of the test, in (0, 1). Default `0.05`. */
  alpha?: number;
  /** Median and MAD instead of mean and standard deviation. Default `false` (Rosner's test). */
  robust?: boolean;
}

/** Result of {@link generalizedEsd}. */
export interface GeneralizedEsdResult {
  /** Indices of the outliers, in the order they were removed (most extreme first). */
  anomalies: number[];
  /** R_1 … R_r (fewer if the loop stopped early). */
  statistics: Float64Array;
  /** λ_1 … λ_r. */
  critical: Float64Array;
  /** Indices removed at steps 1 … r (the candidates; the first `anomalies.length` are outliers). */
  candidates: number[];
}

const defaults = { alpha: 0.05, robust: false };

/**
 * Rosner's critical value λ_i (see the module comment) for a sample of n, step i, level α.
 *
 * @example
 * ```ts
 * esdCriticalValue(54, 1, 0.05); // 3.158781 (NIST handbook, Rosner's example)
 * ```
 */
export function esdCriticalValue(n: number, i: number, alpha: number): number {
  const nu = n - i - 1;
  if (!(nu >= 1)) throw new Error(`esdCriticalValue needs n − i − 1 >= 1, got n = ${n}, i = ${i}`);
  const t = studentTQuantile(1 - alpha / (2 * (n - i + 1)), nu);
  return ((n - i) * t) / Math.sqrt((nu + t * t) * (n - i + 1));
}

/**
 * Generalized ESD test for outliers (see the module comment).
 *
 * @param x the values (finite numbers, at least 3), e.g. a seasonal remainder.
 * @param options see {@link GeneralizedEsdOptions}.
 * @returns outlier indices, the test statistics R_i and the critical values λ_i.
 * @throws Error naming the index of a NaN/Infinity, or an option out of range.
 * @example
 * ```ts
 * const { anomalies } = generalizedEsd(stl(daily, { period: 7, sWindow: "periodic" }).remainder, { maxAnomalies: 10 });
 * ```
 */
export function generalizedEsd(x: ArrayLike<number>, options: GeneralizedEsdOptions = {}): GeneralizedEsdResult {
  const y = toSeries(x, "x", 3);
  const n = y.length;
  const r = checkInteger("maxAnomalies", options.maxAnomalies ?? Math.min(n - 2, Math.max(1, Math.floor(n / 10))), 1, n - 2);
  const alpha = options.alpha ?? defaults.alpha;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`alpha must be in (0, 1), got ${alpha}`);
  const robust = options.robust ?? defaults.robust;
  const alive = new Uint8Array(n).fill(1);
  const statistics: number[] = [];
  const critical: number[] = [];
  const candidates: number[] = [];
  for (let i = 1; i <= r; i++) {
    const { center, scale } = location(y, alive, n - i + 1, robust);
    if (!(scale > 0)) break;
    let best = -1;
    let bestDev = -1;
    for (let j = 0; j < n; j++) {
      if (!alive[j]) continue;
      const dev = Math.abs(y[j] - center);
      if (dev > bestDev) {
        bestDev = dev;
        best = j;
      }
    }
    statistics.push(bestDev / scale);
    critical.push(esdCriticalValue(n, i, alpha));
    candidates.push(best);
    alive[best] = 0;
  }
  let k = 0;
  for (let i = 0; i < statistics.length; i++) if (statistics[i] > critical[i]) k = i + 1;
  return { anomalies: candidates.slice(0, k), statistics: Float64Array.from(statistics), critical: Float64Array.from(critical), candidates };
}

function location(y: Float64Array, alive: Uint8Array, m: number, robust: boolean): { center: number; scale: number } {
  const v = new Float64Array(m);
  let k = 0;
  for (let j = 0; j < y.length; j++) if (alive[j]) v[k++] = y[j];
  if (isConstant(v)) return { center: v[0], scale: 0 };
  if (robust) {
    const med = median(v);
    for (let j = 0; j < m; j++) v[j] = Math.abs(v[j] - med);
    return { center: med, scale: 1.4826 * median(v) };
  }
  let mean = 0;
  for (let j = 0; j < m; j++) mean += v[j];
  mean /= m;
  let ss = 0;
  for (let j = 0; j < m; j++) ss += (v[j] - mean) ** 2;
  return { center: mean, scale: Math.sqrt(ss / (m - 1)) };
}
