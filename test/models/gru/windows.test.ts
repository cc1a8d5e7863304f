import { describe, expect, it } from "vitest";
import { windowSeries } from "../../../src/models/gru/windows";
import { createRng } from "../../../src/util/rng";

describe("windowSeries", () => {
  it("cuts stride-1 (input, multi-step target) pairs (hand-made case)", () => {
    const w = windowSeries([1, 2, 3, 4, 5], { window: 2, h: 2 });
    expect(w.count).toBe(2);
    expect(Array.from(w.x)).toEqual([1, 2, 2, 3]);
    expect(Array.from(w.y)).toEqual([3, 4, 4, 5]);
    expect(Array.from(w.targetStart)).toEqual([2, 3]);
  });

  it("keeps every target inside [from, to) and matches a brute-force loop", () => {
    const rng = createRng(9);
    const y = Array.from({ length: 60 }, () => rng.normal());
    for (const [window, h, from, to] of [
      [5, 3, 0, 40],
      [4, 6, 40, 60],
      [10, 1, 12, 30],
    ]) {
      const w = windowSeries(y, { window, h, from, to });
      const oracle: { x: number[]; y: number[] }[] = [];
      for (let t = Math.max(window, from); t + h <= to; t++) oracle.push({ x: y.slice(t - window, t), y: y.slice(t, t + h) });
      expect(w.count).toBe(oracle.length);
      oracle.forEach((o, r) => {
        expect(Array.from(w.x.subarray(r * window, (r + 1) * window))).toEqual(o.x.map(Math.fround));
        expect(Array.from(w.y.subarray(r * h, (r + 1) * h))).toEqual(o.y.map(Math.fround));
        expect(w.targetStart[r]).toBeGreaterThanOrEqual(from);
        expect(w.targetStart[r] + h).toBeLessThanOrEqual(to);
      });
    }
  });

  it("returns no window when the range is too short and rejects bad options", () => {
    expect(windowSeries([1, 2, 3], { window: 2, h: 2 }).count).toBe(0);
    expect(() => windowSeries([1, 2, 3], { window: 0, h: 1 })).toThrow(/window must be an integer >= 1/);
    expect(() => windowSeries([1, 2, 3], { window: 1, h: -1 })).toThrow(/h must be an integer >= 1/);
    expect(() => windowSeries([1, 2, 3], { window: 1, h: 1, to: 9 })).toThrow(/from\/to/);
  });
});
