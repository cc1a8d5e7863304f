import { describe, expect, it } from "vitest";
import { createRng } from "../../src/util/rng";
import { CATEGORIES } from "../../src/generate/city-config";
import { buildCalendar, dayOf, dowOf, hourOf, localDate } from "../../src/generate/calendar";
import { PAYDAY, TREND } from "../../src/generate/pattern-config";
import { WEEKDAY_FACTORS } from "../../src/generate/rhythm-config";

describe("buildCalendar", () => {
  const cal = buildCalendar("2024-03-01", 184, createRng(5));

  it("maps local days to UTC+8 instants (hand-checked)", () => {
    expect(cal.startUtcMs).toBe(Date.parse("2024-02-29T16:00:00Z"));
    expect(cal.endUtcMs).toBe(Date.parse("2024-08-31T16:00:00Z"));
    expect(localDate(cal, 0)).toBe("2024-03-01");
    expect(localDate(cal, 183)).toBe("2024-08-31");
    expect(cal.dow[0]).toBe(4); // 2024-03-01 was a Friday
    expect(cal.dow[2]).toBe(6);
    const t = Date.parse("2024-03-01T15:59:59Z"); // 23:59:59 local
    expect([dayOf(cal, t), hourOf(cal, t), dowOf(cal, t)]).toEqual([0, 23, 4]);
    const u = Date.parse("2024-03-01T16:00:00Z"); // Saturday 00:00 local
    expect([dayOf(cal, u), hourOf(cal, u), dowOf(cal, u)]).toEqual([1, 0, 5]);
    expect(dayOf(cal, 0)).toBeLessThan(0);
  });

  it("marks payday days and multiplies weekday × payday × trend × anomaly", () => {
    for (let d = 0; d < cal.days; d++) {
      const dom = Number(localDate(cal, d).slice(8));
      expect(cal.payday[d]).toBe((PAYDAY.daysOfMonth as readonly number[]).includes(dom) ? 1 : 0);
      const an = cal.anomaly[d] >= 0 ? cal.anomalies[cal.anomaly[d]].factor : 1;
      const expected = WEEKDAY_FACTORS[cal.dow[d]] * (cal.payday[d] ? PAYDAY.factor : 1) * (1 + (TREND.growthOverSpan * d) / 183) * an;
      expect(cal.factor[d]).toBeCloseTo(expected, 12);
    }
  });

  it("puts 3 spikes and 1 outage away from paydays, the edges and each other", () => {
    expect(cal.anomalies.map((a) => a.kind).sort()).toEqual(["outage", "spike", "spike", "spike"]);
    for (const a of cal.anomalies) {
      expect(cal.payday[a.day]).toBe(0);
      expect(a.day).toBeGreaterThanOrEqual(28);
      expect(a.day).toBeLessThan(184 - 28);
      for (const b of cal.anomalies) if (a !== b) expect(Math.abs(a.day - b.day)).toBeGreaterThanOrEqual(8);
    }
    expect(buildCalendar("2024-03-01", 184, createRng(6)).anomalies).not.toEqual(cal.anomalies);
  });

  it("tabulates the drift: Gym × 2.2 from 45 % of the span, Cinema 1 → 0.45 linearly", () => {
    const nc = CATEGORIES.length;
    const gym = CATEGORIES.indexOf("Gym");
    const cinema = CATEGORIES.indexOf("Cinema");
    const step = Math.round(0.45 * 184);
    expect(cal.drift[(step - 1) * nc + gym]).toBe(1);
    expect(cal.drift[step * nc + gym]).toBe(2.2);
    expect(cal.drift[cinema]).toBe(1);
    expect(cal.drift[183 * nc + cinema]).toBeCloseTo(0.45, 12);
    expect(cal.drift[5 * nc + CATEGORIES.indexOf("Bar")]).toBe(1);
  });
});
