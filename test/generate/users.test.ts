import { describe, expect, it } from "vitest";
import { createRng } from "../../src/util/rng";
import { CATEGORIES } from "../../src/generate/city-config";
import { buildCity } from "../../src/generate/city";
import { PURCHASE_CYCLE } from "../../src/generate/pattern-config";
import { buildUsers } from "../../src/generate/users";

describe("buildUsers", () => {
  const city = buildCity(createRng(1), 600);
  const ids = Array.from({ length: 200 }, (_, i) => `u${i}`);
  const users = buildUsers(createRng(2), city, ids, 0.45);
  const regionName = (r: number) => city.regions[r].name;

  it("keeps the ids and the exact type shares", () => {
    expect(users.map((u) => u.id)).toEqual(ids);
    const count = (t: string) => users.filter((u) => u.spec.type === t).length;
    expect([count("office_worker"), count("student"), count("night_owl"), count("homebody")]).toEqual([90, 50, 30, 30]);
  });

  it("places home and work in the type's regions (homebodies work near home)", () => {
    for (const u of users) {
      expect(Object.keys(u.spec.homeRegions)).toContain(regionName(u.home.region));
      if (u.spec.type === "homebody") expect(u.work.region).toBe(u.home.region);
      else expect(Object.keys(u.spec.workRegions)).toContain(regionName(u.work.region));
    }
  });

  it("gives favourites of the right category in the home or work region", () => {
    for (const u of users) {
      u.fav.forEach((list, c) => {
        for (const p of list) {
          expect(city.pois[p].cat).toBe(c);
          expect([u.home.region, u.work.region]).toContain(city.pois[p].region);
        }
      });
    }
  });

  it("gives 35 % of users a Grocery purchase cycle of 25–31 days", () => {
    const cyc = users.filter((u) => u.cycle);
    expect(cyc.length).toBe(Math.round(PURCHASE_CYCLE.userShare * users.length));
    for (const u of cyc) {
      const c = u.cycle!;
      expect(c.periodDays).toBeGreaterThanOrEqual(25);
      expect(c.periodDays).toBeLessThanOrEqual(31);
      expect(c.phase).toBeLessThan(c.periodDays);
      expect(CATEGORIES[city.pois[c.poi].cat]).toBe("Grocery");
    }
    expect(new Set(cyc.map((u) => u.cycle!.periodDays)).size).toBeGreaterThan(4);
  });

  it("has mean rate ≈ eventsPerUserDay × type activity", () => {
    const mean = users.reduce((s, u) => s + u.rate / u.spec.activity, 0) / users.length;
    expect(Math.abs(mean / 0.45 - 1)).toBeLessThan(0.1);
  });
});
