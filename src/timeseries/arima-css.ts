/**
 * Conditional sum of squares (CSS) of an ARIMA model (Box & Jenkins 1976, ch. 7): the
 * series is differenced, the first ncond = d + sD + p + sP values are taken as given and the
 * innovations follow the recursion
 *
 *   e_t = w_t − Σ_i phi_i w_{t−i} − Σ_j theta_j e_{t−j},  e_t = 0 for t < ncond,
 *
 * giving σ̂² = Σ_{t≥ncond} e_t² / (n − ncond). R's `arima(method = "CSS")` minimises
 * ½ log σ̂²; `CSS-ML` uses that minimum as the starting point of the exact likelihood.
 */

/**
 * Differences in place the way R's CSS code does: d passes of w_t −= w_{t−1} then D passes of
 * w_t −= w_{t−s}, each for t from the end down to the lag. Values before d + sD are partial
 * and never used as innovations; the result has the input's length.
 * @example
 * ```ts
 * cssDifference(new Float64Array([1, 3, 6, 10]), 1, 0, 1); // [1, 2, 3, 4]
 * ```
 */
export function cssDifference(x: Float64Array, d: number, D: number, s: number): Float64Array {
  const w = Float64Array.from(x);
  const n = w.length;
  for (let k = 0; k < d; k++) for (let t = n - 1; t > 0; t--) w[t] -= w[t - 1];
  for (let k = 0; k < D; k++) for (let t = n - 1; t >= s; t--) w[t] -= w[t - s];
  return w;
}

/**
 * CSS innovations of an already differenced series (see {@link cssDifference}).
 * @param w differenced series (length n).
 * @param phi expanded AR polynomial; theta expanded MA polynomial.
 * @param ncond number of leading values conditioned on.
 * @param residuals optional output of length n (zeros before ncond).
 * @returns the sum of squares and the number of innovations n − ncond.
 * @example
 * ```ts
 * const { ssq, nu } = cssResiduals(w, phi, theta, 13);
 * const objective = 0.5 * Math.log(ssq / nu);
 * ```
 */
export function cssResiduals(
  w: Float64Array,
  phi: Float64Array,
  theta: Float64Array,
  ncond: number,
  residuals: Float64Array = new Float64Array(w.length),
): { ssq: number; nu: number } {
  const n = w.length;
  // the expanded seasonal polynomials are mostly zeros: loop over the non-zero lags only
  const arLag = nonZeroLags(phi);
  const maLag = nonZeroLags(theta);
  const arCoef = Float64Array.from(arLag, (l) => phi[l - 1]);
  const maCoef = Float64Array.from(maLag, (l) => theta[l - 1]);
  const na = arLag.length;
  const nm = maLag.length;
  for (let t = 0; t < ncond && t < n; t++) residuals[t] = 0;
  // AR pass (independent across t): residuals[t] = w_t − Σ phi_i w_{t−i}
  for (let t = ncond; t < n; t++) {
    let v = w[t];
    for (let i = 0; i < na; i++) v -= arCoef[i] * w[t - arLag[i]];
    residuals[t] = v;
  }
  // MA pass: only the lag-1 term chains consecutive steps, so it is added last
  const c1 = nm > 0 && maLag[0] === 1 ? maCoef[0] : 0;
  const j0 = c1 !== 0 ? 1 : 0;
  const maxMa = nm > 0 ? maLag[nm - 1] : 0;
  let ssq = 0;
  let nu = 0;
  for (let t = ncond; t < n; t++) {
    const room = t - ncond; // lags beyond this reach the conditioned (zero) residuals
    let s = 0;
    if (room >= maxMa) {
      for (let j = j0; j < nm; j++) s += maCoef[j] * residuals[t - maLag[j]];
    } else {
      for (let j = j0; j < nm && maLag[j] <= room; j++) s += maCoef[j] * residuals[t - maLag[j]];
    }
    const e = room >= 1 ? residuals[t] - s - c1 * residuals[t - 1] : residuals[t] - s;
    residuals[t] = e;
    if (e === e) {
      nu++;
      ssq += e * e;
    }
  }
  return { ssq, nu };
}

/** 1-based lags k with coef[k − 1] ≠ 0, increasing. */
function nonZeroLags(coef: Float64Array): Int32Array {
  let count = 0;
  for (let i = 0; i < coef.length; i++) if (coef[i] !== 0) count++;
  const out = new Int32Array(count);
  for (let i = 0, k = 0; i < coef.length; i++) if (coef[i] !== 0) out[k++] = i + 1;
  return out;
}
