import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";
import { giStar, giStarHotspots } from "../../src/spatial/getis-ord";
import { boundingBox, gridCellIds, makeGrid } from "../../src/spatial/grid-cells";
import { gridWeights } from "../../src/spatial/spatial-weights";

/**
 * Dense oracle in the original Getis & Ord (1992) form for binary weights:
 * G*_i = Σ_j w_ij x_j / Σ_j x_j, E = W_i / n, Var = W_i (n − W_i) / (n² (n − 1)) · Y2 / Y1²,
 * z = (G* − E) / √Var, with Y1 = Σx / n, Y2 = Σx² / n − Y1², W a dense 0/1 matrix from centre distances.
 */
function denseGiStar(x: number[], nRows: number, nCols: number, near: (di: number, dj: number, i: number, j: number) => boolean): number[] {
  const n = x.length;
  const sum = x.reduce((s, v) => s + v, 0);
  const y1 = sum / n;
  const y2 = x.reduce((s, v) => s + v * v, 0) / n - y1 * y1;
  return x.map((_, i) => {
    let lag = 0;
    let wi = 0;
    for (let j = 0; j < n; j++) {
      const di = Math.floor(i / nCols) - Math.floor(j / nCols);
      const dj = (i % nCols) - (j % nCols);
      if (!near(di, dj, i, j)) continue;
      lag += x[j];
      wi++;
    }
    const g = lag / sum;
    const e = wi / n;
    const v = ((wi * (n - wi)) / (n * n * (n - 1))) * (y2 / (y1 * y1));
    return (g - e) / Math.sqrt(v);
  });
}

describe("giStar", () => {
  it("equals the dense textbook computation on random grids (distance band and kNN)", () => {
    const rng = createRng(17);
    const [nRows, nCols] = [7, 9];
    for (let rep = 0; rep < 5; rep++) {
      const x = Array.from({ length: nRows * nCols }, () => rng.poisson(4 + 3 * rep));
      const band = 1.5 + rep * 0.6; // in cells
      const z = giStar(x, gridWeights({ nRows, nCols, cellSizeM: 100 }, { kind: "band", bandM: band * 100 }));
      const want = denseGiStar(x, nRows, nCols, (di, dj) => Math.hypot(di, dj) <= band + 1e-9);
      want.forEach((v, i) => expect(z[i]).toBeCloseTo(v, 9));
      const wk = gridWeights({ nRows, nCols, cellSizeM: 100 }, { kind: "knn", k: 6 });
      const sets = Array.from({ length: x.length }, (_, i) => new Set(wk.neighbours.slice(wk.offsets[i], wk.offsets[i + 1])));
      const zk = giStar(x, wk);
      denseGiStar(x, nRows, nCols, (_di, _dj, i, j) => sets[i].has(j)).forEach((v, i) => expect(zk[i]).toBeCloseTo(v, 9));
    }
  });

  it("gives NaN when all values are equal and rejects mismatched weights", () => {
    const w = gridWeights({ nRows: 3, nCols: 3, cellSizeM: 1 });
    expect(Array.from(giStar(new Array(9).fill(2), w)).every(Number.isNaN)).toBe(true);
    expect(() => giStar([1, 2], w)).toThrow(/2 values but weights for 9 units/);
    expect(() => giStar([1, NaN, 1, 1, 1, 1, 1, 1, 1], w)).toThrow(/x\[1\] = NaN/);
  });
});

/** Events: uniform background over a 10 km box plus a planted dense blob. */
function plantedEvents(seed: number, blob: [number, number], n = 4000, blobN = 400) {
  const rng = createRng(seed);
  const lat: number[] = [];
  const lon: number[] = [];
  const bin: string[] = [];
  for (let i = 0; i < n; i++) {
    lat.push(31.2 + rng.next() * 0.09);
    lon.push(121.4 + rng.next() * 0.105);
    bin.push(rng.next() < 0.5 ? "day" : "night");
  }
  for (let i = 0; i < blobN; i++) {
    lat.push(blob[0] + rng.normal() * 0.0015);
    lon.push(blob[1] + rng.normal() * 0.0015);
    bin.push("night"); // the hotspot exists at night only
  }
  return pl.DataFrame({ lat, lon, part_of_day: bin });
}

describe("giStarHotspots", () => {
  const blob: [number, number] = [31.26, 121.43];
  const df = plantedEvents(5, blob);

  it("counts events per (bin, cell) like a brute-force tally and scores them with giStar on the full grid", () => {
    const out = giStarHotspots(df, { timeBin: "part_of_day", cellSizeM: 500, includeEmpty: true });
    const lat = df.getColumn("lat").toArray() as number[];
    const lon = df.getColumn("lon").toArray() as number[];
    const bins = df.getColumn("part_of_day").toArray() as string[];
    const grid = makeGrid(boundingBox(lat, lon), 500);
    const ids = gridCellIds(grid, lat, lon);
    const nCells = grid.nRows * grid.nCols;
    expect(out.height).toBe(2 * nCells);
    expect(out.columns).toEqual(["time_bin", "cell", "lat", "lon", "count", "gi_z", "p_value"]);
    for (const b of ["day", "night"]) {
      const counts = new Array(nCells).fill(0);
      ids.forEach((c, i) => bins[i] === b && counts[c]++);
      const part = out.filter(pl.col("time_bin").eq(pl.lit(b)));
      expect(part.getColumn("cell").toArray()).toEqual(counts.map((_, i) => i));
      expect(part.getColumn("count").toArray()).toEqual(counts);
      const z = giStar(counts, gridWeights(grid));
      expect(part.getColumn("gi_z").toArray()).toEqual(Array.from(z));
    }
    // p-values: two-sided normal tail
    const rec = out.toRecords() as { gi_z: number; p_value: number }[];
    for (const r of rec.slice(0, 50)) expect(r.p_value).toBeCloseTo(2 * (1 - normalCdfOracle(Math.abs(r.gi_z))), 6);
  });

  it("puts the highest z on the planted hotspot in its time bin, and not in the other bin", () => {
    const out = giStarHotspots(df, { timeBin: "part_of_day", cellSizeM: 500 });
    const best = (b: string) => out.filter(pl.col("time_bin").eq(pl.lit(b))).sort("gi_z", true).row(0) as unknown as [string, number, number, number, number, number, number];
    const [, , nLat, nLon, , nz, np] = best("night");
    expect(Math.abs(nLat - blob[0]) * 111_195).toBeLessThan(500);
    expect(Math.abs(nLon - blob[1]) * 95_000).toBeLessThan(500);
    expect(nz).toBeGreaterThan(5);
    expect(np).toBeLessThan(1e-10);
    const [, , dLat, dLon, , dz] = best("day");
    expect(Math.abs(dLat - blob[0]) * 111_195 + Math.abs(dLon - blob[1]) * 95_000).toBeGreaterThan(600); // day's best is elsewhere
    expect(dz).toBeLessThan(nz / 2);
    // without a bin: one bin "all"; only non-empty cells are listed by default
    const all = giStarHotspots(df, { cellSizeM: 500, weights: { kind: "knn", k: 8 } });
    expect(new Set(all.getColumn("time_bin").toArray())).toEqual(new Set(["all"]));
    expect(Math.min(...(all.getColumn("count").toArray() as number[]))).toBeGreaterThan(0);
  });

  it("fails loudly on bad input", () => {
    expect(() => giStarHotspots(df, { timeBin: "weekday" })).toThrow(/timeBin column 'weekday' is absent/);
    expect(() => giStarHotspots(df.withColumns(pl.lit(null).cast(pl.String).alias("part_of_day")), { timeBin: "part_of_day" })).toThrow(/null/);
    expect(() => giStarHotspots(pl.DataFrame({ lat: [31, NaN], lon: [121, 121] }))).toThrow(/row 1 \(0-based\) has lat = NaN/);
    expect(() => giStarHotspots(df.head(0))).toThrow(/empty/);
    expect(() => giStarHotspots(df, { box: { minLat: 31.2, maxLat: 31.25, minLon: 121.4, maxLon: 121.5 } })).toThrow(/fall outside the box/);
    expect(() => giStarHotspots(df, { cellSizeM: -1 })).toThrow(/cellSizeM/);
  });
});

/** Φ(x) by the Abramowitz–Stegun 26.2.17 polynomial (|error| < 7.5e-8): an oracle independent of the library's. */
function normalCdfOracle(x: number): number {
  const t = 1 / (1 + 0.2316419 * x);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 1 - (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
}
