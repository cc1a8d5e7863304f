/**
 * The fitted-model object of the ARIMA family and the option types shared by `fitArima`,
 * `forecast` and `autoArima`. A model is a plain, frozen, JSON-serialisable object.
 */
import type { ArmaOrders } from "./arima-params";

/** Estimation method: exact ML started from CSS (R's default), exact ML from zeros, or CSS only. */
export type ArimaMethod = "CSS-ML" | "ML" | "CSS";

/** Seasonal part of an ARIMA specification. */
export interface SeasonalSpec {
  /** Seasonal orders (P, D, Q). */
  order: readonly [number, number, number];
  /** Season length s (12 for monthly data with a yearly cycle, 7 for daily data with a weekly one). */
  period: number;
}

/** A fitted ARIMA(p,d,q)(P,D,Q)[s] model with optional intercept/drift, on a Box–Cox scale. */
export interface ArimaModel {
  /** R's label, e.g. "ARIMA(2,1,1)(0,1,0)[12]", "ARIMA(1,1,0) with drift", "ARIMA(1,0,0) with non-zero mean". */
  readonly description: string;
  readonly order: readonly [number, number, number];
  readonly seasonal: { readonly order: readonly [number, number, number]; readonly period: number };
  /** Coefficient names in R's order: ar1…, ma1…, sar1…, sma1…, intercept, drift. */
  readonly coefNames: readonly string[];
  /** Estimated (or fixed) coefficients by name. */
  readonly coef: Readonly<Record<string, number>>;
  /** Standard errors by name (NaN for fixed coefficients or when not computed). */
  readonly se: Readonly<Record<string, number>>;
  /** Covariance matrix of the estimated coefficients (row-major, in `coefNames` order of the free ones). */
  readonly vcov: readonly number[];
  /** Innovation variance, forecast::Arima convention Σe²/(n* − k) with k estimated coefficients (used for intervals). */
  readonly sigma2: number;
  /** Innovation variance as stats::arima reports it: S/n* from the Kalman filter (CSS: the CSS mean square). */
  readonly sigma2ML: number;
  /** Gaussian log-likelihood (CSS: the conditional one). */
  readonly loglik: number;
  /** AIC = −2 loglik + 2(k + 1); NaN for CSS fits (as R). */
  readonly aic: number;
  /** AICc = AIC + 2(k+1)(k+2)/(n* − k − 2). */
  readonly aicc: number;
  /** BIC = AIC + (k + 1)(log n* − 2). */
  readonly bic: number;
  /** n*: observations after differencing (n − d − sD). */
  readonly nobs: number;
  /** Number of estimated coefficients k. */
  readonly ncoef: number;
  readonly method: ArimaMethod;
  /** Box–Cox λ the model was fitted on (null: original scale). */
  readonly lambda: number | null;
  /** Innovations on the (transformed) model scale, one per observation. */
  readonly residuals: readonly number[];
  /** One-step fitted values on the original scale (inverse Box–Cox of x − e). */
  readonly fitted: readonly number[];
  /** The original series. */
  readonly x: readonly number[];
  /** False when the optimiser hit its iteration limit. */
  readonly converged: boolean;
  /** Expanded AR polynomial (length p + sP), MA polynomial (q + sQ) and differencing coefficients. */
  readonly phi: readonly number[];
  readonly theta: readonly number[];
  readonly delta: readonly number[];
  /** Filtered state mean and covariance at the last observation (for forecasting). */
  readonly state: { readonly a: readonly number[]; readonly P: readonly number[] };
}

/**
 * The orders of a model as the internal {@link ArmaOrders} record.
 * @example
 * ```ts
 * modelOrders(fitArima(y, { order: [1, 1, 0] })); // { p: 1, d: 1, q: 0, P: 0, D: 0, Q: 0, s: 1 }
 * ```
 */
export function modelOrders(m: Pick<ArimaModel, "order" | "seasonal">): ArmaOrders {
  const [p, d, q] = m.order;
  const [P, D, Q] = m.seasonal.order;
  return { p, d, q, P, D, Q, s: m.seasonal.period };
}

/**
 * Coefficient names in R's order.
 * @example
 * ```ts
 * coefficientNames({ p: 1, d: 0, q: 1, P: 1, D: 0, Q: 0, s: 12 }, ["intercept"]); // ["ar1", "ma1", "sar1", "intercept"]
 * ```
 */
export function coefficientNames(o: ArmaOrders, xregNames: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 1; i <= o.p; i++) names.push(`ar${i}`);
  for (let i = 1; i <= o.q; i++) names.push(`ma${i}`);
  for (let i = 1; i <= o.P; i++) names.push(`sar${i}`);
  for (let i = 1; i <= o.Q; i++) names.push(`sma${i}`);
  return names.concat(xregNames);
}

/**
 * R's model label (forecast's `arima.string`).
 * @example
 * ```ts
 * arimaLabel({ p: 2, d: 1, q: 1, P: 0, D: 1, Q: 0, s: 12 }, []); // "ARIMA(2,1,1)(0,1,0)[12]"
 * ```
 */
export function arimaLabel(o: ArmaOrders, xregNames: readonly string[]): string {
  let s = `ARIMA(${o.p},${o.d},${o.q})`;
  if (o.s > 1 && o.P + o.D + o.Q > 0) s += `(${o.P},${o.D},${o.Q})[${o.s}]`;
  const drift = xregNames.includes("drift");
  const mean = xregNames.includes("intercept");
  if (drift && mean) return `Regression with ${s} errors`;
  if (drift) return `${s} with drift`;
  if (mean) return `${s} with non-zero mean`;
  return o.d + o.D === 0 ? `${s} with zero mean` : s;
}

/**
 * Deep-freezes a plain object graph (arrays and records).
 * @example
 * ```ts
 * const m = deepFreeze({ coef: { ar1: 0.5 } });
 * Object.isFrozen(m.coef); // true
 * ```
 */
export function deepFreeze<T>(obj: T): T {
  if (obj && typeof obj === "object" && !Object.isFrozen(obj)) {
    Object.freeze(obj);
    for (const v of Object.values(obj as Record<string, unknown>)) deepFreeze(v);
  }
  return obj;
}
