import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";
import { haversine } from "../../src/spatial/haversine";
import { addKmeansClusters, kmeans } from "../../src/spatial/kmeans";
import { localPlane, planeCentre, toLocalPlane } from "../../src/spatial/local-plane";

const M_LAT = (6_371_008.8 * Math.PI) / 180;

/** A planted mixture: `perBlob` Gaussian points (sd metres) around each centre. */
function mixture(seed: number, centres: [number, number][], perBlob: number, sdM: number) {
  const rng = createRng(seed);
  const lat: number[] = [];
  const lon: number[] = [];
  const truth: number[] = [];
  centres.forEach(([cy, cx], k) => {
    const mLon = M_LAT * Math.cos((cy * Math.PI) / 180);
    for (let i = 0; i < perBlob; i++) {
      lat.push(cy + (rng.normal() * sdM) / M_LAT);
      lon.push(cx + (rng.normal() * sdM) / mLon);
      truth.push(k);
    }
  });
  return { lat, lon, truth };
}

const PLANTED: [number, number][] = [
  [31.228, 121.482],
  [31.25, 121.51],
  [31.236, 121.548],
  [31.3, 121.5],
  [31.185, 121.44],
  [31.2, 121.59],
];

describe("kmeans", () => {
  it("recovers planted centres within 60 m and the planted partition", () => {
    const { lat, lon, truth } = mixture(7, PLANTED, 300, 400);
    const r = kmeans(lat, lon, { k: 6, seed: 42 });
    expect(r.converged).toBe(true);
    // match each planted centre to its nearest found centre: a bijection, each within 60 m
    // (the standard error of a 300-point mean with sd 400 m is 23 m)
    const matched = PLANTED.map(([y, x]) => {
      let best = -1;
      let bd = Infinity;
      for (let c = 0; c < 6; c++) {
        const d = haversine(y, x, r.centres.lat[c], r.centres.lon[c]);
        if (d < bd) [bd, best] = [d, c];
      }
      expect(bd).toBeLessThan(60);
      return best;
    });
    expect(new Set(matched).size).toBe(6);
    let agree = 0;
    for (let i = 0; i < lat.length; i++) if (r.labels[i] === matched[truth[i]]) agree++;
    expect(agree / lat.length).toBeGreaterThan(0.99);
  });

  it("never increases the inertia, and its inertia and labels match a direct recomputation", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { lat, lon } = mixture(seed, PLANTED, 80, 1500); // overlapping blobs: many iterations
      const r = kmeans(lat, lon, { k: 5 + seed, seed, nInit: 1 });
      expect(r.inertiaHistory.length).toBe(r.iterations + 1);
      for (let t = 1; t < r.inertiaHistory.length; t++) expect(r.inertiaHistory[t]).toBeLessThanOrEqual(r.inertiaHistory[t - 1] * (1 + 1e-12));
      expect(r.inertiaHistory[0]).toBeGreaterThan(r.inertia); // it did improve on the k-means++ start
      const c = planeCentre(lat, lon);
      const plane = localPlane(c.lat, c.lon);
      const p = toLocalPlane(plane, lat, lon);
      const q = toLocalPlane(plane, r.centres.lat, r.centres.lon);
      let inertia = 0;
      for (let i = 0; i < lat.length; i++) {
        const d2 = Array.from(q.x, (qx, k) => (p.x[i] - qx) ** 2 + (p.y[i] - q.y[k]) ** 2);
        const nearest = d2.indexOf(Math.min(...d2));
        expect(r.labels[i]).toBe(nearest);
        inertia += d2[nearest];
      }
      expect(r.inertia).toBeCloseTo(inertia, 3);
    }
  });

  it("is deterministic for a seed and uses the seed", () => {
    const { lat, lon } = mixture(3, PLANTED, 60, 2500);
    const a = kmeans(lat, lon, { k: 9, seed: 5, nInit: 1 });
    const b = kmeans(lat, lon, { k: 9, seed: 5, nInit: 1 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.inertia).toBe(b.inertia);
    const others = [6, 7, 8, 9].map((s) => kmeans(lat, lon, { k: 9, seed: s, nInit: 1 }).inertia);
    expect(others.some((v) => v !== a.inertia)).toBe(true);
    // more starts can only help: the kept run has the lowest inertia of its starts
    expect(kmeans(lat, lon, { k: 9, seed: 5, nInit: 5 }).inertia).toBeLessThanOrEqual(a.inertia);
  });

  it("handles k = n (zero inertia) and repeated points", () => {
    const lat = [31.2, 31.21, 31.22];
    const lon = [121.4, 121.41, 121.42];
    const r = kmeans(lat, lon, { k: 3 });
    expect(r.inertia).toBeCloseTo(0, 9);
    expect(new Set(r.labels).size).toBe(3);
    const same = kmeans([31, 31, 31, 31.01], [121, 121, 121, 121], { k: 3, seed: 1 });
    expect(same.inertia).toBeCloseTo(0, 9); // two distinct places, three centres: one stays empty
    expect(same.labels[0]).toBe(same.labels[1]);
  });

  it("fails loudly on bad input", () => {
    expect(() => kmeans([31, 31.1], [121, 121], { k: 3 })).toThrow(/k = 3 is larger than the number of points n = 2/);
    expect(() => kmeans([31], [121], { k: 0 })).toThrow(/k must be an integer >= 1, got 0/);
    expect(() => kmeans([31, NaN], [121, 121], { k: 1 })).toThrow(/row 1 \(0-based\) has lat = NaN/);
    expect(() => kmeans([], [], { k: 1 })).toThrow(/no points/);
    expect(() => kmeans([31], [121], { k: 1, maxIter: 0 })).toThrow(/maxIter/);
    expect(() => kmeans([31], [121], { k: 1, nInit: 0 })).toThrow(/nInit/);
  });

  it("addKmeansClusters adds the kernel's labels as an Int32 column", () => {
    const { lat, lon } = mixture(2, PLANTED.slice(0, 3), 40, 300);
    const df = pl.DataFrame({ lat, lon });
    const out = addKmeansClusters(df, { k: 3, seed: 9, column: "zone" });
    expect(out.getColumn("zone").dtype.equals(pl.Int32)).toBe(true);
    expect(out.getColumn("zone").toArray()).toEqual(Array.from(kmeans(lat, lon, { k: 3, seed: 9 }).labels));
    expect(() => addKmeansClusters(df.head(2), { k: 3 })).toThrow(/larger than the number of points n = 2/);
    expect(() => addKmeansClusters(df.head(0), { k: 1 })).toThrow(/empty/);
  });
});
