/**
 * Robust z-scores (Iglewicz & Hoaglin's modified z-score):
 *
 *   z_i = (x_i − median(x)) / σ̂,   σ̂ = 1.4826 · MAD,   MAD = median_i |x_i − median(x)|,
 *
 * where 1.4826 = 1/Φ⁻¹(¾) makes σ̂ a consistent estimate of σ for normal data. A value with
 * |z_i| > threshold (default 3.5) is an anomaly. When more than half of the values are equal,
 * MAD = 0; σ̂ is then the mean absolute deviation from the median × 1.2533 (= √(π/2), also
 * consistent for the normal). A constant series has σ̂ = 0: every z is 0 and nothing is flagged.
 */
import { toSeries } from "./series-input";

/** Options of {@link robustZScore}. */
export interface RobustZOptions {
  /** Flag |z| > threshold. Default `3.5` (Iglewicz & Hoaglin). */
  threshold?: number;
  /** Which side to flag: `"both"`, `"high"` (z > threshold) or `"low"` (z < −threshold). Default `"both"`. */
  direction?: "both" | "high" | "low";
}

/** Result of {@link robustZScore}. */
export interface RobustZResult {
  /** z_i for every value. */
  z: Float64Array;
  median: number;
  /** σ̂ (1.4826·MAD, or the fallback; 0 for a constant series). */
  scale: number;
  /** Indices of the flagged values, in increasing order. */
  anomalies: number[];
}

const defaults = { threshold: 3.5, direction: "both" as "both" | "high" | "low" };

/**
 * Median of the values (NaN for none); the input is not modified.
 *
 * @example
 * ```ts
 * median([3, 1, 2]);    // 2
 * median([4, 1, 3, 2]); // 2.5
 * ```
 */
export function median(x: ArrayLike<number>): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

/**
 * Robust z-scores by the median and the MAD (see the module comment), and the values beyond
 * the threshold.
 *
 * @param x the series (finite numbers, at least 1).
 * @param options see {@link RobustZOptions}.
 * @returns z, median, scale and the flagged indices.
 * @throws Error naming the index of a NaN/Infinity, or a threshold that is not > 0.
 * @example
 * ```ts
 * robustZScore([10, 11, 9, 10, 50]).anomalies;          // [4]
 * robustZScore(remainder, { threshold: 5, direction: "high" });
 * ```
 */
export function robustZScore(x: ArrayLike<number>, options: RobustZOptions = {}): RobustZResult {
  const y = toSeries(x, "x");
  const threshold = options.threshold ?? defaults.threshold;
  if (!(threshold > 0)) throw new Error(`threshold must be > 0, got ${threshold}`);
  const direction = options.direction ?? defaults.direction;
  if (direction !== "both" && direction !== "high" && direction !== "low") {
    throw new Error(`direction must be "both", "high" or "low", got ${String(direction)}`);
  }
  const n = y.length;
  const med = median(y);
  const dev = new Float64Array(n);
  let meanDev = 0;
  for (let i = 0; i < n; i++) {
    dev[i] = Math.abs(y[i] - med);
    meanDev += dev[i] / n;
  }
  const mad = median(dev);
  const scale = mad > 0 ? 1.4826 * mad : 1.2533 * meanDev;
  const z = new Float64Array(n);
  const anomalies: number[] = [];
  for (let i = 0; i < n; i++) {
    z[i] = scale > 0 ? (y[i] - med) / scale : 0;
    const high = z[i] > threshold;
    const low = z[i] < -threshold;
    if ((direction !== "low" && high) || (direction !== "high" && low)) anomalies.push(i);
  }
  return { z, median: med, scale, anomalies };
}
