/**
 * Raw (Schuster) periodogram and its dominant periods.
 *
 * After detrending (d_t, t = 0…n−1) and zero-padding to L = oversample·n values:
 *
 *   I(f_k) = (1/n) · |Σ_t d_t e^{−2πi f_k t}|²,   f_k = k/L, k = 1 … ⌊L/2⌋ (cycles per sample),
 *
 * computed by {@link fft}. With oversample = 1 and mean removal, Parseval gives
 * Σ_{k=1}^{n−1} I(f_k) = Σ_t d_t². A period is 1/f in samples (× the bucket length for time).
 *
 * Peaks: the local maxima of I on the grid within [minPeriod, maxPeriod]; each one's frequency
 * is refined to the maximum of the continuous periodogram I(f) within one grid step around it
 * (golden-section search on the direct sum), so a period is not limited to the grid L/k (the
 * least-squares frequency of a sinusoid). They are ranked by refined power. A peak within 2/n
 * of a stronger one is the same peak (a side lobe, visible when oversampling) and is dropped.
 * A peak at f with |f − h·F| ≤ harmonicTolerance/n for an integer h ≥ 2 and a stronger peak F
 * is a harmonic of F (a non-sinusoidal cycle of period 1/F puts power at its multiples h·F):
 * it is flagged with `harmonicOf = 1/F`, or removed with `harmonics: "drop"`.
 */
import { detrend, type DetrendMethod } from "./detrend";
import { fft } from "./fft";
import { checkInteger, toSeries } from "./series-input";

/** Options of {@link periodogram}. */
export interface PeriodogramOptions {
  /** Detrending before the transform. Default `"linear"`. */
  detrend?: DetrendMethod;
  /**
   * Zero-pad to `oversample`·n values for a finer frequency grid (k/L), an integer in [1, 64]. A finer grid
   * keeps a peak that falls between two Fourier frequencies from being missed. `1` gives the
   * Fourier frequencies k/n. Default `4`.
   */
  oversample?: number;
  /** Shortest period (samples) a peak may have. Default `2`. */
  minPeriod?: number;
  /** Longest period (samples) a peak may have. Default n/2 (at least two cycles observed). */
  maxPeriod?: number;
  /** Number of peaks returned. Default `10`. */
  maxPeaks?: number;
  /** `"flag"` harmonics of a stronger peak (`harmonicOf`), or `"drop"` them. Default `"flag"`. */
  harmonics?: "flag" | "drop";
  /** A peak at f is a harmonic of F when |f − h·F| ≤ harmonicTolerance/n for an integer h ≥ 2. Default `1` (one Fourier bin). */
  harmonicTolerance?: number;
}

/** One spectral peak. */
export interface PeriodogramPeak {
  /** 1 for the most powerful peak. */
  rank: number;
  /** Period in samples (1/frequency). */
  period: number;
  /** Cycles per sample. */
  frequency: number;
  power: number;
  /**
   * 2·I(f)/Σ d_t², in [0, 1]: the share of the detrended sum of squares carried by a sinusoid
   * at f (exact at the Fourier frequencies by Parseval, approximate between them; clamped to 1).
   */
  share: number;
  /** Period of the stronger peak this one is a harmonic of, or `null` for a fundamental. */
  harmonicOf: number | null;
}

/** Result of {@link periodogram}. */
export interface PeriodogramResult {
  /** f_k = k/L, k = 1…⌊L/2⌋, cycles per sample. */
  frequency: Float64Array;
  /** 1/f_k in samples. */
  period: Float64Array;
  /** I(f_k). */
  power: Float64Array;
  /** Ranked peaks (see the module comment). */
  peaks: PeriodogramPeak[];
  /** Length of the input series. */
  n: number;
}

const defaults = {
  detrend: "linear" as DetrendMethod,
  oversample: 4,
  minPeriod: 2,
  maxPeaks: 10,
  harmonics: "flag" as "flag" | "drop",
  harmonicTolerance: 1,
};

/**
 * Periodogram of a regular series and its ranked peaks (see the module comment).
 *
 * @param x the series (finite numbers, at least 4).
 * @param options see {@link PeriodogramOptions}.
 * @returns frequencies, periods, power and peaks.
 * @throws Error naming the index of a non-finite value, or an option out of range (maxPeriod
 *   must lie in [minPeriod, n]: a period longer than the series cannot be estimated).
 * @example
 * ```ts
 * const { peaks } = periodogram(seriesValues(hourly).values, { maxPeriod: 24 * 14 });
 * peaks.filter((p) => p.harmonicOf === null).map((p) => p.period); // e.g. [24, 169.8, ...]
 * ```
 */
export function periodogram(x: ArrayLike<number>, options: PeriodogramOptions = {}): PeriodogramResult {
  const y = toSeries(x, "x", 4);
  const n = y.length;
  const oversample = checkInteger("oversample", options.oversample ?? defaults.oversample, 1, 64);
  const minPeriod = options.minPeriod ?? defaults.minPeriod;
  const maxPeriod = options.maxPeriod ?? n / 2;
  if (!(minPeriod >= 2)) throw new Error(`minPeriod must be >= 2 samples (the Nyquist limit), got ${minPeriod}`);
  if (!(maxPeriod >= minPeriod && maxPeriod <= n)) {
    throw new Error(`maxPeriod must be in [minPeriod, n] = [${minPeriod}, ${n}] samples (a period longer than the series cannot be estimated), got ${maxPeriod}`);
  }
  const maxPeaks = checkInteger("maxPeaks", options.maxPeaks ?? defaults.maxPeaks, 1);
  const harmonics = options.harmonics ?? defaults.harmonics;
  if (harmonics !== "flag" && harmonics !== "drop") throw new Error(`harmonics must be "flag" or "drop", got ${String(harmonics)}`);
  const d = detrend(y, options.detrend ?? defaults.detrend);
  const size = oversample * n;
  const padded = new Float64Array(size);
  padded.set(d);
  const spectrum = fft(padded);
  const m = Math.floor(size / 2);
  const frequency = new Float64Array(m);
  const period = new Float64Array(m);
  const power = new Float64Array(m);
  for (let k = 1; k <= m; k++) {
    frequency[k - 1] = k / size;
    period[k - 1] = size / k;
    power[k - 1] = (spectrum.re[k] ** 2 + spectrum.im[k] ** 2) / n;
  }
  const tolerance = options.harmonicTolerance ?? defaults.harmonicTolerance;
  if (!(tolerance >= 0)) throw new Error(`harmonicTolerance must be >= 0 (Fourier bins), got ${tolerance}`);
  const peaks = rankPeaks(d, frequency, power, { minPeriod, maxPeriod, maxPeaks, tolerance, drop: harmonics === "drop" });
  return { frequency, period, power, peaks, n };
}

/** I(f) = |Σ d_t e^{−2πi f t}|² / n at any frequency f (direct sum, O(n)). */
function powerAt(d: Float64Array, f: number): number {
  let re = 0;
  let im = 0;
  const cw = Math.cos(2 * Math.PI * f);
  const sw = Math.sin(2 * Math.PI * f);
  let c = 1;
  let s = 0;
  for (let t = 0; t < d.length; t++) {
    re += d[t] * c;
    im -= d[t] * s;
    const next = c * cw - s * sw; // rotate (c, s) by 2πf: cos and sin of 2πf(t + 1)
    s = s * cw + c * sw;
    c = next;
  }
  return (re * re + im * im) / d.length;
}

/** Golden-section search for the maximum of I(f) in [a, b]; returns [f*, I(f*)]. */
function refinePeak(d: Float64Array, a: number, b: number): [number, number] {
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let p1 = powerAt(d, x1);
  let p2 = powerAt(d, x2);
  for (let it = 0; it < 40 && b - a > 1e-7 / d.length; it++) {
    if (p1 > p2) {
      b = x2;
      x2 = x1;
      p2 = p1;
      x1 = b - g * (b - a);
      p1 = powerAt(d, x1);
    } else {
      a = x1;
      x1 = x2;
      p1 = p2;
      x2 = a + g * (b - a);
      p2 = powerAt(d, x2);
    }
  }
  return p1 > p2 ? [x1, p1] : [x2, p2];
}

function rankPeaks(
  d: Float64Array,
  frequency: Float64Array,
  power: Float64Array,
  o: { minPeriod: number; maxPeriod: number; maxPeaks: number; tolerance: number; drop: boolean },
): PeriodogramPeak[] {
  const m = power.length;
  const n = d.length;
  const step = frequency[0];
  let total = 0;
  for (let t = 0; t < n; t++) total += d[t] * d[t];
  const candidates: number[] = [];
  for (let k = 0; k < m; k++) {
    const p = 1 / frequency[k];
    if (p < o.minPeriod - 1e-9 || p > o.maxPeriod + 1e-9) continue;
    const left = k > 0 ? power[k - 1] : -Infinity;
    const right = k < m - 1 ? power[k + 1] : -Infinity;
    if (power[k] > left && power[k] >= right && power[k] > 0) candidates.push(k);
  }
  candidates.sort((a, b) => power[b] - power[a]);
  const refined = candidates.slice(0, 4 * o.maxPeaks + 20).map((k) => {
    const lo = Math.max(frequency[k] - step, 1 / o.maxPeriod, step / 2);
    const hi = Math.min(frequency[k] + step, 1 / o.minPeriod);
    return refinePeak(d, Math.min(lo, frequency[k]), Math.max(hi, frequency[k]));
  });
  refined.sort((a, b) => b[1] - a[1]);
  const kept: PeriodogramPeak[] = [];
  for (const [f, pw] of refined) {
    if (kept.length >= o.maxPeaks) break;
    if (kept.some((q) => Math.abs(q.frequency - f) < 2 / n)) continue;
    let harmonicOf: number | null = null;
    for (const q of kept) {
      const h = Math.round(f / q.frequency);
      if (h >= 2 && Math.abs(f - h * q.frequency) <= o.tolerance / n) {
        harmonicOf = q.harmonicOf ?? q.period;
        break;
      }
    }
    if (harmonicOf !== null && o.drop) continue;
    kept.push({ rank: kept.length + 1, period: 1 / f, frequency: f, power: pw, share: total > 0 ? Math.min(1, (2 * pw) / total) : 0, harmonicOf });
  }
  return kept;
}
