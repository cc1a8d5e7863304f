/**
 * Lagged differences and their inverse (R's `diff` / `diffinv`).
 *
 * `diff` applies (1 − B^lag)^differences: one pass maps x_t to x_t − x_{t−lag}, dropping the
 * first `lag` values; `differences` passes drop `lag × differences` values in all.
 */
import { checkInteger, toSeries } from "./series-input";

/** Options of {@link diff} and {@link undiff}. */
export interface DiffOptions {
  /** Lag of each difference (12 for a yearly difference of monthly data). Default 1. */
  lag?: number;
  /** How many times the difference is applied. Default 1. */
  differences?: number;
}

const defaults = { lag: 1, differences: 1 };

function parse(options: DiffOptions): { lag: number; differences: number } {
  const lag = checkInteger("lag", options.lag ?? defaults.lag, 1);
  const differences = checkInteger("differences", options.differences ?? defaults.differences, 0);
  return { lag, differences };
}

/**
 * Differences a series: returns (1 − B^lag)^differences x, of length n − lag·differences.
 *
 * @param x the series (finite numbers).
 * @param options `lag` (default 1) and `differences` (default 1).
 * @throws Error when x has no more than lag·differences values, or on NaN.
 * @example
 * ```ts
 * diff([1, 4, 9, 16]);                     // [3, 5, 7]
 * diff([1, 4, 9, 16], { differences: 2 }); // [2, 2]
 * diff(monthly, { lag: 12 });               // year-on-year change
 * ```
 */
export function diff(x: ArrayLike<number>, options: DiffOptions = {}): Float64Array {
  const { lag, differences } = parse(options);
  let w = toSeries(x, "x");
  if (w.length <= lag * differences) {
    throw new Error(`x has ${w.length} values; lag ${lag} × differences ${differences} needs at least ${lag * differences + 1}`);
  }
  for (let k = 0; k < differences; k++) w = diffOnce(w, lag);
  return w;
}

/**
 * One lag-`lag` difference without validation (kernel for the ARIMA code).
 * @example
 * ```ts
 * diffOnce(new Float64Array([1, 4, 9]), 1); // [3, 5]
 * ```
 */
export function diffOnce(x: Float64Array, lag: number): Float64Array {
  const out = new Float64Array(Math.max(0, x.length - lag));
  for (let i = 0; i < out.length; i++) out[i] = x[i + lag] - x[i];
  return out;
}

/**
 * Undoes {@link diff}: rebuilds the original series from its differences and its first
 * `lag × differences` values (R's `diffinv(dx, lag, differences, xi)`).
 *
 * @param dx the differenced series.
 * @param initial the first lag·differences values of the original series.
 * @returns a series of length dx.length + lag·differences whose first values are `initial`.
 * @example
 * ```ts
 * const x = [1, 4, 9, 16];
 * undiff(diff(x, { differences: 2 }), [1, 4], { differences: 2 }); // [1, 4, 9, 16]
 * ```
 */
export function undiff(dx: ArrayLike<number>, initial: ArrayLike<number>, options: DiffOptions = {}): Float64Array {
  const { lag, differences } = parse(options);
  const d = toSeries(dx, "dx", 0);
  const xi = toSeries(initial, "initial", 0);
  if (xi.length !== lag * differences) {
    throw new Error(`initial must hold lag × differences = ${lag * differences} values, got ${xi.length}`);
  }
  return undiffRec(d, xi, lag, differences);
}

function undiffRec(dx: Float64Array, xi: Float64Array, lag: number, differences: number): Float64Array {
  if (differences === 0) return Float64Array.from(dx);
  // The (differences−1)-fold differences start with the differences of the initial values.
  const innerInit = diffOnce(xi, lag).subarray(0, lag * (differences - 1));
  const inner = undiffRec(dx, Float64Array.from(innerInit), lag, differences - 1);
  const out = new Float64Array(inner.length + lag);
  for (let i = 0; i < lag; i++) out[i] = xi[i];
  for (let i = 0; i < inner.length; i++) out[i + lag] = out[i] + inner[i];
  return out;
}
