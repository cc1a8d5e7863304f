/**
 * Quasi-Newton minimisation with finite-difference gradients, following the variable-metric
 * method of Nash (1990, "Compact Numerical Methods", Algorithm 21) that R's
 * `optim(method = "BFGS")` uses: BFGS updates of an inverse-Hessian approximation B,
 * backtracking line search x + λt with λ ← 0.2λ until the Armijo condition
 * f ≤ f₀ + 10⁻⁴ λ gᵀt holds, restart with B = I when no descent is found, and stop when an
 * accepted step lowers f by less than reltol·(|f| + reltol).
 *
 * Parameters are scaled as in `optim`: the search runs on x/parscale, and gradients are
 * central differences of step `ndeps` on that scale: g_i = (f(x + εe_i) − f(x − εe_i))/(2ε).
 */

/** Options of {@link bfgs}. */
export interface BfgsOptions {
  /** Typical magnitude of each parameter; the search runs on par/parscale. Default all 1. */
  parscale?: ArrayLike<number>;
  /** Finite-difference step on the scaled parameters. Default 1e-3. */
  ndeps?: number;
  /** Most iterations (gradient evaluations). Default 100. */
  maxit?: number;
  /** Relative convergence tolerance. Default sqrt(machine epsilon) ≈ 1.49e-8. */
  reltol?: number;
  /** Stop once f ≤ abstol. Default −Infinity. */
  abstol?: number;
}

/** Result of {@link bfgs}. */
export interface OptimResult {
  /** Best parameters found (unscaled). */
  par: Float64Array;
  /** f(par). */
  value: number;
  /** Function evaluations made by the line search (gradients excluded). */
  fnCount: number;
  /** Gradient evaluations. */
  grCount: number;
  /** 0 when converged, 1 when `maxit` was reached (R's `convergence` code). */
  convergence: number;
}

const defaults = { ndeps: 1e-3, maxit: 100, reltol: 1.4901161193847656e-8, abstol: Number.NEGATIVE_INFINITY };

/**
 * Central-difference gradient of `f` at scaled point `x` (f takes unscaled parameters).
 * @throws Error when a difference is not finite (as `optim` does).
 * @example
 * ```ts
 * numericGradient((p) => p[0] ** 2, new Float64Array([3]), new Float64Array([1]), 1e-3); // ≈ [6]
 * ```
 */
export function numericGradient(
  f: (par: Float64Array) => number,
  x: Float64Array,
  parscale: Float64Array,
  ndeps: number,
): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = x[i] * parscale[i];
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    p[i] = (xi + ndeps) * parscale[i];
    const f1 = f(p);
    p[i] = (xi - ndeps) * parscale[i];
    const f2 = f(p);
    p[i] = xi * parscale[i];
    g[i] = (f1 - f2) / (2 * ndeps);
    if (!Number.isFinite(g[i])) throw new Error(`non-finite finite-difference value [${i + 1}]`);
  }
  return g;
}

/**
 * Minimises `f` from `par0` by BFGS with numerical gradients (R's `optim(par0, f, method = "BFGS")`).
 *
 * @param f objective; receives a scratch array it must not keep.
 * @param par0 starting parameters (not modified).
 * @param options see {@link BfgsOptions}.
 * @throws Error when f(par0) is not finite or a finite difference is not finite.
 * @example
 * ```ts
 * const r = bfgs((p) => (p[0] - 1) ** 2 + 10 * (p[1] + 2) ** 2, [0, 0]);
 * r.par; // ≈ [1, −2]
 * ```
 */
export function bfgs(f: (par: Float64Array) => number, par0: ArrayLike<number>, options: BfgsOptions = {}): OptimResult {
  const n = par0.length;
  const parscale = Float64Array.from(options.parscale ?? new Float64Array(n).fill(1));
  const ndeps = options.ndeps ?? defaults.ndeps;
  const maxit = options.maxit ?? defaults.maxit;
  const reltol = options.reltol ?? defaults.reltol;
  const abstol = options.abstol ?? defaults.abstol;
  const scratch = new Float64Array(n);
  const fs = (x: Float64Array): number => {
    for (let i = 0; i < n; i++) scratch[i] = x[i] * parscale[i];
    return f(scratch);
  };
  const grad = (x: Float64Array): Float64Array => numericGradient(f, x, parscale, ndeps);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = par0[i] / parscale[i];
  const unscale = (x: Float64Array): Float64Array => x.map((v, i) => v * parscale[i]);

  if (maxit <= 0) return { par: unscale(b), value: fs(b), fnCount: 1, grCount: 0, convergence: 0 };
  let fval = fs(b);
  if (!Number.isFinite(fval)) throw new Error("initial value in 'vmmin' is not finite");
  let fmin = fval;
  let fnCount = 1;
  let grCount = 1;
  let g = grad(b);
  let iter = 1;
  let ilast = grCount;
  const B = new Float64Array(n * n);
  const t = new Float64Array(n);
  const X = new Float64Array(n);
  const c = new Float64Array(n);
  let count = 0;
  do {
    if (ilast === grCount) {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    }
    X.set(b);
    c.set(g);
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= B[i * n + j] * g[j];
      t[i] = s;
      gradproj += s * g[i];
    }
    if (gradproj < 0) {
      let step = 1;
      let accepted = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = X[i] + step * t[i];
          if (10 + X[i] === 10 + b[i]) count++;
        }
        if (count < n) {
          fval = fs(b);
          fnCount++;
          accepted = Number.isFinite(fval) && fval <= fmin + gradproj * step * 1e-4;
          if (!accepted) step *= 0.2;
        }
      } while (!(count === n || accepted));
      const enough = fval > abstol && Math.abs(fval - fmin) > reltol * (Math.abs(fmin) + reltol);
      if (!enough) {
        count = n;
        fmin = fval;
      }
      if (count < n) {
        fmin = fval;
        g = grad(b);
        grCount++;
        iter++;
        let d1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] *= step;
          c[i] = g[i] - c[i];
          d1 += t[i] * c[i];
        }
        if (d1 > 0) {
          let d2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += B[i * n + j] * c[j];
            X[i] = s;
            d2 += s * c[i];
          }
          d2 = 1 + d2 / d1;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) B[i * n + j] += (d2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / d1;
          }
        } else {
          ilast = grCount;
        }
      } else if (ilast < grCount) {
        count = 0;
        ilast = grCount;
      }
    } else {
      count = 0;
      if (ilast === grCount) count = n;
      else ilast = grCount;
    }
    if (iter >= maxit) break;
    if (grCount - ilast > 2 * n) ilast = grCount;
  } while (count !== n || ilast !== grCount);
  return { par: unscale(b), value: fmin, fnCount, grCount, convergence: iter < maxit ? 0 : 1 };
}

/**
 * Numerical Hessian of `f` at `par` by central differences of the numerical gradient
 * (R's `optimHess`), symmetrised.
 * @example
 * ```ts
 * numericHessian((p) => p[0] ** 2 * p[1], [1, 2]); // ≈ [[4, 2], [2, 0]]
 * ```
 */
export function numericHessian(
  f: (par: Float64Array) => number,
  par: ArrayLike<number>,
  options: Pick<BfgsOptions, "parscale" | "ndeps"> = {},
): Float64Array {
  const n = par.length;
  const parscale = Float64Array.from(options.parscale ?? new Float64Array(n).fill(1));
  const ndeps = options.ndeps ?? defaults.ndeps;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = par[i] / parscale[i];
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const eps = ndeps / parscale[i];
    const xi = x[i];
    x[i] = xi + eps;
    const g1 = numericGradient(f, x, parscale, ndeps);
    x[i] = xi - eps;
    const g2 = numericGradient(f, x, parscale, ndeps);
    x[i] = xi;
    for (let j = 0; j < n; j++) H[i * n + j] = (g1[j] - g2[j]) / (2 * eps * parscale[i] * parscale[j]);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const m = (H[i * n + j] + H[j * n + i]) / 2;
      H[i * n + j] = m;
      H[j * n + i] = m;
    }
  }
  return H;
}
