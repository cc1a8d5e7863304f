/**
 * The two model searches of automatic ARIMA (Hyndman & Khandakar 2008, section 3.2):
 * the stepwise neighbourhood search and the exhaustive grid, both over candidates scored by
 * `scoreCandidate`. d, D and the season length are fixed in the context.
 */
import { scoreCandidate, type Candidate, type SearchContext } from "./auto-arima-candidate";

/** Order limits of a search. */
export interface SearchLimits {
  maxp: number;
  maxq: number;
  maxP: number;
  maxQ: number;
  maxOrder: number;
  nmodels: number;
}

/**
 * Stepwise search from a starting model; returns every candidate scored, in order.
 * Neighbours are tried in R's order (P−1, Q−1, P+1, Q+1, (P−1,Q−1), (P−1,Q+1), (P+1,Q−1),
 * (P+1,Q+1), then the same for p and q), moving to the first improvement; the constant is
 * toggled when no order move improves.
 * @example
 * ```ts
 * const tried = searchStepwise(ctx, limits, { p: 2, q: 2, P: 1, Q: 1 }, true, false, false);
 * ```
 */
export function searchStepwise(
  ctx: SearchContext,
  lim: SearchLimits,
  start: { p: number; q: number; P: number; Q: number },
  allowDrift: boolean,
  allowMean: boolean,
  approximation: boolean,
): Candidate[] {
  const results: Candidate[] = [];
  let constant = allowDrift || allowMean;
  let { p, q, P, Q } = start;
  const m = ctx.m;
  const fit = (pp: number, qq: number, PP: number, QQ: number, cc: boolean): Candidate => {
    const c = scoreCandidate(ctx, pp, qq, PP, QQ, cc, approximation);
    results.push(c);
    return c;
  };
  const isNew = (pp: number, qq: number, PP: number, QQ: number, cc: boolean): boolean =>
    !results.some((r) => r.p === pp && r.q === qq && r.P === PP && r.Q === QQ && r.constant === cc);

  let best = fit(p, q, P, Q, constant);
  const f0 = fit(0, 0, 0, 0, constant);
  if (f0.ic < best.ic) {
    best = f0;
    p = q = P = Q = 0;
  }
  if (lim.maxp > 0 || lim.maxP > 0) {
    const ar = { p: lim.maxp > 0 ? 1 : 0, P: m > 1 && lim.maxP > 0 ? 1 : 0 };
    const f = fit(ar.p, 0, ar.P, 0, constant);
    if (f.ic < best.ic) {
      best = f;
      p = ar.p;
      P = ar.P;
      q = Q = 0;
    }
  }
  if (lim.maxq > 0 || lim.maxQ > 0) {
    const ma = { q: lim.maxq > 0 ? 1 : 0, Q: m > 1 && lim.maxQ > 0 ? 1 : 0 };
    const f = fit(0, ma.q, 0, ma.Q, constant);
    if (f.ic < best.ic) {
      best = f;
      p = P = 0;
      q = ma.q;
      Q = ma.Q;
    }
  }
  if (constant) {
    const f = fit(0, 0, 0, 0, false);
    if (f.ic < best.ic) {
      best = f;
      p = q = P = Q = 0;
      constant = false;
    }
  }
  let startk = 0;
  while (startk < results.length && results.length < lim.nmodels) {
    startk = results.length;
    const moves: Array<[number, number, number, number, boolean]> = [
      [0, 0, -1, 0, P > 0],
      [0, 0, 0, -1, Q > 0],
      [0, 0, 1, 0, P < lim.maxP],
      [0, 0, 0, 1, Q < lim.maxQ],
      [0, 0, -1, -1, Q > 0 && P > 0],
      [0, 0, -1, 1, Q < lim.maxQ && P > 0],
      [0, 0, 1, -1, Q > 0 && P < lim.maxP],
      [0, 0, 1, 1, Q < lim.maxQ && P < lim.maxP],
      [-1, 0, 0, 0, p > 0],
      [0, -1, 0, 0, q > 0],
      [1, 0, 0, 0, p < lim.maxp],
      [0, 1, 0, 0, q < lim.maxq],
      [-1, -1, 0, 0, q > 0 && p > 0],
      [-1, 1, 0, 0, q < lim.maxq && p > 0],
      [1, -1, 0, 0, q > 0 && p < lim.maxp],
      [1, 1, 0, 0, q < lim.maxq && p < lim.maxp],
    ];
    let moved = false;
    for (const [dp, dq, dP, dQ, ok] of moves) {
      if (!ok || !isNew(p + dp, q + dq, P + dP, Q + dQ, constant)) continue;
      if (results.length >= lim.nmodels) break;
      const f = fit(p + dp, q + dq, P + dP, Q + dQ, constant);
      if (f.ic < best.ic) {
        best = f;
        p += dp;
        q += dq;
        P += dP;
        Q += dQ;
        moved = true;
        break;
      }
    }
    if (moved) continue;
    if ((allowDrift || allowMean) && isNew(p, q, P, Q, !constant) && results.length < lim.nmodels) {
      const f = fit(p, q, P, Q, !constant);
      if (f.ic < best.ic) {
        best = f;
        constant = !constant;
      }
    }
  }
  return results;
}

/**
 * Exhaustive search over all p ≤ maxp, q ≤ maxq, P ≤ maxP, Q ≤ maxQ with p + q + P + Q ≤
 * maxOrder, with and without the constant when allowed.
 * @example
 * ```ts
 * const tried = searchExhaustive(ctx, limits, true, false, false);
 * ```
 */
export function searchExhaustive(ctx: SearchContext, lim: SearchLimits, allowDrift: boolean, allowMean: boolean, approximation: boolean): Candidate[] {
  const results: Candidate[] = [];
  const maxK = allowDrift || allowMean ? 1 : 0;
  for (let i = 0; i <= lim.maxp; i++)
    for (let j = 0; j <= lim.maxq; j++)
      for (let I = 0; I <= lim.maxP; I++)
        for (let J = 0; J <= lim.maxQ; J++) {
          if (i + j + I + J > lim.maxOrder) continue;
          for (let K = 0; K <= maxK; K++) results.push(scoreCandidate(ctx, i, j, I, J, K === 1, approximation));
        }
  return results;
}
