import { describe, expect, it } from "vitest";
import { createRng } from "../../src/util/rng";
import { CATEGORIES, type Category } from "../../src/generate/city-config";
import { buildCalendar } from "../../src/generate/calendar";
import { buildCity } from "../../src/generate/city";
import { contextRuleRealised, sequenceRuleRealised } from "../../src/generate/measure-rules";
import { buildMeasureTable } from "../../src/generate/measure-table";
import { compileContextRules, compileSequenceRules } from "../../src/generate/sim-context";
import type { SimEvent } from "../../src/generate/sim-event";

const city = buildCity(createRng(1), 600);
const cal = buildCalendar("2024-03-01", 28, createRng(1));
const poi = (region: string, cat: Category) => city.byRegionCat[city.regions.findIndex((r) => r.name === region)][CATEGORIES.indexOf(cat)][0];
const H = 3_600_000;
const ev = (u: number, p: number, t: number, buy = false): SimEvent => ({ u, p, t, buy, src: 0, rule: -1 });

describe("sequenceRuleRealised (Gym → Coffee Shop within 120 min)", () => {
  it("counts B within (0, maxGap] after A, per user (hand-checked)", () => {
    const gym = poi("Greenfield", "Gym");
    const coffee = poi("Greenfield", "Coffee Shop");
    const park = poi("Greenfield", "Park");
    const t0 = cal.startUtcMs + 10 * H;
    const events = [
      ev(0, gym, t0), ev(0, coffee, t0 + 120 * 60_000), // followed at exactly 120 min: counts
      ev(1, gym, t0), ev(1, coffee, t0 + 121 * 60_000), // 121 min: too late
      ev(2, gym, t0), ev(3, coffee, t0 + 60_000), // another user's coffee: no
      ev(4, park, t0), ev(4, coffee, t0 + 30 * 60_000), // non-A followed by B: base rate
      ev(5, gym, t0), ev(5, coffee, t0 + 30 * 60_000, true), // a buy is not a check-in
    ];
    const tab = buildMeasureTable(events, city, cal, 6);
    const r = sequenceRuleRealised(tab, compileSequenceRules()[0]);
    expect(r.antecedentCount).toBe(4);
    expect(r.bothCount).toBe(1);
    expect(r.confidence).toBe(0.25);
    // eligible non-A check-ins: the coffees of users 0, 1, 3, 4 and the park of user 4; only the park is followed by a coffee
    expect(r.baseRate).toBe(0.2);
    expect(r.lift).toBe(1.25);
    expect(r.support).toBeCloseTo(1 / 9, 6); // 1 of 9 check-ins (user 5's coffee is a buy)
  });
});

describe("contextRuleRealised ({weekend, 18–23, Riverside} ⇒ Bar)", () => {
  it("measures confidence, base rate and lift (hand-checked)", () => {
    const bar = poi("Riverside", "Bar");
    const rest = poi("Riverside", "Restaurant");
    const oldBar = poi("Old Town", "Bar");
    const sat = cal.startUtcMs + 1 * 24 * H; // 2024-03-02 (Saturday) local midnight
    const mon = cal.startUtcMs + 3 * 24 * H;
    const events = [
      ev(0, bar, sat + 20 * H), ev(1, bar, sat + 23 * H + 59 * 60_000), ev(2, rest, sat + 19 * H), // in context: 2 of 3 are Bars
      ev(3, bar, sat + 17 * H), // 17:00: outside the hours
      ev(4, bar, mon + 20 * H), // Monday
      ev(5, oldBar, sat + 20 * H), // other region
      ev(6, rest, mon + 12 * H), ev(7, rest, mon + 13 * H),
    ];
    const tab = buildMeasureTable(events, city, cal, 8);
    const r = contextRuleRealised(tab, compileContextRules(city)[0]);
    expect(r.antecedentCount).toBe(3);
    expect(r.bothCount).toBe(2);
    expect(r.confidence).toBeCloseTo(2 / 3, 6);
    expect(r.baseRate).toBe(0.625); // 5 Bars of 8 check-ins
    expect(r.lift).toBeCloseTo(2 / 3 / 0.625, 5);
  });
});
