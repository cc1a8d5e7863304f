import { describe, it, expect } from "vitest";
import { FREQ_MS, type SeriesFreq } from "../../src/timeseries/series-freq";
import type { RegularSeries } from "../../src/timeseries/series-values";
import { checkLength, checkRegularSeries, seriesDates, withAlpha } from "../../src/viz/ts-dates";

const series = (start: string, freq: SeriesFreq, n: number): RegularSeries => ({
  start: new Date(start),
  freq,
  stepMs: FREQ_MS[freq],
  values: Float64Array.from({ length: n }, (_, i) => i),
});

/** Oracle: calendar arithmetic by Date.UTC fields, independent of the step in ms. */
function oracle(y: number, mo: number, d: number, h: number, i: number, freq: SeriesFreq): string {
  const t = freq === "hour" ? Date.UTC(y, mo, d, h + i) : freq === "day" ? Date.UTC(y, mo, d + i) : Date.UTC(y, mo, d + 7 * i);
  const iso = new Date(t).toISOString();
  return freq === "hour" ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
}

describe("seriesDates", () => {
  it("daily dates cross a leap day and a month end", () => {
    const dates = seriesDates(series("2024-02-27T00:00:00Z", "day", 5));
    expect(dates).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"]);
    expect(dates).toEqual(Array.from({ length: 5 }, (_, i) => oracle(2024, 1, 27, 0, i, "day")));
  });

  it("hourly dates carry the time and cross midnight; weekly dates step 7 days from a Monday", () => {
    expect(seriesDates(series("2024-03-30T22:00:00Z", "hour", 4))).toEqual([
      "2024-03-30 22:00:00",
      "2024-03-30 23:00:00",
      "2024-03-31 00:00:00",
      "2024-03-31 01:00:00",
    ]);
    expect(seriesDates(series("2024-03-30T22:00:00Z", "hour", 50))).toEqual(Array.from({ length: 50 }, (_, i) => oracle(2024, 2, 30, 22, i, "hour")));
    expect(seriesDates(series("2023-12-25T00:00:00Z", "week", 3))).toEqual(["2023-12-25", "2024-01-01", "2024-01-08"]);
    expect(seriesDates(series("2023-12-25T00:00:00Z", "week", 60))).toEqual(Array.from({ length: 60 }, (_, i) => oracle(2023, 11, 25, 0, i, "week")));
  });

  it("from/count continue the grid past the end (forecast dates)", () => {
    const s = series("2024-01-01T00:00:00Z", "day", 10);
    expect(seriesDates(s, 10, 3)).toEqual(["2024-01-11", "2024-01-12", "2024-01-13"]);
    expect(seriesDates(s, 8)).toEqual(["2024-01-09", "2024-01-10"]);
  });

  it("a daily series not starting at midnight keeps the time of day", () => {
    expect(seriesDates(series("2024-01-01T05:00:00Z", "day", 2))).toEqual(["2024-01-01 05:00:00", "2024-01-02 05:00:00"]);
  });
});

describe("checkRegularSeries / checkLength / withAlpha", () => {
  it("reject malformed series with the caller named", () => {
    expect(() => checkRegularSeries({ ...series("2024-01-01T00:00:00Z", "day", 3), stepMs: 3_600_000 }, "f")).toThrow(/f: series.stepMs \(3600000\) disagrees with series.freq 'day'/);
    expect(() => checkRegularSeries({ ...series("2024-01-01T00:00:00Z", "day", 3), start: new Date(NaN) }, "f")).toThrow(/series.start/);
    expect(() => checkRegularSeries(series("2024-01-01T00:00:00Z", "day", 0), "f")).toThrow(/0 values; at least 1/);
    expect(() => checkRegularSeries(series("2024-01-01T00:00:00Z", "day", 1), "f")).not.toThrow();
    expect(() => checkLength([1, 2], 3, "a", "b", "f")).toThrow("f: a has 2 values but b has 3; they must match");
    expect(withAlpha("#0072B2", 0.2)).toBe("rgba(0,114,178,0.2)");
    expect(() => withAlpha("red", 1)).toThrow(/#RRGGBB/);
  });
});
