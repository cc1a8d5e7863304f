import { describe, it, expect } from "vitest";
import { forecast } from "../../src/timeseries/arima-forecast";
import { autoArima } from "../../src/timeseries/auto-arima";
import { FREQ_MS } from "../../src/timeseries/series-freq";
import type { RegularSeries } from "../../src/timeseries/series-values";
import { createRng } from "../../src/util/rng";
import { tsForecastFigure } from "../../src/viz/ts-forecast";
import { roundTrip } from "./random-events";

type T = Record<string, any>;

const history: RegularSeries = { start: new Date("2024-01-01T00:00:00Z"), freq: "day", stepMs: FREQ_MS.day, values: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) };
const arimaLike = {
  mean: Float64Array.of(11, 12, 13),
  intervals: [
    { level: 80, lower: Float64Array.of(10, 10.5, 11), upper: Float64Array.of(12, 13.5, 15) },
    { level: 95, lower: Float64Array.of(9, 9.5, 10), upper: Float64Array.of(13, 14.5, 16) },
  ],
};
const byName = (fig: { data: Record<string, unknown>[] }) => Object.fromEntries(fig.data.map((t) => [t.name as string, t as T]));

describe("tsForecastFigure", () => {
  it("one forecast: dates continue after the history, bands widest first as lower→upper(tonexty) pairs", () => {
    const fig = tsForecastFigure(history, arimaLike, { actual: [11.5, 11, 14, 15] });
    expect(fig.data.map((t) => t.name)).toEqual(["forecast 95 % lower", "forecast 95 %", "forecast 80 % lower", "forecast 80 %", "history", "actual", "forecast"]);
    const t = byName(fig);
    expect(t.history.x[0]).toBe("2024-01-01");
    expect(t.history.x[9]).toBe("2024-01-10");
    expect(t.history.y).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(t.forecast.x).toEqual(["2024-01-11", "2024-01-12", "2024-01-13"]);
    expect(t.forecast.y).toEqual([11, 12, 13]);
    expect(t["forecast 95 % lower"].y).toEqual([9, 9.5, 10]);
    expect(t["forecast 95 %"].y).toEqual([13, 14.5, 16]);
    expect(t["forecast 95 %"].fill).toBe("tonexty");
    expect(t["forecast 95 % lower"].fill).toBeUndefined();
    expect(t["forecast 80 % lower"].y).toEqual([10, 10.5, 11]);
    expect(t["forecast 80 %"].y).toEqual([12, 13.5, 15]);
    expect(t["forecast 80 %"].x).toEqual(t.forecast.x);
    // the narrower band is the darker tint
    const alpha = (c: string) => Number(c.slice(c.lastIndexOf(",") + 1, -1));
    expect(alpha(t["forecast 80 %"].fillcolor)).toBeGreaterThan(alpha(t["forecast 95 %"].fillcolor));
    expect(t.actual.x).toEqual(["2024-01-11", "2024-01-12", "2024-01-13", "2024-01-14"]);
    expect(t.actual.y).toEqual([11.5, 11, 14, 15]);
    expect(roundTrip(fig)).toStrictEqual(fig);
  });

  it("several named forecasts (ARIMA shape, plain arrays) overlay in their own colours; historyTail trims", () => {
    const fig = tsForecastFigure(history, { ARIMA: arimaLike, GRU: [10.5, 11.5], naive: Float64Array.of(10, 10, 10, 10) }, { historyTail: 3 });
    const t = byName(fig);
    expect(t.history.x).toEqual(["2024-01-08", "2024-01-09", "2024-01-10"]);
    expect(t.history.y).toEqual([8, 9, 10]);
    expect(t.GRU.y).toEqual([10.5, 11.5]);
    expect(t.GRU.x).toEqual(["2024-01-11", "2024-01-12"]);
    expect(t.naive.x).toHaveLength(4);
    expect(new Set([t.ARIMA.line.color, t.GRU.line.color, t.naive.line.color]).size).toBe(3);
    expect(t["ARIMA 95 %"].legendgroup).toBe("ARIMA 95 %");
    expect(fig.data.filter((d) => d.fill === "tonexty")).toHaveLength(2); // only ARIMA has intervals
    expect(tsForecastFigure(history, { ARIMA: arimaLike }, { intervals: false }).data.map((d) => d.name)).toEqual(["history", "ARIMA"]);
    expect(roundTrip(fig)).toStrictEqual(fig);
  });

  it("draws a real auto-ARIMA forecast of an hourly series with its own numbers", () => {
    const rng = createRng(8);
    const y = Float64Array.from({ length: 96 }, (_, t) => 20 + 5 * Math.sin((2 * Math.PI * t) / 24) + rng.normal());
    const h: RegularSeries = { start: new Date("2024-03-01T00:00:00Z"), freq: "hour", stepMs: FREQ_MS.hour, values: y };
    const fc = forecast(autoArima(y, { period: 24 }), 6);
    const t = byName(tsForecastFigure(h, { ARIMA: fc }));
    expect(t.ARIMA.y).toEqual(Array.from(fc.mean));
    expect(t.ARIMA.x[0]).toBe("2024-03-05 00:00:00"); // 96 hours after the start
    expect(t["ARIMA 95 %"].y).toEqual(Array.from(fc.intervals.find((i) => i.level === 95)!.upper));
  });

  it("rejects mismatched interval lengths, empty forecasts and bad options", () => {
    const bad = { mean: [1, 2, 3], intervals: [{ level: 80, lower: [0, 1], upper: [2, 3, 4] }] };
    expect(() => tsForecastFigure(history, { ARIMA: bad })).toThrow("tsForecastFigure: forecast 'ARIMA' intervals[0].lower has 2 values but its mean has 3; they must match");
    expect(() => tsForecastFigure(history, { mean: [1], intervals: [{ level: 120, lower: [0], upper: [2] }] })).toThrow(/level must be in \(0, 100\)/);
    expect(() => tsForecastFigure(history, { GRU: [] })).toThrow(/forecast 'GRU' has no values/);
    expect(() => tsForecastFigure(history, {})).toThrow(/forecasts is empty/);
    expect(() => tsForecastFigure(history, { x: "abc" as never })).toThrow(/forecast 'x' must be/);
    expect(() => tsForecastFigure(history, [1], { historyTail: 0 })).toThrow(/historyTail must be an integer >= 1/);
  });
});
