/**
 * Discrete Fourier transform, X_k = Σ_{t=0}^{N−1} x_t · e^{∓2πi·kt/N} (− forward, + inverse;
 * unnormalised both ways, so ifft(fft(x)) = N·x), in O(N log N) for any N:
 *
 * - N a power of two: iterative radix-2 Cooley–Tukey (bit-reversal, then butterflies);
 * - any other N: Bluestein's chirp-z identity kt = (k² + t² − (k − t)²)/2, which turns the
 *   DFT into a convolution X_k = c_k Σ_t (x_t c_t) conj(c_{k−t}) with c_j = e^{∓πi·j²/N},
 *   computed by power-of-two FFTs of length M ≥ 2N − 1.
 */
import { toSeries } from "./series-input";

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/**
 * In-place radix-2 FFT of a complex signal whose length is a power of two (unnormalised).
 *
 * @param re real parts (overwritten with the transform).
 * @param im imaginary parts (overwritten), same length.
 * @param inverse sign +1 in the exponent instead of −1. Default `false`.
 * @throws Error when the lengths differ or are not a power of two.
 * @example
 * ```ts
 * const re = Float64Array.of(1, 0, 0, 0), im = new Float64Array(4);
 * fftInPlace(re, im); // re = [1, 1, 1, 1]
 * ```
 */
export function fftInPlace(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (im.length !== n) throw new Error(`re and im must have the same length, got ${n} and ${im.length}`);
  if (!isPowerOfTwo(n)) throw new Error(`fftInPlace needs a power-of-two length, got ${n}`);
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  const sign = inverse ? 1 : -1;
  const cos = new Float64Array(n >> 1);
  const sin = new Float64Array(n >> 1);
  for (let k = 0; k < n >> 1; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = sign * Math.sin((2 * Math.PI * k) / n);
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const stride = n / len;
    for (let s = 0; s < n; s += len) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * stride];
        const wi = sin[k * stride];
        const a = s + k;
        const b = a + half;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

/** Options of {@link fft}. */
export interface FftOptions {
  /** Imaginary parts of the input. Default: all zero (a real signal). */
  im?: ArrayLike<number>;
  /** Inverse transform (sign +, still unnormalised: divide by N yourself). Default `false`. */
  inverse?: boolean;
}

/**
 * DFT of a signal of any length (radix-2 or Bluestein; see the module comment). The inputs
 * are not modified.
 *
 * @param re real parts of the signal (finite numbers).
 * @param options see {@link FftOptions}.
 * @returns `{ re, im }` of X_0 … X_{N−1}.
 * @example
 * ```ts
 * const { re, im } = fft([1, 2, 3]);             // X_0 = 6, X_1 = −1.5 + 0.866i, X_2 = −1.5 − 0.866i
 * const back = fft(re, { im, inverse: true });   // 3·[1, 2, 3]
 * ```
 */
export function fft(re: ArrayLike<number>, options: FftOptions = {}): { re: Float64Array; im: Float64Array } {
  const n = re.length;
  const inverse = options.inverse ?? false;
  if (options.im !== undefined && options.im.length !== n) {
    throw new Error(`options.im must have the length of re (${n}), got ${options.im.length}`);
  }
  const xr = n === 0 ? new Float64Array(0) : toSeries(re, "re");
  const xi = options.im === undefined || n === 0 ? new Float64Array(n) : toSeries(options.im, "options.im");
  if (n <= 1) return { re: xr, im: xi };
  if (isPowerOfTwo(n)) {
    fftInPlace(xr, xi, inverse);
    return { re: xr, im: xi };
  }
  return bluestein(xr, xi, inverse);
}

function bluestein(xr: Float64Array, xi: Float64Array, inverse: boolean): { re: Float64Array; im: Float64Array } {
  const n = xr.length;
  let m = 1;
  while (m < 2 * n - 1) m <<= 1;
  const sign = inverse ? 1 : -1;
  // chirp c_j = e^{sign·πi·j²/N}; j² mod 2N keeps the angle small and exact
  const cr = new Float64Array(n);
  const ci = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const angle = (Math.PI * ((j * j) % (2 * n))) / n;
    cr[j] = Math.cos(angle);
    ci[j] = sign * Math.sin(angle);
  }
  const ar = new Float64Array(m);
  const ai = new Float64Array(m);
  for (let t = 0; t < n; t++) {
    ar[t] = xr[t] * cr[t] - xi[t] * ci[t];
    ai[t] = xr[t] * ci[t] + xi[t] * cr[t];
  }
  const br = new Float64Array(m);
  const bi = new Float64Array(m);
  br[0] = cr[0];
  bi[0] = -ci[0];
  for (let j = 1; j < n; j++) {
    br[j] = br[m - j] = cr[j];
    bi[j] = bi[m - j] = -ci[j];
  }
  fftInPlace(ar, ai);
  fftInPlace(br, bi);
  for (let k = 0; k < m; k++) {
    const r = ar[k] * br[k] - ai[k] * bi[k];
    ai[k] = ar[k] * bi[k] + ai[k] * br[k];
    ar[k] = r;
  }
  fftInPlace(ar, ai, true);
  const outR = new Float64Array(n);
  const outI = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const vr = ar[k] / m;
    const vi = ai[k] / m;
    outR[k] = vr * cr[k] - vi * ci[k];
    outI[k] = vr * ci[k] + vi * cr[k];
  }
  return { re: outR, im: outI };
}
