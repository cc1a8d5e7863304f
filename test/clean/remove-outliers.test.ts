import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { outlierBounds, quantileSorted } from "../../src/clean/outlier-bounds";
import { removeOutliers } from "../../src/clean/remove-outliers";
import { createRng } from "../../src/util/rng";

/** Oracle quantile (type 7, written with 1-based ranks): r = 1 + (n − 1)q. */
function q7(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const r = 1 + (s.length - 1) * q;
  const lo = Math.floor(r);
  const frac = r - lo;
  return lo >= s.length ? s[s.length - 1] : s[lo - 1] + frac * (s[lo] - s[lo - 1]);
}

function oracleFlags(values: (number | null)[], method: "zscore" | "iqr", t: number, k: number): boolean[] {
  const xs = values.filter((v): v is number => v !== null && !Number.isNaN(v));
  if (method === "zscore") {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    return values.map((v) => v !== null && !Number.isNaN(v) && Math.abs((v - mean) / sd) > t);
  }
  const a = q7(xs, 0.25);
  const b = q7(xs, 0.75);
  return values.map((v) => v !== null && !Number.isNaN(v) && (v < a - k * (b - a) || v > b + k * (b - a)));
}

function sample(seed: number): (number | null)[] {
  const rng = createRng(seed);
  const v: (number | null)[] = [];
  for (let i = 0; i < 500; i++) {
    const u = rng.next();
    v.push(u < 0.02 ? null : u < 0.04 ? NaN : u < 0.07 ? 10 + rng.normal() * 20 : rng.normal() * 2 + 5);
  }
  return v;
}

describe("outlierBounds / quantileSorted", () => {
  it("computes type-7 quantiles and IQR fences by hand", () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25)).toBeCloseTo(1.75);
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5)).toBeCloseTo(2.5);
    // Q1 = 2, Q3 = 4, IQR = 2 -> [-1, 7]
    expect(outlierBounds(Float64Array.of(1, 2, 3, 4, 100), "iqr", 3, 1.5)).toEqual({ lower: -1, upper: 7 });
  });

  it("gives no outliers for a constant sample or fewer than two values (z-score)", () => {
    expect(outlierBounds(Float64Array.of(2, 2, 2), "zscore", 3, 1.5)).toEqual({ lower: -Infinity, upper: Infinity });
    expect(outlierBounds(Float64Array.of(2), "zscore", 3, 1.5)).toEqual({ lower: -Infinity, upper: Infinity });
  });
});

describe("removeOutliers", () => {
  it.each([
    [1, "zscore", 3, 1.5],
    [2, "zscore", 2, 1.5],
    [3, "iqr", 3, 1.5],
    [4, "iqr", 3, 3],
  ] as const)("matches an oracle on seeded data (seed %i, %s, t=%d, k=%d)", (seed, method, t, k) => {
    const values = sample(seed);
    const df = pl.DataFrame({ id: values.map((_, i) => i), rating: values }, { schema: { id: pl.Int32, rating: pl.Float64 } });
    const expected = oracleFlags(values, method, t, k);
    expect(expected.filter(Boolean).length).toBeGreaterThan(3); // the planted outliers are there
    const flagged = removeOutliers(df, { column: "rating", method, threshold: t, k, mode: "flag" });
    expect(flagged.frame.getColumn("rating_outlier").toArray()).toEqual(expected);
    expect(flagged.report[0]).toEqual({
      step: "removeOutliers",
      reason: `rating_outlier_${method}`,
      rowsIn: 500,
      rowsOut: 500,
      valuesChanged: expected.filter(Boolean).length,
    });
    const dropped = removeOutliers(df, { column: "rating", method, threshold: t, k });
    expect(dropped.frame.getColumn("id").toArray()).toEqual(values.map((_, i) => i).filter((i) => !expected[i]));
    expect(dropped.report[0].rowsOut).toBe(500 - expected.filter(Boolean).length);
  });

  it("keeps null and NaN values (never outliers)", () => {
    const df = pl.DataFrame({ rating: [1, 2, 3, 4, 100, null, NaN] });
    const { frame } = removeOutliers(df, { column: "rating", method: "iqr" });
    expect(frame.height).toBe(6);
    expect(frame.getColumn("rating").toArray().slice(0, 4)).toEqual([1, 2, 3, 4]);
  });

  it("validates its options", () => {
    const df = pl.DataFrame({ rating: [1, 2, 3] });
    expect(() => removeOutliers(df, {})).toThrow(/column/);
    expect(() => removeOutliers(df, { column: "nope" })).toThrow(/nope/);
    expect(() => removeOutliers(df, { column: "rating", threshold: 0 })).toThrow(/threshold/);
    expect(() => removeOutliers(df, { column: "rating", method: "iqr", k: -1 })).toThrow(/k must/);
    expect(() => removeOutliers(df, { column: "rating", mode: "clip" as never })).toThrow(/mode/);
  });
});
