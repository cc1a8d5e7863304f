import { describe, expect, it } from "vitest";
import { detrend } from "../../src/timeseries/detrend";
import { createRng } from "../../src/util/rng";

describe("detrend", () => {
  it("hand-computed: mean and least-squares line", () => {
    expect(Array.from(detrend([1, 2, 3], "mean"))).toEqual([-1, 0, 1]);
    // line 0.8 + 1.3 t through (0,1), (1,2), (2,3), (3,5)
    const r = detrend([1, 2, 3, 5], "linear");
    [0.2, -0.1, -0.4, 0.3].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 12));
    expect(Array.from(detrend([4, 5], "none"))).toEqual([4, 5]);
  });

  it("linear residuals sum to zero and are orthogonal to t; an exact line leaves zeros", () => {
    const rng = createRng(5);
    const x = Array.from({ length: 50 }, (_, t) => 3 - 0.2 * t + rng.normal());
    const r = detrend(x);
    expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10);
    expect(r.reduce((a, v, t) => a + v * t, 0)).toBeCloseTo(0, 8);
    const line = detrend(Array.from({ length: 10 }, (_, t) => 7 + 2 * t));
    for (const v of line) expect(Math.abs(v)).toBeLessThan(1e-12);
    expect(x[0]).not.toBe(r[0]); // input untouched, output new
  });

  it("fails loudly on bad input", () => {
    expect(() => detrend([1, Infinity])).toThrow(/x\[1\] is Infinity/);
    expect(() => detrend([1], "linear")).toThrow(/at least 2/);
    expect(() => detrend([1, 2], "quadratic" as never)).toThrow(/detrend must be "none", "mean" or "linear"/);
  });
});
