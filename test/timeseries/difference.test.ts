import { describe, expect, it } from "vitest";
import { diff, undiff } from "../../src/timeseries/difference";
import { createRng } from "../../src/util/rng";

describe("diff / undiff", () => {
  it("differences by hand: squares have constant second differences", () => {
    expect(Array.from(diff([1, 4, 9, 16, 25]))).toEqual([3, 5, 7, 9]);
    expect(Array.from(diff([1, 4, 9, 16, 25], { differences: 2 }))).toEqual([2, 2, 2]);
    expect(Array.from(diff([1, 2, 3, 10, 20, 30], { lag: 3 }))).toEqual([9, 18, 27]);
  });

  it("undiff inverts diff for random seeded series, lags and orders", () => {
    const rng = createRng(7);
    for (const [lag, differences] of [[1, 1], [1, 2], [12, 1], [4, 2]]) {
      const x = Array.from({ length: 60 }, () => rng.normal() * 10);
      const back = undiff(diff(x, { lag, differences }), x.slice(0, lag * differences), { lag, differences });
      expect(back.length).toBe(x.length);
      back.forEach((v, i) => expect(v).toBeCloseTo(x[i], 9));
    }
  });

  it("rejects bad input with the parameter named", () => {
    expect(() => diff([1, NaN, 3])).toThrow(/x\[1\] is NaN/);
    expect(() => diff([1, 2, 3], { lag: 1.5 })).toThrow(/lag must be an integer/);
    expect(() => diff([1, 2], { lag: 2 })).toThrow(/at least 3/);
    expect(() => undiff([1, 2], [1], { lag: 1, differences: 2 })).toThrow(/initial must hold/);
  });
});
