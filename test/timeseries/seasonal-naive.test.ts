import { describe, expect, it } from "vitest";
import { seasonalNaive, seasonalNaiveForecaster } from "../../src/timeseries/seasonal-naive";
import { createRng } from "../../src/util/rng";

describe("seasonalNaive", () => {
  it("repeats the last season, cycling past one period", () => {
    expect(Array.from(seasonalNaive([1, 2, 3, 4, 5, 6], { period: 3, h: 7 }))).toEqual([4, 5, 6, 4, 5, 6, 4]);
    expect(Array.from(seasonalNaive([9, 1, 2], { period: 3, h: 2 }))).toEqual([9, 1]); // exactly one season of data
  });

  it("is the naive (last value) forecast with period 1, the default", () => {
    expect(Array.from(seasonalNaive([1, 2, 3], { h: 3 }))).toEqual([3, 3, 3]);
    expect(Array.from(seasonalNaive(Float64Array.of(7)))).toEqual([7]);
  });

  it("matches the textbook formula ŷ(T+k) = y(T + k − m·(⌊(k−1)/m⌋ + 1)) on random inputs", () => {
    const rng = createRng(5);
    for (let trial = 0; trial < 20; trial++) {
      const m = 1 + rng.int(8);
      const n = m + rng.int(20);
      const h = 1 + rng.int(25);
      const y = Array.from({ length: n }, () => rng.normal());
      const fc = seasonalNaive(y, { period: m, h });
      for (let k = 1; k <= h; k++) expect(fc[k - 1]).toBe(y[n - 1 + k - m * (Math.floor((k - 1) / m) + 1)]);
    }
  });

  it("does not modify its input and rejects bad options", () => {
    const y = [1, 2, 3];
    seasonalNaive(y, { period: 2, h: 5 });
    expect(y).toEqual([1, 2, 3]);
    expect(() => seasonalNaive(y, { period: 0 })).toThrow(/period must be an integer >= 1/);
    expect(() => seasonalNaive(y, { h: 1.5 })).toThrow(/h must be an integer >= 1/);
    expect(() => seasonalNaive(y, { period: 4 })).toThrow(/3 values; at least period \(4\)/);
    expect(() => seasonalNaive([1, NaN, 3], { period: 2 })).toThrow(/y\[1\] is NaN/);
  });

  it("seasonalNaiveForecaster wraps it as (train, h) => forecasts", () => {
    const f = seasonalNaiveForecaster({ period: 2 });
    expect(Array.from(f(Float64Array.of(1, 2, 3, 4), 3))).toEqual([3, 4, 3]);
    expect(() => seasonalNaiveForecaster({ period: -1 })).toThrow(/period/);
  });
});
