import { describe, it, expect } from "vitest";
import { classicalDecomposition } from "../../src/timeseries/classical-decomposition";
import { FREQ_MS } from "../../src/timeseries/series-freq";
import type { RegularSeries } from "../../src/timeseries/series-values";
import { stl } from "../../src/timeseries/stl";
import { createRng } from "../../src/util/rng";
import { tsDecompositionFigure } from "../../src/viz/ts-decomposition";
import { roundTrip } from "./random-events";

type T = Record<string, any>;

function weeklyDaily(n: number, seed: number, start = "2024-02-26T00:00:00Z"): RegularSeries {
  const rng = createRng(seed);
  const values = Float64Array.from({ length: n }, (_, t) => 50 + 0.3 * t + [5, 3, 0, -1, -2, 8, -13][t % 7] + rng.normal());
  return { start: new Date(start), freq: "day", stepMs: FREQ_MS.day, values };
}

describe("tsDecompositionFigure", () => {
  it("STL: four panels top to bottom with the component values, one shared date axis", () => {
    const s = weeklyDaily(56, 1);
    const d = stl(s.values, { period: 7, sWindow: "periodic" });
    const fig = tsDecompositionFigure(s, d, { title: "STL" });
    const [obs, trend, seas, rem] = fig.data as T[];
    expect(fig.data.map((t) => t.name)).toEqual(["observed", "trend", "seasonal", "remainder"]);
    expect(obs.y).toEqual(Array.from(s.values));
    expect(trend.y).toEqual(Array.from(d.trend));
    expect(seas.y).toEqual(Array.from(d.seasonal));
    expect(rem.y).toEqual(Array.from(d.remainder));
    expect(rem.type).toBe("bar");
    expect([obs.yaxis, trend.yaxis, seas.yaxis, rem.yaxis]).toEqual(["y", "y2", "y3", "y4"]);
    expect(new Set(fig.data.map((t) => t.xaxis))).toEqual(new Set(["x"]));
    // x: 2024-02-26 + i days, across the leap day
    expect(obs.x.slice(2, 5)).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(obs.x[55]).toBe(new Date(Date.UTC(2024, 1, 26 + 55)).toISOString().slice(0, 10));
    for (const t of fig.data as T[]) expect(t.x).toEqual(obs.x);
    // panels are stacked without overlap, observed on top
    const domains = ["yaxis", "yaxis2", "yaxis3", "yaxis4"].map((k) => (fig.layout as T)[k].domain as number[]);
    for (let k = 1; k < 4; k++) expect(domains[k][1]).toBeLessThan(domains[k - 1][0]);
    expect(domains[0][1]).toBe(1);
    expect((fig.layout as T).xaxis.anchor).toBe("y4");
    expect((fig.layout as T).title.text).toBe("STL");
    expect(roundTrip(fig)).toStrictEqual(fig);
  });

  it("classical decomposition: `random` is the remainder and the undefined ends become gaps", () => {
    const s = weeklyDaily(28, 2);
    const d = classicalDecomposition(s.values, { period: 7 });
    const fig = tsDecompositionFigure(s, d);
    const trend = (fig.data[1] as T).y as (number | null)[];
    expect(trend.slice(0, 3)).toEqual([null, null, null]);
    expect(trend[3]).toBe(d.trend[3]);
    expect((fig.data[3] as T).y).toEqual(Array.from(d.random, (v) => (Number.isFinite(v) ? v : null)));
    expect(roundTrip(fig)).toStrictEqual(fig);
  });

  it("hourly series: x carries the hour", () => {
    const s: RegularSeries = { start: new Date("2024-01-01T22:00:00Z"), freq: "hour", stepMs: FREQ_MS.hour, values: Float64Array.from({ length: 60 }, (_, i) => Math.sin(i / 3) + i / 10) };
    const parts = { trend: new Float64Array(60), seasonal: new Float64Array(60), remainder: new Float64Array(60) };
    const x = (tsDecompositionFigure(s, parts).data[0] as T).x;
    expect(x.slice(0, 3)).toEqual(["2024-01-01 22:00:00", "2024-01-01 23:00:00", "2024-01-02 00:00:00"]);
  });

  it("rejects components of the wrong length or without a remainder", () => {
    const s = weeklyDaily(28, 3);
    const z = new Float64Array(28);
    expect(() => tsDecompositionFigure(s, { trend: z, seasonal: new Float64Array(27), remainder: z })).toThrow(
      "tsDecompositionFigure: components.seasonal has 27 values but series.values has 28; they must match",
    );
    expect(() => tsDecompositionFigure(s, { trend: z, seasonal: z })).toThrow(/needs a remainder/);
  });
});
