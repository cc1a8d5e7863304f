import { describe, it, expect } from "vitest";
import { hourWeekdayHeatmapFigure, WEEKDAYS } from "../../src/viz/hour-weekday-heatmap";
import { randomRows, roundTrip, toFrame, type Row } from "./random-events";

const DAY = 86_400_000;

/** Brute force 7×24 counts, Monday row first. 1970-01-01 (day 0) was a Thursday (index 3). */
function oracle(rows: Row[], pick: (r: Row) => number | null): number[][] {
  const z = Array.from({ length: 7 }, () => new Array(24).fill(0));
  for (const r of rows) {
    const t = pick(r);
    if (t === null) continue;
    const day = Math.floor(t / DAY);
    const wd = (((day + 3) % 7) + 7) % 7;
    const hour = Math.floor((((t % DAY) + DAY) % DAY) / 3_600_000);
    z[wd][hour]++;
  }
  return z;
}

describe("hourWeekdayHeatmapFigure", () => {
  const rows = randomRows(4000, 5);

  it("cell counts equal a brute-force count (UTC ts)", () => {
    const fig = hourWeekdayHeatmapFigure(toFrame(rows, true), { column: "ts" });
    const t = fig.data[0];
    expect(t.type).toBe("heatmap");
    expect(t.y).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    expect(t.x).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(t.z).toEqual(oracle(rows, (r) => r.ts));
    expect(WEEKDAYS[0]).toBe("Mon");
  });

  it("uses ts_local by default when present, and across the epoch", () => {
    expect(hourWeekdayHeatmapFigure(toFrame(rows, true)).data[0].z).toEqual(oracle(rows, (r) => r.tsLocal));
    expect(hourWeekdayHeatmapFigure(toFrame(rows)).data[0].z).toEqual(oracle(rows, (r) => r.ts));
    const old = randomRows(800, 9, Date.UTC(1969, 10, 20), 80);
    expect(hourWeekdayHeatmapFigure(toFrame(old), { column: "ts" }).data[0].z).toEqual(oracle(old, (r) => r.ts));
  });

  it("a planted pattern lands in the right cell: Monday 2024-01-01 09:xx and Sunday 2024-01-07 23:xx", () => {
    const planted: Row[] = [Date.UTC(2024, 0, 1, 9, 5), Date.UTC(2024, 0, 1, 9, 59), Date.UTC(2024, 0, 7, 23, 30)].map((ts) => ({
      user: "u", item: "i", ts, tsLocal: ts, category: null, lat: null, lon: null,
    }));
    const z = hourWeekdayHeatmapFigure(toFrame(planted)).data[0].z as number[][];
    expect(z[0][9]).toBe(2);
    expect(z[6][23]).toBe(1);
    expect(z.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });

  it("row normalisation divides each weekday by its total", () => {
    const counts = oracle(rows, (r) => r.ts);
    const z = hourWeekdayHeatmapFigure(toFrame(rows), { normalize: "row" }).data[0].z as number[][];
    z.forEach((row, d) => {
      const s = counts[d].reduce((a, b) => a + b, 0);
      row.forEach((v, h) => expect(v).toBeCloseTo(counts[d][h] / s, 12));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });
  });

  it("is deterministic, JSON round-trips, and rejects bad options", () => {
    const a = hourWeekdayHeatmapFigure(toFrame(rows));
    expect(roundTrip(a)).toStrictEqual(a);
    expect(JSON.stringify(hourWeekdayHeatmapFigure(toFrame(rows)))).toBe(JSON.stringify(a));
    expect(() => hourWeekdayHeatmapFigure(toFrame(rows), { normalize: "col" as "row" })).toThrow(/normalize/);
    expect(() => hourWeekdayHeatmapFigure(toFrame(rows), { column: "ts_local" })).toThrow(/ts_local/);
  });
});
