/**
 * Student's t distribution through the regularised incomplete beta function:
 *
 * - I_x(a, b) = B(x; a, b)/B(a, b), by the continued fraction of Press et al. (ch. 6.4,
 *   modified Lentz), using I_x(a, b) = 1 − I_{1−x}(b, a) where it converges faster
 *   (x > (a + 1)/(a + b + 2));
 * - CDF: for t ≥ 0, F(t; ν) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½), and F(−t) = 1 − F(t);
 * - quantile F⁻¹(p; ν): Newton steps on the tail P(T > t) = min(p, 1 − p) from the normal
 *   quantile, each kept inside a shrinking bracket (bisection when a step leaves it), to a
 *   relative tail error below 1e-15; ν = ∞ is the normal.
 */
import { logGamma, normalCdf, normalQuantile } from "./special-functions";

const EPS = 1e-15;
const TINY = 1e-300;

/** Continued fraction for I_x(a, b) (converges fast for x < (a + 1)/(a + b + 2)). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/**
 * Regularised incomplete beta function I_x(a, b) for x in [0, 1], a, b > 0.
 *
 * @throws Error when x is outside [0, 1] or a, b are not positive.
 * @example
 * ```ts
 * incompleteBeta(0.5, 2, 2); // 0.5 (symmetric)
 * incompleteBeta(0.3, 1, 1); // 0.3 (uniform)
 * ```
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) throw new Error(`incompleteBeta needs x in [0, 1], got ${x}`);
  if (!(a > 0 && b > 0)) throw new Error(`incompleteBeta needs a, b > 0, got a = ${a}, b = ${b}`);
  if (x === 0 || x === 1) return x;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function checkDf(df: number): void {
  if (!(df > 0)) throw new Error(`df (degrees of freedom) must be > 0, got ${df}`);
}

/**
 * CDF of Student's t with `df` degrees of freedom (df = Infinity gives the standard normal).
 *
 * @example
 * ```ts
 * studentTCdf(2.228, 10);  // ≈ 0.975
 * studentTCdf(0, 3);       // 0.5
 * ```
 */
export function studentTCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) throw new Error("studentTCdf needs a number t, got NaN");
  if (df === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Density of Student's t. */
function studentTDensity(t: number, df: number): number {
  const ln = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df);
  return Math.exp(ln);
}

/**
 * Quantile (inverse CDF) of Student's t: the t with P(T ≤ t) = p.
 *
 * @param p probability in (0, 1).
 * @param df degrees of freedom > 0 (Infinity for the normal).
 * @throws Error when p is outside (0, 1) or df ≤ 0.
 * @example
 * ```ts
 * studentTQuantile(0.975, 10);  // 2.2281389
 * studentTQuantile(0.995, 1);   // 63.656741
 * ```
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`p must be in (0, 1), got ${p}`);
  checkDf(df);
  if (df === Infinity) return normalQuantile(p);
  if (p === 0.5) return 0;
  // solve S(t) = P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½) = min(p, 1 − p) on t ≥ 0 (accurate in the far tail), then mirror
  const upper = p > 0.5;
  const tail = upper ? 1 - p : p;
  const survival = (t: number): number => 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  let lo = 0;
  let hi = Math.max(1, 2 * normalQuantile(1 - tail));
  while (survival(hi) > tail && hi < 1e300) {
    lo = hi;
    hi *= 2;
  }
  let t = Math.min(Math.max(normalQuantile(1 - tail), lo), hi);
  for (let it = 0; it < 200; it++) {
    const g = survival(t) - tail;
    if (Math.abs(g) <= 1e-15 * tail) break;
    if (g > 0) lo = t;
    else hi = t;
    let next = t + g / studentTDensity(t, df);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t))) {
      t = next;
      break;
    }
    t = next;
  }
  return upper ? t : -t;
}
