import { describe, expect, it } from "vitest";
import { chiSquareCdf, chiSquareUpper, gammaP, gammaQ, logGamma, normalCdf, normalQuantile } from "../../src/timeseries/special-functions";

describe("special functions", () => {
  it("logGamma equals log factorials and half-integer closed forms", () => {
    let lf = 0;
    for (let n = 1; n <= 30; n++) {
      expect(logGamma(n)).toBeCloseTo(lf, 10); // Γ(n) = (n−1)!
      lf += Math.log(n);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(2.5)).toBeCloseTo(Math.log(0.75 * Math.sqrt(Math.PI)), 12);
  });

  it("incomplete gamma matches closed forms for a = 1 and a = 2", () => {
    for (const x of [0.01, 0.5, 1, 3, 10, 40]) {
      expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 13);
      expect(gammaQ(2, x)).toBeCloseTo((1 + x) * Math.exp(-x), 13);
    }
  });

  it("chi-square: textbook critical values and the df = 2 closed form", () => {
    expect(chiSquareUpper(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareUpper(18.307038053275146, 10)).toBeCloseTo(0.05, 12);
    expect(chiSquareCdf(6.634896601021214, 1)).toBeCloseTo(0.99, 12);
    for (const x of [0.3, 2, 9]) expect(chiSquareCdf(x, 2)).toBeCloseTo(1 - Math.exp(-x / 2), 13);
  });

  it("normal CDF and quantile are inverse and match R's qnorm", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    for (const p of [1e-8, 0.001, 0.2, 0.5, 0.77, 0.999999]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 10);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1) + normalCdf(1)).toBeCloseTo(1, 15);
  });
});
