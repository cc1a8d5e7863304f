import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { geoScatterFigure } from "../../src/viz/geo-scatter";
import { randomRows, roundTrip, toFrame, type Row } from "./random-events";

const valid = (r: Row) =>
  r.lat !== null && r.lon !== null && !Number.isNaN(r.lat) && !Number.isNaN(r.lon) && Math.abs(r.lat) <= 90 && Math.abs(r.lon) <= 180;
const key = (x: number, y: number) => `${x}|${y}`;

function points(fig: ReturnType<typeof geoScatterFigure>): string[] {
  return fig.data.flatMap((t) => (t.x as number[]).map((x, i) => key(x, (t.y as number[])[i])));
}

describe("geoScatterFigure", () => {
  const rows = randomRows(3000, 21);
  const good = rows.filter(valid);

  it("plots exactly the rows with valid coordinates, counts the others, and equalises the aspect ratio", () => {
    const fig = geoScatterFigure(toFrame(rows));
    expect(points(fig).sort()).toEqual(good.map((r) => key(r.lon!, r.lat!)).sort());
    expect(fig.data[0].type).toBe("scatter"); // 3000 points: svg
    const title = String((fig.layout.title as { text: string }).text);
    expect(title).toContain(`${(rows.length - good.length).toLocaleString("en-US")} rows without valid coordinates left out`);
    const lats = good.map((r) => r.lat!);
    const mid = (Math.min(...lats) + Math.max(...lats)) / 2;
    const y = fig.layout.yaxis as Record<string, unknown>;
    expect(y.scaleanchor).toBe("x");
    expect(y.scaleratio as number).toBeCloseTo(1 / Math.cos((mid * Math.PI) / 180), 12);
    expect(fig.layout).not.toHaveProperty("mapbox");
    expect(fig.layout).not.toHaveProperty("geo");
  });

  it("down-samples deterministically for a seed, to exactly maxPoints points, from the valid rows", () => {
    const df = toFrame(rows);
    const a = geoScatterFigure(df, { maxPoints: 500, seed: 7 });
    const b = geoScatterFigure(df, { maxPoints: 500, seed: 7 });
    const c = geoScatterFigure(df, { maxPoints: 500, seed: 8 });
    expect(points(a)).toHaveLength(500);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(points(c)).not.toEqual(points(a));
    const all = new Set(good.map((r) => key(r.lon!, r.lat!)));
    for (const p of points(a)) expect(all.has(p)).toBe(true);
    expect(new Set(points(a)).size).toBe(500); // no point twice
    expect(String((a.layout.title as { text: string }).text)).toContain(`500 of ${good.length.toLocaleString("en-US")} events shown (seeded sample, seed 7)`);
    expect(geoScatterFigure(df, { maxPoints: 500, renderer: "webgl" }).data[0].type).toBe("scattergl");
  });

  it("categorical colorBy: one trace per top category (ranked on all valid rows), the rest as 'other'", () => {
    const fig = geoScatterFigure(toFrame(rows), { colorBy: "category", maxCategories: 3 });
    const counts = new Map<string, number>();
    for (const r of good) counts.set(r.category ?? "(missing)", (counts.get(r.category ?? "(missing)") ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    expect(fig.data.map((t) => t.name)).toEqual([...ranked.slice(0, 3).map(([c]) => c), `other (${ranked.length - 3} values)`]);
    for (const [i, [, n]] of ranked.slice(0, 3).entries()) expect((fig.data[i].x as number[]).length).toBe(n);
    const rest = ranked.slice(3).reduce((s, [, n]) => s + n, 0);
    expect((fig.data[3].x as number[]).length).toBe(rest);
  });

  it("numeric colorBy: one trace with a colour value per point", () => {
    const df = toFrame(rows).withColumns(pl.col("lat").mul(2).alias("score"));
    const fig = geoScatterFigure(df, { colorBy: "score" });
    expect(fig.data).toHaveLength(1);
    const t = fig.data[0] as { y: number[]; marker: { color: number[]; showscale: boolean } };
    expect(t.marker.color).toEqual(t.y.map((v) => v * 2));
    expect(t.marker.showscale).toBe(true);
  });

  it("round-trips through JSON and fails loudly on bad input", () => {
    const fig = geoScatterFigure(toFrame(rows), { colorBy: "category", maxPoints: 800 });
    expect(roundTrip(fig)).toStrictEqual(fig);
    expect(() => geoScatterFigure(toFrame(rows).drop("lat"))).toThrow(/column 'lat'/);
    expect(() => geoScatterFigure(toFrame(rows), { maxPoints: 0 })).toThrow(/maxPoints/);
    expect(() => geoScatterFigure(toFrame(rows), { colorBy: "nope" })).toThrow(/nope/);
    const bad = toFrame(rows.map((r) => ({ ...r, lat: 123 })));
    expect(() => geoScatterFigure(bad)).toThrow(/no row has valid coordinates/);
  });
});
