/**
 * The LOESS building blocks of STL (Cleveland, Cleveland, McRae & Terpenning 1990, J. Off.
 * Stat. 6:3–73, section 3 and appendix), on equally spaced positions 1…n.
 *
 * At a point x, a window of q neighbours [nleft, nright] gets tricube weights
 * w_j = (1 − (|j − x|/h)³)³ with h the distance to the farthest neighbour (widened by
 * ⌊(q − n)/2⌋ when q > n), times robustness weights ρ_j when given. Degree 0 returns the
 * weighted mean; degree 1 the weighted linear fit evaluated at x. With a jump J > 1 the fit is
 * computed every J points and linearly interpolated in between.
 */

/**
 * Local fit at position `xs` (1-based) from the window [nleft, nright] of `y`; returns NaN
 * when all weights vanish. `w` is scratch space of length ≥ n.
 * @example
 * ```ts
 * loessEstimate(y, y.length, 7, 1, 4, 1, 7, new Float64Array(y.length), null); // local linear fit at x = 4
 * ```
 */
export function loessEstimate(
  y: Float64Array,
  n: number,
  len: number,
  degree: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
  rw: Float64Array | null,
): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.floor((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    let wj = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      wj = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      if (rw) wj *= rw[j - 1];
      a += wj;
    }
    w[j - 1] = wj;
  }
  if (a <= 0) return NaN;
  for (let j = nleft; j <= nright; j++) w[j - 1] /= a;
  if (h > 0 && degree > 0) {
    let mean = 0;
    for (let j = nleft; j <= nright; j++) mean += w[j - 1] * j;
    let b = xs - mean;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - 1] * (j - mean) ** 2;
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1] *= b * (j - mean) + 1;
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - 1] * y[j - 1];
  return ys;
}

/**
 * LOESS smooth of y[0..n) with window `len`, degree 0 or 1 and jump `jump`, written into
 * `out[offset..offset+n)`. Points where the fit fails keep the raw value.
 * @example
 * ```ts
 * loessSmooth(y, y.length, 13, 1, 2, null, out, 0, work); // out[0..n) = smoothed y
 * ```
 */
export function loessSmooth(
  y: Float64Array,
  n: number,
  len: number,
  degree: number,
  jump: number,
  rw: Float64Array | null,
  out: Float64Array,
  offset: number,
  work: Float64Array,
): void {
  if (n < 2) {
    out[offset] = y[0];
    return;
  }
  const est = (i: number, nleft: number, nright: number): void => {
    const v = loessEstimate(y, n, len, degree, i, nleft, nright, work, rw);
    out[offset + i - 1] = Number.isNaN(v) ? y[i - 1] : v;
  };
  const nj = Math.min(jump, n - 1);
  let nleft = 1;
  let nright = n;
  if (len >= n) {
    for (let i = 1; i <= n; i += nj) est(i, 1, n);
  } else if (nj === 1) {
    const nsh = (len + 1) >> 1;
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      est(i, nleft, nright);
    }
  } else {
    const nsh = (len + 1) >> 1;
    for (let i = 1; i <= n; i += nj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      est(i, nleft, nright);
    }
  }
  if (nj === 1) return;
  for (let i = 1; i <= n - nj; i += nj) {
    const y0 = out[offset + i - 1];
    const delta = (out[offset + i + nj - 1] - y0) / nj;
    for (let j = i + 1; j < i + nj; j++) out[offset + j - 1] = y0 + delta * (j - i);
  }
  const k = Math.floor((n - 1) / nj) * nj + 1;
  if (k !== n) {
    est(n, nleft, nright);
    if (k !== n - 1) {
      const yk = out[offset + k - 1];
      const delta = (out[offset + n - 1] - yk) / (n - k);
      for (let j = k + 1; j < n; j++) out[offset + j - 1] = yk + delta * (j - k);
    }
  }
}

/**
 * Moving average of window `len` over x[0..n): n − len + 1 values into out.
 * @example
 * ```ts
 * movingAverage(new Float64Array([1, 2, 3, 4]), 4, 2, out); // out = [1.5, 2.5, 3.5]
 * ```
 */
export function movingAverage(x: Float64Array, n: number, len: number, out: Float64Array): void {
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i];
  out[0] = v / len;
  for (let j = 1; j <= n - len; j++) {
    v += x[j + len - 1] - x[j - 1];
    out[j] = v / len;
  }
}
