import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";
import { clusterMapFigure } from "../../src/viz/cluster-map";
import { OTHER_COLOR, PALETTE } from "../../src/viz/layout-defaults";

/** Points with planted cluster sizes 12 × 40 … 1 × 40 (label k has 40·(12−k) points), noise and a few invalid rows. */
function frame(seed: number): { df: pl.DataFrame; sizes: Map<number, number>; noise: number; invalid: number } {
  const rng = createRng(seed);
  const lat: (number | null)[] = [];
  const lon: (number | null)[] = [];
  const cluster: number[] = [];
  for (let k = 0; k < 12; k++) for (let i = 0; i < 40 * (12 - k); i++) {
    lat.push(31.2 + k * 0.01 + rng.normal() * 0.001);
    lon.push(121.4 + rng.normal() * 0.001);
    cluster.push(k);
  }
  for (let i = 0; i < 150; i++) {
    lat.push(31.2 + rng.next() * 0.1);
    lon.push(121.4 + rng.next() * 0.1);
    cluster.push(-1);
  }
  lat.push(null, 95, NaN);
  lon.push(121, 121, 121);
  cluster.push(0, -1, 3);
  const order = rng.shuffle(cluster.map((_, i) => i));
  const df = pl.DataFrame({
    lat: pl.Series("lat", order.map((i) => lat[i]), pl.Float64),
    lon: order.map((i) => lon[i]),
    cluster: pl.Series("cluster", order.map((i) => cluster[i]), pl.Int32),
  });
  const sizes = new Map(Array.from({ length: 12 }, (_, k) => [k, 40 * (12 - k)]));
  return { df, sizes, noise: 150, invalid: 3 };
}

const count = (t: Record<string, unknown>) => (t.x as number[]).length;

describe("clusterMapFigure", () => {
  const { df, sizes, noise, invalid } = frame(6);

  it("draws noise in grey first, the largest clusters as named traces, the rest in one trace", () => {
    const fig = clusterMapFigure(df, { maxClusters: 5 });
    expect(fig.data.map((t) => t.name)).toEqual([
      "noise (150)",
      ...[0, 1, 2, 3, 4].map((k) => `cluster ${k} (${sizes.get(k)!.toLocaleString("en-US")})`),
      "7 other clusters",
    ]);
    expect((fig.data[0].marker as { color: string }).color).toBe(OTHER_COLOR);
    expect(count(fig.data[0])).toBe(noise);
    for (let k = 0; k < 5; k++) {
      expect(count(fig.data[k + 1])).toBe(sizes.get(k));
      expect((fig.data[k + 1].marker as { color: string }).color).toBe(PALETTE[k]);
    }
    const rest = [5, 6, 7, 8, 9, 10, 11].reduce((s, k) => s + sizes.get(k)!, 0);
    expect(count(fig.data[6])).toBe(rest);
    expect((fig.data[6].marker as { color: string[] }).color).toHaveLength(rest);
    expect(fig.layout.meta).toMatchObject({ clusters: 12, noise, dropped: invalid, valid: df.height - invalid, sampled: false });
    expect(String((fig.layout.title as { text: string }).text)).toContain(`${invalid} rows without valid coordinates left out`);
    // every drawn point is a valid input point with that label
    const key = (x: number, y: number) => `${x}|${y}`;
    const labelOf = new Map((df.toRecords() as { lat: number; lon: number; cluster: number }[]).map((r) => [key(r.lon, r.lat), r.cluster]));
    (fig.data[1].x as number[]).forEach((x, i) => expect(labelOf.get(key(x, (fig.data[1].y as number[])[i]))).toBe(0));
  });

  it("samples deterministically above maxPoints and round-trips through JSON", () => {
    const a = clusterMapFigure(df, { maxPoints: 700, seed: 3 });
    const b = clusterMapFigure(df, { maxPoints: 700, seed: 3 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.data.reduce((s, t) => s + count(t), 0)).toBe(700);
    expect(a.layout.meta).toMatchObject({ shown: 700, sampled: true, clusters: 12 });
    expect(JSON.parse(JSON.stringify(a))).toStrictEqual(a);
  });

  it("fails loudly on bad input", () => {
    expect(() => clusterMapFigure(df.drop("cluster"))).toThrow(/column 'cluster'/);
    expect(() => clusterMapFigure(df, { column: "zone" })).toThrow(/zone/);
    expect(() => clusterMapFigure(df.withColumns(pl.lit(null).cast(pl.Int32).alias("cluster")))).toThrow(/null cluster label/);
    expect(() => clusterMapFigure(df, { maxPoints: 0 })).toThrow(/maxPoints/);
    expect(() => clusterMapFigure(df.filter(pl.col("lat").gt(90)))).toThrow(/no row has valid coordinates/);
  });
});
