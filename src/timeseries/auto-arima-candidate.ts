/**
 * One candidate fit of the automatic ARIMA search (forecast's internal `myarima`): fits the
 * model, scores it by the information criterion and rejects models with AR or MA roots
 * within 1.01 of the unit circle (their score becomes +∞, as does a fit that fails).
 *
 * During an approximate search (CSS fits) the criterion uses the CSS variance:
 * AIC ≈ offset + n*·log σ̂²_CSS + 2(k + 1), with offset = −2·loglik − n·log σ̂² of an exact
 * ARIMA(0,d,0)(0,D,0) fit (so that scores sit on the exact likelihood's scale). A fit whose
 * coefficient covariance has a negative variance (an indefinite Hessian) is rejected too.
 */
import type { ArimaEstimate } from "./arima-assemble";
import { estimateArimaModel } from "./arima-fit";
import type { ArimaModel } from "./arima-model";
import { expandArma, isStationary } from "./arima-params";

/** Information criterion used to rank models. */
export type InformationCriterion = "aicc" | "aic" | "bic";

/** Search context shared by all candidates. */
export interface SearchContext {
  /** Original-scale series. */
  y: Float64Array;
  lambda: number | null;
  d: number;
  D: number;
  /** Season length (1: non-seasonal). */
  m: number;
  ic: InformationCriterion;
  offset: number;
  /** Called after each fit with R's trace label and the score. */
  onFit?: (label: string, ic: number) => void;
}

/** A scored candidate. */
export interface Candidate {
  p: number;
  q: number;
  P: number;
  Q: number;
  constant: boolean;
  /** Score (+∞ when the fit failed or was rejected). */
  ic: number;
  /** The fitted model (exact fits only; null for CSS-scored candidates and failures). */
  model: ArimaModel | null;
}

/**
 * R's trace label of a candidate, e.g. "ARIMA(1,1,2)(0,0,1)[7] with drift".
 * @example
 * ```ts
 * candidateLabel({ ...ctx, d: 1, D: 0, m: 7 }, 1, 2, 0, 1, true); // "ARIMA(1,1,2)(0,0,1)[7] with drift"
 * ```
 */
export function candidateLabel(ctx: SearchContext, p: number, q: number, P: number, Q: number, constant: boolean): string {
  let s = `ARIMA(${p},${ctx.d},${q})`;
  if (ctx.m > 1 && P + ctx.D + Q > 0) s += `(${P},${ctx.D},${Q})[${ctx.m}]`;
  const diffs = ctx.d + ctx.D;
  if (constant && diffs === 1) s += " with drift";
  else if (constant && diffs === 0) s += " with non-zero mean";
  else if (!constant && diffs === 0) s += " with zero mean";
  return s;
}

/**
 * Fits and scores one candidate.
 * @param approximation use CSS (fast) instead of CSS-ML.
 * @example
 * ```ts
 * scoreCandidate(ctx, 2, 1, 0, 0, false, false).ic; // AICc of ARIMA(2,d,1)(0,D,0)[m]
 * ```
 */
export function scoreCandidate(ctx: SearchContext, p: number, q: number, P: number, Q: number, constant: boolean, approximation: boolean): Candidate {
  const { d, D, m } = ctx;
  const diffs = d + D;
  const useSeason = m > 1 && P + D + Q > 0;
  const base: Candidate = { p, q, P, Q, constant, ic: Number.POSITIVE_INFINITY, model: null };
  let est: ArimaEstimate;
  let model: ArimaModel | null = null;
  try {
    est = estimateArimaModel(ctx.y, {
      order: [p, d, q],
      seasonal: useSeason ? { order: [P, D, Q], period: m } : undefined,
      includeMean: constant && diffs === 0,
      includeDrift: constant && diffs === 1,
      lambda: ctx.lambda,
      method: approximation ? "CSS" : "CSS-ML",
    });
    // exact fits are kept whole (one may be the answer); CSS scores need no model object
    if (!approximation) model = est.build();
  } catch {
    ctx.onFit?.(candidateLabel(ctx, p, q, P, Q, constant), Number.POSITIVE_INFINITY);
    return base;
  }
  const nstar = est.nUsed;
  const k = est.free.length;
  const npar = k + 1;
  const aic = model ? model.aic : ctx.offset + nstar * Math.log(est.css!.last.ssq / est.css!.last.nu) + 2 * npar;
  const bic = aic + npar * (Math.log(nstar) - 2);
  const aicc = aic + (2 * npar * (npar + 1)) / (nstar - npar - 1);
  let ic = ctx.ic === "aic" ? aic : ctx.ic === "bic" ? bic : aicc;
  if (!Number.isFinite(ic)) ic = Number.POSITIVE_INFINITY;
  // reject near-unit roots: all roots of φ(z)Φ(z^s) and θ(z)Θ(z^s) must have modulus ≥ 1.01
  const { phi, theta } = expandArma(est.full, est.orders);
  if (p + P > 0 && !isStationary(phi, 1.01)) ic = Number.POSITIVE_INFINITY;
  if (q + Q > 0 && !isStationary(theta.map((v) => -v), 1.01)) ic = Number.POSITIVE_INFINITY;
  for (let i = 0; i < k; i++) if (!(est.vcov[i * k + i] >= 0)) ic = Number.POSITIVE_INFINITY;
  ctx.onFit?.(candidateLabel(ctx, p, q, P, Q, constant), ic);
  return { ...base, ic, model };
}
