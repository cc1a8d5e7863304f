import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { periodicPatterns } from "../../src/patterns/periodic-patterns";
import { periodicSummary } from "../../src/patterns/periodic-summary";
import { DataError } from "../../src/util/data-error";
import { stSample } from "./st-sample";

const patterns = (rows: [string, number, boolean][]): pl.DataFrame =>
  pl.DataFrame([
    pl.Series("user", rows.map((r) => r[0]), pl.Utf8),
    pl.Series("period_days", rows.map((r) => r[1]), pl.Float64),
    pl.Series("is_regular", rows.map((r) => r[2]), pl.Bool),
  ]);

describe("periodicSummary", () => {
  it("counts users and patterns and takes type-7 quantiles of the regular periods (hand-checked)", () => {
    const s = periodicSummary(patterns([["a", 10, true], ["a", 30, false], ["b", 20, true], ["c", 7, false], ["d", 30.5, true], ["e", 40, true]]), { totalUsers: 10 });
    expect([s.patterns, s.regularPatterns, s.users, s.regularUsers, s.regularUserShare]).toEqual([6, 4, 5, 4, 0.4]);
    // regular periods 10, 20, 30.5, 40: p50 = 25.25, p25 = 10 + 0.75 · 10 = 17.5, p90 = 30.5 + 0.7 · 9.5 = 37.15
    expect(s.periodQuantiles.p50).toBeCloseTo(25.25, 12);
    expect(s.periodQuantiles.p25).toBeCloseTo(17.5, 12);
    expect(s.periodQuantiles.p90).toBeCloseTo(37.15, 12);
    expect(s.histogram.toRecords()).toEqual([
      { period_from_days: 10, patterns: 1 },
      { period_from_days: 20, patterns: 1 },
      { period_from_days: 30, patterns: 1 },
      { period_from_days: 40, patterns: 1 },
    ]);
    const wide = periodicSummary(patterns([["a", 10, true], ["b", 12, true], ["c", 17, true]]), { binDays: 7 });
    expect(wide.histogram.toRecords()).toEqual([{ period_from_days: 7, patterns: 2 }, { period_from_days: 14, patterns: 1 }]);
    expect(wide.regularUserShare).toBe(1); // default denominator: users in patterns
  });

  it("gives NaN quantiles when nothing is regular", () => {
    const s = periodicSummary(patterns([["a", 10, false]]));
    expect(s.regularUsers).toBe(0);
    expect(s.periodQuantiles.p50).toBeNaN();
    expect(s.histogram.height).toBe(0);
  });

  it("fails loudly on bad input", () => {
    expect(() => periodicSummary(patterns([["a", 10, true]]).drop("is_regular"))).toThrow(DataError);
    expect(() => periodicSummary(patterns([["a", 10, true], ["b", 3, true]]), { totalUsers: 1 })).toThrow(/totalUsers must be an integer >= the 2 users/);
    expect(() => periodicSummary(patterns([["a", 10, true]]), { binDays: 0 })).toThrow(/binDays must be a finite number > 0/);
  });

  it("summarises the sample: about 35 % of the 400 users have a regular monthly cycle", () => {
    const { events, truth } = stSample();
    const s = periodicSummary(periodicPatterns(events), { totalUsers: truth.users.length });
    // measured: 142 regular users of 400 (140 planted + 2 chance Mall repeats); periods 25.0 … 31.0 (p10 … p90)
    expect(Math.abs(s.regularUsers - truth.monthly.purchaseCycle.users)).toBeLessThanOrEqual(5);
    expect(s.regularUserShare).toBeCloseTo(0.35, 1);
    const [lo, hi] = truth.monthly.purchaseCycle.periodDays;
    expect(s.periodQuantiles.p10).toBeGreaterThanOrEqual(lo - 1);
    expect(s.periodQuantiles.p90).toBeLessThanOrEqual(hi + 1);
  });
});
