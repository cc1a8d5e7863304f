/**
 * Exact Gaussian likelihood of a stationary ARMA process by the Kalman filter
 * (Gardner, Harvey & Phillips 1980; Durbin & Koopman 2012, ch. 3 and 5).
 *
 * State space (Harvey's form), r = max(p, q + 1), σ² = 1:
 *
 *   y_t = α_t[0],   α_{t+1} = T α_t + R ε_{t+1},
 *   T = [φ | I_{r−1}; 0],  R = (1, θ₁, …, θ_{r−1})ᵀ
 *
 * with α_t[j] = Σ_{k>j} φ_k y_{t+j−k} + Σ_{k≥j} θ_k ε_{t+j−k}. The filter starts from the
 * stationary prior α₁ ~ N(0, Q₀), Q₀ = T Q₀ Tᵀ + R Rᵀ (the discrete Lyapunov equation),
 * solved exactly here: the first row of Q₀ holds Cov(y_t, α_t[j]) = Σ_{k>j} φ_k γ_{k−j} +
 * Σ_{k≥j} θ_k ψ_{k−j} from the ARMA autocovariances γ and ψ-weights, and the other entries
 * follow backwards from Q[i][j] = Q[i+1][j+1] + φ_iQ[0][j+1] + φ_jQ[i+1][0] +
 * φ_iφ_jQ[0][0] + R_iR_j.
 *
 * Because y_t is observed without noise, the filtered covariance has a zero first row, so one
 * step costs O(r²): with innovation v_t = y_t − a_t[0], F_t = P_t[0][0] and m = P_t[·][0],
 *
 *   a_{t+1}[i] = φ_i y_t + a_t[i+1] + m_{i+1} v_t/F_t,
 *   P_{t+1}[i][j] = P_t[i+1][j+1] − m_{i+1}m_{j+1}/F_t + R_iR_j.
 *
 * The concentrated −log-likelihood (σ² profiled out) that R's `arima` minimises is
 * ½[log(S/ν) + Σ log F_t/ν] with S = Σ v_t²/F_t over the ν innovations with F_t < 10⁴.
 */
import { solveLinear } from "./small-linalg";

/**
 * ARMA autocovariances γ₀…γ_maxLag and ψ-weights ψ₀…ψ_maxLag for unit innovation variance,
 * from the linear system γ_k − Σφ_iγ_{|k−i|} = Σ_{j≥k} θ_jψ_{j−k} (k = 0…p).
 * Returns null when the AR part is not stationary (singular or negative γ₀).
 * @example
 * ```ts
 * armaAutocovariance(new Float64Array([0.5]), new Float64Array(0), 2)?.gamma; // [4/3, 2/3, 1/3]
 * ```
 */
export function armaAutocovariance(phi: Float64Array, theta: Float64Array, maxLag: number): { gamma: Float64Array; psi: Float64Array } | null {
  const p = phi.length;
  const q = theta.length;
  const L = Math.max(maxLag, p, q);
  const th = (j: number): number => (j === 0 ? 1 : j <= q ? theta[j - 1] : 0);
  const psi = new Float64Array(L + 1);
  for (let j = 0; j <= L; j++) {
    let s = th(j);
    for (let i = 1; i <= Math.min(j, p); i++) s += phi[i - 1] * psi[j - i];
    psi[j] = s;
  }
  const c = new Float64Array(L + 1);
  for (let k = 0; k <= q; k++) {
    let s = 0;
    for (let j = k; j <= q; j++) s += th(j) * psi[j - k];
    c[k] = s;
  }
  const gamma = new Float64Array(L + 1);
  const A = new Float64Array((p + 1) * (p + 1));
  for (let k = 0; k <= p; k++) {
    A[k * (p + 1) + k] += 1;
    for (let i = 1; i <= p; i++) A[k * (p + 1) + Math.abs(k - i)] -= phi[i - 1];
  }
  const sol = solveLinear(A, c.subarray(0, p + 1), p + 1, 1);
  if (!sol || !(sol[0] > 0) || !Number.isFinite(sol[0])) return null;
  gamma.set(sol, 0);
  for (let k = p + 1; k <= L; k++) {
    let s = c[k];
    for (let i = 1; i <= p; i++) s += phi[i - 1] * gamma[k - i];
    gamma[k] = s;
  }
  return { gamma, psi };
}

/**
 * Stationary covariance Q₀ (r × r, row-major) of the ARMA state vector, σ² = 1.
 * Returns null when the AR part is not stationary.
 * @example
 * ```ts
 * stationaryCovariance(new Float64Array([0.5]), new Float64Array(0)); // [1/(1 − 0.25)]
 * ```
 */
export function stationaryCovariance(phi: Float64Array, theta: Float64Array): Float64Array | null {
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const ac = armaAutocovariance(phi, theta, r);
  if (!ac) return null;
  const { gamma, psi } = ac;
  const f = (i: number): number => (i < p ? phi[i] : 0); // T[i][0]
  const R = (i: number): number => (i === 0 ? 1 : i <= q ? theta[i - 1] : 0);
  const Q = new Float64Array(r * r);
  Q[0] = gamma[0];
  for (let j = 1; j < r; j++) {
    let s = 0;
    for (let k = j + 1; k <= r; k++) s += (k <= p ? phi[k - 1] : 0) * gamma[k - j];
    for (let k = j; k < r; k++) s += R(k) * psi[k - j];
    Q[j] = s;
    Q[j * r] = s;
  }
  const at = (i: number, j: number): number => (i >= r || j >= r ? 0 : Q[i * r + j]);
  for (let i = r - 1; i >= 1; i--) {
    for (let j = i; j < r; j++) {
      const v = at(i + 1, j + 1) + f(i) * at(0, j + 1) + f(j) * at(i + 1, 0) + f(i) * f(j) * Q[0] + R(i) * R(j);
      Q[i * r + j] = v;
      Q[j * r + i] = v;
    }
  }
  return Q;
}

/** Sufficient statistics of the Kalman likelihood. */
export interface ArmaLikelihood {
  /** S = Σ v_t²/F_t. */
  ssq: number;
  /** Σ log F_t. */
  sumLog: number;
  /** Number of innovations counted (F_t < 1e4). */
  nu: number;
}

/**
 * Runs the ARMA Kalman filter over a stationary, mean-zero series `w` (already differenced
 * and regression-adjusted). Optionally writes standardised innovations v_t/√F_t into
 * `residuals`. Returns NaN statistics when the AR part is not stationary.
 * @example
 * ```ts
 * const { ssq, sumLog, nu } = armaLikelihood(w, new Float64Array([0.6]), new Float64Array(0));
 * const negLogLik = 0.5 * (Math.log(ssq / nu) + sumLog / nu); // what arima minimises
 * ```
 */
export function armaLikelihood(w: Float64Array, phi: Float64Array, theta: Float64Array, residuals?: Float64Array): ArmaLikelihood {
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const P = stationaryCovariance(phi, theta);
  if (!P) return { ssq: NaN, sumLog: NaN, nu: 0 };
  const f = new Float64Array(r);
  f.set(phi);
  const R = new Float64Array(r);
  R[0] = 1;
  R.set(theta, 1);
  const a = new Float64Array(r);
  const m = new Float64Array(r + 1);
  let ssq = 0;
  let sumLog = 0;
  let nu = 0;
  const n = w.length;
  for (let t = 0; t < n; t++) {
    const F = P[0];
    const v = w[t] - a[0];
    if (F < 1e4) {
      nu++;
      ssq += (v * v) / F;
      sumLog += Math.log(F);
    }
    if (residuals) residuals[t] = v / Math.sqrt(F);
    for (let i = 0; i < r; i++) m[i] = P[i]; // first row = first column (upper triangle kept)
    const vF = v / F;
    const y0 = w[t];
    for (let i = 0; i < r - 1; i++) a[i] = f[i] * y0 + a[i + 1] + m[i + 1] * vF;
    a[r - 1] = f[r - 1] * y0;
    for (let i = 0; i < r - 1; i++) {
      const mi = m[i + 1] / F;
      const Ri = R[i];
      const row = i * r;
      const next = (i + 1) * r + 1;
      for (let j = i; j < r - 1; j++) P[row + j] = P[next + j] - mi * m[j + 1] + Ri * R[j];
      P[row + r - 1] = Ri * R[r - 1];
    }
    P[r * r - 1] = R[r - 1] * R[r - 1];
  }
  return { ssq, sumLog, nu };
}
