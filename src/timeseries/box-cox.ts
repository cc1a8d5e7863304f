/**
 * Box–Cox power transform and its inverse, with the conventions of R's `forecast::BoxCox`:
 *
 *   w = log(y)                      if λ = 0
 *   w = (sign(y)|y|^λ − 1)/λ        otherwise (y < 0 gives NaN when λ < 0)
 *
 *   y = exp(w)                      if λ = 0
 *   y = sign(λw + 1)|λw + 1|^{1/λ}  otherwise (NaN when λ < 0 and w > −1/λ)
 *
 * and Guerrero's (1993) choice of λ: the λ in [lower, upper] minimising the coefficient of
 * variation of s_i / m_i^{1−λ} over non-overlapping blocks i of one season (m = block mean,
 * s = block standard deviation).
 */
import { brentMinimize } from "./optim-brent";
import { checkInteger, toSeries } from "./series-input";

function checkLambda(lambda: number): void {
  if (typeof lambda !== "number" || !Number.isFinite(lambda)) throw new Error(`lambda must be a finite number, got ${String(lambda)}`);
}

/**
 * Box–Cox transform of a series (λ = 0 is the log).
 * @param y the series; must be positive for λ = 0 (log of a non-positive value throws).
 * @param lambda the power λ.
 * @throws Error naming `y` when λ = 0 and a value is ≤ 0, or naming `lambda` when not finite.
 * @example
 * ```ts
 * boxCox([1, Math.E], 0);   // [0, 1]
 * boxCox([4, 9], 0.5);      // [2, 4]  ((√y − 1)/0.5)
 * ```
 */
export function boxCox(y: ArrayLike<number>, lambda: number): Float64Array {
  checkLambda(lambda);
  const x = toSeries(y, "y");
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (lambda === 0) {
      if (!(v > 0)) throw new Error(`y[${i}] is ${v}: the log transform (lambda 0) needs positive values`);
      out[i] = Math.log(v);
    } else if (lambda < 0 && v < 0) {
      out[i] = NaN;
    } else {
      out[i] = (Math.sign(v) * Math.abs(v) ** lambda - 1) / lambda;
    }
  }
  return out;
}

/**
 * Inverse Box–Cox transform (no bias adjustment: returns the median on the original scale).
 * @example
 * ```ts
 * invBoxCox(boxCox([3, 5], 0.3), 0.3); // [3, 5]
 * ```
 */
export function invBoxCox(w: ArrayLike<number>, lambda: number): Float64Array {
  checkLambda(lambda);
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const v = w[i];
    if (lambda === 0) out[i] = Math.exp(v);
    else if (lambda < 0 && v > -1 / lambda) out[i] = NaN;
    else {
      const t = lambda * v + 1;
      out[i] = Math.sign(t) * Math.abs(t) ** (1 / lambda);
    }
  }
  return out;
}

/** Options of {@link guerreroLambda}. */
export interface GuerreroOptions {
  /** Season length (block size); values below 2 use blocks of 2. Default 1. */
  period?: number;
  /** Lower end of the λ search. Default −1. */
  lower?: number;
  /** Upper end of the λ search. Default 2. */
  upper?: number;
}

const guerreroDefaults = { period: 1, lower: -1, upper: 2 };

/**
 * Guerrero's λ (R's `BoxCox.lambda(y, method = "guerrero")`): the last floor(n/m) full
 * blocks of m = max(2, period) values are used.
 * @throws Error when y has fewer than two blocks or non-positive values.
 * @example
 * ```ts
 * guerreroLambda(airPassengers, { period: 12 }); // ≈ −0.29
 * ```
 */
export function guerreroLambda(y: ArrayLike<number>, options: GuerreroOptions = {}): number {
  const x = toSeries(y, "y");
  const period = Math.round(Math.max(2, checkInteger("period", options.period ?? guerreroDefaults.period, 1)));
  const lower = options.lower ?? guerreroDefaults.lower;
  const upper = options.upper ?? guerreroDefaults.upper;
  const blocks = Math.floor(x.length / period);
  if (blocks < 2) throw new Error(`y has ${x.length} values; Guerrero's method needs at least 2 blocks of period ${period}`);
  for (let i = 0; i < x.length; i++) if (!(x[i] > 0)) throw new Error(`y[${i}] is ${x[i]}: Guerrero's method needs positive values`);
  const start = x.length - blocks * period;
  const means = new Float64Array(blocks);
  const sds = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let s = 0;
    for (let j = 0; j < period; j++) s += x[start + b * period + j];
    const m = s / period;
    let ss = 0;
    for (let j = 0; j < period; j++) ss += (x[start + b * period + j] - m) ** 2;
    means[b] = m;
    sds[b] = Math.sqrt(ss / (period - 1));
  }
  const cv = (lam: number): number => {
    const rat = new Float64Array(blocks);
    for (let b = 0; b < blocks; b++) rat[b] = sds[b] / means[b] ** (1 - lam);
    let m = 0;
    for (const r of rat) m += r;
    m /= blocks;
    let ss = 0;
    for (const r of rat) ss += (r - m) ** 2;
    return Math.sqrt(ss / (blocks - 1)) / m;
  };
  return brentMinimize(cv, lower, upper).x;
}
