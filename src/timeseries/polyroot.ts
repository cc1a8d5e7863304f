/**
 * Complex roots of a real polynomial c₀ + c₁z + … + c_n zⁿ (R's `polyroot` convention:
 * coefficients in increasing powers) by the Aberth–Ehrlich simultaneous iteration:
 *
 *   w_k = (p(z_k)/p'(z_k)) / (1 − (p(z_k)/p'(z_k)) Σ_{j≠k} 1/(z_k − z_j)),  z_k ← z_k − w_k
 *
 * started from points on a circle of the Cauchy-bound radius. Cubic convergence for simple
 * roots; the degrees met here (ARMA polynomials) are small.
 */

/** A complex number as [re, im]. */
export type Complex = [number, number];

/**
 * Roots of c[0] + c[1] z + … + c[n] zⁿ; trailing zero coefficients are dropped.
 * @example
 * ```ts
 * polyRoots([1, -0.5]);   // [[2, 0]]   (1 − 0.5z = 0)
 * polyRoots([1, 0, 1]);   // ±i
 * ```
 */
export function polyRoots(c: ArrayLike<number>): Complex[] {
  let n = c.length - 1;
  while (n > 0 && c[n] === 0) n--;
  if (n < 1) return [];
  const a = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) a[i] = c[i] / c[n]; // monic
  let bound = 0;
  for (let i = 0; i < n; i++) bound = Math.max(bound, Math.abs(a[i]));
  const radius = Math.min(1 + bound, 1e6);
  const zr = new Float64Array(n);
  const zi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const ang = (2 * Math.PI * k) / n + 0.4;
    zr[k] = radius * Math.cos(ang) * 0.5 + 1e-3;
    zi[k] = radius * Math.sin(ang) * 0.5;
  }
  for (let iter = 0; iter < 500; iter++) {
    let maxStep = 0;
    for (let k = 0; k < n; k++) {
      // Horner for p and p'
      let pr = 1, pi = 0, dr = 0, di = 0;
      for (let i = n - 1; i >= 0; i--) {
        const ndr = dr * zr[k] - di * zi[k] + pr;
        const ndi = dr * zi[k] + di * zr[k] + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * zr[k] - pi * zi[k] + a[i];
        const npi = pr * zi[k] + pi * zr[k];
        pr = npr;
        pi = npi;
      }
      if (pr === 0 && pi === 0) continue;
      const dd = dr * dr + di * di;
      const qr = dd === 0 ? 1 : (pr * dr + pi * di) / dd; // p/p'
      const qi = dd === 0 ? 0 : (pi * dr - pr * di) / dd;
      let sr = 0, si = 0;
      for (let j = 0; j < n; j++) {
        if (j === k) continue;
        const ur = zr[k] - zr[j];
        const ui = zi[k] - zi[j];
        const uu = ur * ur + ui * ui || 1e-300;
        sr += ur / uu;
        si += -ui / uu;
      }
      // w = q / (1 − q s)
      const den_r = 1 - (qr * sr - qi * si);
      const den_i = -(qr * si + qi * sr);
      const den = den_r * den_r + den_i * den_i || 1e-300;
      const wr = (qr * den_r + qi * den_i) / den;
      const wi = (qi * den_r - qr * den_i) / den;
      zr[k] -= wr;
      zi[k] -= wi;
      maxStep = Math.max(maxStep, Math.hypot(wr, wi) / Math.max(1, Math.hypot(zr[k], zi[k])));
    }
    if (maxStep < 1e-15) break;
  }
  const out: Complex[] = [];
  for (let k = 0; k < n; k++) out.push([zr[k], Math.abs(zi[k]) < 1e-14 * Math.max(1, Math.abs(zr[k])) ? 0 : zi[k]]);
  return out;
}

/**
 * Modulus of a complex number.
 * @example
 * ```ts
 * modulus([3, 4]); // 5
 * ```
 */
export function modulus(z: Complex): number {
  return Math.hypot(z[0], z[1]);
}
