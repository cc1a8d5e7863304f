import { describe, expect, it } from "vitest";
import { arInverseTransform, arTransform, expandArma, isStationary, maInvert } from "../../src/timeseries/arima-params";
import { modulus, polyRoots } from "../../src/timeseries/polyroot";
import { createRng } from "../../src/util/rng";

/** Evaluates c0 + c1 z + … at complex z. */
function evalPoly(c: number[], [zr, zi]: [number, number]): number {
  let pr = 0, pi = 0;
  for (let i = c.length - 1; i >= 0; i--) [pr, pi] = [pr * zr - pi * zi + c[i], pr * zi + pi * zr];
  return Math.hypot(pr, pi);
}

describe("ARIMA parameter algebra", () => {
  it("polyRoots finds roots of known polynomials", () => {
    expect(polyRoots([1, -0.5])[0][0]).toBeCloseTo(2, 12);
    const r = polyRoots([6, -5, 1]).map((z) => z[0]).sort();
    expect(r[0]).toBeCloseTo(2, 10);
    expect(r[1]).toBeCloseTo(3, 10);
    polyRoots([1, 0, 1]).forEach((z) => expect(modulus(z)).toBeCloseTo(1, 12));
    const rng = createRng(2);
    const c = [1, ...Array.from({ length: 6 }, () => rng.normal())];
    polyRoots(c).forEach((z) => expect(evalPoly(c, z)).toBeLessThan(1e-9));
  });

  it("the AR transform always gives a stationary polynomial and inverts exactly", () => {
    const rng = createRng(5);
    for (let k = 0; k < 50; k++) {
      const u = Array.from({ length: 1 + (k % 4) }, () => rng.normal());
      const phi = arTransform(u);
      const roots = polyRoots([1, ...Array.from(phi, (v) => -v)]);
      roots.forEach((z) => expect(modulus(z)).toBeGreaterThan(1));
      expect(isStationary(phi)).toBe(true);
      arInverseTransform(phi).forEach((v, i) => expect(v).toBeCloseTo(u[i], 8));
    }
    expect(arTransform([0.3])[0]).toBeCloseTo(Math.tanh(0.3), 15);
  });

  it("isStationary agrees with the root moduli, also at radius 1.01", () => {
    const rng = createRng(6);
    for (let k = 0; k < 200; k++) {
      const a = Array.from({ length: 1 + (k % 3) }, () => 1.5 * rng.normal());
      const minRoot = Math.min(...polyRoots([1, ...a.map((v) => -v)]).map(modulus));
      expect(isStationary(a)).toBe(minRoot > 1);
      expect(isStationary(a, 1.01)).toBe(minRoot > 1.01);
    }
  });

  it("expands seasonal polynomials: (1 − 0.5B)(1 − 0.3B⁴) and (1 + 0.4B)(1 + 0.6B⁴)", () => {
    const o = { p: 1, d: 0, q: 1, P: 1, D: 0, Q: 1, s: 4 };
    const { phi, theta } = expandArma([0.5, 0.4, 0.3, 0.6], o);
    expect(Array.from(phi)).toEqual([0.5, 0, 0, 0.3, -0.15]);
    expect(Array.from(theta).map((v) => Number(v.toFixed(12)))).toEqual([0.4, 0, 0, 0.6, 0.24]);
  });

  it("maInvert reflects roots inside the unit circle and keeps invertible polynomials", () => {
    expect(maInvert([2])[0]).toBeCloseTo(0.5, 15);
    expect(Array.from(maInvert([0.5, 0.2]))).toEqual([0.5, 0.2]);
    // (1 + 2z)(1 + 0.25z) = 1 + 2.25z + 0.5z²  →  (1 + 0.5z)(1 + 0.25z) = 1 + 0.75z + 0.125z²
    const inv = maInvert([2.25, 0.5]);
    expect(inv[0]).toBeCloseTo(0.75, 10);
    expect(inv[1]).toBeCloseTo(0.125, 10);
  });
});
