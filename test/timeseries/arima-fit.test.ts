import { describe, expect, it } from "vitest";
import { fitArima } from "../../src/timeseries/arima-fit";
import { AIR_FILE, cumsum, hasAir, readColumn, simulateArma } from "./reference-series";

describe("fitArima on simulated series (seeded)", () => {
  it("recovers AR(1) with a mean, MA(1), and their standard errors are plausible", () => {
    const ar = simulateArma([0.6], [], 500, 31).map((v) => v + 10);
    const m = fitArima(ar, { order: [1, 0, 0] });
    expect(m.coefNames).toEqual(["ar1", "intercept"]);
    expect(m.coef.ar1).toBeCloseTo(0.6, 1);
    expect(Math.abs(m.coef.intercept - 10)).toBeLessThan(0.3);
    expect(m.se.ar1).toBeCloseTo(Math.sqrt((1 - 0.36) / 500), 2); // asymptotic √((1 − φ²)/n)
    expect(m.sigma2).toBeCloseTo(1, 0);
    const ma = simulateArma([], [-0.5], 500, 32);
    const mm = fitArima(ma, { order: [0, 0, 1], includeMean: false });
    expect(mm.coef.ma1).toBeCloseTo(-0.5, 1);
    expect(mm.description).toBe("ARIMA(0,0,1) with zero mean");
  });

  it("recovers a seasonal ARIMA(1,0,0)(0,1,1)[12] and an ARIMA(0,1,1) with drift", () => {
    // (1 − 0.5B)(1 − B¹²) y = (1 + 0.6B¹²) e: simulate the differenced ARMA, then integrate seasonally
    const w = simulateArma([0.5], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6], 600, 33);
    const y = new Float64Array(600);
    for (let t = 0; t < 600; t++) y[t] = w[t] + (t >= 12 ? y[t - 12] : 0);
    const m = fitArima(y, { order: [1, 0, 0], seasonal: { order: [0, 1, 1], period: 12 } });
    expect(m.coef.ar1).toBeCloseTo(0.5, 1);
    expect(m.coef.sma1).toBeCloseTo(0.6, 1);
    expect(m.nobs).toBe(588);
    const rw = cumsum(simulateArma([], [-0.3], 400, 34).map((v) => v + 0.5));
    const d = fitArima(rw, { order: [0, 1, 1], includeDrift: true });
    expect(d.description).toBe("ARIMA(0,1,1) with drift");
    expect(d.coef.drift).toBeCloseTo(0.5, 1);
    expect(d.coef.ma1).toBeCloseTo(-0.3, 1);
  });

  it("information criteria follow their definitions; the model is frozen and serialisable", () => {
    const m = fitArima(simulateArma([0.4], [0.3], 200, 35), { order: [1, 0, 1] });
    const k = 4; // ar1, ma1, intercept, σ²
    expect(m.aic).toBeCloseTo(-2 * m.loglik + 2 * k, 10);
    expect(m.aicc).toBeCloseTo(m.aic + (2 * k * (k + 1)) / (200 - k - 1), 10);
    expect(m.bic).toBeCloseTo(-2 * m.loglik + k * Math.log(200), 10);
    expect(m.sigma2).toBeCloseTo((m.residuals.reduce((a, e) => a + e * e, 0)) / (200 - 3), 12);
    expect(Object.isFrozen(m) && Object.isFrozen(m.coef) && Object.isFrozen(m.residuals)).toBe(true);
    expect(JSON.parse(JSON.stringify(m)).coef.ar1).toBe(m.coef.ar1);
  });

  it("fails loudly on bad input, naming the parameter", () => {
    const y = Array.from(simulateArma([0.5], [], 50, 36));
    expect(() => fitArima([...y.slice(0, 10), NaN, ...y.slice(10)], { order: [1, 0, 0] })).toThrow(/y\[10\] is NaN/);
    expect(() => fitArima(y, { order: [1.5, 0, 0] })).toThrow(/order\[0\] must be an integer/);
    expect(() => fitArima(y, { order: [1, -1, 0] })).toThrow(/order\[1\]/);
    expect(() => fitArima(y, { seasonal: { order: [0, 1, 0], period: 60 } })).toThrow(/longer than the series/);
    expect(() => fitArima(y.slice(0, 30), { seasonal: { order: [0, 1, 0], period: 20 } })).toThrow(/at least 40/);
    expect(() => fitArima(y, { seasonal: { order: [1, 0, 0], period: 1 } })).toThrow(/seasonal.period/);
    expect(() => fitArima(new Array(30).fill(4), { order: [1, 0, 0] })).toThrow(/constant/);
    expect(() => fitArima(y, { order: [0, 2, 1], includeDrift: true })).toThrow(/includeDrift/);
    expect(() => fitArima(y.slice(0, 3), { order: [2, 0, 2] })).toThrow(/too few/);
    expect(() => fitArima(y, { method: "OLS" as never })).toThrow(/method/);
  });
});

describe.skipIf(!hasAir)("fitArima against R (AirPassengers)", () => {
  const air = (): number[] => readColumn(AIR_FILE);

  it("airline model on log(y): ma1 −0.4018, sma1 −0.5569, loglik 244.7, σ² 0.001371 (stats: 0.001348)", () => {
    const m = fitArima(air(), { order: [0, 1, 1], seasonal: { order: [0, 1, 1], period: 12 }, lambda: 0 });
    expect(Math.abs(m.coef.ma1 - -0.4018)).toBeLessThan(0.005);
    expect(Math.abs(m.coef.sma1 - -0.5569)).toBeLessThan(0.005);
    expect(Math.abs(m.loglik - 244.7)).toBeLessThan(0.1);
    expect(m.aic).toBeCloseTo(-483.4, 1);
    expect(m.sigma2).toBeCloseTo(0.001371, 6);
    expect(m.sigma2ML).toBeCloseTo(0.001348, 6);
    // s.e. from SOURCE.md: 0.0896, 0.0731
    expect(m.se.ma1).toBeCloseTo(0.0896, 3);
    expect(m.se.sma1).toBeCloseTo(0.0731, 3);
  });

  it("ARIMA(2,1,1)(0,1,0)[12]: R's ar1 0.5960, ar2 0.2143, ma1 −0.9819, loglik −504.92, σ² 132.3", () => {
    const m = fitArima(air(), { order: [2, 1, 1], seasonal: { order: [0, 1, 0], period: 12 } });
    expect(m.coef.ar1).toBeCloseTo(0.596, 3);
    expect(m.coef.ar2).toBeCloseTo(0.2143, 3);
    expect(m.coef.ma1).toBeCloseTo(-0.9819, 3);
    expect(m.loglik).toBeCloseTo(-504.92, 2);
    expect(m.aicc).toBeCloseTo(1018.17, 2);
    expect(m.bic).toBeCloseTo(1029.35, 2);
    expect(m.sigma2).toBeCloseTo(132.345, 2);
  });

  // R 4.2.2 / forecast 8.20: Arima(AirPassengers, order = c(1,0,1), include.drift = TRUE) and
  // Arima(AirPassengers, order = c(1,1,1), include.drift = TRUE, method = "CSS")
  it("regression with ARIMA errors (mean + drift, rotated regressors) and CSS agree with R", () => {
    const m = fitArima(air(), { order: [1, 0, 1], includeDrift: true });
    expect(m.description).toBe("Regression with ARIMA(1,0,1) errors");
    expect(m.coef.ar1).toBeCloseTo(0.5023185, 4);
    expect(m.coef.ma1).toBeCloseTo(0.6174402, 4);
    expect(m.coef.intercept).toBeCloseTo(88.2784788, 2);
    expect(m.coef.drift).toBeCloseTo(2.6532139, 4);
    expect(m.se.intercept).toBeCloseTo(14.79157, 2);
    expect(m.aicc).toBeCloseTo(1378.135, 2);
    const c = fitArima(air(), { order: [1, 1, 1], includeDrift: true, method: "CSS" });
    expect(c.coef.ar1).toBeCloseTo(-0.4837624, 4);
    expect(c.coef.ma1).toBeCloseTo(0.874661, 4);
    expect(c.coef.drift).toBeCloseTo(2.4413379, 4);
    expect(c.loglik).toBeCloseTo(-694.2562, 3);
    expect(Number.isNaN(c.aic)).toBe(true);
  });
});
