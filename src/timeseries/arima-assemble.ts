/**
 * Turns an ARIMA estimate into the frozen {@link ArimaModel}: runs the diffuse-prior Kalman
 * filter of `arima-state-space.ts` once over the regression-adjusted series for the residuals,
 * the final state (for forecasting) and R's log-likelihood, then computes the information
 * criteria and forecast's unbiased σ² = Σe²/(n* − k).
 */
import type { cssObjective } from "./arima-objectives";
import { armaCount, expandArma, type ArmaOrders } from "./arima-params";
import { buildStateSpace, filterStateSpace } from "./arima-state-space";
import { subtractRegression } from "./arima-xreg";
import { arimaLabel, coefficientNames, deepFreeze, type ArimaMethod, type ArimaModel } from "./arima-model";
import { invBoxCox } from "./box-cox";

/** Everything estimated by `estimateArimaModel`, before the model object is built. */
export interface ArimaEstimateData {
  /** Original and (Box–Cox) transformed series. */
  x0: Float64Array;
  x: Float64Array;
  orders: ArmaOrders;
  method: ArimaMethod;
  lambda: number | null;
  kappa: number;
  xregNames: string[];
  /** All coefficients (constrained, regression part unrotated), R's order. */
  full: Float64Array;
  /** Indices of the estimated coefficients. */
  free: number[];
  /** Covariance of the estimated coefficients (free × free, row-major). */
  vcov: Float64Array;
  /** Minimised objective (concentrated −log-likelihood per observation, or ½ log σ̂² for CSS). */
  value: number;
  /** n* = n − d − sD. */
  nUsed: number;
  delta: Float64Array;
  converged: boolean;
  /** CSS objective state at the estimate (CSS fits only): residuals and Σe², count. */
  css: ReturnType<typeof cssObjective> | null;
}

/** An estimate with a builder for the full model. */
export interface ArimaEstimate extends ArimaEstimateData {
  build(): ArimaModel;
}

/**
 * Builds the model object (see the module comment).
 * @example
 * ```ts
 * const model = assembleModel(estimateData);
 * ```
 */
export function assembleModel(e: ArimaEstimateData): ArimaModel {
  const { x0, x, orders: o, xregNames, full, free, vcov, value, nUsed, delta, converged, css } = e;
  const n = x.length;
  const narma = armaCount(o);
  const names = coefficientNames(o, xregNames);
  const { phi, theta } = expandArma(full, o);
  const columns = xregNames.map((nm) => (nm === "intercept" ? new Float64Array(n).fill(1) : Float64Array.from({ length: n }, (_, i) => i + 1)));
  const xadj = subtractRegression(x, columns, full.subarray(narma), new Float64Array(n));
  const ss = buildStateSpace(phi, theta, delta, e.kappa);
  const filt = filterStateSpace(xadj, ss);
  const residuals = css ? css.residuals : filt.residuals;
  const sigma2ML = css ? css.last.ssq / css.last.nu : filt.ssq / nUsed;
  const nfree = free.length;
  const npar = nfree + 1;
  // R reports the likelihood of its diffuse-prior filter (κ finite); recompute it there.
  const f = css || !(filt.nu > 0) ? value : 0.5 * (Math.log(filt.ssq / filt.nu) + filt.sumLog / filt.nu);
  const loglik = -0.5 * (2 * nUsed * f + nUsed + nUsed * Math.log(2 * Math.PI));
  const aic = e.method === "CSS" ? NaN : -2 * loglik + 2 * npar;
  const denom = nUsed - npar - 1;
  const aicc = denom > 0 ? aic + (2 * npar * (npar + 1)) / denom : NaN;
  const bic = aic + npar * (Math.log(nUsed) - 2);
  let ss2 = 0;
  for (const e of residuals) ss2 += e * e;
  const coef: Record<string, number> = {};
  const se: Record<string, number> = {};
  names.forEach((nm, i) => {
    coef[nm] = full[i];
    const j = free.indexOf(i);
    se[nm] = j >= 0 ? Math.sqrt(vcov[j * nfree + j]) : NaN;
  });
  const fittedT = x.map((v, i) => v - residuals[i]);
  const fitted = e.lambda === null ? fittedT : invBoxCox(fittedT, e.lambda);
  return deepFreeze({
    description: arimaLabel(o, xregNames),
    order: [o.p, o.d, o.q] as const,
    seasonal: { order: [o.P, o.D, o.Q] as const, period: o.s },
    coefNames: names,
    coef,
    se,
    vcov: Array.from(vcov),
    sigma2: ss2 / (nUsed - npar + 1),
    sigma2ML,
    loglik,
    aic,
    aicc,
    bic,
    nobs: nUsed,
    ncoef: nfree,
    method: e.method,
    lambda: e.lambda,
    residuals: Array.from(residuals),
    fitted: Array.from(fitted),
    x: Array.from(x0),
    converged,
    phi: Array.from(phi),
    theta: Array.from(theta),
    delta: Array.from(delta),
    state: { a: Array.from(filt.a), P: Array.from(filt.P) },
  });
}
