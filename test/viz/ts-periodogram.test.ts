import { describe, it, expect } from "vitest";
import { periodogram, type PeriodogramResult } from "../../src/timeseries/periodogram";
import { createRng } from "../../src/util/rng";
import { periodLabel, tsPeriodogramFigure } from "../../src/viz/ts-periodogram";
import { roundTrip } from "./random-events";

type T = Record<string, any>;

/** Hand-made result: peak 2 is a harmonic of peak 1. */
const handMade: PeriodogramResult = {
  frequency: Float64Array.of(0.25, 1 / 24, 1 / 168),
  period: Float64Array.of(4, 24, 168),
  power: Float64Array.of(1, 10, 5),
  peaks: [
    { rank: 1, period: 24, frequency: 1 / 24, power: 10, share: 0.5, harmonicOf: null },
    { rank: 2, period: 12, frequency: 1 / 12, power: 6, share: 0.3, harmonicOf: 24 },
    { rank: 3, period: 168, frequency: 1 / 168, power: 5, share: 0.2, harmonicOf: null },
    { rank: 4, period: 8, frequency: 1 / 8, power: 2, share: 0.1, harmonicOf: 24 },
    { rank: 5, period: 50, frequency: 1 / 50, power: 1, share: 0.05, harmonicOf: null },
  ],
  n: 24 * 28,
};

describe("periodLabel", () => {
  it("writes periods in the unit of the sample spacing", () => {
    expect(periodLabel(24, "hour")).toBe("24.0 h");
    expect(periodLabel(168, "hour")).toBe("168.0 h (7.0 d)");
    expect(periodLabel(7, "day")).toBe("7.0 d");
    expect(periodLabel(1440, "minute")).toBe("1440.0 min");
    expect(periodLabel(2880, "minute")).toBe("2880.0 min (2.0 d)");
    expect(periodLabel(12.54, undefined)).toBe("12.5 samples");
  });
});

describe("tsPeriodogramFigure", () => {
  it("labels the topN strongest non-harmonic peaks; harmonics get grey markers", () => {
    const fig = tsPeriodogramFigure(handMade, { topN: 2, freq: "hour" });
    const [line, peaks, harm] = fig.data as T[];
    expect(line.x).toEqual([4, 24, 168]);
    expect(line.y).toEqual([1, 10, 5]);
    expect(peaks.x).toEqual([24, 168]);
    expect(peaks.y).toEqual([10, 5]);
    expect(peaks.text).toEqual(["24.0 h", "168.0 h (7.0 d)"]);
    expect(harm.x).toEqual([12, 8]);
    expect(harm.text[0]).toBe("12.0 h, harmonic of 24.0 h");
    expect((fig.layout as T).xaxis.type).toBe("log");
    expect((fig.layout as T).xaxis.range).toEqual([Math.log10(2), Math.log10(24 * 28)]);
    expect((fig.layout as T).xaxis.title.text).toBe("period (h)");
    expect(String((fig.layout as T).title.text)).toContain("peaks 24.0 h, 168.0 h (7.0 d)");
    expect(roundTrip(fig)).toStrictEqual(fig);
    // default topN 5 takes all three fundamentals, in rank order
    expect((tsPeriodogramFigure(handMade).data[1] as T).text).toEqual(["24.0 samples", "168.0 samples", "50.0 samples"]);
  });

  it("minShare leaves weak peaks (noise, side lobes) unmarked", () => {
    const fig = tsPeriodogramFigure(handMade, { freq: "hour", minShare: 0.15 });
    expect((fig.data[1] as T).text).toEqual(["24.0 h", "168.0 h (7.0 d)"]); // 50 d (share 0.05) dropped
    expect((fig.data[2] as T).x).toEqual([12]); // harmonic 8 h (share 0.1) dropped
    expect((tsPeriodogramFigure(handMade, { minShare: 0.6 }).data as T[]).map((t) => t.name)).toEqual(["power", "peaks"]);
    expect(() => tsPeriodogramFigure(handMade, { minShare: 2 })).toThrow(/minShare must be in \[0, 1\]/);
  });

  it("frequency axis: x = cycles per unit, linear", () => {
    const fig = tsPeriodogramFigure(handMade, { xAxis: "frequency", freq: "hour", topN: 1 });
    expect((fig.data[0] as T).x).toEqual([0.25, 1 / 24, 1 / 168]);
    expect((fig.data[1] as T).x).toEqual([1 / 24]);
    expect((fig.layout as T).xaxis.type).toBeUndefined();
    expect((fig.layout as T).xaxis.title.text).toBe("frequency (cycles per h)");
  });

  it("a planted daily and weekly cycle in hourly data: the labels are 24 h and about 168 h", () => {
    const rng = createRng(5);
    const n = 24 * 7 * 6;
    const y = Float64Array.from({ length: n }, (_, t) => 10 + 4 * Math.sin((2 * Math.PI * t) / 24) + 3 * Math.sin((2 * Math.PI * t) / 168) + rng.normal());
    const pg = periodogram(y, { maxPeriod: n / 2 });
    const fig = tsPeriodogramFigure(pg, { freq: "hour", topN: 2 });
    const peaks = fig.data[1] as T;
    expect(peaks.text).toContain("24.0 h");
    const weekly = (peaks.text as string[]).find((t) => t !== "24.0 h")!;
    expect(Math.abs(parseFloat(weekly) - 168)).toBeLessThan(168 * 0.02); // the periodogram's estimate of the week
    expect(weekly).toMatch(/ h \(7\.0 d\)$/);
    // oracle: the first two fundamentals of the result, untouched
    const fundamentals = pg.peaks.filter((p) => p.harmonicOf === null && p.share >= 0.01).slice(0, 2);
    expect(peaks.x).toEqual(fundamentals.map((p) => p.period));
    expect(peaks.y).toEqual(fundamentals.map((p) => p.power));
    expect(peaks.text).toEqual(fundamentals.map((p) => `${p.period.toFixed(1)} h${p.period >= 48 ? ` (${(p.period / 24).toFixed(1)} d)` : ""}`));
    expect((fig.data[0] as T).y).toEqual(Array.from(pg.power));
    expect(roundTrip(fig)).toStrictEqual(fig);
  });

  it("rejects mismatched arrays and bad options", () => {
    expect(() => tsPeriodogramFigure({ ...handMade, power: Float64Array.of(1, 2) })).toThrow(/3 frequencies, 3 periods and 2 powers/);
    expect(() => tsPeriodogramFigure(handMade, { topN: -1 })).toThrow(/topN must be an integer >= 0/);
    expect(() => tsPeriodogramFigure(handMade, { xAxis: "time" as never })).toThrow(/xAxis must be/);
    expect(() => tsPeriodogramFigure(handMade, { freq: "month" as never })).toThrow(/freq must be one of/);
  });
});
