import { describe, it, expect } from "vitest";
import { seasonalAnomalies } from "../../src/timeseries/seasonal-anomalies";
import { FREQ_MS } from "../../src/timeseries/series-freq";
import type { RegularSeries } from "../../src/timeseries/series-values";
import { createRng } from "../../src/util/rng";
import { tsAnomaliesFigure } from "../../src/viz/ts-anomalies";
import { roundTrip } from "./random-events";

type T = Record<string, any>;

const planted = [17, 40, 66];

function spiky(seed: number): RegularSeries {
  const rng = createRng(seed);
  const values = Float64Array.from({ length: 84 }, (_, t) => 100 + [10, 5, 0, -3, -4, 12, -20][t % 7] + 2 * rng.normal() + (planted.includes(t) ? 40 : 0));
  return { start: new Date("2024-01-01T00:00:00Z"), freq: "day", stepMs: FREQ_MS.day, values };
}

describe("tsAnomaliesFigure", () => {
  it("flagged markers sit on the series at the flagged indices; truth as open circles", () => {
    const s = spiky(4);
    const found = seasonalAnomalies(s.values, { period: 7 });
    expect(found.anomalies).toEqual(expect.arrayContaining(planted)); // the planted spikes are found
    const fig = tsAnomaliesFigure(s, found, { truth: planted });
    const [line, flagged, truth] = fig.data as T[];
    expect(line.y).toEqual(Array.from(s.values));
    expect(line.x[0]).toBe("2024-01-01");
    expect(flagged.customdata).toEqual(found.anomalies);
    expect(flagged.y).toEqual(found.anomalies.map((i) => s.values[i]));
    expect(flagged.x).toEqual(found.anomalies.map((i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)));
    expect(flagged.marker.color).toBe("#D55E00");
    expect(truth.x).toEqual(planted.map((i) => line.x[i]));
    expect(truth.y).toEqual(planted.map((i) => s.values[i]));
    expect(truth.marker.symbol).toBe("circle-open");
    expect(roundTrip(fig)).toStrictEqual(fig);
  });

  it("hand-computed hits, precision and recall; indices de-duplicated and sorted", () => {
    const s = spiky(9);
    const fig = tsAnomaliesFigure(s, [20, 3, 10, 3], { truth: [25, 3, 20] });
    expect((fig.data[1] as T).customdata).toEqual([3, 10, 20]);
    // hits {3, 20}: precision 2/3, recall 2/3
    expect(String((fig.layout as T).title.text)).toContain("84 values, 3 flagged; 3 true; 2 hits: precision 67 %, recall 67 %");
    expect(fig.data).toHaveLength(3);
    expect(tsAnomaliesFigure(s, Float64Array.of(5)).data).toHaveLength(2); // no truth, no circles
    expect(String((tsAnomaliesFigure(s, []).layout as T).title.text)).toContain("0 flagged");
  });

  it("hourly x values carry the time", () => {
    const s: RegularSeries = { start: new Date("2024-05-01T20:00:00Z"), freq: "hour", stepMs: FREQ_MS.hour, values: new Float64Array(10) };
    expect((tsAnomaliesFigure(s, [5]).data[1] as T).x).toEqual(["2024-05-02 01:00:00"]);
  });

  it("rejects indices outside the series", () => {
    const s = spiky(1);
    expect(() => tsAnomaliesFigure(s, [84])).toThrow("tsAnomaliesFigure: flagged[0] = 84 is not an index in [0, 83] of the series");
    expect(() => tsAnomaliesFigure(s, [1.5])).toThrow(/flagged\[0\] = 1.5/);
    expect(() => tsAnomaliesFigure(s, [1], { truth: [-1] })).toThrow(/options.truth\[0\] = -1/);
  });
});
