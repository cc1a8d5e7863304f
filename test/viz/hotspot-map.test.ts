import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";
import { giStarHotspots } from "../../src/spatial/getis-ord";
import { hotspotMapFigure, Z_COLORSCALE } from "../../src/viz/hotspot-map";

function events(seed: number): pl.DataFrame {
  const rng = createRng(seed);
  const lat: number[] = [];
  const lon: number[] = [];
  const bin: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const blob = rng.next() < 0.15;
    lat.push(blob ? 31.25 + rng.normal() * 0.002 : 31.2 + rng.next() * 0.08);
    lon.push(blob ? 121.45 + rng.normal() * 0.002 : 121.4 + rng.next() * 0.1);
    bin.push(blob || rng.next() < 0.5 ? "evening" : "morning");
  }
  return pl.DataFrame({ lat, lon, part_of_day: bin });
}

describe("hotspotMapFigure", () => {
  const gi = giStarHotspots(events(3), { timeBin: "part_of_day", cellSizeM: 500 });

  it("draws one square marker per cell of the chosen bin, coloured by z on a symmetric diverging scale", () => {
    const fig = hotspotMapFigure(gi, { timeBin: "evening" });
    const rows = gi.filter(pl.col("time_bin").eq(pl.lit("evening"))).toRecords() as { lat: number; lon: number; count: number; gi_z: number; p_value: number }[];
    expect(fig.data).toHaveLength(1);
    const t = fig.data[0] as { type: string; x: number[]; y: number[]; customdata: number[][]; marker: Record<string, unknown> };
    expect(t.type).toBe("scatter");
    expect(t.x).toEqual(rows.map((r) => r.lon));
    expect(t.y).toEqual(rows.map((r) => r.lat));
    expect(t.marker.color).toEqual(rows.map((r) => r.gi_z));
    expect(t.customdata).toEqual(rows.map((r) => [r.count, r.gi_z, r.p_value]));
    expect(t.marker.symbol).toBe("square");
    const maxAbs = Math.max(...rows.map((r) => Math.abs(r.gi_z)));
    expect(t.marker.cmin).toBe(-maxAbs);
    expect(t.marker.cmax).toBe(maxAbs);
    expect(t.marker.colorscale).toEqual(Z_COLORSCALE.map(([a, b]) => [a, b]));
    const widths = (t.marker.line as { width: number[] }).width;
    const hot = rows.filter((r) => r.gi_z >= 1.959964).length;
    const cold = rows.filter((r) => r.gi_z <= -1.959964).length;
    expect(widths.filter((w) => w > 0)).toHaveLength(hot + cold);
    expect(hot).toBeGreaterThan(0);
    expect(fig.layout.meta).toMatchObject({ timeBin: "evening", cells: rows.length, hot, cold, zMax: maxAbs });
    expect(String((fig.layout.title as { text: string }).text)).toContain(`${hot} hot, ${cold} cold`);
    expect((fig.layout.yaxis as Record<string, unknown>).scaleanchor).toBe("x");
    expect(fig.layout).not.toHaveProperty("mapbox");
    expect(JSON.parse(JSON.stringify(fig))).toStrictEqual(fig);
  });

  it("takes the only bin by default, honours zMax, turns NaN z into null, and fails loudly", () => {
    const one = giStarHotspots(events(4), { cellSizeM: 1000 });
    const fig = hotspotMapFigure(one, { zMax: 3 });
    expect((fig.data[0].marker as Record<string, unknown>).cmax).toBe(3);
    expect(fig.layout.meta).toMatchObject({ timeBin: "all" });
    const nan = one.withColumns(pl.lit(NaN).alias("gi_z"));
    expect((hotspotMapFigure(nan).data[0].marker as { color: unknown[] }).color.every((v) => v === null)).toBe(true);
    expect(() => hotspotMapFigure(gi)).toThrow(/2 time bins \(evening, morning\); choose one/);
    expect(() => hotspotMapFigure(gi, { timeBin: "night" })).toThrow(/time bin 'night' is not in the frame/);
    expect(() => hotspotMapFigure(gi.drop("gi_z"), { timeBin: "evening" })).toThrow(/gi_z/);
    expect(() => hotspotMapFigure(gi, { timeBin: "evening", zCritical: 0 })).toThrow(/zCritical/);
  });
});
