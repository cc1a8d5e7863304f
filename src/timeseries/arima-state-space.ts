/**
 * The full ARIMA state space of R's `stats::arima` (Durbin & Koopman 2012, section 3.4),
 * used for the final residuals, the filtered state at the end of the series and forecasts.
 *
 * The differencing polynomial (1 − B)^d (1 − B^s)^D = 1 − Σ δ_k B^k enters the state: with
 * the ARMA block of size r and nd = d + sD lagged values of y,
 *
 *   y_t = Z α_t,  Z = (1, 0, …, 0, δ₁, …, δ_nd),
 *   α_{t+1} = T α_t + R ε_{t+1},  T's row r is Z (it carries y_t), the rows below shift,
 *
 * and the lagged values get a diffuse prior (variance κ = 10⁶) while the ARMA block starts at
 * its stationary covariance Q₀. Observations whose prediction variance F_t ≥ 10⁴ (those still
 * dominated by the diffuse prior, the first nd) are left out of the likelihood. Prediction
 * h steps ahead iterates a ← Ta, P ← TPTᵀ + RRᵀ; the forecast is Za and its variance ZPZᵀ (σ²=1).
 */
import { stationaryCovariance } from "./arima-kalman";

/** A state-space form of an ARIMA model. */
export interface ArimaStateSpace {
  /** ARMA block size r = max(p, q + 1). */
  r: number;
  /** Total state size r + nd. */
  rd: number;
  phi: Float64Array;
  theta: Float64Array;
  delta: Float64Array;
  /** Non-zero entries of T: rows, columns and values. */
  tRow: Int32Array;
  tCol: Int32Array;
  tVal: Float64Array;
  /** Observation vector Z. */
  Z: Float64Array;
  /** Disturbance loading R (length rd). */
  R: Float64Array;
  /** Initial predicted state covariance (rd × rd). */
  Pn: Float64Array;
}

/**
 * Coefficients δ of (1 − B)^d (1 − B^s)^D = 1 − Σ δ_k B^k (R's `Delta`).
 * @example
 * ```ts
 * differencingPolynomial(1, 1, 4); // [1, 0, 0, 1, −1]
 * ```
 */
export function differencingPolynomial(d: number, D: number, s: number): Float64Array {
  let poly = [1];
  const mul = (other: number[]): void => {
    const out = new Array(poly.length + other.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++) for (let j = 0; j < other.length; j++) out[i + j] += poly[i] * other[j];
    poly = out;
  };
  for (let i = 0; i < d; i++) mul([1, -1]);
  const seas = new Array(s + 1).fill(0);
  seas[0] = 1;
  seas[s] = -1;
  for (let i = 0; i < D; i++) mul(seas);
  return Float64Array.from(poly.slice(1).map((v) => (v === 0 ? 0 : -v)));
}

/**
 * Builds the state space of an ARIMA model from its expanded AR (phi) and MA (theta)
 * polynomials and the differencing coefficients. A non-stationary AR part (possible after a
 * CSS fit) gets a diffuse κ prior on the ARMA block instead of Q₀.
 * @example
 * ```ts
 * const ss = buildStateSpace(new Float64Array([0.5]), new Float64Array([-0.3]), differencingPolynomial(1, 0, 1));
 * ss.rd; // 3: ARMA block of 2 plus one lagged level
 * ```
 */
export function buildStateSpace(phi: Float64Array, theta: Float64Array, delta: Float64Array, kappa = 1e6): ArimaStateSpace {
  const p = phi.length;
  const q = theta.length;
  const nd = delta.length;
  const r = Math.max(p, q + 1);
  const rd = r + nd;
  const tEntries: Array<[number, number, number]> = [];
  for (let i = 0; i < r; i++) {
    if (i < p && phi[i] !== 0) tEntries.push([i, 0, phi[i]]);
    if (i + 1 < r) tEntries.push([i, i + 1, 1]);
  }
  const Z = new Float64Array(rd);
  Z[0] = 1;
  for (let k = 0; k < nd; k++) Z[r + k] = delta[k];
  if (nd > 0) {
    for (let j = 0; j < rd; j++) if (Z[j] !== 0) tEntries.push([r, j, Z[j]]);
    for (let k = 1; k < nd; k++) tEntries.push([r + k, r + k - 1, 1]);
  }
  const R = new Float64Array(rd);
  R[0] = 1;
  for (let i = 1; i < r; i++) R[i] = i <= q ? theta[i - 1] : 0;
  const Pn = new Float64Array(rd * rd);
  const Q0 = stationaryCovariance(phi, theta);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) Pn[i * rd + j] = Q0 ? Q0[i * r + j] : i === j ? kappa : 0;
  for (let k = 0; k < nd; k++) Pn[(r + k) * rd + r + k] = kappa;
  return {
    r, rd, phi, theta, delta, Z, R, Pn,
    tRow: Int32Array.from(tEntries, (e) => e[0]),
    tCol: Int32Array.from(tEntries, (e) => e[1]),
    tVal: Float64Array.from(tEntries, (e) => e[2]),
  };
}

/** a ← T a. */
function applyT(ss: ArimaStateSpace, a: Float64Array, out: Float64Array): void {
  out.fill(0);
  const { tRow, tCol, tVal } = ss;
  for (let e = 0; e < tVal.length; e++) out[tRow[e]] += tVal[e] * a[tCol[e]];
}

/** P ← T P Tᵀ + R Rᵀ, as T (T P)ᵀ since P is symmetric; tmp and tmp2 are rd² scratch. */
function propagate(ss: ArimaStateSpace, P: Float64Array, tmp: Float64Array, tmp2: Float64Array): void {
  const { rd, tRow, tCol, tVal, R } = ss;
  const ne = tVal.length;
  tmp.fill(0);
  for (let e = 0; e < ne; e++) {
    const v = tVal[e];
    const oi = tRow[e] * rd;
    const ok = tCol[e] * rd;
    for (let j = 0; j < rd; j++) tmp[oi + j] += v * P[ok + j];
  }
  for (let i = 0; i < rd; i++) for (let j = 0; j < rd; j++) tmp2[j * rd + i] = tmp[i * rd + j];
  for (let i = 0; i < rd; i++) {
    const Ri = R[i];
    for (let j = 0; j < rd; j++) P[i * rd + j] = Ri * R[j];
  }
  for (let e = 0; e < ne; e++) {
    const v = tVal[e];
    const oi = tRow[e] * rd;
    const ok = tCol[e] * rd;
    for (let j = 0; j < rd; j++) P[oi + j] += v * tmp2[ok + j];
  }
}

/** Output of {@link filterStateSpace}. */
export interface StateSpaceFilter {
  ssq: number;
  sumLog: number;
  nu: number;
  /** Standardised innovations v_t/√F_t (R's arima residuals), tiny for the diffuse start. */
  residuals: Float64Array;
  /** Filtered state mean at the last observation. */
  a: Float64Array;
  /** Filtered state covariance at the last observation (rd × rd). */
  P: Float64Array;
}

/**
 * Kalman filter over the whole (undifferenced, regression-adjusted) series.
 * @example
 * ```ts
 * const ss = buildStateSpace(phi, theta, differencingPolynomial(1, 1, 12));
 * const { residuals, a, P } = filterStateSpace(x, ss);
 * ```
 */
export function filterStateSpace(y: Float64Array, ss: ArimaStateSpace): StateSpaceFilter {
  const { rd, Z } = ss;
  const a = new Float64Array(rd);
  const anew = new Float64Array(rd);
  const P = Float64Array.from(ss.Pn);
  const tmp = new Float64Array(rd * rd);
  const tmp2 = new Float64Array(rd * rd);
  const M = new Float64Array(rd);
  const zIdx = Int32Array.from(Array.from(Z.keys()).filter((j) => Z[j] !== 0));
  const residuals = new Float64Array(y.length);
  let ssq = 0;
  let sumLog = 0;
  let nu = 0;
  for (let t = 0; t < y.length; t++) {
    applyT(ss, a, anew);
    if (t > 0) propagate(ss, P, tmp, tmp2);
    let pred = 0;
    for (let i = 0; i < rd; i++) pred += Z[i] * anew[i];
    const v = y[t] - pred;
    for (let i = 0; i < rd; i++) {
      let s = 0;
      for (let k = 0; k < zIdx.length; k++) s += P[i * rd + zIdx[k]] * Z[zIdx[k]];
      M[i] = s;
    }
    let F = 0;
    for (let i = 0; i < rd; i++) F += Z[i] * M[i];
    if (F < 1e4) {
      nu++;
      ssq += (v * v) / F;
      sumLog += Math.log(F);
    }
    residuals[t] = v / Math.sqrt(F);
    for (let i = 0; i < rd; i++) a[i] = anew[i] + (M[i] * v) / F;
    for (let i = 0; i < rd; i++) {
      const mi = M[i] / F;
      for (let j = 0; j < rd; j++) P[i * rd + j] -= mi * M[j];
    }
  }
  return { ssq, sumLog, nu, residuals, a, P };
}

/**
 * h-step forecasts from a filtered state: means Z a_{n+k} and variances Z P_{n+k} Zᵀ (in units
 * of σ²), k = 1…h.
 * @example
 * ```ts
 * const { mean, variance } = forecastStateSpace(ss, a, P, 12);
 * ```
 */
export function forecastStateSpace(ss: ArimaStateSpace, a0: Float64Array, P0: Float64Array, h: number): { mean: Float64Array; variance: Float64Array } {
  const { rd, Z } = ss;
  let a = Float64Array.from(a0);
  let anew = new Float64Array(rd);
  const P = Float64Array.from(P0);
  const tmp = new Float64Array(rd * rd);
  const tmp2 = new Float64Array(rd * rd);
  const mean = new Float64Array(h);
  const variance = new Float64Array(h);
  for (let k = 0; k < h; k++) {
    applyT(ss, a, anew);
    [a, anew] = [anew, a];
    propagate(ss, P, tmp, tmp2);
    let m = 0;
    for (let i = 0; i < rd; i++) m += Z[i] * a[i];
    let v = 0;
    for (let i = 0; i < rd; i++) for (let j = 0; j < rd; j++) v += Z[i] * Z[j] * P[i * rd + j];
    mean[k] = m;
    variance[k] = v;
  }
  return { mean, variance };
}
