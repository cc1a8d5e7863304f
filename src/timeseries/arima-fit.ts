/**
 * Fits a seasonal ARIMA(p,d,q)(P,D,Q)[s] model with optional mean or drift, as R's
 * `forecast::Arima` (which calls `stats::arima`).
 *
 * Model: φ(B)Φ(B^s) (1 − B)^d (1 − B^s)^D (y_t − β₀ − β₁t) = θ(B)Θ(B^s) ε_t, ε_t ~ N(0, σ²),
 * on the Box–Cox scale when `lambda` is set.
 *
 * Method "CSS-ML" (default): minimise the conditional sum of squares (starting from zeros and
 * least-squares regression coefficients), check that its AR part is stationary, then maximise
 * the exact likelihood by BFGS over the AR parameters mapped to partial autocorrelations
 * (always stationary) and the MA parameters (non-invertible MA roots are inverted at the end).
 * Standard errors come from the numerical Hessian H of the concentrated −log-likelihood per
 * observation: Var = Aᵀ (n* H)⁻¹ A with A the Jacobian of the AR transform.
 *
 * Reported: loglik = −½[2n*·f̂ + n* + n* log 2π] with f̂ the objective at the estimate,
 * evaluated (as R does) with the diffuse-prior filter on the undifferenced series,
 * AIC = −2 loglik + 2(k + 1), AICc = AIC + 2(k+1)(k+2)/(n* − k − 2),
 * BIC = AIC + (k + 1)(log n* − 2), σ² = Σe²/(n* − k) (forecast's convention; `sigma2ML`
 * holds stats::arima's S/n*), where n* = n − d − sD and k the number of estimated coefficients.
 *
 * Constant series: rejected unless nothing is estimated (e.g. `order: [0, 0, 0]` with
 * `fixed: { intercept }`); such zero-variance fits report loglik = +∞ and σ² = 0.
 */
import { cssObjective, mlObjective, type ObjectiveSetup } from "./arima-objectives";
import { applyInverseTransform, armaCount, isStationary, maInvert, transformJacobian, undoTransform, type ArmaOrders } from "./arima-params";
import { assembleModel, type ArimaEstimate } from "./arima-assemble";
import { differencingPolynomial } from "./arima-state-space";
import { buildXreg } from "./arima-xreg";
import type { ArimaMethod, ArimaModel, SeasonalSpec } from "./arima-model";
import { boxCox } from "./box-cox";
import { bfgs, numericHessian, type OptimResult } from "./optim-bfgs";
import { nelderMead } from "./optim-nelder-mead";
import { checkInteger, isConstant, toSeries } from "./series-input";
import { invertMatrix } from "./small-linalg";

/** Options of {@link fitArima}. */
export interface FitArimaOptions {
  /** Non-seasonal orders (p, d, q). Default [0, 0, 0]. */
  order?: readonly [number, number, number];
  /** Seasonal orders and period. Default none. */
  seasonal?: SeasonalSpec;
  /** Estimate a mean when d + D = 0. Default true. */
  includeMean?: boolean;
  /** Estimate a linear drift (needs d + D ≤ 1). Default false. */
  includeDrift?: boolean;
  /** If set, overrides both: true = mean when d + D = 0, drift when d + D = 1; false = neither. Default unset. */
  includeConstant?: boolean;
  /** Box–Cox λ applied before fitting (0 = log). Default null (none). */
  lambda?: number | null;
  /** "CSS-ML" (default), "ML" or "CSS". */
  method?: ArimaMethod;
  /** Optimise AR parts through the stationarity-enforcing transform. Default true. */
  transformPars?: boolean;
  /** "BFGS" (default, as R) or "Nelder-Mead". */
  optimizer?: "BFGS" | "Nelder-Mead";
  /** Iteration limit of each optimisation. Default 100 (BFGS) / 500 (Nelder–Mead). */
  maxit?: number;
  /** Fixed values for the regression coefficients (not estimated). Default none. */
  fixed?: { intercept?: number; drift?: number };
  /** Diffuse prior variance of the differencing states. Default 1e6 (as R). */
  kappa?: number;
}

const defaults = { order: [0, 0, 0] as const, includeMean: true, includeDrift: false, method: "CSS-ML" as ArimaMethod, transformPars: true, optimizer: "BFGS" as const, kappa: 1e6 };

/**
 * Fits an ARIMA model to a series.
 *
 * @param y the series (finite numbers, not constant; positive when lambda ≤ 0).
 * @param options see {@link FitArimaOptions}.
 * @returns a frozen {@link ArimaModel}.
 * @throws Error naming the parameter for non-integer or negative orders, a period below 2 with
 * a seasonal part or above the series length, too few observations, drift with d + D > 1,
 * NaN in y, a constant series, a non-stationary AR part from CSS, or a singular Hessian.
 * @example
 * ```ts
 * const airline = fitArima(airPassengers, { order: [0, 1, 1], seasonal: { order: [0, 1, 1], period: 12 }, lambda: 0 });
 * airline.coef.ma1;  // −0.4018
 * airline.loglik;    // 244.7
 * const ar = fitArima(series, { order: [1, 0, 0] }); // AR(1) with mean
 * ```
 */
export function fitArima(y: ArrayLike<number>, options: FitArimaOptions = {}): ArimaModel {
  return estimateArimaModel(y, options).build();
}

/**
 * The estimation step of {@link fitArima} without building the model object (no final
 * filter pass): what the automatic search needs to score a candidate cheaply.
 * @example
 * ```ts
 * const est = estimateArimaModel(y, { order: [1, 1, 1], method: "CSS" });
 * est.css?.ssq; // CSS sum of squares at the estimate
 * const model = est.build();
 * ```
 */
export function estimateArimaModel(y: ArrayLike<number>, options: FitArimaOptions = {}): ArimaEstimate {
  const x0 = toSeries(y, "y", 2);
  const n = x0.length;
  const order = options.order ?? defaults.order;
  if (!Array.isArray(order) || order.length !== 3) throw new Error(`order must be [p, d, q], got ${String(order)}`);
  const [p, d, q] = order.map((v, i) => checkInteger(`order[${i}]`, v, 0, 100));
  const sorder = options.seasonal?.order ?? [0, 0, 0];
  if (!Array.isArray(sorder) || sorder.length !== 3) throw new Error(`seasonal.order must be [P, D, Q], got ${String(sorder)}`);
  const [P, D, Q] = sorder.map((v, i) => checkInteger(`seasonal.order[${i}]`, v, 0, 100));
  const hasSeason = P + D + Q > 0;
  const s = hasSeason ? checkInteger("seasonal.period", options.seasonal?.period, 2) : 1;
  if (s > n) throw new Error(`seasonal.period ${s} is longer than the series (${n} values)`);
  if (D > 0 && n < 2 * s) throw new Error(`y has ${n} values; seasonal differencing with period ${s} needs at least ${2 * s}`);
  const lambda = options.lambda ?? null;
  const x = lambda === null ? x0 : boxCox(x0, lambda);
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i])) throw new Error(`y[${i}] = ${x0[i]} has no Box–Cox transform for lambda ${lambda}`);
  const method = options.method ?? defaults.method;
  if (method !== "CSS-ML" && method !== "ML" && method !== "CSS") throw new Error(`method must be "CSS-ML", "ML" or "CSS", got ${String(method)}`);
  const o: ArmaOrders = { p, d, q, P, D, Q, s };
  let mean = options.includeMean ?? defaults.includeMean;
  let drift = options.includeDrift ?? defaults.includeDrift;
  if (options.includeConstant !== undefined) {
    mean = options.includeConstant;
    drift = options.includeConstant && d + D === 1;
  }
  if (drift && d + D > 1) throw new Error(`includeDrift needs d + D <= 1 (a drift vanishes under ${d + D} differences), got d = ${d}, D = ${D}`);
  const allFixed = p + q + P + Q === 0 && (!mean || d + D > 0 || options.fixed?.intercept !== undefined) && (!drift || options.fixed?.drift !== undefined);
  if (!allFixed && isConstant(x)) throw new Error("y is constant: its innovation variance is zero and no ARIMA likelihood exists (fix the mean with `fixed`, or use autoArima, which forecasts it by its value)");
  return estimateArima(x0, x, o, { ...options, lambda, method }, mean && d + D === 0, drift);
}

function optimize(f: (p: Float64Array) => number, par0: Float64Array, parscale: Float64Array, options: FitArimaOptions): OptimResult {
  if (par0.length === 0) return { par: par0, value: f(par0), fnCount: 1, grCount: 0, convergence: 0 };
  return options.optimizer === "Nelder-Mead"
    ? nelderMead(f, par0, { parscale, maxit: options.maxit })
    : bfgs(f, par0, { parscale, maxit: options.maxit });
}

function covariance(H: Float64Array, k: number, nUsed: number, A: Float64Array | null): Float64Array {
  const scaled = H.map((v) => v * nUsed);
  const inv = invertMatrix(scaled, k);
  if (!inv || !(inv.rcond >= 2.220446049250313e-16)) throw new Error("the Hessian of the likelihood is computationally singular: the model is over-parameterised for these data");
  if (!A) return inv.inverse;
  const out = new Float64Array(k * k); // Aᵀ inv A
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    let s = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) s += A[a * k + i] * inv.inverse[a * k + b] * A[b * k + j];
    out[i * k + j] = s;
  }
  return out;
}

function estimateArima(x0: Float64Array, x: Float64Array, o: ArmaOrders, options: FitArimaOptions & { method: ArimaMethod; lambda: number | null }, intercept: boolean, drift: boolean): ArimaEstimate {
  const n = x.length;
  const narma = armaCount(o);
  const delta = differencingPolynomial(o.d, o.D, o.s);
  const nUsed = n - delta.length;
  const fixed = options.fixed ?? {};
  const anyFixed = fixed.intercept !== undefined || fixed.drift !== undefined;
  const xreg = buildXreg(x, o.d, o.D, o.s, intercept, drift, !anyFixed);
  const k = narma + xreg.names.length;
  const full = new Float64Array(k);
  full.set(xreg.init, narma);
  const free: number[] = [];
  for (let i = 0; i < k; i++) {
    const name = i >= narma ? xreg.names[i - narma] : "";
    const fv = name === "intercept" ? fixed.intercept : name === "drift" ? fixed.drift : undefined;
    if (fv === undefined) free.push(i);
    else full[i] = fv;
  }
  const nfree = free.length;
  if (nUsed <= nfree) throw new Error(`y has ${n} values, ${nUsed} after differencing: too few to estimate ${nfree} coefficients`);
  const ncond = delta.length + o.p + o.s * o.P;
  if (options.method !== "ML" && ncond >= n) throw new Error(`y has ${n} values; CSS conditions on the first ${ncond}, leaving none`);
  const parscale = Float64Array.from(free, (i) => (i >= narma ? xreg.parscale[i - narma] : 1));
  const setup: ObjectiveSetup = { orders: o, full, free, x, columns: xreg.columns };
  const pick = (): Float64Array => Float64Array.from(free, (i) => full[i]);
  const put = (par: Float64Array): void => free.forEach((i, j) => (full[i] = par[j]));
  const trans = (options.transformPars ?? defaults.transformPars) && options.method !== "CSS";
  let value: number;
  let vcov: Float64Array;
  let converged: boolean;
  let css: ReturnType<typeof cssObjective> | null = null;
  if (options.method === "CSS") {
    css = cssObjective(setup, ncond);
    const res = optimize(css.objective, pick(), parscale, options);
    converged = res.convergence === 0;
    const H = numericHessian(css.objective, res.par, { parscale });
    vcov = covariance(H, nfree, nUsed, null);
    put(res.par);
    value = css.objective(res.par); // also refreshes css.residuals at the optimum
  } else {
    if (options.method === "CSS-ML") {
      const c = cssObjective(setup, ncond);
      const init0 = pick();
      const res = optimize(c.objective, init0, parscale, options);
      put(res.convergence === 0 ? res.par : init0);
      if (o.p > 0 && !isStationary(full.subarray(0, o.p))) throw new Error("non-stationary AR part from CSS");
      if (o.P > 0 && !isStationary(full.subarray(o.p + o.q, o.p + o.q + o.P))) throw new Error("non-stationary seasonal AR part from CSS");
    }
    if (trans) full.set(applyInverseTransform(full.subarray(0, narma), o), 0);
    invertMaBlocks(full, o);
    const f = mlObjective(setup, trans);
    const res = optimize(f, pick(), parscale, options);
    converged = res.convergence === 0;
    put(res.par);
    invertMaBlocks(full, o);
    const par = pick();
    value = par.some((v, i) => v !== res.par[i]) ? f(par) : res.value;
    put(par);
    const H = numericHessian(f, par, { parscale });
    put(par);
    let A: Float64Array | null = null;
    if (trans) {
      const J = transformJacobian(full, o);
      A = new Float64Array(nfree * nfree);
      free.forEach((fi, a) => free.forEach((fj, b) => (A![a * nfree + b] = J[fi * k + fj])));
      full.set(undoTransform(full.subarray(0, narma), o), 0);
    }
    vcov = covariance(H, nfree, nUsed, A);
  }
  // rotate regression coefficients (and their covariance) back to intercept/drift
  if (xreg.rotation) {
    const kx = xreg.names.length;
    const V = xreg.rotation;
    const rot = Array.from(full.subarray(narma));
    for (let i = 0; i < kx; i++) {
      let s = 0;
      for (let j = 0; j < kx; j++) s += V[i * kx + j] * rot[j];
      full[narma + i] = s;
    }
    const A = new Float64Array(nfree * nfree);
    for (let i = 0; i < nfree; i++) A[i * nfree + i] = 1;
    for (let i = 0; i < kx; i++) for (let j = 0; j < kx; j++) A[(narma + i) * nfree + narma + j] = V[i * kx + j];
    vcov = sandwich(A, vcov, nfree);
  }
  const est = { x0, x, orders: o, method: options.method, lambda: options.lambda, kappa: options.kappa ?? defaults.kappa, xregNames: xreg.names, full, free, vcov, value, nUsed, delta, converged, css };
  return { ...est, build: () => assembleModel(est) };
}

function invertMaBlocks(full: Float64Array, o: ArmaOrders): void {
  if (o.q > 0) full.set(maInvert(full.subarray(o.p, o.p + o.q)), o.p);
  const sq = o.p + o.q + o.P;
  if (o.Q > 0) full.set(maInvert(full.subarray(sq, sq + o.Q)), sq);
}

function sandwich(A: Float64Array, V: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    let s = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) s += A[i * k + a] * V[a * k + b] * A[j * k + b];
    out[i * k + j] = s;
  }
  return out;
}
