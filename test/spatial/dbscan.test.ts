import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { haversineBuckets } from "../../src/spatial/bucket-index";
import { addDbscanClusters, dbscan } from "../../src/spatial/dbscan";
import { haversine } from "../../src/spatial/haversine";
import { createRng } from "../../src/util/rng";
import { blobPoints, bruteDbscan } from "./dbscan-oracle";

const CENTRES: [number, number][] = [
  [31.23, 121.47],
  [31.236, 121.478],
  [31.25, 121.51],
  [31.2, 121.45],
];

describe("dbscan", () => {
  it("equals brute-force DBSCAN (labels and core flags) on seeded random points", () => {
    const cases: [number, number, number, number][] = [
      // seed, eps (m), minPts, sd (m)
      [1, 150, 5, 250],
      [2, 80, 3, 200],
      [3, 300, 12, 400],
      [4, 50, 1, 300], // minPts 1: every point is core
      [5, 200, 25, 300],
    ];
    for (const [seed, eps, minPts, sd] of cases) {
      const { lat, lon } = blobPoints(seed, CENTRES, 120, sd, 80);
      const got = dbscan(lat, lon, { epsM: eps, minPts });
      const want = bruteDbscan(lat, lon, eps, minPts);
      expect(Array.from(got.labels)).toEqual(want.labels);
      expect(Array.from(got.core)).toEqual(want.core);
      expect(got.nClusters).toBe(Math.max(-1, ...want.labels) + 1);
      expect(got.nNoise).toBe(want.labels.filter((l) => l < 0).length);
      if (seed !== 4) expect(got.nClusters).toBeGreaterThan(1); // a non-trivial case
      if (seed === 4) expect(got.nNoise).toBe(0);
    }
  });

  it("hand case: a chain of points 10 m apart, a gap, and a lone point", () => {
    const mLat = (6_371_008.8 * Math.PI) / 180;
    const lat = [0, 10, 20, 30, 100, 500].map((m) => 31 + m / mLat);
    const lon = lat.map(() => 121);
    // eps 10.5 m, minPts 3: 10 and 20 are core (3 points each), 0 and 30 border, 100 and 500 noise
    const r = dbscan(lat, lon, { epsM: 10.5, minPts: 3 });
    expect(Array.from(r.labels)).toEqual([0, 0, 0, 0, -1, -1]);
    expect(Array.from(r.core)).toEqual([0, 1, 1, 0, 0, 0]);
  });

  it("a border point between two clusters joins the cluster discovered first (row order), as in the original algorithm", () => {
    const mLat = (6_371_008.8 * Math.PI) / 180;
    const mLon = mLat * Math.cos((31 * Math.PI) / 180);
    // (x, y) in metres; eps 21, minPts 4: a1 and b1 are core ({self, mid, 2 wings}); the middle
    // point sees only {self, a1, b1} (3 < 4) so it is a border point of both clusters
    const pts: Record<string, [number, number]> = {
      a1: [-20, 0], a2: [-20, 15], a3: [-20, -15], mid: [0, 0], b1: [20, 0], b2: [20, 15], b3: [20, -15],
    };
    const run = (names: string[]) => {
      const r = dbscan(names.map((k) => 31 + pts[k][1] / mLat), names.map((k) => 121 + pts[k][0] / mLon), { epsM: 21, minPts: 4 });
      return Object.fromEntries(names.map((k, i) => [k, [r.labels[i], r.core[i]]]));
    };
    const aFirst = run(["a2", "a1", "a3", "mid", "b1", "b2", "b3"]);
    expect(aFirst).toEqual({ a2: [0, 0], a1: [0, 1], a3: [0, 0], mid: [0, 0], b1: [1, 1], b2: [1, 0], b3: [1, 0] });
    const bFirst = run(["b2", "b1", "b3", "mid", "a1", "a2", "a3"]);
    expect(bFirst).toEqual({ b2: [0, 0], b1: [0, 1], b3: [0, 0], mid: [0, 0], a1: [1, 1], a2: [1, 0], a3: [1, 0] }); // mid now with the b's
  });

  it("finds neighbours across the antimeridian", () => {
    const lat = [10, 10, 10, 10];
    const lon = [179.9996, 179.9999, -179.9999, -179.9996]; // ≈ 33 m steps
    const r = dbscan(lat, lon, { epsM: 40, minPts: 2 });
    expect(Array.from(r.labels)).toEqual([0, 0, 0, 0]);
  });

  it("fails loudly on bad input", () => {
    expect(() => dbscan([31, 31.1], [121, 121], { epsM: 0 })).toThrow(/epsM must be a finite number of metres > 0, got 0/);
    expect(() => dbscan([31], [121], { epsM: -5 })).toThrow(/epsM/);
    expect(() => dbscan([31], [121], { minPts: 0 })).toThrow(/minPts must be an integer >= 1, got 0/);
    expect(() => dbscan([31], [121], { minPts: 2.5 })).toThrow(/minPts/);
    expect(() => dbscan([31, NaN, 31], [121, 121, 121])).toThrow(/row 1 \(0-based\) has lat = NaN/);
    expect(() => dbscan([31, 31], [121, 200])).toThrow(/row 1 \(0-based\) has lon = 200 \(outside \[-180, 180\]\)/);
    expect(() => dbscan([], [])).toThrow(/no points/);
  });

  it("addDbscanClusters adds the kernel's labels as an Int32 column without touching the input", () => {
    const { lat, lon } = blobPoints(9, CENTRES, 50, 200, 30);
    const df = pl.DataFrame({ id: lat.map((_, i) => i), lat, lon });
    const out = addDbscanClusters(df, { epsM: 120, minPts: 4 });
    expect(out.getColumn("cluster").dtype.equals(pl.Int32)).toBe(true);
    expect(out.getColumn("cluster").toArray()).toEqual(Array.from(dbscan(lat, lon, { epsM: 120, minPts: 4 }).labels));
    expect(out.getColumn("id").toArray()).toEqual(lat.map((_, i) => i));
    expect(df.columns).toEqual(["id", "lat", "lon"]);
    expect(() => addDbscanClusters(df.head(0))).toThrow(/empty/);
    expect(() => addDbscanClusters(pl.DataFrame({ lat: [1, null], lon: [2, 3] }))).toThrow(/row 1 \(0-based\)/);
    expect(() => addDbscanClusters(df, { epsM: 0 })).toThrow(/epsM/);
    expect(() => addDbscanClusters(df.drop("lon"))).toThrow(/needs column 'lon'/);
  });
});

describe("haversineBuckets", () => {
  it("returns every point within eps among the candidates, on the dense and on the sparse (antimeridian) path", () => {
    const rng = createRng(21);
    for (const [lon0, span] of [[121.4, 0.05], [179.98, 0.04]]) {
      const n = 800;
      const lat = Float64Array.from({ length: n }, () => 60 + rng.next() * 0.03); // high latitude: wide longitude buckets
      const lon = Float64Array.from({ length: n }, () => {
        const x = lon0 + rng.next() * span;
        return x >= 180 ? x - 360 : x;
      });
      const idx = haversineBuckets(lat, lon, 150);
      const spans = new Int32Array(18);
      for (let i = 0; i < n; i++) {
        const cand = new Set<number>();
        const k = idx.ranges(i, spans);
        for (let m = 0; m < k; m++) for (let t = spans[2 * m]; t < spans[2 * m + 1]; t++) cand.add(idx.order[t]);
        for (let j = 0; j < n; j++) if (haversine(lat[i], lon[i], lat[j], lon[j]) <= 150) expect(cand.has(j)).toBe(true);
      }
    }
  });
});
