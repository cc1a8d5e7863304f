import { describe, expect, it } from "vitest";
import { mae, mase, rmse, smape } from "../../src/timeseries/forecast-metrics";
import { createRng } from "../../src/util/rng";

describe("forecast metrics: hand-computed cases", () => {
  const y = Float64Array.of(1, 2, 3);
  const f = Float64Array.of(2, 2, 5);

  it("mae = mean |error|", () => {
    expect(mae(y, f)).toBe(1); // (1 + 0 + 2) / 3
    expect(mae(y, y)).toBe(0);
  });

  it("rmse = sqrt(mean error²)", () => {
    expect(rmse(y, f)).toBeCloseTo(Math.sqrt(5 / 3), 12); // (1 + 0 + 4) / 3
  });

  it("smape is on the 0–200 % scale with |y| + |ŷ| in the denominator", () => {
    // 50 · (2·10/210 + 2·20/380) = 10.025062…
    expect(smape([100, 200], [110, 180])).toBeCloseTo(50 * (20 / 210 + 40 / 380), 10);
    expect(smape([1, 2], [0, 0])).toBe(200); // every forecast 0 where y != 0: the maximum
    expect(smape([5], [-5])).toBe(200); // wrong sign
    // y = ŷ = 0 counts as a perfect term: (0 + 2·2/2)·100/2 = 100
    expect(smape([0, 1], [0, -1])).toBe(100);
  });

  it("mase scales by the in-sample (seasonal) naive MAE (Hyndman & Koehler 2006)", () => {
    // period 1: scale = mean(|3−1|, |5−3|) = 2; MAE = 1
    expect(mase([7, 9], [8, 8], [1, 3, 5])).toBe(0.5);
    // period 2 on [1, 2, 5, 6, 9]: |5−1|, |6−2|, |9−5| → scale 4; MAE of ([10, 11] vs [12, 12]) = 1.5
    expect(mase([10, 11], [12, 12], [1, 2, 5, 6, 9], { period: 2 })).toBe(1.5 / 4);
    // a constant training series has scale 0: infinite MASE for any error, NaN for none
    expect(mase([1], [2], [3, 3, 3])).toBe(Infinity);
    expect(mase([1], [1], [3, 3, 3])).toBeNaN();
  });
});

describe("forecast metrics: against a brute-force oracle on random seeded inputs", () => {
  it.each([1, 2, 3])("seed %i", (seed) => {
    const rng = createRng(seed);
    const n = 5 + rng.int(30);
    const a = Float64Array.from({ length: n }, () => 10 * rng.normal());
    const b = Float64Array.from({ length: n }, () => 10 * rng.normal());
    const train = Array.from({ length: 40 }, () => rng.normal());
    const m = 1 + rng.int(6);
    const errs = [...a].map((v, i) => v - b[i]);
    const oracleMae = errs.reduce((s, e) => s + Math.abs(e), 0) / n;
    expect(mae(a, b)).toBeCloseTo(oracleMae, 12);
    expect(rmse(a, b)).toBeCloseTo(Math.sqrt(errs.reduce((s, e) => s + e * e, 0) / n), 12);
    expect(rmse(a, b)).toBeGreaterThanOrEqual(mae(a, b));
    expect(smape(a, b)).toBeCloseTo((100 / n) * [...a].reduce((s, v, i) => s + (2 * Math.abs(v - b[i])) / (Math.abs(v) + Math.abs(b[i])), 0), 10);
    expect(smape(a, b)).toBeLessThanOrEqual(200);
    const diffs = train.slice(m).map((v, t) => Math.abs(v - train[t]));
    expect(mase(a, b, train, { period: m })).toBeCloseTo(oracleMae / (diffs.reduce((s, d) => s + d, 0) / diffs.length), 10);
  });
});

describe("forecast metrics: bad input fails loudly", () => {
  it("names the problem", () => {
    expect(() => mae([], [])).toThrow(/empty/);
    expect(() => rmse([1, 2], [1])).toThrow(/2 values but forecast has 1/);
    expect(() => smape([1, NaN], [1, 1])).toThrow(/actual\[1\] is NaN/);
    expect(() => mae([1], [Infinity])).toThrow(/forecast\[0\] is Infinity/);
    expect(() => mase([1], [1], [1, 2], { period: 0 })).toThrow(/period must be an integer >= 1/);
    expect(() => mase([1], [1], [1, 2], { period: 2 })).toThrow(/train has 2 values; more than period \(2\)/);
    expect(() => mase([1], [1], [1, NaN, 2])).toThrow(/train\[1\] is NaN/);
  });
});
