import { describe, expect, it } from "vitest";
import { createRng } from "../../src/util/rng";
import { CATEGORIES, REGIONS } from "../../src/generate/city-config";
import { apportion, buildCity, nearestRegionWith, randomPointIn } from "../../src/generate/city";

describe("apportion", () => {
  it("splits by largest remainder (hand-checked)", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // exact 3.5, 1.75, 1.75 → floors 3, 1, 1; the two largest remainders get the 2 left
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it("always sums to the total", () => {
    const rng = createRng(3);
    for (let k = 0; k < 50; k++) {
      const w = Array.from({ length: 1 + rng.int(8) }, () => rng.next() + 0.01);
      const total = rng.int(1000);
      expect(apportion(total, w).reduce((s, x) => s + x, 0)).toBe(total);
    }
  });
});

describe("randomPointIn", () => {
  it("draws uniformly inside the disc (half the points within r/√2)", () => {
    const rng = createRng(11);
    const r = REGIONS[0];
    const kmLat = 111.32;
    const kmLon = 111.32 * Math.cos((r.lat * Math.PI) / 180);
    let inner = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const p = randomPointIn(r, rng);
      const d = Math.hypot((p.lat - r.lat) * kmLat, (p.lon - r.lon) * kmLon);
      expect(d).toBeLessThanOrEqual(r.radiusKm + 1e-3);
      expect(Math.round(p.lat * 1e6) / 1e6).toBe(p.lat);
      if (d <= r.radiusKm / Math.SQRT2) inner++;
    }
    expect(Math.abs(inner / n - 0.5)).toBeLessThan(0.03);
  });
});

describe("buildCity", () => {
  const city = buildCity(createRng(42), 600);

  it("places the requested POIs with unique ids and names", () => {
    expect(city.pois.length).toBe(600);
    expect(new Set(city.pois.map((p) => p.item)).size).toBe(600);
    expect(new Set(city.pois.map((p) => p.item))).toEqual(new Set(Array.from({ length: 600 }, (_, i) => `p${String(i + 1).padStart(4, "0")}`)));
    expect(new Set(city.pois.map((p) => p.name)).size).toBe(600);
    expect(city.pois.every((p) => !/[",\n]/.test(p.name))).toBe(true);
  });

  it("follows the region shares and the region category mixes", () => {
    const per = REGIONS.map((_, r) => city.pois.filter((p) => p.region === r).length);
    expect(per).toEqual(apportion(600, REGIONS.map((r) => r.poiShare)));
    REGIONS.forEach((region, r) => {
      CATEGORIES.forEach((c, k) => {
        const n = city.byRegionCat[r][k].length;
        if (region.mix[c]) expect(n, `${region.name}/${c}`).toBeGreaterThan(0);
        else expect(n, `${region.name}/${c}`).toBe(0);
      });
    });
    // Riverside is the Bar district
    const bars = (r: number) => city.byRegionCat[r][CATEGORIES.indexOf("Bar")].length / city.pois.filter((p) => p.region === r).length;
    const riverside = REGIONS.findIndex((r) => r.name === "Riverside");
    REGIONS.forEach((_, r) => r !== riverside && expect(bars(riverside)).toBeGreaterThan(2 * bars(r)));
  });

  it("gives log-normal popularity with mean ≈ 1", () => {
    const mean = city.pois.reduce((s, p) => s + p.popularity, 0) / city.pois.length;
    expect(mean).toBeGreaterThan(0.85);
    expect(mean).toBeLessThan(1.15);
    expect(Math.max(...city.pois.map((p) => p.popularity))).toBeGreaterThan(4 * Math.min(...city.pois.map((p) => p.popularity)));
  });

  it("finds the nearest region offering a category", () => {
    const uni = CATEGORIES.indexOf("University");
    const riverside = REGIONS.findIndex((r) => r.name === "Riverside");
    expect(REGIONS[nearestRegionWith(city, riverside, uni)].name).toBe("University Town");
    expect(nearestRegionWith(city, riverside, CATEGORIES.indexOf("Bar"))).toBe(riverside);
  });

  it("is deterministic for a seed", () => {
    expect(buildCity(createRng(42), 600)).toEqual(city);
    expect(buildCity(createRng(43), 600).pois[0]).not.toEqual(city.pois[0]);
  });
});
