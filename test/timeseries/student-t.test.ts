import { describe, expect, it } from "vitest";
import { incompleteBeta, studentTCdf, studentTQuantile } from "../../src/timeseries/student-t";

describe("Student t distribution", () => {
  it("quantiles match the t table and R's qt", () => {
    // R: qt(c(0.975, 0.975, 0.995, 0.95, 0.999), c(1, 10, 5, 30, 2)) etc.
    const cases: [number, number, number][] = [
      [0.975, 1, 12.7062047362],
      [0.975, 10, 2.22813885199],
      [0.995, 5, 4.03214298356],
      [0.95, 30, 1.69726088659],
      [0.999, 2, 22.3271247701],
      [0.0001, 7, -7.06343282816],
      [1 - 1e-9, 3, 1033.10968424],
      [0.6, 0.5, 0.397975426785],
      [0.975, 1000, 1.96233908083],
    ];
    for (const [p, df, want] of cases) expect(studentTQuantile(p, df) / want).toBeCloseTo(1, 9);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963985, 8);
    expect(studentTQuantile(0.5, 4)).toBe(0);
  });

  it("CDF matches R's pt and inverts the quantile", () => {
    expect(studentTCdf(2.5, 4)).toBeCloseTo(0.966616727594, 10);
    expect(studentTCdf(-1.3, 2.5)).toBeCloseTo(0.150243394635, 10);
    expect(studentTCdf(0, 3)).toBe(0.5);
    // df = 1 is Cauchy: F(t) = 1/2 + atan(t)/π
    for (const t of [-5, -0.3, 0.7, 12]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
    // df = 2 has a closed form: F(t) = 1/2 + t / (2√(2 + t²))
    for (const t of [-3, 0.5, 4]) expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 12);
    for (const df of [1, 3.5, 17, 200]) for (const p of [0.001, 0.2, 0.77, 0.9999]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 11);
  });

  it("incomplete beta: closed forms", () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    // I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b
    expect(incompleteBeta(0.4, 3.5, 1)).toBeCloseTo(0.4 ** 3.5, 13);
    expect(incompleteBeta(0.8, 1, 2.5)).toBeCloseTo(1 - 0.2 ** 2.5, 13);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });

  it("fails loudly on bad input", () => {
    expect(() => studentTQuantile(1, 5)).toThrow(/p must be in \(0, 1\), got 1/);
    expect(() => studentTQuantile(0.5, 0)).toThrow(/df \(degrees of freedom\) must be > 0, got 0/);
    expect(() => studentTCdf(NaN, 3)).toThrow(/NaN/);
    expect(() => incompleteBeta(1.2, 1, 1)).toThrow(/x in \[0, 1\]/);
    expect(() => incompleteBeta(0.5, -1, 1)).toThrow(/a, b > 0/);
  });
});
