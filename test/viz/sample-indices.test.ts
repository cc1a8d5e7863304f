import { describe, it, expect } from "vitest";
import { sampleIndices } from "../../src/viz/sample-indices";

describe("sampleIndices", () => {
  it("returns k distinct sorted indices in range, the same for the same seed", () => {
    const a = sampleIndices(100_000, 5_000, 42);
    expect(a.length).toBe(5_000);
    for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
    expect(a[0]).toBeGreaterThanOrEqual(0);
    expect(a[a.length - 1]).toBeLessThan(100_000);
    expect(Array.from(sampleIndices(100_000, 5_000, 42))).toEqual(Array.from(a));
    expect(Array.from(sampleIndices(100_000, 5_000, 43))).not.toEqual(Array.from(a));
  });

  it("returns everything when k >= n", () => {
    expect(Array.from(sampleIndices(5, 9, 1))).toEqual([0, 1, 2, 3, 4]);
    expect(sampleIndices(0, 3, 1).length).toBe(0);
  });

  it("is uniform: every index is chosen with probability k/n (within 4 sigma)", () => {
    const n = 20;
    const k = 5;
    const reps = 8000;
    const hits = new Array(n).fill(0);
    for (let s = 0; s < reps; s++) for (const i of sampleIndices(n, k, s)) hits[i]++;
    const p = k / n;
    const sd = Math.sqrt(reps * p * (1 - p));
    for (const h of hits) expect(Math.abs(h - reps * p)).toBeLessThan(4 * sd);
  });

  it("rejects bad sizes", () => {
    expect(() => sampleIndices(-1, 2, 1)).toThrow(/n must be/);
    expect(() => sampleIndices(10, 1.5, 1)).toThrow(/k must be/);
  });
});
