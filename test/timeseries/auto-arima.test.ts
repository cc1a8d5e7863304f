import { describe, expect, it } from "vitest";
import { autoArima, type AutoArimaModel } from "../../src/timeseries/auto-arima";
import { forecast } from "../../src/timeseries/arima-forecast";
import { AIR_FILE, GOWALLA_FILE, cumsum, hasAir, hasAirReference, hasGowalla, readColumn, readReference, simulateArma } from "./reference-series";

describe("autoArima on simulated and degenerate series", () => {
  it("finds a random walk with drift and a stationary AR(1) with mean", () => {
    const rw = cumsum(simulateArma([], [], 200, 51).map((v) => v + 1));
    const a = autoArima(rw);
    expect(a.order[1]).toBe(1);
    expect(a.coefNames).toContain("drift");
    expect(a.coef.drift).toBeCloseTo(1, 0);
    const ar = simulateArma([0.7], [], 300, 52).map((v) => v + 20);
    const b = autoArima(ar);
    expect(b.order[1]).toBe(0);
    expect(b.coefNames).toContain("intercept");
    expect(Math.abs(b.coef.intercept - 20)).toBeLessThan(1);
    expect(b.searched.length).toBeGreaterThan(5);
    expect(b.ic).toBe(b.aicc);
  });

  it("chooses a seasonal difference for a planted strongly seasonal series", () => {
    const w = simulateArma([0.3], [], 144, 53);
    const y = w.map((v, t) => 50 + 0.2 * t + 15 * Math.sin((2 * Math.PI * t) / 12) + v);
    const m = autoArima(y, { period: 12 });
    expect(m.seasonal.order[1]).toBe(1);
    expect(m.seasonal.period).toBe(12);
  });

  it("constant and exactly linear series get fixed constants and exact forecasts", () => {
    const c = autoArima(new Array(12).fill(7));
    expect(c.description).toBe("ARIMA(0,0,0) with non-zero mean");
    expect(Array.from(forecast(c, 2).mean)).toEqual([7, 7]);
    const lin = autoArima(Array.from({ length: 20 }, (_, t) => 3 + 2 * t));
    expect(lin.description).toBe("ARIMA(0,1,0) with drift");
    forecast(lin, 3).mean.forEach((v, k) => expect(v).toBeCloseTo(3 + 2 * (20 + k), 8));
  });

  it("rejects NaN, a period longer than the series and bad options", () => {
    expect(() => autoArima([1, 2, NaN, 4])).toThrow(/NaN/);
    expect(() => autoArima([1, 2, 3, 4, 5], { period: 12 })).toThrow(/period 12 is longer/);
    expect(() => autoArima([1, 2, 3, 4, 5], { maxp: 1.5 })).toThrow(/maxp/);
    expect(() => autoArima([1, 2, 3, 4, 5], { ic: "hqc" as never })).toThrow(/ic must be/);
  });
});

describe.skipIf(!hasAir)("autoArima against R (AirPassengers)", () => {
  let cached: AutoArimaModel | undefined;
  const y = (): number[] => readColumn(AIR_FILE);
  const getFit = (): AutoArimaModel => (cached ??= autoArima(y(), { period: 12 }));

  it("selects ARIMA(2,1,1)(0,1,0)[12] with R's coefficients and AICc 1018.17", () => {
    const fit = getFit();
    expect(fit.description).toBe("ARIMA(2,1,1)(0,1,0)[12]");
    expect(Math.abs(fit.coef.ar1 - 0.596)).toBeLessThan(0.01);
    expect(Math.abs(fit.coef.ar2 - 0.2143)).toBeLessThan(0.01);
    expect(Math.abs(fit.coef.ma1 - -0.9819)).toBeLessThan(0.01);
    expect(Math.abs(fit.aicc - 1018.17)).toBeLessThan(0.1);
    expect(fit.aic).toBeCloseTo(1017.85, 1);
    expect(fit.bic).toBeCloseTo(1029.35, 1);
    expect(fit.loglik).toBeCloseTo(-504.92, 1);
    expect(fit.sigma2).toBeCloseTo(132.3, 0);
  });

  it("visits the same models with the same AICc as R's trace", () => {
    // auto.arima(AirPassengers, trace = TRUE), R 4.2.2 / forecast 8.20
    const r: Array<[string, number]> = [
      ["ARIMA(2,1,2)(1,1,1)[12]", Infinity], ["ARIMA(0,1,0)(0,1,0)[12]", 1031.539], ["ARIMA(1,1,0)(1,1,0)[12]", 1020.582],
      ["ARIMA(0,1,1)(0,1,1)[12]", 1021.192], ["ARIMA(1,1,0)(0,1,0)[12]", 1020.488], ["ARIMA(1,1,0)(0,1,1)[12]", 1021.103],
      ["ARIMA(1,1,0)(1,1,1)[12]", Infinity], ["ARIMA(2,1,0)(0,1,0)[12]", 1022.583], ["ARIMA(1,1,1)(0,1,0)[12]", 1022.583],
      ["ARIMA(0,1,1)(0,1,0)[12]", 1020.733], ["ARIMA(2,1,1)(0,1,0)[12]", 1018.165], ["ARIMA(2,1,1)(1,1,0)[12]", 1018.395],
      ["ARIMA(2,1,1)(0,1,1)[12]", 1018.84], ["ARIMA(2,1,1)(1,1,1)[12]", Infinity], ["ARIMA(3,1,1)(0,1,0)[12]", 1019.565],
      ["ARIMA(2,1,2)(0,1,0)[12]", 1019.771], ["ARIMA(1,1,2)(0,1,0)[12]", 1024.478], ["ARIMA(3,1,0)(0,1,0)[12]", 1023.984],
      ["ARIMA(3,1,2)(0,1,0)[12]", Infinity],
    ];
    const fit = getFit();
    expect(fit.searched.map((s) => s.description)).toEqual(r.map(([d]) => d));
    fit.searched.forEach((s, i) => (Number.isFinite(r[i][1]) ? expect(Math.abs(s.ic - r[i][1])).toBeLessThan(0.002) : expect(s.ic).toBe(Infinity)));
  });

  it.skipIf(!hasAirReference)("12-step forecast mean and 80/95 % intervals within 1 % of R", () => {
    const fc = forecast(getFit(), 12);
    readReference("airpassengers_autoarima_forecast.csv").forEach(([h, mean, lo80, hi80, lo95, hi95]) => {
      const k = h - 1;
      const got = [fc.mean[k], fc.intervals[0].lower[k], fc.intervals[0].upper[k], fc.intervals[1].lower[k], fc.intervals[1].upper[k]];
      [mean, lo80, hi80, lo95, hi95].forEach((want, j) => expect(Math.abs(got[j] / want - 1)).toBeLessThan(0.01));
    });
  });

  it("the log-scale search finds the airline model (R: auto.arima(AirPassengers, lambda = 0))", () => {
    const m = autoArima(y(), { period: 12, lambda: 0 });
    expect(m.description).toBe("ARIMA(0,1,1)(0,1,1)[12]");
    expect(m.aicc).toBeCloseTo(-483.2101, 2);
  });
});

describe.skipIf(!hasGowalla)("autoArima against R (Gowalla NYC daily check-ins, frequency 7)", () => {
  it("selects ARIMA(1,1,2)(0,0,1)[7] (AICc 6251.11) through the CSS approximation and ML refit", () => {
    const m = autoArima(readColumn(GOWALLA_FILE), { period: 7 });
    expect(m.aicc).toBeLessThanOrEqual(6251.11 + 0.1);
    expect(m.description).toBe("ARIMA(1,1,2)(0,0,1)[7]");
    expect(m.coef.ar1).toBeCloseTo(0.3846, 3);
    expect(m.coef.ma1).toBeCloseTo(-0.6876, 3);
    expect(m.coef.ma2).toBeCloseTo(-0.167, 3);
    expect(m.coef.sma1).toBeCloseTo(0.2235, 3);
    // R's trace: the approximate (CSS) score of the chosen model was 6242.483
    const css = m.searched.find((s) => s.description === "ARIMA(1,1,2)(0,0,1)[7]");
    expect(css!.ic).toBeCloseTo(6242.483, 2);
  });
});
