import { describe, expect, it } from "vitest";
import { esdCriticalValue, generalizedEsd } from "../../src/timeseries/generalized-esd";
import { createRng } from "../../src/util/rng";

// Rosner's 54 values, as in the NIST/SEMATECH e-Handbook (section 1.3.5.17.3)
const ROSNER = [
  -0.25, 0.68, 0.94, 1.15, 1.2, 1.26, 1.26, 1.34, 1.38, 1.43, 1.49, 1.49, 1.55, 1.56, 1.58, 1.65, 1.69, 1.7, 1.76, 1.77, 1.81,
  1.91, 1.94, 1.96, 1.99, 2.06, 2.09, 2.1, 2.14, 2.15, 2.23, 2.24, 2.26, 2.35, 2.37, 2.4, 2.47, 2.54, 2.62, 2.64, 2.9, 2.92,
  2.92, 2.93, 3.21, 3.26, 3.3, 3.59, 3.68, 4.3, 4.64, 5.34, 5.42, 6.01,
];

describe("generalizedEsd", () => {
  it("reproduces the NIST handbook example: R_i, λ_i and 3 outliers", () => {
    // NIST table (and R with qt): R_i and λ_i for i = 1 … 10
    const R = [3.118906, 2.942973, 3.179424, 2.810181, 2.81558, 2.848172, 2.279327, 2.310366, 2.101581, 2.067178];
    const L = [3.158794, 3.15143, 3.14389, 3.136165, 3.128247, 3.120128, 3.111796, 3.103243, 3.094456, 3.085425];
    const r = generalizedEsd(ROSNER, { maxAnomalies: 10, alpha: 0.05 });
    R.forEach((v, i) => expect(r.statistics[i]).toBeCloseTo(v, 5));
    L.forEach((v, i) => expect(r.critical[i]).toBeCloseTo(v, 5));
    expect(r.anomalies.map((i) => ROSNER[i])).toEqual([6.01, 5.42, 5.34]);
    expect(r.candidates.map((i) => ROSNER[i]).slice(3, 6)).toEqual([4.64, -0.25, 4.3]);
    expect(esdCriticalValue(54, 1, 0.05)).toBeCloseTo(3.158794, 5);
  });

  it("finds planted outliers in normal noise and keeps the false-alarm rate near α", () => {
    const rng = createRng(12);
    let falseAlarms = 0;
    for (let rep = 0; rep < 100; rep++) {
      const x = Array.from({ length: 100 }, () => rng.normal());
      if (generalizedEsd(x, { maxAnomalies: 5 }).anomalies.length > 0) falseAlarms++;
    }
    expect(falseAlarms).toBeLessThanOrEqual(12); // α = 0.05 over the whole test: ~5 expected
    const x = Array.from({ length: 200 }, () => rng.normal());
    x[20] = 8;
    x[150] = -7;
    x[151] = 6.5;
    const r = generalizedEsd(x, { maxAnomalies: 10 });
    expect([...r.anomalies].sort((a, b) => a - b)).toEqual([20, 150, 151]);
  });

  it("robust variant (median/MAD) agrees on clear outliers", () => {
    const rng = createRng(13);
    const x = Array.from({ length: 120 }, () => 10 + rng.normal());
    x[5] = 30;
    x[60] = -5;
    expect([...generalizedEsd(x, { maxAnomalies: 6, robust: true }).anomalies].sort((a, b) => a - b)).toEqual([5, 60]);
  });

  it("stops when the rest is constant; bad input fails loudly", () => {
    const r = generalizedEsd([1, 1, 1, 1, 1, 1, 1, 9], { maxAnomalies: 3 });
    expect(r.anomalies).toEqual([7]);
    expect(r.statistics.length).toBe(1);
    expect(() => generalizedEsd([1, 2])).toThrow(/at least 3/);
    expect(() => generalizedEsd([1, 2, NaN, 4])).toThrow(/x\[2\] is NaN/);
    expect(() => generalizedEsd(ROSNER, { maxAnomalies: 53 })).toThrow(/maxAnomalies must be an integer in \[1, 52\]/);
    expect(() => generalizedEsd(ROSNER, { alpha: 0 })).toThrow(/alpha must be in \(0, 1\)/);
  });
});
