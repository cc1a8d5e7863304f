/**
 * Sample autocorrelation (ACF) and partial autocorrelation (PACF) with R's definitions
 * (`stats::acf`, `stats::pacf`):
 *
 * - mean removed, biased autocovariance: c_k = (1/n) Σ_{t=1}^{n−k} (x_t − x̄)(x_{t+k} − x̄);
 * - r_k = c_k / c_0 (so |r_k| ≤ 1 and the sequence is positive semi-definite);
 * - PACF φ_kk by Durbin–Levinson: φ_11 = r_1,
 *   φ_kk = (r_k − Σ_{j<k} φ_{k−1,j} r_{k−j}) / (1 − Σ_{j<k} φ_{k−1,j} r_j),
 *   φ_kj = φ_{k−1,j} − φ_kk φ_{k−1,k−j};
 * - confidence band (half-width) under white noise: z_{(1+ci)/2}/√n; Bartlett's band for
 *   the ACF under an MA(k−1) null (R's `ci.type = "ma"`): z/√n · √(1 + 2 Σ_{j=1}^{k−1} r_j²).
 *
 * Long series with many lags get c_k from an FFT of the zero-padded centred series
 * (Wiener–Khinchin: c_k = IFFT(|FFT(d)|²)_k / n), O(n log n) instead of O(n·maxLag).
 *
 * A constant series has c_0 = 0, so r_k = 0/0 is undefined: by default this throws; with
 * `onConstant: "nan"` every value except r_0 = 1 is NaN (R returns NaN everywhere).
 */
import { normalQuantile } from "./special-functions";
import { fftInPlace } from "./fft";
import { checkInteger, isConstant, toSeries } from "./series-input";

/** Options of {@link acf} and {@link pacf}. */
export interface AcfOptions {
  /** Largest lag, an integer in [1, n − 1]. Default ⌊10·log₁₀ n⌋ capped at n − 1 (as R). */
  maxLag?: number;
  /** Confidence level of the band, in (0, 1). Default `0.95` (z = 1.96). */
  ci?: number;
  /** `"white"`: z/√n at every lag; `"bartlett"`: Bartlett's MA band (ACF only). Default `"white"`. */
  band?: "white" | "bartlett";
  /** A constant series: `"throw"` an Error, or return `"nan"` values. Default `"throw"`. */
  onConstant?: "throw" | "nan";
}

/** ACF or PACF values by lag with their confidence band. */
export interface AcfResult {
  /** The lags: 0…maxLag for the ACF, 1…maxLag for the PACF. */
  lags: Int32Array;
  /** The correlation at each lag of `lags`. */
  values: Float64Array;
  /** Half-width of the band at each lag (NaN at lag 0): |value| > band is "significant". */
  band: Float64Array;
  /** Lags (≥ 1) whose |value| exceeds the band, in increasing order. */
  significant: number[];
  /** Number of observations. */
  n: number;
}

/** Above this many multiply-adds (n·(maxLag + 1)) the autocovariances come from an FFT. */
const DIRECT_LIMIT = 4_000_000;

const defaults = { ci: 0.95, band: "white" as "white" | "bartlett", onConstant: "throw" as "throw" | "nan" };

function defaultMaxLag(n: number): number {
  return Math.max(1, Math.min(n - 1, Math.floor(10 * Math.log10(n))));
}

/** r_0…r_m of a validated series, or null when constant (R's all.equal tolerance). */
function autocorrelations(x: Float64Array, m: number): Float64Array | null {
  if (isConstant(x)) return null;
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = x[i] - mean;
  const c = n * (m + 1) > DIRECT_LIMIT ? autocovarianceFft(d, m) : autocovarianceDirect(d, m);
  const r = new Float64Array(m + 1);
  for (let k = 0; k <= m; k++) r[k] = c[k] / c[0];
  return r;
}

/** c_0…c_m by the direct sums, O(n·m). */
function autocovarianceDirect(d: Float64Array, m: number): Float64Array {
  const n = d.length;
  const c = new Float64Array(m + 1);
  for (let k = 0; k <= m; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += d[t] * d[t + k];
    c[k] = s / n;
  }
  return c;
}

/** c_0…c_m of a centred series via |FFT(d, zero-padded to ≥ 2n)|², inverse-transformed. */
function autocovarianceFft(d: Float64Array, m: number): Float64Array {
  const n = d.length;
  let size = 1;
  while (size < 2 * n) size *= 2;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  re.set(d);
  fftInPlace(re, im, false);
  for (let i = 0; i < size; i++) {
    re[i] = re[i] * re[i] + im[i] * im[i];
    im[i] = 0;
  }
  fftInPlace(re, im, true);
  const c = new Float64Array(m + 1);
  for (let k = 0; k <= m; k++) c[k] = re[k] / size / n;
  return c;
}

function prepare(x: ArrayLike<number>, options: AcfOptions): { y: Float64Array; m: number; z: number } {
  const y = toSeries(x, "x", 2);
  const m = options.maxLag === undefined ? defaultMaxLag(y.length) : checkInteger("maxLag", options.maxLag, 1, y.length - 1);
  const ci = options.ci ?? defaults.ci;
  if (!(ci > 0 && ci < 1)) throw new Error(`ci must be in (0, 1), got ${ci}`);
  const band = options.band ?? defaults.band;
  if (band !== "white" && band !== "bartlett") throw new Error(`band must be "white" or "bartlett", got ${String(band)}`);
  return { y, m, z: normalQuantile((1 + ci) / 2) };
}

function constantSeries(options: AcfOptions, lags: Int32Array, n: number): AcfResult {
  if ((options.onConstant ?? defaults.onConstant) === "throw") {
    throw new Error("x is constant (zero variance): its autocorrelation is undefined (pass onConstant: \"nan\" to get NaN values)");
  }
  const values = new Float64Array(lags.length).fill(NaN);
  if (lags[0] === 0) values[0] = 1;
  return { lags, values, band: new Float64Array(lags.length).fill(NaN), significant: [], n };
}

function significantLags(lags: Int32Array, values: Float64Array, band: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < lags.length; i++) if (lags[i] > 0 && Math.abs(values[i]) > band[i]) out.push(lags[i]);
  return out;
}

/**
 * Sample autocorrelation function r_0 … r_maxLag (see the module comment for the formulas).
 *
 * @param x the series (finite numbers, at least 2).
 * @param options see {@link AcfOptions}.
 * @returns lags 0…maxLag, values (values[0] = 1), band and significant lags.
 * @throws Error naming the index of a NaN/Infinity, a bad maxLag/ci/band, or a constant series.
 * @example
 * ```ts
 * const { values, band, significant } = acf(daily, { maxLag: 28 });
 * acf(daily, { band: "bartlett" }); // widening band for an MA(k−1) null
 * ```
 */
export function acf(x: ArrayLike<number>, options: AcfOptions = {}): AcfResult {
  const { y, m, z } = prepare(x, options);
  const n = y.length;
  const lags = Int32Array.from({ length: m + 1 }, (_, k) => k);
  const r = autocorrelations(y, m);
  if (r === null) return constantSeries(options, lags, n);
  const band = new Float64Array(m + 1);
  band[0] = NaN;
  const bartlett = (options.band ?? defaults.band) === "bartlett";
  let cum = 1;
  for (let k = 1; k <= m; k++) {
    band[k] = (z / Math.sqrt(n)) * (bartlett ? Math.sqrt(cum) : 1);
    cum += 2 * r[k] * r[k];
  }
  return { lags, values: r, band, significant: significantLags(lags, r, band), n };
}

/**
 * Partial autocorrelation function φ_11 … φ_mm by the Durbin–Levinson recursion on the
 * sample ACF (see the module comment); the band is always the white-noise one, z/√n.
 *
 * @param x the series (finite numbers, at least 2).
 * @param options see {@link AcfOptions} (`band` is ignored).
 * @returns lags 1…maxLag, values, band and significant lags.
 * @throws Error as {@link acf}.
 * @example
 * ```ts
 * pacf(ar1Series, { maxLag: 10 }).significant; // [1] for an AR(1)
 * ```
 */
export function pacf(x: ArrayLike<number>, options: AcfOptions = {}): AcfResult {
  const { y, m, z } = prepare(x, options);
  const n = y.length;
  const lags = Int32Array.from({ length: m }, (_, k) => k + 1);
  const r = autocorrelations(y, m);
  if (r === null) return constantSeries(options, lags, n);
  const values = durbinLevinson(r, m);
  const band = new Float64Array(m).fill(z / Math.sqrt(n));
  return { lags, values, band, significant: significantLags(lags, values, band), n };
}

/** φ_kk for k = 1…m from autocorrelations r_0…r_m. */
function durbinLevinson(r: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m);
  let phi = new Float64Array(m + 1);
  let next = new Float64Array(m + 1);
  for (let k = 1; k <= m; k++) {
    let num = r[k];
    let den = 1;
    for (let j = 1; j < k; j++) {
      num -= phi[j] * r[k - j];
      den -= phi[j] * r[j];
    }
    const pkk = num / den;
    for (let j = 1; j < k; j++) next[j] = phi[j] - pkk * phi[k - j];
    next[k] = pkk;
    out[k - 1] = pkk;
    [phi, next] = [next, phi];
  }
  return out;
}
