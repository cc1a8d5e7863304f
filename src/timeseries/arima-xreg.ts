/**
 * The regression part of an ARIMA model with a mean or a drift (R's `arima` with `xreg`):
 * y_t = β₀ + β₁ t + u_t with u an ARIMA process. Builds the columns (intercept = 1,
 * drift = t = 1…n), rotates several columns onto their principal axes (X V with V the
 * eigenvectors of XᵀX, i.e. the right singular vectors of X, as R does to decorrelate the
 * parameters), and gets starting values and scales by least squares of the differenced
 * series on the differenced columns.
 */
import { diffOnce } from "./difference";
import { leastSquares, symmetricEigen } from "./small-linalg";

/** Regression design of an ARIMA fit. */
export interface ArimaXreg {
  /** Column names ("intercept", "drift"). */
  names: string[];
  /** Columns as used in the optimisation (rotated when more than one). */
  columns: Float64Array[];
  /** Rotation V (k × k row-major) with β_original = V β_rotated; null when not rotated. */
  rotation: Float64Array | null;
  /** Starting values of the (rotated) coefficients. */
  init: Float64Array;
  /** Parameter scales 10 × standard error of the starting values. */
  parscale: Float64Array;
}

/**
 * Builds the regression design for a series of length n.
 * @param x the (Box–Cox transformed) series.
 * @param intercept include an intercept column; drift include t = 1…n.
 * @param rotate rotate several columns onto principal axes (off when some coefficients are fixed).
 * @example
 * ```ts
 * buildXreg(x, 0, 0, 1, true, true).names; // ["intercept", "drift"]
 * ```
 */
export function buildXreg(x: Float64Array, d: number, D: number, s: number, intercept: boolean, drift: boolean, rotate = true): ArimaXreg {
  const n = x.length;
  const names: string[] = [];
  let columns: Float64Array[] = [];
  if (intercept) {
    names.push("intercept");
    columns.push(new Float64Array(n).fill(1));
  }
  if (drift) {
    names.push("drift");
    columns.push(Float64Array.from({ length: n }, (_, i) => i + 1));
  }
  const k = columns.length;
  let rotation: Float64Array | null = null;
  if (k > 1 && rotate) {
    const xtx = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) xtx[i * k + j] = dot(columns[i], columns[j]);
    rotation = symmetricEigen(xtx, k).vectors;
    const rot = rotation;
    columns = columns.map((_, j) => {
      const c = new Float64Array(n);
      for (let i = 0; i < k; i++) {
        const v = rot[i * k + j];
        for (let t = 0; t < n; t++) c[t] += columns[i][t] * v;
      }
      return c;
    });
  }
  const init = new Float64Array(k);
  const parscale = new Float64Array(k).fill(1);
  if (k > 0) {
    const dif = (v: Float64Array): Float64Array => {
      let w = v;
      for (let i = 0; i < d; i++) w = diffOnce(w, 1);
      for (let i = 0; i < D; i++) w = diffOnce(w, s);
      return w;
    };
    const dx = dif(x);
    let fit = dx.length > k ? leastSquares(columns.map(dif), dx) : null;
    if (!fit || fit.rank === 0) fit = leastSquares(columns, x);
    if (fit.rank < k) throw new Error(`the regression columns (${names.join(", ")}) are collinear after differencing; drop the drift or the mean`);
    init.set(fit.coef);
    for (let j = 0; j < k; j++) {
      const sc = 10 * fit.se[j];
      parscale[j] = Number.isFinite(sc) && sc > 0 ? sc : 1;
    }
  }
  return { names, columns, rotation, init, parscale };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * x − Σ β_j X_j into `out`.
 * @example
 * ```ts
 * subtractRegression(x, [ones], [mean], new Float64Array(x.length)); // x − mean
 * ```
 */
export function subtractRegression(x: Float64Array, columns: Float64Array[], beta: ArrayLike<number>, out: Float64Array): Float64Array {
  out.set(x);
  for (let j = 0; j < columns.length; j++) {
    const b = beta[j];
    if (b === 0) continue;
    const c = columns[j];
    for (let t = 0; t < out.length; t++) out[t] -= b * c[t];
  }
  return out;
}
