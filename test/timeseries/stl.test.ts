import { describe, expect, it } from "vitest";
import { stl } from "../../src/timeseries/stl";
import { createRng } from "../../src/util/rng";
import { AIR_FILE, hasAir, readColumn } from "./reference-series";

/** Planted series: linear-plus-sine trend, a fixed seasonal pattern summing to 0, small noise. */
function planted(n: number, period: number, seed: number) {
  const rng = createRng(seed);
  const pattern = Array.from({ length: period }, (_, j) => 10 * Math.sin((2 * Math.PI * j) / period) + (j === 0 ? 4 : 0) - 4 / period);
  const trend = Float64Array.from({ length: n }, (_, t) => 50 + 0.3 * t + 5 * Math.sin(t / 40));
  const seasonal = Float64Array.from({ length: n }, (_, t) => pattern[t % period]);
  const noise = Float64Array.from({ length: n }, () => 0.3 * rng.normal());
  const y = trend.map((v, t) => v + seasonal[t] + noise[t]);
  return { y, trend, seasonal };
}

const rms = (a: Float64Array, b: Float64Array): number => Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0) / a.length);

describe("STL", () => {
  it("recovers a planted trend and seasonal pattern (error well below the seasonal amplitude 10)", () => {
    const { y, trend, seasonal } = planted(240, 12, 5);
    for (const sWindow of ["periodic", 13] as const) {
      const fit = stl(y, { period: 12, sWindow });
      expect(rms(fit.seasonal, seasonal)).toBeLessThan(0.4);
      expect(rms(fit.trend, trend)).toBeLessThan(0.4);
      fit.remainder.forEach((r, t) => expect(r).toBeCloseTo(y[t] - fit.seasonal[t] - fit.trend[t], 10));
    }
  });

  it("a periodic fit is exactly periodic; robust fitting down-weights a planted outlier", () => {
    const { y } = planted(120, 12, 9);
    const per = stl(y, { period: 12, sWindow: "periodic" });
    for (let t = 12; t < 120; t++) expect(per.seasonal[t]).toBeCloseTo(per.seasonal[t - 12], 12);
    const spiked = Float64Array.from(y);
    spiked[60] += 200;
    const robust = stl(spiked, { period: 12, sWindow: 7, robust: true });
    expect(robust.weights[60]).toBe(0);
    expect(Math.abs(robust.remainder[60])).toBeGreaterThan(150);
    expect(robust.windows).toEqual({ s: 7, t: 23, l: 13 });
  });

  it("rejects series of two periods or less and bad windows", () => {
    expect(() => stl(new Float64Array(24), { period: 12, sWindow: 7 })).toThrow(/more than two periods/);
    expect(() => stl(new Float64Array(50), { period: 1, sWindow: 7 })).toThrow(/period/);
    expect(() => stl(new Float64Array(50), { period: 12, sWindow: 2.5 })).toThrow(/sWindow/);
  });

  it.skipIf(!hasAir)("matches R's stats::stl on AirPassengers (s.window 11 and periodic)", () => {
    const y = readColumn(AIR_FILE);
    // R 4.2.2: stl(AirPassengers, s.window = 11)$time.series[c(1, 50, 144), ]
    const a = stl(y, { period: 12, sWindow: 11 });
    const rA = [[-16.97707409, 123.1450569], [-23.35417168, 217.7462658], [-44.19632498, 496.683254]];
    [0, 49, 143].forEach((t, k) => {
      expect(a.seasonal[t]).toBeCloseTo(rA[k][0], 6);
      expect(a.trend[t]).toBeCloseTo(rA[k][1], 6);
    });
    const p = stl(y, { period: 12, sWindow: "periodic" });
    const rP = [[-25.49771834, 127.1873484], [-35.2209348, 220.1263394], [-31.7405155, 497.4299051]];
    [0, 49, 143].forEach((t, k) => {
      expect(p.seasonal[t]).toBeCloseTo(rP[k][0], 6);
      expect(p.trend[t]).toBeCloseTo(rP[k][1], 6);
    });
  });
});
