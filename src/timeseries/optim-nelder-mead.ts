/**
 * Derivative-free minimisation by the Nelder–Mead simplex (Nelder & Mead 1965, in the
 * form of Nash's Algorithm 19 used by R's `optim` default): reflection α = 1, contraction
 * β = ½, expansion γ = 2, shrink towards the best vertex when a contraction fails; stop when
 * the spread of the simplex values falls below reltol·(|f(x₀)| + reltol).
 */
import type { OptimResult } from "./optim-bfgs";

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Typical magnitude of each parameter; the simplex lives on par/parscale. Default all 1. */
  parscale?: ArrayLike<number>;
  /** Most function evaluations. Default 500. */
  maxit?: number;
  /** Relative convergence tolerance. Default 1.49e-8. */
  reltol?: number;
}

const defaults = { maxit: 500, reltol: 1.4901161193847656e-8 };
const BIG = 1e300;

/**
 * Minimises `f` from `par0` with the Nelder–Mead simplex.
 * @throws Error when f(par0) is not finite.
 * @example
 * ```ts
 * nelderMead((p) => (p[0] - 3) ** 2 + (p[1] + 1) ** 2, [0, 0]).par; // ≈ [3, −1]
 * ```
 */
export function nelderMead(f: (par: Float64Array) => number, par0: ArrayLike<number>, options: NelderMeadOptions = {}): OptimResult {
  const n = par0.length;
  const parscale = Float64Array.from(options.parscale ?? new Float64Array(n).fill(1));
  const maxit = options.maxit ?? defaults.maxit;
  const reltol = options.reltol ?? defaults.reltol;
  const scratch = new Float64Array(n);
  let fnCount = 0;
  const fs = (x: Float64Array): number => {
    for (let i = 0; i < n; i++) scratch[i] = x[i] * parscale[i];
    fnCount++;
    const v = f(scratch);
    return Number.isFinite(v) ? v : BIG;
  };
  const x0 = new Float64Array(n);
  for (let i = 0; i < n; i++) x0[i] = par0[i] / parscale[i];
  const f0 = fs(x0);
  if (f0 >= BIG) throw new Error("function cannot be evaluated at initial parameters");
  const unscale = (x: Float64Array): Float64Array => x.map((v, i) => v * parscale[i]);
  if (n === 0) return { par: unscale(x0), value: f0, fnCount, grCount: 0, convergence: 0 };
  let step = 0;
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(x0[i]));
  if (step === 0) step = 0.1;
  const pts: Float64Array[] = [x0];
  const vals: number[] = [f0];
  for (let j = 0; j < n; j++) {
    const p = Float64Array.from(x0);
    p[j] += step;
    pts.push(p);
    vals.push(fs(p));
  }
  const convtol = reltol * (Math.abs(f0) + reltol);
  const centroid = new Float64Array(n);
  let convergence = 1;
  while (fnCount <= maxit) {
    let lo = 0;
    let hi = 0;
    for (let j = 1; j <= n; j++) {
      if (vals[j] < vals[lo]) lo = j;
      if (vals[j] > vals[hi]) hi = j;
    }
    if (vals[hi] <= vals[lo] + convtol) {
      convergence = 0;
      break;
    }
    centroid.fill(0);
    for (let j = 0; j <= n; j++) if (j !== hi) for (let i = 0; i < n; i++) centroid[i] += pts[j][i] / n;
    const refl = centroid.map((c, i) => 2 * c - pts[hi][i]);
    const fr = fs(refl);
    if (fr < vals[lo]) {
      const ext = centroid.map((c, i) => 2 * refl[i] - c);
      const fe = fs(ext);
      if (fe < fr) {
        pts[hi] = ext;
        vals[hi] = fe;
      } else {
        pts[hi] = refl;
        vals[hi] = fr;
      }
      continue;
    }
    if (fr < vals[hi]) {
      pts[hi] = refl;
      vals[hi] = fr;
    }
    const con = centroid.map((c, i) => 0.5 * c + 0.5 * pts[hi][i]);
    const fc = fs(con);
    if (fc < vals[hi]) {
      pts[hi] = con;
      vals[hi] = fc;
    } else if (fr >= vals[hi]) {
      for (let j = 0; j <= n; j++) {
        if (j === lo) continue;
        for (let i = 0; i < n; i++) pts[j][i] = 0.5 * (pts[j][i] + pts[lo][i]);
        vals[j] = fs(pts[j]);
      }
    }
  }
  let best = 0;
  for (let j = 1; j <= n; j++) if (vals[j] < vals[best]) best = j;
  return { par: unscale(pts[best]), value: vals[best], fnCount, grCount: 0, convergence };
}
