import { existsSync } from "fs";
import { join, resolve } from "path";
import { beforeAll, describe, it, expect } from "vitest";
import { loadDataset } from "../../src/io/datasets";
import { dbscan } from "../../src/spatial/dbscan";
import { haversine } from "../../src/spatial/haversine";
import { createRng } from "../../src/util/rng";
import { bruteDbscan } from "./dbscan-oracle";

const DATA_DIR = process.env.DATA_DIR ?? resolve(__dirname, "..", "..", "..", "shared", "data");
const DIR = join(DATA_DIR, "gowalla_snap_nyc");

describe.skipIf(!existsSync(DIR))("dbscan on Gowalla NYC (real data, skipped when absent)", () => {
  let lat: Float64Array;
  let lon: Float64Array;
  beforeAll(() => {
    const { frame } = loadDataset("gowalla-nyc", { dataDir: DATA_DIR });
    lat = frame.getColumn("lat").toTypedArray() as Float64Array;
    lon = frame.getColumn("lon").toTypedArray() as Float64Array;
  });

  it("clusters all check-ins and satisfies the DBSCAN definition at sampled points (brute-force neighbourhoods)", () => {
    const eps = 100;
    const minPts = 20;
    const t0 = performance.now();
    const r = dbscan(lat, lon, { epsM: eps, minPts });
    const ms = performance.now() - t0;
    console.log(`dbscan on ${lat.length} Gowalla NYC points (eps ${eps} m, minPts ${minPts}): ${ms.toFixed(0)} ms, ${r.nClusters} clusters, ${r.nNoise} noise`);
    expect(r.labels.length).toBe(lat.length);
    expect(r.nClusters).toBeGreaterThan(10);
    const rng = createRng(1);
    for (let s = 0; s < 150; s++) {
      const i = rng.int(lat.length);
      const nb: number[] = [];
      for (let j = 0; j < lat.length; j++) if (haversine(lat[i], lon[i], lat[j], lon[j]) <= eps) nb.push(j);
      const isCore = nb.length >= minPts;
      expect(r.core[i]).toBe(isCore ? 1 : 0);
      if (isCore) {
        // every neighbour of a core is clustered; core neighbours share its cluster (a border
        // neighbour may belong to an earlier cluster that reached it first)
        for (const j of nb) {
          expect(r.labels[j]).toBeGreaterThanOrEqual(0);
          if (r.core[j] === 1) expect(r.labels[j]).toBe(r.labels[i]);
        }
      } else if (r.labels[i] < 0) {
        for (const j of nb) expect(r.core[j]).toBe(0); // noise: no core within eps
      } else {
        expect(nb.some((j) => r.core[j] === 1 && r.labels[j] === r.labels[i])).toBe(true); // border: reached by a core of its cluster
      }
    }
  });

  it("equals brute-force DBSCAN on a 2,500-point subsample", () => {
    const rng = createRng(2);
    const idx = Array.from({ length: 2500 }, () => rng.int(lat.length));
    const la = idx.map((i) => lat[i]);
    const lo = idx.map((i) => lon[i]);
    const got = dbscan(la, lo, { epsM: 300, minPts: 8 });
    const want = bruteDbscan(la, lo, 300, 8);
    expect(Array.from(got.labels)).toEqual(want.labels);
    expect(got.nClusters).toBeGreaterThan(3);
  });
});
