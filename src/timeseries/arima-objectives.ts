/**
 * The two objective functions of ARIMA estimation over the free parameters (the layout of
 * `arima-params.ts`, regression coefficients last):
 *
 * - CSS: ½ log(Σ e_t²/(n − ncond)) with the conditional recursion of `arima-css.ts`;
 * - ML: ½ [log(S/ν) + Σ log F_t/ν], the exact likelihood with σ² concentrated out, from the
 *   Kalman filter of `arima-kalman.ts` run on the differenced, regression-adjusted series
 *   (equal to R's diffuse-prior filter on the undifferenced series in the limit κ → ∞).
 *
 * With `transform` the AR blocks are given as unconstrained values (see `arTransform`).
 */
import { cssDifference, cssResiduals } from "./arima-css";
import { armaLikelihood } from "./arima-kalman";
import { armaCount, expandArma, undoTransform, type ArmaOrders } from "./arima-params";
import { diffOnce } from "./difference";

/** Data and layout shared by the objectives. */
export interface ObjectiveSetup {
  orders: ArmaOrders;
  /** Full parameter vector; free entries are overwritten on each call. */
  full: Float64Array;
  /** Indices of the free parameters in `full`. */
  free: number[];
  /** The (Box–Cox transformed) series and the regression columns used in the optimisation. */
  x: Float64Array;
  columns: Float64Array[];
}

/**
 * Differences a series properly by (1 − B)^d (1 − B^s)^D (length n − d − sD).
 * @example
 * ```ts
 * differenceSeries(new Float64Array([1, 3, 6, 10]), 1, 0, 1); // [2, 3, 4]
 * ```
 */
export function differenceSeries(x: Float64Array, d: number, D: number, s: number): Float64Array {
  let w = x;
  for (let i = 0; i < d; i++) w = diffOnce(w, 1);
  for (let i = 0; i < D; i++) w = diffOnce(w, s);
  return w;
}

function adjusted(base: Float64Array, cols: Float64Array[], full: Float64Array, offset: number, out: Float64Array): Float64Array {
  out.set(base);
  for (let j = 0; j < cols.length; j++) {
    const b = full[offset + j];
    if (b === 0) continue;
    const c = cols[j];
    for (let t = 0; t < out.length; t++) out[t] -= b * c[t];
  }
  return out;
}

/**
 * Builds the CSS objective; `residuals` receives the innovations of the last call.
 * @example
 * ```ts
 * const { objective } = cssObjective(setup, 13);
 * objective(new Float64Array([0.1, -0.3]));
 * ```
 */
export function cssObjective(setup: ObjectiveSetup, ncond: number): { objective: (par: Float64Array) => number; residuals: Float64Array; last: { ssq: number; nu: number } } {
  const { orders: o, full, free, x, columns } = setup;
  const narma = armaCount(o);
  const cx = cssDifference(x, o.d, o.D, o.s);
  const ccols = columns.map((c) => cssDifference(c, o.d, o.D, o.s));
  const w = new Float64Array(x.length);
  const residuals = new Float64Array(x.length);
  const last = { ssq: NaN, nu: 0 };
  const objective = (par: Float64Array): number => {
    for (let i = 0; i < free.length; i++) full[free[i]] = par[i];
    const { phi, theta } = expandArma(full, o);
    adjusted(cx, ccols, full, narma, w);
    const r = cssResiduals(w, phi, theta, ncond, residuals);
    last.ssq = r.ssq;
    last.nu = r.nu;
    return 0.5 * Math.log(r.ssq / r.nu);
  };
  return { objective, residuals, last };
}

/**
 * Builds the exact (concentrated) ML objective.
 * @example
 * ```ts
 * const f = mlObjective(setup, true);
 * f(new Float64Array([0.2, -0.4]));
 * ```
 */
export function mlObjective(setup: ObjectiveSetup, transform: boolean): (par: Float64Array) => number {
  const { orders: o, full, free, x, columns } = setup;
  const narma = armaCount(o);
  const dx = differenceSeries(x, o.d, o.D, o.s);
  const dcols = columns.map((c) => differenceSeries(c, o.d, o.D, o.s));
  const w = new Float64Array(dx.length);
  return (par: Float64Array): number => {
    for (let i = 0; i < free.length; i++) full[free[i]] = par[i];
    const arma = transform ? undoTransform(full.subarray(0, narma), o) : full;
    const { phi, theta } = expandArma(arma, o);
    adjusted(dx, dcols, full, narma, w);
    const { ssq, sumLog, nu } = armaLikelihood(w, phi, theta);
    if (!(nu > 0) || !Number.isFinite(ssq) || !Number.isFinite(sumLog)) return Number.MAX_VALUE;
    return 0.5 * (Math.log(ssq / nu) + sumLog / nu);
  };
}
