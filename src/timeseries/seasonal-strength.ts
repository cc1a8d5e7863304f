/**
 * Strength of seasonality (Wang, Smith & Hyndman 2006) and the number of seasonal
 * differences it suggests (R's `forecast::nsdiffs(x, test = "seas")`).
 *
 *   F_s = max(0, min(1, 1 − Var(R)/Var(S + R)))
 *
 * where S and R are the seasonal and remainder parts of an STL decomposition with
 * s.window = 11 (the window `forecast::mstl` gives a single seasonal period) and R's default
 * trend window. A seasonal difference is taken while F_s > 0.64.
 */
import { diffOnce } from "./difference";
import { checkInteger, isConstant, toSeries } from "./series-input";
import { stl } from "./stl";

/** Options of {@link seasonalStrength}. */
export interface SeasonalStrengthOptions {
  /** Season length m (≥ 2). Required. */
  period: number;
  /** STL seasonal window. Default 11 (as `forecast::mstl`). */
  sWindow?: number | "periodic";
}

/**
 * F_s of a series (0 = no seasonality, 1 = all variation not in the trend is seasonal).
 * @throws Error when the series has no more than two periods.
 * @example
 * ```ts
 * seasonalStrength(airPassengers, { period: 12 }); // 0.9407 (R: 0.9406725)
 * ```
 */
export function seasonalStrength(y: ArrayLike<number>, options: SeasonalStrengthOptions): number {
  const x = toSeries(y, "y");
  const fit = stl(x, { period: options?.period, sWindow: options.sWindow ?? 11 });
  const n = x.length;
  const sr = new Float64Array(n);
  for (let i = 0; i < n; i++) sr[i] = fit.seasonal[i] + fit.remainder[i];
  const vs = variance(sr);
  if (!(vs > 0)) return 0;
  return Math.max(0, Math.min(1, 1 - variance(fit.remainder) / vs));
}

/**
 * Sample variance (denominator n − 1).
 * @example
 * ```ts
 * variance(new Float64Array([1, 2, 3, 4])); // 5/3
 * ```
 */
export function variance(x: Float64Array): number {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - m) ** 2;
  return s / (n - 1);
}

/** Options of {@link nsdiffs}. */
export interface NsdiffsOptions {
  /** Season length m (≥ 2). Required. */
  period: number;
  /** Most seasonal differences. Default 1 (as R). */
  maxD?: number;
  /** F_s above which a seasonal difference is taken. Default 0.64 (as R). */
  threshold?: number;
}

const defaults = { maxD: 1, threshold: 0.64 };

/**
 * Number of seasonal differences D (0…maxD) by the seasonal-strength heuristic.
 * Constant series, and series with no more than two periods, get D = 0 (as R, which
 * cannot run STL on them).
 * @example
 * ```ts
 * nsdiffs(airPassengers, { period: 12 }); // 1
 * ```
 */
export function nsdiffs(y: ArrayLike<number>, options: NsdiffsOptions): number {
  let x = toSeries(y, "y");
  const period = checkInteger("period", options?.period, 2);
  const maxD = checkInteger("maxD", options.maxD ?? defaults.maxD, 0);
  const threshold = options.threshold ?? defaults.threshold;
  if (isConstant(x) || x.length <= 2 * period) return 0;
  let D = 0;
  let dodiff = seasonalStrength(x, { period }) > threshold;
  while (dodiff && D < maxD) {
    D++;
    x = diffOnce(x, period);
    if (isConstant(x)) return D;
    dodiff = x.length > 2 * period && D < maxD ? seasonalStrength(x, { period }) > threshold : false;
  }
  return D;
}
