import { describe, expect, it } from "vitest";
import { acf, pacf } from "../../src/timeseries/acf";
import { createRng } from "../../src/util/rng";

/** Direct O(n·lag) ACF with R's definition (biased autocovariance, mean removed). */
function directAcf(x: number[], m: number): number[] {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const c = (k: number) => {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += (x[t] - mean) * (x[t + k] - mean);
    return s / n;
  };
  return Array.from({ length: m + 1 }, (_, k) => c(k) / c(0));
}

/** φ_kk as the last coefficient of the Yule–Walker system R_k φ = r (Gaussian elimination). */
function yuleWalkerLast(r: number[], k: number): number {
  const a = Array.from({ length: k }, (_, i) => [...Array.from({ length: k }, (_, j) => r[Math.abs(i - j)]), r[i + 1]]);
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let i = col + 1; i < k; i++) if (Math.abs(a[i][col]) > Math.abs(a[piv][col])) piv = i;
    [a[col], a[piv]] = [a[piv], a[col]];
    for (let i = 0; i < k; i++) {
      if (i === col) continue;
      const f = a[i][col] / a[col][col];
      for (let j = col; j <= k; j++) a[i][j] -= f * a[col][j];
    }
  }
  return a[k - 1][k] / a[k - 1][k - 1];
}

function ar(phi: number[], n: number, seed: number): number[] {
  const rng = createRng(seed);
  const x: number[] = [];
  for (let t = 0; t < n + 200; t++) {
    let v = rng.normal();
    phi.forEach((p, j) => (v += t - j - 1 >= 0 ? p * x[t - j - 1] : 0));
    x.push(v);
  }
  return x.slice(200);
}

describe("acf / pacf", () => {
  const x12 = [1, 3, 2, 5, 4, 6, 8, 7, 9, 12, 10, 11];

  it("equals R's acf and pacf on a hand series", () => {
    // R: acf(x, lag.max = 5, plot = FALSE)$acf; pacf(x, lag.max = 5, plot = FALSE)$acf
    const rAcf = [1, 0.6765734266, 0.5454545455, 0.25, 0.0454545455, -0.1206293706];
    const rPacf = [0.6765734266, 0.1617394245, -0.3196213374, -0.1689562269, -0.0324064779];
    const a = acf(x12, { maxLag: 5 });
    const p = pacf(x12, { maxLag: 5 });
    rAcf.forEach((v, k) => expect(a.values[k]).toBeCloseTo(v, 9));
    rPacf.forEach((v, k) => expect(p.values[k]).toBeCloseTo(v, 9));
    expect(Array.from(a.lags)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(p.lags)).toEqual([1, 2, 3, 4, 5]);
    expect(a.band[1]).toBeCloseTo(0.565792867, 8); // qnorm(0.975)/sqrt(12)
    expect(a.significant).toEqual([1]);
  });

  it("matches the direct computation and the Yule–Walker solution on random series", () => {
    const rng = createRng(21);
    for (const n of [5, 40, 301]) {
      const x = Array.from({ length: n }, () => rng.normal() + 0.1 * rng.int(5));
      const m = Math.min(n - 1, 12);
      const a = acf(x, { maxLag: m });
      const want = directAcf(x, m);
      want.forEach((v, k) => expect(a.values[k]).toBeCloseTo(v, 12));
      const p = pacf(x, { maxLag: Math.min(m, 8) });
      for (let k = 1; k <= p.values.length; k++) expect(p.values[k - 1]).toBeCloseTo(yuleWalkerLast(want, k), 9);
    }
  });

  it("uses the FFT for long series and many lags, with the same values", () => {
    const x = ar([0.5], 5000, 3);
    const a = acf(x, { maxLag: 1000 }); // 5000·1001 > 4e6: FFT path
    const want = directAcf(x, 1000);
    for (const k of [0, 1, 2, 10, 500, 1000]) expect(a.values[k]).toBeCloseTo(want[k], 10);
  });

  it("recovers AR(1) theory: r_k = φ^k, φ_11 = φ, φ_kk ≈ 0 beyond lag 1", () => {
    const n = 20_000;
    const x = ar([0.6], n, 9);
    const a = acf(x, { maxLag: 10 });
    for (let k = 1; k <= 5; k++) expect(Math.abs(a.values[k] - 0.6 ** k)).toBeLessThan(0.03);
    const p = pacf(x, { maxLag: 10 });
    expect(Math.abs(p.values[0] - 0.6)).toBeLessThan(0.02);
    for (let k = 2; k <= 10; k++) expect(Math.abs(p.values[k - 1])).toBeLessThan(4 / Math.sqrt(n));
    expect(p.significant[0]).toBe(1);
    // AR(2): φ_22 = φ2
    const y = ar([0.5, 0.3], n, 10);
    expect(Math.abs(pacf(y, { maxLag: 3 }).values[1] - 0.3)).toBeLessThan(0.03);
  });

  it("white-noise band is z/√n; Bartlett's band widens as √(1 + 2Σ r_j²)", () => {
    const x = ar([0.7], 400, 4);
    const w = acf(x, { maxLag: 6, ci: 0.9 });
    const z90 = 1.6448536269514722;
    for (let k = 1; k <= 6; k++) expect(w.band[k]).toBeCloseTo(z90 / 20, 12);
    expect(Number.isNaN(w.band[0])).toBe(true);
    const b = acf(x, { maxLag: 6, band: "bartlett" });
    let cum = 1;
    for (let k = 1; k <= 6; k++) {
      expect(b.band[k]).toBeCloseTo((1.959963984540054 / 20) * Math.sqrt(cum), 10);
      cum += 2 * b.values[k] ** 2;
    }
    expect(b.band[6]).toBeGreaterThan(b.band[1]);
  });

  it("default maxLag is ⌊10·log10 n⌋ as in R", () => {
    expect(acf(ar([0.2], 100, 1)).values.length).toBe(21);
    expect(acf([1, 2, 4]).values.length).toBe(3); // capped at n − 1
  });

  it("constant series: throws by default, NaN on request (ACF undefined)", () => {
    expect(() => acf([2, 2, 2, 2])).toThrow(/x is constant \(zero variance\)/);
    expect(() => pacf([2, 2, 2, 2])).toThrow(/constant/);
    const a = acf([2, 2, 2, 2], { onConstant: "nan" });
    expect(a.values[0]).toBe(1);
    expect(Number.isNaN(a.values[1])).toBe(true);
    expect(a.significant).toEqual([]);
  });

  it("fails loudly on bad input", () => {
    expect(() => acf([1, 2, NaN, 4])).toThrow(/x\[2\] is NaN/);
    expect(() => acf([1])).toThrow(/at least 2/);
    expect(() => acf(x12, { maxLag: 12 })).toThrow(/maxLag must be an integer in \[1, 11\], got 12/);
    expect(() => acf(x12, { ci: 1.5 })).toThrow(/ci must be in \(0, 1\)/);
    expect(() => acf(x12, { band: "ma" as never })).toThrow(/band must be "white" or "bartlett"/);
  });
});
