/**
 * STL: Seasonal-Trend decomposition by LOESS (Cleveland et al. 1990), y = S + T + R, with
 * the defaults of R's `stats::stl`.
 *
 * Inner loop (repeated `inner` times), starting from T = 0:
 * 1. detrend y − T; 2. smooth each cycle-subseries (all values at one position of the cycle)
 * by LOESS (window s.window, degree s.degree), extended one period at each end → C;
 * 3. low-pass C by moving averages of lengths m, m, 3 and LOESS (l.window) → L;
 * 4. S = C − L; 5. deseasonalise y − S; 6. T = LOESS(y − S) with window t.window.
 * Outer loop (`outer` times, robust fits only): robustness weights
 * ρ = B(|R|/(6·median|R|)) with the bisquare B(u) = (1 − u²)² for u < 1, 0 otherwise.
 *
 * Agreement with R: non-robust fits match `stats::stl` to 1e-6. Robust fits use the exact
 * median of |R|; R's Fortran partial sort, asked for the two middle ranks of an even-length
 * series in descending order, can return a slightly different value, so robust fits of
 * even-length series may drift from R's after a few outer iterations.
 */
import { checkInteger, toSeries } from "./series-input";
import { loessEstimate as loessEstimateAt, loessSmooth, movingAverage } from "./stl-loess";

/** Options of {@link stl}. */
export interface StlOptions {
  /** Season length m (12 for monthly data, 7 for daily data with a weekly cycle). Required, ≥ 2. */
  period: number;
  /** Seasonal LOESS window: "periodic" (seasonal pattern the same every cycle) or an odd integer ≥ 3. Required (as in R). */
  sWindow: "periodic" | number;
  /** Degree of the seasonal LOESS (0 or 1). Default 0. */
  sDegree?: number;
  /** Trend LOESS window. Default nextodd(ceil(1.5·period/(1 − 1.5/sWindow))), as R. */
  tWindow?: number;
  /** Degree of the trend LOESS. Default 1. */
  tDegree?: number;
  /** Low-pass LOESS window. Default the smallest odd integer ≥ period. */
  lWindow?: number;
  /** Degree of the low-pass LOESS. Default tDegree. */
  lDegree?: number;
  /** Robust fitting (bisquare weights, outer iterations). Default false. */
  robust?: boolean;
  /** Inner iterations. Default 2 (1 when robust). */
  inner?: number;
  /** Outer (robustness) iterations. Default 0 (15 when robust). */
  outer?: number;
}

/** Result of {@link stl}: three components of the input's length, y = seasonal + trend + remainder. */
export interface StlResult {
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
  /** Final robustness weights (all 1 for a non-robust fit). */
  weights: Float64Array;
  /** The windows actually used (after R's defaults and rounding to odd integers). */
  windows: { s: number; t: number; l: number };
}

const defaults = { sDegree: 0, tDegree: 1, robust: false };

function nextOdd(x: number): number {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
}

/**
 * Decomposes a seasonal series into seasonal, trend and remainder components.
 *
 * @param y the series (finite values; at least two full periods plus one value).
 * @param options see {@link StlOptions}; `period` and `sWindow` are required.
 * @throws Error when period < 2, the series has no more than 2·period values, or a window is not a positive integer.
 * @example
 * ```ts
 * const { seasonal, trend, remainder } = stl(monthly, { period: 12, sWindow: "periodic" });
 * const fit = stl(daily, { period: 7, sWindow: 11, robust: true });
 * ```
 */
export function stl(y: ArrayLike<number>, options: StlOptions): StlResult {
  const x = toSeries(y, "y");
  const n = x.length;
  const period = checkInteger("period", options?.period, 2);
  if (n <= 2 * period) throw new Error(`y has ${n} values; STL needs more than two periods (> ${2 * period} for period ${period})`);
  const periodic = options.sWindow === "periodic";
  if (!periodic && typeof options.sWindow !== "number") throw new Error(`sWindow must be "periodic" or an odd integer >= 3, got ${String(options.sWindow)}`);
  const sWindow = periodic ? 10 * n + 1 : checkInteger("sWindow", options.sWindow, 1);
  const sDegree = periodic ? 0 : checkInteger("sDegree", options.sDegree ?? defaults.sDegree, 0, 1);
  const tDegree = checkInteger("tDegree", options.tDegree ?? defaults.tDegree, 0, 1);
  const lDegree = checkInteger("lDegree", options.lDegree ?? tDegree, 0, 1);
  const tWindow = checkInteger("tWindow", options.tWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow))), 1);
  const lWindow = checkInteger("lWindow", options.lWindow ?? nextOdd(period), 1);
  const robust = options.robust ?? defaults.robust;
  const inner = checkInteger("inner", options.inner ?? (robust ? 1 : 2), 1);
  const outer = checkInteger("outer", options.outer ?? (robust ? 15 : 0), 0);
  const jumps = { s: Math.ceil(sWindow / 10), t: Math.ceil(tWindow / 10), l: Math.ceil(lWindow / 10) };
  const odd = (w: number): number => {
    const v = Math.max(3, w);
    return v % 2 === 0 ? v + 1 : v;
  };
  const win = { s: odd(sWindow), t: odd(tWindow), l: odd(lWindow) };

  const seasonal = new Float64Array(n);
  const trend = new Float64Array(n);
  const rw = new Float64Array(n).fill(1);
  const ws = makeWorkspace(n, period);
  let useRw = false;
  for (let k = 0; ; k++) {
    innerLoop(x, period, win, { s: sDegree, t: tDegree, l: lDegree }, jumps, inner, useRw ? rw : null, seasonal, trend, ws);
    if (k >= outer) break;
    robustnessWeights(x, seasonal, trend, rw);
    useRw = true;
  }
  if (outer <= 0) rw.fill(1);
  if (periodic) {
    const sums = new Float64Array(period);
    const counts = new Float64Array(period);
    for (let i = 0; i < n; i++) {
      sums[i % period] += seasonal[i];
      counts[i % period]++;
    }
    for (let i = 0; i < n; i++) seasonal[i] = sums[i % period] / counts[i % period];
  }
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = x[i] - seasonal[i] - trend[i];
  return { seasonal, trend, remainder, weights: rw, windows: { s: win.s, t: win.t, l: win.l } };
}

interface Workspace {
  detrended: Float64Array;
  cycle: Float64Array; // n + 2·period
  lowpass: Float64Array;
  tmp: Float64Array;
  sub: Float64Array;
  subW: Float64Array;
  subOut: Float64Array;
  weights: Float64Array;
}

function makeWorkspace(n: number, period: number): Workspace {
  const m = n + 2 * period;
  const f = (): Float64Array => new Float64Array(m);
  return { detrended: f(), cycle: f(), lowpass: f(), tmp: f(), sub: f(), subW: f(), subOut: f(), weights: f() };
}

type Triple = { s: number; t: number; l: number };

function innerLoop(
  y: Float64Array,
  np: number,
  win: Triple,
  deg: Triple,
  jump: Triple,
  inner: number,
  rw: Float64Array | null,
  season: Float64Array,
  trend: Float64Array,
  ws: Workspace,
): void {
  const n = y.length;
  for (let it = 0; it < inner; it++) {
    for (let i = 0; i < n; i++) ws.detrended[i] = y[i] - trend[i];
    cycleSubseries(ws.detrended, n, np, win.s, deg.s, jump.s, rw, ws);
    // low-pass filter of the n + 2·np cycle values: MA(np), MA(np), MA(3) → n values
    movingAverage(ws.cycle, n + 2 * np, np, ws.tmp);
    movingAverage(ws.tmp, n + np + 1, np, ws.lowpass);
    movingAverage(ws.lowpass, n + 2, 3, ws.tmp);
    loessSmooth(ws.tmp, n, win.l, deg.l, jump.l, null, ws.lowpass, 0, ws.weights);
    for (let i = 0; i < n; i++) season[i] = ws.cycle[np + i] - ws.lowpass[i];
    for (let i = 0; i < n; i++) ws.detrended[i] = y[i] - season[i];
    loessSmooth(ws.detrended, n, win.t, deg.t, jump.t, rw, trend, 0, ws.weights);
  }
}

/** Smooths each cycle-subseries and extends it one step at each end into ws.cycle. */
function cycleSubseries(y: Float64Array, n: number, np: number, ns: number, deg: number, jump: number, rw: Float64Array | null, ws: Workspace): void {
  for (let j = 0; j < np; j++) {
    const k = Math.floor((n - j - 1) / np) + 1;
    for (let i = 0; i < k; i++) {
      ws.sub[i] = y[i * np + j];
      if (rw) ws.subW[i] = rw[i * np + j];
    }
    const w = rw ? ws.subW : null;
    loessSmooth(ws.sub, k, ns, deg, jump, w, ws.subOut, 1, ws.weights);
    const left = loessEstimateAt(ws.sub, k, ns, deg, 0, 1, Math.min(ns, k), ws.weights, w);
    ws.subOut[0] = Number.isNaN(left) ? ws.subOut[1] : left;
    const right = loessEstimateAt(ws.sub, k, ns, deg, k + 1, Math.max(1, k - ns + 1), k, ws.weights, w);
    ws.subOut[k + 1] = Number.isNaN(right) ? ws.subOut[k] : right;
    for (let m = 0; m < k + 2; m++) ws.cycle[m * np + j] = ws.subOut[m];
  }
}


/** Bisquare robustness weights from the remainder y − S − T. */
function robustnessWeights(y: Float64Array, season: Float64Array, trend: Float64Array, rw: Float64Array): void {
  const n = y.length;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = Math.abs(y[i] - season[i] - trend[i]);
  const sorted = Float64Array.from(r).sort();
  const m1 = Math.floor(n / 2) + 1;
  const m2 = n - m1 + 1;
  const cmad = 3 * (sorted[m1 - 1] + sorted[m2 - 1]);
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const v = r[i];
    rw[i] = v <= c1 ? 1 : v <= c9 ? (1 - (v / cmad) ** 2) ** 2 : 0;
  }
}
