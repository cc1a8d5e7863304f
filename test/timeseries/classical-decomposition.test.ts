import { describe, expect, it } from "vitest";
import { classicalDecomposition } from "../../src/timeseries/classical-decomposition";

const close = (got: ArrayLike<number>, want: (number | null)[], digits = 9) =>
  want.forEach((v, i) => (v === null ? expect(Number.isNaN(got[i])).toBe(true) : expect(got[i]).toBeCloseTo(v, digits)));

describe("classicalDecomposition", () => {
  const x = [12, 15, 11, 9, 14, 18, 13, 10, 16, 20, 15, 12, 17, 23, 16, 13, 19, 24];

  it("equals R's decompose (additive, even period: 2×4 moving average)", () => {
    // R: decompose(ts(x, frequency = 4))
    const d = classicalDecomposition(x, { period: 4 });
    close(d.trend, [null, null, 12, 12.625, 13.25, 13.625, 14, 14.5, 15, 15.5, 15.875, 16.375, 16.875, 17.125, 17.5, 17.875, null, null]);
    close(d.figure, [0.598958333333, 4.890625, -1.11979166667, -4.36979166667]);
    close(d.random, [null, null, 0.119791666667, 0.744791666667, 0.151041666667, -0.515625, 0.119791666667, -0.130208333333, 0.401041666667, -0.390625, 0.244791666667, -0.00520833333333, -0.473958333333, 0.984375, -0.380208333333, -0.505208333333, null, null]);
    expect(d.seasonal[5]).toBeCloseTo(d.figure[1], 12);
  });

  it("equals R's decompose (multiplicative)", () => {
    const d = classicalDecomposition(x, { period: 4, type: "multiplicative" });
    close(d.figure, [1.04265225986, 1.31701736581, 0.925296492104, 0.715033882232]);
    close(d.random, [null, null, 0.990673448445, 0.996975534787, 1.01338079268, 1.00310060576, 1.00353933739, 0.964506982888, 1.02303203832, 0.979730878382, 1.0211666183, 1.02488070243, 0.966196925084, 1.01977827195, 0.988100270657, 1.01711645468, null, null]);
  });

  it("equals R's decompose (odd period: simple moving average)", () => {
    const y = [5, 9, 7, 6, 10, 8, 7, 12, 9, 8, 13, 11, 9];
    const d = classicalDecomposition(y, { period: 3 });
    close(d.trend, [null, 7, 7.33333333333, 7.66666666667, 8, 8.33333333333, 9, 9.33333333333, 9.66666666667, 10, 10.6666666667, 11, null]);
    close(d.figure, [-1.89814814815, 2.24074074074, -0.342592592593]);
    close(d.random, [null, -0.240740740741, 0.00925925925926, 0.231481481481, -0.240740740741, 0.00925925925926, -0.101851851852, 0.425925925926, -0.324074074074, -0.101851851852, 0.0925925925926, 0.342592592593, null]);
  });

  it("recovers a hand-built linear trend + seasonal pattern exactly", () => {
    const s = [2, -1, 0.5, -1.5];
    const y = Array.from({ length: 24 }, (_, t) => 10 + 0.5 * t + s[t % 4]);
    const d = classicalDecomposition(y, { period: 4 });
    close(d.figure, s, 12);
    for (let t = 2; t < 22; t++) {
      expect(d.trend[t]).toBeCloseTo(10 + 0.5 * t, 12);
      expect(d.random[t]).toBeCloseTo(0, 12);
    }
    const m = [1.2, 0.9, 1.1, 0.8];
    const z = Array.from({ length: 20 }, (_, t) => 20 * m[t % 4]);
    const dm = classicalDecomposition(z, { period: 4, type: "multiplicative" });
    close(dm.figure, m, 12);
    close(dm.trend.slice(2, 18), Array(16).fill(20), 12);
  });

  it("seasonal indices sum to 0 (additive) or average 1 (multiplicative)", () => {
    const y = Array.from({ length: 50 }, (_, t) => 5 + Math.sin(t) + ((t * 7) % 5));
    expect(classicalDecomposition(y, { period: 7 }).figure.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(classicalDecomposition(y, { period: 7, type: "multiplicative" }).figure.reduce((a, b) => a + b, 0) / 7).toBeCloseTo(1, 12);
  });

  it("fails loudly on bad input", () => {
    expect(() => classicalDecomposition([1, 2, 3, 4, 5, 6, 7], { period: 4 })).toThrow(/y has 7 values; classical decomposition needs at least two full periods \(8 for period 4\)/);
    expect(() => classicalDecomposition(x, { period: 40 })).toThrow(/at least two full periods/); // period longer than the series
    expect(() => classicalDecomposition(x, { period: 1 })).toThrow(/period must be an integer >= 2, got 1/);
    expect(() => classicalDecomposition(x, { period: 2.5 })).toThrow(/period must be an integer/);
    expect(() => classicalDecomposition([1, 2, NaN, 4, 5, 6, 7, 8], { period: 2 })).toThrow(/y\[2\] is NaN/);
    expect(() => classicalDecomposition([1, 2, 0, 4, 5, 6, 7, 8], { period: 2, type: "multiplicative" })).toThrow(/needs y > 0; y\[2\] = 0/);
    expect(() => classicalDecomposition(x, { period: 4, type: "mixed" as never })).toThrow(/type must be/);
  });
});
