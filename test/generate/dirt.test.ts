import { describe, expect, it } from "vitest";
import { createRng } from "../../src/util/rng";
import { buildCalendar } from "../../src/generate/calendar";
import { planDirt } from "../../src/generate/dirt";
import { DIRT_RATES } from "../../src/generate/pattern-config";
import type { SimEvent } from "../../src/generate/sim-event";

describe("planDirt", () => {
  const cal = buildCalendar("2024-03-01", 60, createRng(1));
  const rng = createRng(9);
  const events: SimEvent[] = Array.from({ length: 5000 }, (_, i) => ({
    u: i % 50,
    p: rng.int(40),
    t: cal.startUtcMs + i * 600_000,
    buy: i % 7 === 0,
    src: 0,
    rule: -1,
  }));

  it("sizes each kind max(1, round(rate × check-ins)) and never touches buys", () => {
    const plan = planDirt(createRng(2), events, cal, true);
    const checkIns = events.filter((e) => !e.buy).length;
    for (const [k, rate] of Object.entries(DIRT_RATES)) expect(plan.counts[k as keyof typeof DIRT_RATES], k).toBe(Math.max(1, Math.round(rate * checkIns)));
    const touched = [...plan.corrupt.keys(), ...plan.copies.map((c) => c.index)];
    expect(touched.every((i) => !events[i].buy)).toBe(true);
    expect(new Set(touched).size).toBe(touched.length); // disjoint sets
  });

  it("shifts near duplicates by 5–55 s and exact duplicates by 0, with unique epoch-zero pairs", () => {
    const plan = planDirt(createRng(3), events, cal, true);
    for (const c of plan.copies) {
      if (c.kind === "exact_duplicate") expect(c.dtMs).toBe(0);
      else {
        expect(c.dtMs).toBeGreaterThanOrEqual(5000);
        expect(c.dtMs).toBeLessThanOrEqual(55_000);
      }
    }
    const pairs = [...plan.epochZero].map((i) => `${events[i].u}:${events[i].p}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect([...plan.epochZero].every((i) => plan.corrupt.get(i) === "ts_before_start")).toBe(true);
  });

  it("plans nothing when disabled", () => {
    const plan = planDirt(createRng(2), events, cal, false);
    expect(plan.corrupt.size + plan.copies.length).toBe(0);
    expect(Object.values(plan.counts).every((n) => n === 0)).toBe(true);
  });
});
