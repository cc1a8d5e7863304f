import { describe, it, expect } from "vitest";
import { createRng } from "../../src/util/rng";
import { EARTH_RADIUS_M, haversine, haversinePairs, haversineTo } from "../../src/spatial/haversine";

const RAD = Math.PI / 180;

/** Oracle: great-circle distance from the chord between unit vectors, d = 2R·asin(|u − v| / 2). */
function chordDistance(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const u = [Math.cos(lat1 * RAD) * Math.cos(lon1 * RAD), Math.cos(lat1 * RAD) * Math.sin(lon1 * RAD), Math.sin(lat1 * RAD)];
  const v = [Math.cos(lat2 * RAD) * Math.cos(lon2 * RAD), Math.cos(lat2 * RAD) * Math.sin(lon2 * RAD), Math.sin(lat2 * RAD)];
  const chord = Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]);
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, chord / 2));
}

describe("haversine", () => {
  it("matches hand-computed distances", () => {
    const quarter = (Math.PI / 2) * EARTH_RADIUS_M; // ≈ 10 007 557 m
    expect(haversine(0, 0, 0, 90)).toBeCloseTo(quarter, 4);
    expect(haversine(0, 0, 90, 0)).toBeCloseTo(quarter, 4);
    expect(haversine(0, 0, 0, 180)).toBeCloseTo(2 * quarter, 4); // antipodes: π R
    expect(haversine(31.23, 121.47, 31.24, 121.47)).toBeCloseTo(0.01 * RAD * EARTH_RADIUS_M, 6); // 1111.95 m
    // one degree of longitude at 60° is half a degree at the equator (to first order)
    expect(haversine(60, 10, 60, 10.001) / haversine(0, 10, 0, 10.001)).toBeCloseTo(0.5, 6);
    expect(haversine(10, 179.9995, 10, -179.9995)).toBeCloseTo(0.001 * RAD * EARTH_RADIUS_M * Math.cos(10 * RAD), 3); // across the antimeridian
    expect(haversine(1, 2, 1, 2)).toBe(0);
    expect(haversine(NaN, 0, 0, 0)).toBeNaN();
  });

  it("agrees with the chord formula on random pairs at every scale, and is symmetric", () => {
    const rng = createRng(3);
    for (let k = 0; k < 2000; k++) {
      const lat1 = rng.next() * 180 - 90;
      const lon1 = rng.next() * 360 - 180;
      const scale = 10 ** (rng.next() * 5 - 4); // 1e-4 … 10 degrees apart
      const lat2 = Math.max(-90, Math.min(90, lat1 + (rng.next() - 0.5) * scale));
      const lon2 = lon1 + (rng.next() - 0.5) * scale;
      const d = haversine(lat1, lon1, lat2, lon2);
      expect(Math.abs(d - chordDistance(lat1, lon1, lat2, lon2))).toBeLessThan(1e-6 * Math.max(1, d));
      expect(d).toBe(haversine(lat2, lon2, lat1, lon1));
    }
  });

  it("vectorised helpers equal the scalar function element by element", () => {
    const rng = createRng(5);
    const n = 300;
    const a = Float64Array.from({ length: n }, () => 31 + rng.next());
    const b = Float64Array.from({ length: n }, () => 121 + rng.next());
    const c = Float64Array.from({ length: n }, () => 31 + rng.next());
    const d = Float64Array.from({ length: n }, () => 121 + rng.next());
    const to = haversineTo(a, b, 31.2, 121.5);
    const pairs = haversinePairs(a, b, c, d);
    for (let i = 0; i < n; i++) {
      expect(to[i]).toBeCloseTo(haversine(a[i], b[i], 31.2, 121.5), 6);
      expect(pairs[i]).toBe(haversine(a[i], b[i], c[i], d[i]));
    }
    expect(() => haversineTo([1, 2], [1], 0, 0)).toThrow(/differ in length/);
    expect(() => haversinePairs([1], [1], [1, 2], [1])).toThrow(/same length/);
  });
});
