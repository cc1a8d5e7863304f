import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";
import { haversine } from "../../src/spatial/haversine";
import { radiusOfGyration } from "../../src/spatial/radius-of-gyration";

/** Oracle: r_g² = (1 / 2n²) Σᵢ Σⱼ d(pᵢ, pⱼ)² (exact in a plane, within a fraction of a percent at city scale). */
function pairwiseRg(lat: number[], lon: number[]): number {
  const n = lat.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += haversine(lat[i], lon[i], lat[j], lon[j]) ** 2;
  return Math.sqrt(s / (2 * n * n));
}

describe("radiusOfGyration", () => {
  it("matches the pairwise-distance identity on random users", () => {
    const rng = createRng(8);
    const users: string[] = [];
    const lat: number[] = [];
    const lon: number[] = [];
    for (let u = 0; u < 12; u++) {
      const spread = 0.002 + 0.05 * rng.next(); // 200 m … 5 km
      const m = 5 + rng.int(60);
      for (let k = 0; k < m; k++) {
        users.push(`u${u}`);
        lat.push(31.2 + rng.normal() * spread);
        lon.push(121.5 + rng.normal() * spread);
      }
    }
    const out = radiusOfGyration(pl.DataFrame({ user: users, lat, lon })).toRecords() as { user: string; n_events: number; r_gyration_m: number; centre_lat: number; centre_lon: number }[];
    expect(out.map((r) => r.user)).toEqual(Array.from({ length: 12 }, (_, u) => `u${u}`).sort());
    for (const r of out) {
      const idx = users.map((u, i) => (u === r.user ? i : -1)).filter((i) => i >= 0);
      const la = idx.map((i) => lat[i]);
      const lo = idx.map((i) => lon[i]);
      expect(r.n_events).toBe(idx.length);
      expect(r.r_gyration_m / pairwiseRg(la, lo)).toBeCloseTo(1, 2);
      expect(r.centre_lat).toBeCloseTo(la.reduce((s, v) => s + v, 0) / la.length, 4);
      expect(r.centre_lon).toBeCloseTo(lo.reduce((s, v) => s + v, 0) / lo.length, 4);
    }
  });

  it("hand cases: two places 1112 m apart give half of it, one place gives 0, the antimeridian is not a jump", () => {
    const df = pl.DataFrame({
      user: ["a", "a", "b", "b", "c", "c"],
      lat: [31.23, 31.24, 31.2, 31.2, 10, 10],
      lon: [121.47, 121.47, 121.4, 121.4, 179.995, -179.995],
    });
    const [a, b, c] = radiusOfGyration(df).toRecords() as { r_gyration_m: number; centre_lon: number }[];
    expect(a.r_gyration_m).toBeCloseTo(haversine(31.23, 121.47, 31.24, 121.47) / 2, 3);
    expect(b.r_gyration_m).toBeLessThan(1e-6);
    expect(c.r_gyration_m).toBeCloseTo(haversine(10, 179.995, 10, -179.995) / 2, 0); // ≈ 548 m, not 19 700 km
    expect(Math.abs(c.centre_lon)).toBeCloseTo(180, 6);
  });

  it("fails loudly on bad input", () => {
    expect(() => radiusOfGyration(pl.DataFrame({ user: ["a", "b"], lat: [31, NaN], lon: [121, 121] }))).toThrow(/row 1 \(0-based\) has lat = NaN/);
    expect(() => radiusOfGyration(pl.DataFrame({ user: ["a", null], lat: [31, 31], lon: [121, 121] }))).toThrow(/null user/);
    expect(() => radiusOfGyration(pl.DataFrame({ lat: [31], lon: [121] }))).toThrow(/needs column 'user'/);
  });
});
