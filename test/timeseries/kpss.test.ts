import { describe, expect, it } from "vitest";
import { kpssTest, ndiffs } from "../../src/timeseries/kpss";
import { diff } from "../../src/timeseries/difference";
import { createRng } from "../../src/util/rng";
import { AIR_FILE, GOWALLA_FILE, cumsum, hasAir, hasGowalla, readColumn } from "./reference-series";

describe("KPSS", () => {
  it("hand-checkable: the line 1…10 with 0 and 1 lags", () => {
    // e = t − 5.5; partial sums S = −4.5, −8, −10.5, −12, −12.5, −12, −10.5, −8, −4.5, 0
    // ΣS² = 833.25, Σe² = 82.5: η(0) = (833.25/100)/(82.5/10) = 1.01
    expect(kpssTest([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { lags: 0 }).statistic).toBeCloseTo(1.01, 12);
    // lag-1 products e_t e_{t−1}: 15.75 + 8.75 + 3.75 + 0.75 − 0.25 + 0.75 + 3.75 + 8.75 + 15.75 = 57.75; Bartlett weight ½
    const s2 = 82.5 / 10 + (2 / 10) * 0.5 * 57.75; // 14.025
    expect(kpssTest([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { lags: 1 }).statistic).toBeCloseTo(8.3325 / s2, 12);
  });

  it("p-value interpolates the level table and clamps to [0.01, 0.1]", () => {
    const line = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(kpssTest(line, { lags: 0 }).pValue).toBe(0.01); // 1.01 > 0.739
    const rng = createRng(4);
    const white = Array.from({ length: 200 }, () => rng.normal());
    const r = kpssTest(white);
    expect(r.lags).toBe(Math.trunc((3 * Math.sqrt(200)) / 13));
    if (r.statistic < 0.347) expect(r.pValue).toBe(0.1);
    // with one lag the line has η = 8.3325/14.025 = 0.5941, between the 2.5 % (0.574) and 1 % (0.739) values
    const eta = 8.3325 / 14.025;
    expect(kpssTest(line, { lags: 1 }).pValue).toBeCloseTo(0.025 - (0.015 * (eta - 0.574)) / (0.739 - 0.574), 12);
    // with three lags: s² = 8.25 + 0.2·(¾·57.75 + ½·Σe_t e_{t−2} + ¼·Σe_t e_{t−3}), products 34 and 12.25
    const eta3 = 8.3325 / (8.25 + 0.2 * (0.75 * 57.75 + 0.5 * 34 + 0.25 * 12.25));
    expect(eta3).toBeGreaterThan(0.347);
    expect(kpssTest(line, { lags: 3 }).statistic).toBeCloseTo(eta3, 12);
    expect(kpssTest(line, { lags: 3 }).pValue).toBeCloseTo(0.1 - (0.05 * (eta3 - 0.347)) / (0.463 - 0.347), 12);
  });

  it("ndiffs: 0 for white noise, 1 for a random walk, 2 for an integrated random walk", () => {
    const rng = createRng(8);
    const e = Array.from({ length: 300 }, () => rng.normal());
    expect(ndiffs(e)).toBe(0);
    expect(ndiffs(cumsum(e))).toBe(1);
    expect(ndiffs(cumsum(cumsum(e)))).toBe(2);
    expect(ndiffs(new Float64Array(20).fill(2))).toBe(0);
  });

  // R 4.2.2, urca: ur.kpss(diff(AirPassengers, 12), "mu", use.lag = 2)@teststat = 0.9704025
  it.skipIf(!hasAir)("AirPassengers after a seasonal difference: η = 0.9704025 as urca, so d = 1", () => {
    const dx = diff(readColumn(AIR_FILE), { lag: 12 });
    expect(kpssTest(dx).statistic).toBeCloseTo(0.9704024795, 8);
    expect(ndiffs(dx)).toBe(1);
  });

  it.skipIf(!hasGowalla)("Gowalla: η = 8.359044 before and 0.0952475 after one difference, so d = 1", () => {
    const y = readColumn(GOWALLA_FILE);
    expect(kpssTest(y).statistic).toBeCloseTo(8.359044387, 6);
    expect(kpssTest(diff(y)).statistic).toBeCloseTo(0.09524747055, 8);
    expect(ndiffs(y)).toBe(1);
  });
});

