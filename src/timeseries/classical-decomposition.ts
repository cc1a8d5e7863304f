/**
 * Classical seasonal decomposition by moving averages, as R's `stats::decompose`:
 *
 * 1. trend T_t: centred moving average over one period m; for odd m the weights are 1/m on
 *    t − (m−1)/2 … t + (m−1)/2; for even m a 2×m average, weights ½/m, 1/m, …, 1/m, ½/m on
 *    t − m/2 … t + m/2. The first and last ⌊m/2⌋ values are undefined (NaN).
 * 2. detrended values: additive D_t = y_t − T_t; multiplicative D_t = y_t / T_t.
 * 3. seasonal figure s_j (j = 0 … m−1, phase j = position t mod m counted from the first value):
 *    the mean of the defined D_t with t mod m = j, then normalised: additive s_j − mean(s),
 *    multiplicative s_j / mean(s) (so the indices sum to 0, or average 1).
 * 4. seasonal S_t = s_{t mod m}; remainder additive R_t = y_t − S_t − T_t, multiplicative
 *    R_t = y_t / (S_t·T_t) (NaN where T_t is).
 */
import { checkInteger, toSeries } from "./series-input";

/** Options of {@link classicalDecomposition}. */
export interface ClassicalDecompositionOptions {
  /** Season length m (7 for daily data with a weekly cycle, 24 for hourly data), an integer ≥ 2. Required. */
  period: number;
  /** `"additive"`: y = T + S + R; `"multiplicative"`: y = T·S·R (needs y > 0). Default `"additive"`. */
  type?: "additive" | "multiplicative";
}

/** Result of {@link classicalDecomposition}; every array has the input's length. */
export interface ClassicalDecomposition {
  /** Centred moving average (NaN for the first and last ⌊m/2⌋ values). */
  trend: Float64Array;
  /** Seasonal component S_t = figure[t mod m]. */
  seasonal: Float64Array;
  /** Remainder (NaN where the trend is). */
  random: Float64Array;
  /** The m seasonal indices, phase 0 = the first value's position in the cycle. */
  figure: Float64Array;
  type: "additive" | "multiplicative";
  period: number;
}

const defaults = { type: "additive" as "additive" | "multiplicative" };

/**
 * Decomposes a series into trend, seasonal and remainder components by moving averages (see
 * the module comment for the formulas; values agree with R's `decompose`).
 *
 * @param y the series (finite numbers; > 0 for multiplicative), at least 2·period values.
 * @param options see {@link ClassicalDecompositionOptions}.
 * @returns trend, seasonal, random, figure.
 * @throws Error naming the index of a NaN/Infinity, a bad period, a series shorter than two
 *   periods (which also covers a period longer than the series), or y ≤ 0 when multiplicative.
 * @example
 * ```ts
 * const { trend, figure } = classicalDecomposition(daily, { period: 7 });
 * classicalDecomposition(monthlySales, { period: 12, type: "multiplicative" }).figure; // indices averaging 1
 * ```
 */
export function classicalDecomposition(y: ArrayLike<number>, options: ClassicalDecompositionOptions): ClassicalDecomposition {
  const x = toSeries(y, "y");
  const n = x.length;
  const m = checkInteger("period", options?.period, 2);
  if (n < 2 * m) throw new Error(`y has ${n} values; classical decomposition needs at least two full periods (${2 * m} for period ${m})`);
  const type = options.type ?? defaults.type;
  if (type !== "additive" && type !== "multiplicative") throw new Error(`type must be "additive" or "multiplicative", got ${String(type)}`);
  const mult = type === "multiplicative";
  if (mult) {
    for (let i = 0; i < n; i++) if (!(x[i] > 0)) throw new Error(`multiplicative decomposition needs y > 0; y[${i}] = ${x[i]}`);
  }
  const trend = centredMovingAverage(x, m);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(trend[t])) continue;
    sums[t % m] += mult ? x[t] / trend[t] : x[t] - trend[t];
    counts[t % m]++;
  }
  const figure = new Float64Array(m);
  let mean = 0;
  for (let j = 0; j < m; j++) {
    figure[j] = sums[j] / counts[j];
    mean += figure[j] / m;
  }
  for (let j = 0; j < m; j++) figure[j] = mult ? figure[j] / mean : figure[j] - mean;
  const seasonal = new Float64Array(n);
  const random = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    seasonal[t] = figure[t % m];
    random[t] = mult ? x[t] / (seasonal[t] * trend[t]) : x[t] - seasonal[t] - trend[t];
  }
  return { trend, seasonal, random, figure, type, period: m };
}

/** Centred MA of order m (2×m for even m); NaN where the window does not fit. */
function centredMovingAverage(x: Float64Array, m: number): Float64Array {
  const n = x.length;
  const half = Math.floor(m / 2);
  const out = new Float64Array(n).fill(NaN);
  const even = m % 2 === 0;
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (even) {
      s = 0.5 * (x[t - half] + x[t + half]);
      for (let j = t - half + 1; j < t + half; j++) s += x[j];
    } else {
      for (let j = t - half; j <= t + half; j++) s += x[j];
    }
    out[t] = s / m;
  }
  return out;
}
