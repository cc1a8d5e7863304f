import { describe, expect, it } from "vitest";
import { armaAutocovariance, armaLikelihood, stationaryCovariance } from "../../src/timeseries/arima-kalman";
import { simulateArma } from "./reference-series";

/** γ_k = Σ_j ψ_j ψ_{j+k} by brute force (ψ from the recursion, 3000 terms). */
function bruteGamma(phi: number[], theta: number[], maxLag: number): number[] {
  const N = 3000;
  const psi = new Array(N).fill(0);
  for (let j = 0; j < N; j++) {
    let s = j === 0 ? 1 : j <= theta.length ? theta[j - 1] : 0;
    for (let i = 1; i <= Math.min(j, phi.length); i++) s += phi[i - 1] * psi[j - i];
    psi[j] = s;
  }
  return Array.from({ length: maxLag + 1 }, (_, k) => psi.slice(0, N - k).reduce((a, v, j) => a + v * psi[j + k], 0));
}

/** −2 log-density pieces of N(0, Σ) with Σ Toeplitz(γ), by dense Cholesky: w'Σ⁻¹w and log det Σ. */
function denseGaussian(w: Float64Array, gamma: number[]): { quad: number; logdet: number } {
  const n = w.length;
  const L = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = gamma[i - j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = i === j ? Math.sqrt(s) : s / L[j][j];
    }
  const z = new Array(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = w[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * z[k];
    z[i] = s / L[i][i];
  }
  return { quad: z.reduce((a, v) => a + v * v, 0), logdet: 2 * L.reduce((a, row, i) => a + Math.log(row[i]), 0) };
}

describe("ARMA Kalman likelihood", () => {
  it("AR(1): equals the closed-form exact likelihood", () => {
    const phi = 0.7;
    const w = simulateArma([phi], [], 80, 1);
    const { ssq, sumLog, nu } = armaLikelihood(w, new Float64Array([phi]), new Float64Array(0));
    // exact AR(1): first value has variance 1/(1 − φ²), then innovations w_t − φw_{t−1} of variance 1
    let s = (1 - phi * phi) * w[0] ** 2;
    for (let t = 1; t < w.length; t++) s += (w[t] - phi * w[t - 1]) ** 2;
    expect(ssq).toBeCloseTo(s, 10);
    expect(sumLog).toBeCloseTo(-Math.log(1 - phi * phi), 10);
    expect(nu).toBe(80);
  });

  it("ARMA(2,1) and seasonal MA: equals the dense multivariate-normal density", () => {
    const cases: Array<[number[], number[]]> = [
      [[0.5, -0.3], [0.4]],
      [[], [-0.4, 0, 0, -0.5, 0.2]],
      [[0.9], [-0.5, 0.3]],
    ];
    cases.forEach(([phi, theta], k) => {
      const w = simulateArma(phi, theta, 60, 10 + k);
      const { ssq, sumLog } = armaLikelihood(w, Float64Array.from(phi), Float64Array.from(theta));
      const { quad, logdet } = denseGaussian(w, bruteGamma(phi, theta, 60));
      expect(ssq / quad).toBeCloseTo(1, 8);
      expect(sumLog).toBeCloseTo(logdet, 7);
    });
  });

  it("autocovariances match brute-force ψ sums; Q₀ solves the Lyapunov equation", () => {
    const phi = [0.6, 0.2, -0.1];
    const theta = [0.3, -0.2, 0.1, 0.25];
    const ac = armaAutocovariance(Float64Array.from(phi), Float64Array.from(theta), 6)!;
    const brute = bruteGamma(phi, theta, 6);
    ac.gamma.forEach((g, k) => expect(g).toBeCloseTo(brute[k], 9));
    const Q = stationaryCovariance(Float64Array.from(phi), Float64Array.from(theta))!;
    const r = 5;
    const T = (i: number, j: number): number => (j === 0 && i < phi.length ? phi[i] : j === i + 1 ? 1 : 0);
    const R = [1, ...theta];
    for (let i = 0; i < r; i++)
      for (let j = 0; j < r; j++) {
        let tqt = 0;
        for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) tqt += T(i, a) * Q[a * r + b] * T(j, b);
        expect(Q[i * r + j]).toBeCloseTo(tqt + R[i] * R[j], 10);
      }
    expect(armaAutocovariance(new Float64Array([1.2]), new Float64Array(0), 3)).toBeNull();
  });
});
