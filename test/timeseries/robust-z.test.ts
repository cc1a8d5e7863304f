import { describe, expect, it } from "vitest";
import { median, robustZScore } from "../../src/timeseries/robust-z";
import { createRng } from "../../src/util/rng";

describe("robustZScore", () => {
  it("hand-computed: median 10, MAD 1 → σ̂ = 1.4826", () => {
    const r = robustZScore([10, 11, 9, 10, 50]);
    expect(r.median).toBe(10);
    expect(r.scale).toBeCloseTo(1.4826, 12);
    expect(r.z[4]).toBeCloseTo(40 / 1.4826, 10);
    expect(r.z[1]).toBeCloseTo(1 / 1.4826, 10);
    expect(r.anomalies).toEqual([4]);
    expect(robustZScore([10, 11, 9, 10, -50], { direction: "high" }).anomalies).toEqual([]);
    expect(robustZScore([10, 11, 9, 10, -50], { direction: "low" }).anomalies).toEqual([4]);
  });

  it("σ̂ estimates σ on normal data, unaffected by 5 % gross outliers that it flags", () => {
    const rng = createRng(8);
    const x = Array.from({ length: 4000 }, () => 100 + 5 * rng.normal());
    const planted = [17, 400, 1999, 3000];
    for (const i of planted) x[i] += i % 2 ? -60 : 60;
    const r = robustZScore(x);
    expect(Math.abs(r.scale / 5 - 1)).toBeLessThan(0.05);
    for (const i of planted) expect(r.anomalies).toContain(i);
    expect(r.anomalies.length).toBeLessThan(planted.length + 4); // P(|z| > 3.5) ≈ 5e-4 on 4000 normals
  });

  it("MAD = 0 falls back to 1.2533 × mean absolute deviation; a constant series flags nothing", () => {
    const r = robustZScore([5, 5, 5, 5, 5, 9]);
    expect(r.scale).toBeCloseTo(1.2533 * (4 / 6), 12);
    expect(r.anomalies).toEqual([5]);
    const c = robustZScore([2, 2, 2]);
    expect(c.scale).toBe(0);
    expect(Array.from(c.z)).toEqual([0, 0, 0]);
    expect(c.anomalies).toEqual([]);
  });

  it("median helper and bad input", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => robustZScore([1, NaN])).toThrow(/x\[1\] is NaN/);
    expect(() => robustZScore([1, 2], { threshold: 0 })).toThrow(/threshold must be > 0/);
    expect(() => robustZScore([1, 2], { direction: "up" as never })).toThrow(/direction must be/);
    expect(() => robustZScore([])).toThrow(/at least 1/);
  });
});
