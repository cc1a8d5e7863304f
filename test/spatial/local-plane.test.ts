import { describe, it, expect } from "vitest";
import { createRng } from "../../src/util/rng";
import { haversine } from "../../src/spatial/haversine";
import { fromLocalPlane, localPlane, planeCentre, toLocalPlane } from "../../src/spatial/local-plane";

describe("local equirectangular plane", () => {
  it("round-trips and keeps the centre at the origin", () => {
    const p = localPlane(31.23, 121.47);
    const rng = createRng(1);
    const lat = Float64Array.from({ length: 100 }, () => 31.23 + (rng.next() - 0.5) * 0.5);
    const lon = Float64Array.from({ length: 100 }, () => 121.47 + (rng.next() - 0.5) * 0.5);
    const { x, y } = toLocalPlane(p, lat, lon);
    const back = fromLocalPlane(p, x, y);
    for (let i = 0; i < 100; i++) {
      expect(back.lat[i]).toBeCloseTo(lat[i], 10);
      expect(back.lon[i]).toBeCloseTo(lon[i], 10);
    }
    const o = toLocalPlane(p, [31.23], [121.47]);
    expect([o.x[0], o.y[0]]).toEqual([0, 0]);
  });

  it("plane distances are within 0.5 % of haversine for points within 30 km of the centre at 31° N", () => {
    const p = localPlane(31.23, 121.47);
    const rng = createRng(2);
    let worst = 0;
    for (let k = 0; k < 3000; k++) {
      const pt = () => {
        const r = 30_000 * Math.sqrt(rng.next());
        const t = 2 * Math.PI * rng.next();
        return fromLocalPlane(p, [r * Math.cos(t)], [r * Math.sin(t)]);
      };
      const a = pt();
      const b = pt();
      const d = haversine(a.lat[0], a.lon[0], b.lat[0], b.lon[0]);
      if (d < 100) continue;
      const pa = toLocalPlane(p, a.lat, a.lon);
      const pb = toLocalPlane(p, b.lat, b.lon);
      worst = Math.max(worst, Math.abs(Math.hypot(pa.x[0] - pb.x[0], pa.y[0] - pb.y[0]) / d - 1));
    }
    expect(worst).toBeLessThan(0.005);
    expect(worst).toBeGreaterThan(0); // it is an approximation, not exact
  });

  it("centres across the antimeridian with a circular mean", () => {
    const c = planeCentre([10, 20], [179, -179]);
    expect(c.lat).toBe(15);
    expect(Math.abs(Math.abs(c.lon) - 180)).toBeLessThan(1e-9);
    const p = localPlane(10, 179.5);
    expect(toLocalPlane(p, [10], [-179.5]).x[0]).toBeCloseTo(p.mPerDegLon, 6); // one degree east, not 359 west
    expect(() => localPlane(90, 0)).toThrow(/lat0/);
  });
});
