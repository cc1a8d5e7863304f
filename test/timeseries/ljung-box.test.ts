import { describe, expect, it } from "vitest";
import { ljungBox } from "../../src/timeseries/ljung-box";
import { chiSquareUpper } from "../../src/timeseries/special-functions";
import { createRng } from "../../src/util/rng";

/** Direct computation of Q from its definition (plain loops, no shared code). */
function directQ(x: number[], h: number): number {
  const n = x.length;
  const m = x.reduce((a, b) => a + b, 0) / n;
  const den = x.reduce((a, b) => a + (b - m) ** 2, 0);
  let q = 0;
  for (let k = 1; k <= h; k++) {
    let num = 0;
    for (let t = k; t < n; t++) num += (x[t] - m) * (x[t - k] - m);
    q += (num / den) ** 2 / (n - k);
  }
  return n * (n + 2) * q;
}

describe("Ljung–Box", () => {
  it("equals the direct computation on seeded random series", () => {
    const rng = createRng(13);
    for (const [n, h, fitdf] of [[50, 5, 0], [200, 24, 3], [30, 10, 2]]) {
      const x = Array.from({ length: n }, () => rng.normal());
      const r = ljungBox(x, { lag: h, fitdf });
      expect(r.statistic).toBeCloseTo(directQ(x, h), 10);
      expect(r.df).toBe(h - fitdf);
      expect(r.pValue).toBeCloseTo(chiSquareUpper(r.statistic, h - fitdf), 14);
    }
  });

  it("hand case: alternating ±1 has r₁ = −(n−1)/n and a tiny p-value", () => {
    const x = Array.from({ length: 10 }, (_, t) => (t % 2 ? 1 : -1));
    const r = ljungBox(x, { lag: 1 });
    expect(r.statistic).toBeCloseTo((10 * 12 * 0.81) / 9, 12); // r₁ = −0.9
    expect(r.pValue).toBeLessThan(0.01);
  });

  it("rejects lag ≤ fitdf, NaN and constant series", () => {
    expect(() => ljungBox([1, 2, 3, 4], { lag: 2, fitdf: 2 })).toThrow(/fitdf/);
    expect(() => ljungBox([1, NaN, 3, 4])).toThrow(/NaN/);
    expect(() => ljungBox([2, 2, 2, 2])).toThrow(/constant/);
  });
});
