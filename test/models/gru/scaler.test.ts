import { describe, expect, it } from "vitest";
import { fitScaler, scaleValues, unscaleValues } from "../../../src/models/gru/scaler";
import { createRng } from "../../../src/util/rng";

describe("scaler", () => {
  it("standard: mean and population sd; minmax: min and range (hand-computed)", () => {
    const s = fitScaler([1, 2, 3], "standard");
    expect(s.center).toBe(2);
    expect(s.scale).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(fitScaler([1, 2, 3], "minmax")).toEqual({ kind: "minmax", center: 1, scale: 2 });
    expect(Array.from(scaleValues([1, 3], { kind: "minmax", center: 1, scale: 2 }))).toEqual([0, 1]);
  });

  it("a constant input gets scale 1 (finite scaled values)", () => {
    expect(fitScaler([5, 5], "standard")).toEqual({ kind: "standard", center: 5, scale: 1 });
    expect(fitScaler([5], "minmax")).toEqual({ kind: "minmax", center: 5, scale: 1 });
  });

  it("scaled training data has mean 0 / sd 1 (standard) or range [0, 1] (minmax); unscale inverts", () => {
    const rng = createRng(3);
    const y = Array.from({ length: 200 }, () => 50 + 7 * rng.normal());
    const z = scaleValues(y, fitScaler(y, "standard"));
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    expect(mean).toBeCloseTo(0, 10);
    expect(Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length)).toBeCloseTo(1, 10);
    const mm = fitScaler(y, "minmax");
    const u = scaleValues(y, mm);
    expect(Math.min(...u)).toBe(0);
    expect(Math.max(...u)).toBeCloseTo(1, 12);
    unscaleValues(u, mm).forEach((v, i) => expect(v).toBeCloseTo(y[i], 10));
  });

  it("rejects bad input", () => {
    expect(() => fitScaler([], "standard")).toThrow(/no values/);
    expect(() => fitScaler([1, NaN], "standard")).toThrow(/values\[1\] is NaN/);
    expect(() => fitScaler([1], "robust" as never)).toThrow(/"standard" or "minmax"/);
  });
});
