import { describe, expect, it } from "vitest";
import { fitArima } from "../../src/timeseries/arima-fit";
import { forecast } from "../../src/timeseries/arima-forecast";
import { normalQuantile } from "../../src/timeseries/special-functions";
import { AIR_FILE, hasAirReference, readColumn, readReference, simulateArma } from "./reference-series";

const relErr = (a: number, b: number): number => Math.abs(a / b - 1);

describe("forecast", () => {
  it("AR(1) with mean: μ + φ^h(y_n − μ), variance σ²(1 − φ^{2h})/(1 − φ²), symmetric intervals", () => {
    const y = simulateArma([0.7], [], 300, 41).map((v) => v + 5);
    const m = fitArima(y, { order: [1, 0, 0] });
    const { ar1: phi, intercept: mu } = m.coef;
    const fc = forecast(m, 6, { level: [90] });
    for (let h = 1; h <= 6; h++) {
      expect(fc.mean[h - 1]).toBeCloseTo(mu + phi ** h * (y[299] - mu), 8);
      const se = Math.sqrt((m.sigma2 * (1 - phi ** (2 * h))) / (1 - phi * phi));
      expect(fc.se[h - 1]).toBeCloseTo(se, 8);
      expect(fc.intervals[0].upper[h - 1] - fc.mean[h - 1]).toBeCloseTo(normalQuantile(0.95) * se, 8);
    }
  });

  it("drift extrapolates linearly; levels are validated", () => {
    const y = Array.from({ length: 100 }, (_, t) => 2 * t + Math.sin(t));
    const m = fitArima(y, { order: [0, 1, 0], includeDrift: true });
    const fc = forecast(m, 3);
    expect(fc.mean[2] - fc.mean[0]).toBeCloseTo(2 * m.coef.drift, 10);
    expect(fc.intervals.map((i) => i.level)).toEqual([80, 95]);
    expect(() => forecast(m, 0)).toThrow(/h must be/);
    expect(() => forecast(m, 3, { level: [0.95, 100] })).toThrow(/level/);
  });

  it.skipIf(!hasAirReference)("airline model: 24-step mean and 95 % interval within 1 % of R", () => {
    const m = fitArima(readColumn(AIR_FILE), { order: [0, 1, 1], seasonal: { order: [0, 1, 1], period: 12 }, lambda: 0 });
    const fc = forecast(m, 24, { level: [95] });
    const ref = readReference("airpassengers_airline_forecast.csv");
    expect(ref.length).toBe(24);
    ref.forEach(([h, mean, lo95, hi95]) => {
      expect(relErr(fc.mean[h - 1], mean)).toBeLessThan(1e-4);
      expect(relErr(fc.intervals[0].lower[h - 1], lo95)).toBeLessThan(1e-4);
      expect(relErr(fc.intervals[0].upper[h - 1], hi95)).toBeLessThan(1e-4);
    });
  });
});
