import { describe, expect, it } from "vitest";
import { invertMatrix, leastSquares, solveLinear, symmetricEigen } from "../../src/timeseries/small-linalg";
import { createRng } from "../../src/util/rng";

describe("small dense linear algebra", () => {
  it("solve and inverse reproduce A x = b on random well-conditioned matrices", () => {
    const rng = createRng(11);
    for (const n of [1, 3, 6]) {
      const A = Float64Array.from({ length: n * n }, (_, k) => rng.normal() + (k % (n + 1) === 0 ? n : 0));
      const x = Float64Array.from({ length: n }, () => rng.normal());
      const b = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += A[i * n + j] * x[j];
      solveLinear(A, b, n, 1)!.forEach((v, i) => expect(v).toBeCloseTo(x[i], 10));
      const inv = invertMatrix(A, n)!.inverse;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += A[i * n + k] * inv[k * n + j];
          expect(s).toBeCloseTo(i === j ? 1 : 0, 10);
        }
    }
    expect(solveLinear(new Float64Array([1, 2, 2, 4]), new Float64Array([1, 1]), 2, 1)).toBeNull();
  });

  it("Jacobi eigenvectors diagonalise a symmetric matrix", () => {
    const A = new Float64Array([4, 1, 2, 1, 3, 0, 2, 0, 5]);
    const { values, vectors } = symmetricEigen(A, 3);
    expect(values[0]).toBeGreaterThanOrEqual(values[1]);
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < 3; i++) {
        let Av = 0;
        for (let k = 0; k < 3; k++) Av += A[i * 3 + k] * vectors[k * 3 + c];
        expect(Av).toBeCloseTo(values[c] * vectors[i * 3 + c], 10);
      }
  });

  it("least squares equals the normal-equation solution, with R's standard errors", () => {
    // y = 1 + 2t + e on t = 1..5 with e = (0.1, −0.2, 0.05, 0.1, −0.05): hand-checkable OLS
    const t = Float64Array.from([1, 2, 3, 4, 5]);
    const y = Float64Array.from([3.1, 4.8, 7.05, 9.1, 10.95]);
    const fit = leastSquares([new Float64Array(5).fill(1), t], y);
    // e sums to 0 and is orthogonal to t, so OLS returns exactly (1, 2): slope = Σ(t−3)(y−7)/10 = 20/10
    expect(fit.coef[1]).toBeCloseTo(2, 12);
    expect(fit.coef[0]).toBeCloseTo(1, 12);
    const rss = 0.01 + 0.04 + 0.0025 + 0.01 + 0.0025; // Σe²
    expect(fit.se[1]).toBeCloseTo(Math.sqrt(rss / 3 / 10), 12); // s²/Σ(t − t̄)²
    expect(leastSquares([t, t.map((v) => 2 * v)], y).rank).toBe(1);
  });
});
