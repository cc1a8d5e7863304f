import { describe, expect, it } from "vitest";
import { nsdiffs, seasonalStrength } from "../../src/timeseries/seasonal-strength";
import { createRng } from "../../src/util/rng";
import { AIR_FILE, GOWALLA_FILE, hasAir, hasGowalla, readColumn } from "./reference-series";

describe("seasonal strength and nsdiffs", () => {
  it("is near 1 for a planted strong season, near 0 for white noise, and decides D accordingly", () => {
    const rng = createRng(21);
    const seasonal = Float64Array.from({ length: 120 }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / 12) + 0.5 * rng.normal() + 0.05 * t);
    const noise = Float64Array.from({ length: 120 }, () => rng.normal());
    expect(seasonalStrength(seasonal, { period: 12 })).toBeGreaterThan(0.95);
    expect(seasonalStrength(noise, { period: 12 })).toBeLessThan(0.4);
    expect(nsdiffs(seasonal, { period: 12 })).toBe(1);
    expect(nsdiffs(noise, { period: 12 })).toBe(0);
  });

  it("returns D = 0 for constant or too-short series, and names a bad period", () => {
    expect(nsdiffs(new Float64Array(60).fill(3), { period: 12 })).toBe(0);
    expect(nsdiffs(Float64Array.from({ length: 20 }, (_, t) => t % 12), { period: 12 })).toBe(0);
    expect(() => nsdiffs([1, 2, 3, 4, 5], { period: 1 })).toThrow(/period/);
  });

  // R 4.2.2, forecast 8.20: forecast:::seas.heuristic(AirPassengers) = 0.9406725; Gowalla (frequency 7) = 0.4592455
  it.skipIf(!hasAir)("AirPassengers: F_s = 0.9406725 as forecast:::seas.heuristic, so D = 1", () => {
    const y = readColumn(AIR_FILE);
    expect(seasonalStrength(y, { period: 12 })).toBeCloseTo(0.9406725, 6);
    expect(nsdiffs(y, { period: 12 })).toBe(1);
  });

  it.skipIf(!hasGowalla)("Gowalla daily check-ins: F_s = 0.4592455, so D = 0", () => {
    const y = readColumn(GOWALLA_FILE);
    expect(seasonalStrength(y, { period: 7 })).toBeCloseTo(0.4592455, 6);
    expect(nsdiffs(y, { period: 7 })).toBe(0);
  });
});
