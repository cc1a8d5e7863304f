/**
 * Automatic ARIMA order selection (Hyndman & Khandakar 2008, J. Stat. Softw. 27(3)), with the
 * defaults of R's `forecast::auto.arima` (forecast 8.20):
 *
 * 1. Box–Cox transform if `lambda` is given. D = nsdiffs (seasonal strength > 0.64 on an
 *    STL fit), then d = ndiffs (KPSS level test at 5 %) on the seasonally differenced series.
 * 2. A constant (mean if d + D = 0, drift if d + D = 1) is allowed unless d + D ≥ 2.
 * 3. Stepwise search: fit ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1)
 *    and the null model without constant; then repeatedly try the neighbours of the current
 *    best model (P±1, Q±1, both, then p±1, q±1, both, then toggling the constant), moving as
 *    soon as one improves the criterion (AICc by default), until none does or 94 models were fitted.
 *    With `stepwise: false`, all models with p + q + P + Q ≤ maxOrder are fitted.
 * 4. With `approximation` (default when n > 150 or the period > 12) the search scores CSS
 *    fits and the best models are refitted by exact ML in order until one is acceptable.
 * Models with roots within 1.01 of the unit circle or failed fits are never chosen.
 */
import type { ArimaModel } from "./arima-model";
import { fitArima } from "./arima-fit";
import { scoreCandidate, type Candidate, type InformationCriterion, type SearchContext } from "./auto-arima-candidate";
import { searchExhaustive, searchStepwise, type SearchLimits } from "./auto-arima-search";
import { boxCox } from "./box-cox";
import { diffOnce } from "./difference";
import { ndiffs } from "./kpss";
import { nsdiffs } from "./seasonal-strength";
import { checkInteger, isConstant, toSeries } from "./series-input";

/** Options of {@link autoArima}; limits follow R's names (lower case p/q non-seasonal, P/Q seasonal). */
export interface AutoArimaOptions {
  /** Season length m of the series (1 = non-seasonal). Default 1. */
  period?: number;
  /** Fixed order of differencing; null = chosen by KPSS (ndiffs). Default null. */
  d?: number | null;
  /** Fixed seasonal differencing; null = chosen by seasonal strength (nsdiffs). Default null. */
  D?: number | null;
  /** Largest p. Default 5. */ maxp?: number;
  /** Largest q. Default 5. */ maxq?: number;
  /** Largest seasonal P. Default 2. */ maxP?: number;
  /** Largest seasonal Q. Default 2. */ maxQ?: number;
  /** Largest p + q + P + Q in the exhaustive search. Default 5. */ maxOrder?: number;
  /** Largest d. Default 2. */ maxd?: number;
  /** Largest D. Default 1. */ maxD?: number;
  /** Starting p, q, P, Q of the stepwise search. Defaults 2, 2, 1, 1. */
  startp?: number; startq?: number; startP?: number; startQ?: number;
  /** Only stationary models (d = D = 0). Default false. */
  stationary?: boolean;
  /** Consider seasonal models. Default true. */
  seasonal?: boolean;
  /** Criterion: "aicc" (default), "aic" or "bic". */
  ic?: InformationCriterion;
  /** Stepwise search (default true) or exhaustive. */
  stepwise?: boolean;
  /** Most models in the stepwise search. Default 94. */
  nmodels?: number;
  /** Score candidates by CSS, then refit by ML. Default n > 150 or period > 12. */
  approximation?: boolean;
  /** Allow a drift when d + D = 1. Default true. */
  allowDrift?: boolean;
  /** Allow a mean when d + D = 0. Default true. */
  allowMean?: boolean;
  /** Box–Cox λ (0 = log). Default null (none). */
  lambda?: number | null;
  /** Receives one line per fitted model (R's `trace = TRUE`). Default none. */
  trace?: (line: string) => void;
}

/** The chosen model, its criterion value and the list of models tried. */
export interface AutoArimaModel extends ArimaModel {
  /** Value of the criterion for the chosen (exactly refitted) model. */
  readonly ic: number;
  /** Every model scored during the search, in order. */
  readonly searched: readonly { readonly description: string; readonly ic: number }[];
}

const defaults = {
  period: 1, maxp: 5, maxq: 5, maxP: 2, maxQ: 2, maxOrder: 5, maxd: 2, maxD: 1, startp: 2, startq: 2, startP: 1, startQ: 1,
  stationary: false, seasonal: true, ic: "aicc" as InformationCriterion, stepwise: true, nmodels: 94, allowDrift: true, allowMean: true,
};

/**
 * Selects and fits an ARIMA model automatically.
 * @param y the series (finite values, at least 3).
 * @param options see {@link AutoArimaOptions}.
 * @throws Error on NaN, a period longer than the series, non-integer limits, or when no model can be fitted.
 * @example
 * ```ts
 * const fit = autoArima(airPassengers, { period: 12 });
 * fit.description; // "ARIMA(2,1,1)(0,1,0)[12]"
 * fit.aicc;        // 1018.17
 * forecast(fit, 12).mean;
 * ```
 */
export function autoArima(y: ArrayLike<number>, options: AutoArimaOptions = {}): AutoArimaModel {
  const x0 = toSeries(y, "y", 3);
  const n = x0.length;
  const o = { ...defaults, ...stripUndefined(options) };
  const period = checkInteger("period", o.period, 1);
  if (period > n) throw new Error(`period ${period} is longer than the series (${n} values)`);
  if (!["aicc", "aic", "bic"].includes(o.ic)) throw new Error(`ic must be "aicc", "aic" or "bic", got ${String(o.ic)}`);
  const lambda = options.lambda ?? null;
  const x = lambda === null ? x0 : boxCox(x0, lambda);
  const searched: { description: string; ic: number }[] = [];
  if (isConstant(x)) {
    const fit = fitArima(x0, { order: [0, 0, 0], includeMean: o.allowMean, fixed: o.allowMean ? { intercept: mean(x) } : undefined, lambda });
    return finish(fit, NaN, searched);
  }
  const m = o.seasonal ? period : 1;
  const lim: SearchLimits = {
    maxp: Math.min(checkInteger("maxp", o.maxp, 0), Math.floor(n / 3)),
    maxq: Math.min(checkInteger("maxq", o.maxq, 0), Math.floor(n / 3)),
    maxP: Math.min(checkInteger("maxP", o.maxP, 0), Math.floor(n / 3 / m)),
    maxQ: Math.min(checkInteger("maxQ", o.maxQ, 0), Math.floor(n / 3 / m)),
    maxOrder: checkInteger("maxOrder", o.maxOrder, 0),
    nmodels: checkInteger("nmodels", o.nmodels, 1),
  };
  const ic: InformationCriterion = n <= 3 ? "aic" : o.ic;
  let d = o.d ?? null;
  let D = o.D ?? null;
  if (d !== null) checkInteger("d", d, 0);
  if (D !== null) checkInteger("D", D, 0);
  if (o.stationary) d = D = 0;
  if (m === 1) {
    D = 0;
    lim.maxP = lim.maxQ = 0;
  } else if (D === null) {
    D = n <= 2 * m ? 0 : nsdiffs(x, { period: m, maxD: checkInteger("maxD", o.maxD, 0) });
  }
  let dx = x;
  for (let i = 0; i < D; i++) dx = diffOnce(dx, m);
  if (d === null) d = dx.length < 3 ? 0 : ndiffs(dx, { maxD: checkInteger("maxd", o.maxd, 0) });
  for (let i = 0; i < d; i++) dx = diffOnce(dx, 1);
  if (dx.length === 0) throw new Error(`y has ${n} values: not enough data left after differencing (d = ${d}, D = ${D})`);
  if (isConstant(dx)) return finish(polynomialFit(x0, dx, d, D, m, lambda), NaN, searched);
  if (m > 1) {
    if (lim.maxP > 0) lim.maxp = Math.min(lim.maxp, m - 1);
    if (lim.maxQ > 0) lim.maxq = Math.min(lim.maxq, m - 1);
  }
  const approximation = options.approximation ?? (n > 150 || period > 12);
  const line = (label: string, ic: number): void => o.trace?.(` ${label.padEnd(42)}: ${Number.isFinite(ic) ? ic.toFixed(3) : "Inf"}`);
  const ctx: SearchContext = { y: x0, lambda, d, D, m, ic, offset: 0, onFit: (label, v) => {
    searched.push({ description: label, ic: v });
    line(label, v);
  } };
  if (approximation) ctx.offset = cssOffset(x0, d, D, m, lambda, n);
  const allowDrift = o.allowDrift && d + D === 1;
  const allowMean = o.allowMean && d + D === 0;
  const start = { p: o.startp, q: o.startq, P: o.startP, Q: o.startQ };
  if (n < 10) Object.assign(start, { p: Math.min(start.p, 1), q: Math.min(start.q, 1), P: 0, Q: 0 });
  const results: Candidate[] = o.stepwise
    ? searchStepwise(ctx, lim, { p: Math.min(start.p, lim.maxp), q: Math.min(start.q, lim.maxq), P: Math.min(start.P, lim.maxP), Q: Math.min(start.Q, lim.maxQ) }, allowDrift, allowMean, approximation)
    : searchExhaustive(ctx, lim, allowDrift, allowMean, approximation);
  let best = pickBest(results);
  if (approximation && !o.stepwise && best) {
    // R's exhaustive search refits only its best model, and searches again exactly if that fails
    ctx.onFit = line;
    const refit = scoreCandidate(ctx, best.p, best.q, best.P, best.Q, best.constant, false);
    best = Number.isFinite(refit.ic) ? refit : pickBest(searchExhaustive(ctx, lim, allowDrift, allowMean, false));
  } else if (approximation) {
    o.trace?.("\n Now re-fitting the best model(s) without approximations...\n");
    ctx.onFit = line;
    best = null;
    const ranked = results.filter((c) => !Number.isNaN(c.ic)).sort((a, b) => a.ic - b.ic);
    for (const c of ranked) {
      const refit = scoreCandidate(ctx, c.p, c.q, c.P, c.Q, c.constant, false);
      if (Number.isFinite(refit.ic)) {
        best = refit;
        break;
      }
    }
  }
  if (!best || !best.model) throw new Error("No suitable ARIMA model found");
  return finish(best.model, best.ic, searched);
}

function pickBest(results: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of results) if (Number.isFinite(c.ic) && (!best || c.ic < best.ic)) best = c;
  return best;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function mean(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

/** −2·loglik − n·log σ² of an exact ARIMA(0,d,0)(0,D,0) fit (0 when it fails). */
function cssOffset(y: Float64Array, d: number, D: number, m: number, lambda: number | null, n: number): number {
  try {
    const fit = fitArima(y, { order: [0, d, 0], seasonal: D > 0 ? { order: [0, D, 0], period: m } : undefined, lambda });
    return -2 * fit.loglik - n * Math.log(fit.sigma2ML);
  } catch {
    return 0;
  }
}

/** The exact-polynomial case: the differenced series is constant (R fixes the constant). */
function polynomialFit(y: Float64Array, dx: Float64Array, d: number, D: number, m: number, lambda: number | null): ArimaModel {
  const seasonal = D > 0 ? { order: [0, D, 0] as const, period: m } : undefined;
  const c = mean(dx);
  if (D > 0 && d === 0) return fitArima(y, { order: [0, 0, 0], seasonal, includeDrift: true, fixed: { drift: c / m }, lambda });
  if (D > 0 || d === 2) return fitArima(y, { order: [0, d, 0], seasonal, lambda });
  if (d < 2) return fitArima(y, { order: [0, d, 0], includeConstant: true, fixed: d === 0 ? { intercept: c } : { drift: c }, lambda });
  throw new Error("y follows a polynomial of degree > 2 and is not suitable for ARIMA modelling");
}

function finish(model: ArimaModel, ic: number, searched: { description: string; ic: number }[]): AutoArimaModel {
  return Object.freeze({ ...model, ic, searched: Object.freeze(searched.map((s) => Object.freeze(s))) });
}

