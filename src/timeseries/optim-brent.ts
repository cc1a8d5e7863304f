/**
 * One-dimensional minimisation on an interval by Brent's method (Brent 1973, ch. 5:
 * golden-section search with parabolic interpolation steps), as R's `optimize`.
 */

/**
 * Finds a local minimum of `f` on [lower, upper].
 * @param tol absolute tolerance on x. Default machine epsilon^(1/4) ≈ 1.22e-4 (R's default).
 * @example
 * ```ts
 * brentMinimize((x) => (x - 0.3) ** 2, -1, 2).x; // ≈ 0.3
 * ```
 */
export function brentMinimize(f: (x: number) => number, lower: number, upper: number, tol = 1.220703125e-4): { x: number; value: number } {
  if (!(lower < upper)) throw new Error(`lower must be < upper, got [${lower}, ${upper}]`);
  const golden = (3 - Math.sqrt(5)) / 2;
  const eps = Math.sqrt(2.220446049250313e-16);
  let a = lower;
  let b = upper;
  let v = a + golden * (b - a);
  let w = v;
  let x = v;
  let fx = f(x);
  let fv = fx;
  let fw = fx;
  let d = 0;
  let e = 0;
  for (let iter = 0; iter < 1000; iter++) {
    const xm = (a + b) / 2;
    const tol1 = eps * Math.abs(x) + tol / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - xm) <= tol2 - (b - a) / 2) break;
    let golden_step = true;
    if (Math.abs(e) > tol1) {
      // parabola through (v, fv), (w, fw), (x, fx)
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < xm ? tol1 : -tol1;
        golden_step = false;
      }
    }
    if (golden_step) {
      e = x < xm ? b - x : a - x;
      d = golden * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : d > 0 ? x + tol1 : x - tol1;
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: fx };
}
