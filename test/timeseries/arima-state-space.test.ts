import { describe, expect, it } from "vitest";
import { armaLikelihood } from "../../src/timeseries/arima-kalman";
import { buildStateSpace, differencingPolynomial, filterStateSpace, forecastStateSpace } from "../../src/timeseries/arima-state-space";
import { differenceSeries } from "../../src/timeseries/arima-objectives";
import { cumsum, simulateArma } from "./reference-series";

describe("ARIMA state space with diffuse differencing states", () => {
  it("differencing polynomials: (1 − B)², (1 − B)(1 − B⁴)", () => {
    expect(Array.from(differencingPolynomial(2, 0, 1))).toEqual([2, -1]);
    expect(Array.from(differencingPolynomial(1, 1, 4))).toEqual([1, 0, 0, 1, -1]);
  });

  it("filtering the undifferenced series ≈ the exact likelihood of the differenced one", () => {
    const phi = new Float64Array([0.5]);
    const theta = new Float64Array([-0.3, 0, 0, 0.4]);
    const w = simulateArma([0.5], [-0.3, 0, 0, 0.4], 200, 3);
    const y = cumsum(w, 20);
    const full = filterStateSpace(y, buildStateSpace(phi, theta, differencingPolynomial(1, 0, 1)));
    const exact = armaLikelihood(differenceSeries(y, 1, 0, 1), phi, theta);
    expect(full.nu).toBe(199); // the diffuse first observation is left out
    expect(full.ssq / exact.ssq).toBeCloseTo(1, 5);
    expect(full.sumLog).toBeCloseTo(exact.sumLog, 4);
  });

  it("random walk forecasts: flat at the last value with variance h", () => {
    const y = cumsum(simulateArma([], [], 50, 4));
    const ss = buildStateSpace(new Float64Array(0), new Float64Array(0), differencingPolynomial(1, 0, 1));
    const { a, P } = filterStateSpace(y, ss);
    const { mean, variance } = forecastStateSpace(ss, a, P, 4);
    mean.forEach((m) => expect(m).toBeCloseTo(y[49], 6));
    variance.forEach((v, k) => expect(v).toBeCloseTo(k + 1, 6));
  });

  it("AR(1) forecasts decay geometrically with variance (1 − φ^{2h})/(1 − φ²)", () => {
    const y = simulateArma([0.8], [], 100, 6);
    const ss = buildStateSpace(new Float64Array([0.8]), new Float64Array(0), new Float64Array(0));
    const { a, P } = filterStateSpace(y, ss);
    const { mean, variance } = forecastStateSpace(ss, a, P, 5);
    mean.forEach((m, k) => expect(m).toBeCloseTo(0.8 ** (k + 1) * y[99], 10));
    variance.forEach((v, k) => expect(v).toBeCloseTo((1 - 0.64 ** (k + 1)) / (1 - 0.64), 10));
  });
});
