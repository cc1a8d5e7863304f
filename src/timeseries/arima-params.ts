/**
 * Parameter algebra of seasonal ARIMA models (Box & Jenkins): the layout of the coefficient
 * vector, the expansion of seasonal polynomials, the stationarity-enforcing
 * reparameterisation of the AR parts (Jones 1980; Monahan 1984) and the inversion of
 * non-invertible MA roots.
 *
 * Coefficient layout (R's order): ar1…ar_p, ma1…ma_q, sar1…sar_P, sma1…sma_Q, then the
 * regression coefficients (intercept, drift).
 *
 * Expansion with period s:  φ(B)Φ(B^s) = 1 − Σ phi_k B^k  and  θ(B)Θ(B^s) = 1 + Σ theta_k B^k,
 * i.e. phi_k = φ_k + Φ_j [k = js] − φ_iΦ_j [k = i + js], theta_k = θ_k + Θ_j + θ_iΘ_j.
 *
 * AR transform: u ↦ r = tanh(u) (partial autocorrelations in (−1, 1)), then the
 * Durbin–Levinson recursion φ^{(j)}_k = φ^{(j−1)}_k − r_j φ^{(j−1)}_{j−k} gives a stationary
 * AR polynomial for any real u; the inverse runs the recursion backwards
 * (φ^{(j−1)}_k = (φ^{(j)}_k + r_j φ^{(j)}_{j−k})/(1 − r_j²)) and takes atanh.
 */
import { modulus, polyRoots, type Complex } from "./polyroot";

/** Orders of a seasonal ARIMA(p,d,q)(P,D,Q)[s] model. */
export interface ArmaOrders {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  /** Season length (1 when there is no seasonal part). */
  s: number;
}

/**
 * Number of ARMA coefficients p + q + P + Q.
 * @example
 * ```ts
 * armaCount({ p: 2, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12 }); // 4
 * ```
 */
export function armaCount(o: ArmaOrders): number {
  return o.p + o.q + o.P + o.Q;
}

/**
 * Maps unconstrained values to a stationary AR coefficient vector (in place on a copy).
 * @example
 * ```ts
 * arTransform([0.5]); // [tanh(0.5)] = [0.4621]
 * ```
 */
export function arTransform(u: ArrayLike<number>): Float64Array {
  const p = u.length;
  const phi = new Float64Array(p);
  const work = new Float64Array(p);
  for (let j = 0; j < p; j++) phi[j] = Math.tanh(u[j]);
  for (let j = 1; j < p; j++) {
    const a = phi[j];
    for (let k = 0; k < j; k++) work[k] = phi[k] - a * phi[j - k - 1];
    for (let k = 0; k < j; k++) phi[k] = work[k];
  }
  return phi;
}

/**
 * Inverse of {@link arTransform} for a stationary AR vector (NaN when not stationary).
 * @example
 * ```ts
 * arInverseTransform(arTransform([0.3, -1.2])); // [0.3, −1.2]
 * ```
 */
export function arInverseTransform(phi: ArrayLike<number>): Float64Array {
  const p = phi.length;
  const cur = Float64Array.from(phi);
  const work = new Float64Array(p);
  for (let j = p - 1; j > 0; j--) {
    const a = cur[j];
    for (let k = 0; k < j; k++) work[k] = (cur[k] + a * cur[j - k - 1]) / (1 - a * a);
    for (let k = 0; k < j; k++) cur[k] = work[k];
  }
  return cur.map((v) => Math.atanh(v));
}

/** A copy of `par` with its AR block (first `p`) and seasonal AR block (after `p + q`, `P` long) mapped by `f`. */
function mapArBlocks(par: ArrayLike<number>, o: ArmaOrders, f: (block: ArrayLike<number>) => Float64Array): Float64Array {
  const out = Float64Array.from(par);
  if (o.p > 0) out.set(f(Array.from(par).slice(0, o.p)), 0);
  const sp = o.p + o.q;
  if (o.P > 0) out.set(f(Array.from(par).slice(sp, sp + o.P)), sp);
  return out;
}

/**
 * Full coefficient vector with the AR blocks mapped by {@link arTransform} (when
 * `transform`) — R's `ARIMA_transPars` then `ARIMA_undoPars`.
 * @example
 * ```ts
 * undoTransform([0.5, -0.2], { p: 1, d: 0, q: 1, P: 0, D: 0, Q: 0, s: 1 }); // [tanh(0.5), −0.2]
 * ```
 */
export function undoTransform(par: ArrayLike<number>, o: ArmaOrders): Float64Array {
  return mapArBlocks(par, o, arTransform);
}

/**
 * Inverse of {@link undoTransform} (AR blocks through {@link arInverseTransform}).
 * @example
 * ```ts
 * applyInverseTransform([0.4621, -0.2], { p: 1, d: 0, q: 1, P: 0, D: 0, Q: 0, s: 1 }); // ≈ [0.5, −0.2]
 * ```
 */
export function applyInverseTransform(par: ArrayLike<number>, o: ArmaOrders): Float64Array {
  return mapArBlocks(par, o, arInverseTransform);
}

/**
 * Jacobian A[i][j] = ∂(undoTransform(u))_j/∂u_i of the AR transform by forward differences
 * (step 1e-3, as R), identity elsewhere; size n × n for n = par.length.
 * @example
 * ```ts
 * transformJacobian([0], { p: 1, d: 0, q: 0, P: 0, D: 0, Q: 0, s: 1 }); // ≈ [1] (d tanh/du at 0)
 * ```
 */
export function transformJacobian(par: ArrayLike<number>, o: ArmaOrders): Float64Array {
  const n = par.length;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) A[i * n + i] = 1;
  const eps = 1e-3;
  const block = (start: number, len: number): void => {
    if (len === 0) return;
    const raw = Array.from(par).slice(start, start + len);
    const w1 = arTransform(raw);
    for (let i = 0; i < len; i++) {
      const bumped = raw.slice();
      bumped[i] += eps;
      const w2 = arTransform(bumped);
      for (let j = 0; j < len; j++) A[(start + i) * n + start + j] = (w2[j] - w1[j]) / eps;
    }
  };
  block(0, o.p);
  block(o.p + o.q, o.P);
  return A;
}

/**
 * Expands the (already constrained) coefficient vector into the full AR and MA polynomials
 * phi (length p + sP) and theta (length q + sQ).
 * @example
 * ```ts
 * expandArma([0.5, 0.3], { p: 1, d: 0, q: 0, P: 1, D: 0, Q: 0, s: 4 }).phi; // [0.5, 0, 0, 0.3, −0.15]
 * ```
 */
export function expandArma(par: ArrayLike<number>, o: ArmaOrders): { phi: Float64Array; theta: Float64Array } {
  const { p, q, P, Q, s } = o;
  const phi = new Float64Array(p + s * P);
  const theta = new Float64Array(q + s * Q);
  for (let i = 0; i < p; i++) phi[i] = par[i];
  for (let i = 0; i < q; i++) theta[i] = par[p + i];
  for (let j = 0; j < P; j++) {
    const sar = par[p + q + j];
    phi[(j + 1) * s - 1] += sar;
    for (let i = 0; i < p; i++) phi[(j + 1) * s + i] -= par[i] * sar;
  }
  for (let j = 0; j < Q; j++) {
    const sma = par[p + q + P + j];
    theta[(j + 1) * s - 1] += sma;
    for (let i = 0; i < q; i++) theta[(j + 1) * s + i] += par[p + i] * sma;
  }
  return { phi, theta };
}

/**
 * True when all roots of 1 − a₁z − … − a_k z^k lie outside the circle |z| = radius, tested by
 * the backward Durbin–Levinson (Schur–Cohn) recursion on the coefficients a_i·radius^i: the
 * polynomial is stable iff every partial autocorrelation has modulus below 1.
 * For an MA polynomial 1 + θ₁z + … pass −θ.
 * @example
 * ```ts
 * isStationary([0.5]);        // true  (root 2)
 * isStationary([0.5], 2.5);   // false (root 2 < 2.5)
 * ```
 */
export function isStationary(a: ArrayLike<number>, radius = 1): boolean {
  let k = a.length;
  while (k > 0 && Math.abs(a[k - 1]) === 0) k--;
  if (k === 0) return true;
  let cur = new Float64Array(k);
  for (let i = 0; i < k; i++) cur[i] = a[i] * radius ** (i + 1);
  for (let j = k - 1; j >= 0; j--) {
    const r = cur[j];
    if (!(Math.abs(r) < 1)) return false;
    const next = new Float64Array(j);
    for (let i = 0; i < j; i++) next[i] = (cur[i] + r * cur[j - i - 1]) / (1 - r * r);
    cur = next;
  }
  return true;
}

/**
 * Makes an MA polynomial 1 + θ₁z + … + θ_q z^q invertible by replacing each root inside the
 * unit circle by its reciprocal (this leaves the autocorrelations, hence the Gaussian
 * likelihood with σ² re-estimated, unchanged). Returns θ unchanged when already invertible.
 * @example
 * ```ts
 * maInvert([2]); // [0.5]
 * ```
 */
export function maInvert(ma: ArrayLike<number>): Float64Array {
  const q = ma.length;
  let q0 = q;
  while (q0 > 0 && ma[q0 - 1] === 0) q0--;
  if (q0 === 0) return Float64Array.from(ma);
  const roots = polyRoots([1, ...Array.from(ma).slice(0, q0)]);
  if (!roots.some((z) => modulus(z) < 1)) return Float64Array.from(ma);
  const out = new Float64Array(q);
  if (q0 === 1) {
    out[0] = 1 / ma[0];
    return out;
  }
  const flipped: Complex[] = roots.map((z) => {
    if (modulus(z) >= 1) return z;
    const m2 = z[0] * z[0] + z[1] * z[1];
    return [z[0] / m2, -z[1] / m2];
  });
  // x(z) = Π (1 − z/r): multiply out with complex arithmetic
  let re = [1];
  let im = [0];
  for (const [rr, ri] of flipped) {
    const m2 = rr * rr + ri * ri;
    const ir = rr / m2; // 1/r
    const ii = -ri / m2;
    const nre = new Array(re.length + 1).fill(0);
    const nim = new Array(re.length + 1).fill(0);
    for (let k = 0; k < re.length; k++) {
      nre[k] += re[k];
      nim[k] += im[k];
      nre[k + 1] -= re[k] * ir - im[k] * ii;
      nim[k + 1] -= re[k] * ii + im[k] * ir;
    }
    re = nre;
    im = nim;
  }
  for (let i = 0; i < q0; i++) out[i] = re[i + 1];
  return out;
}
