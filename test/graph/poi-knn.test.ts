import { describe, expect, it } from "vitest";
import { poiKnn } from "../../src/graph/poi-knn";
import { haversine } from "../../src/spatial/haversine";
import { createRng } from "../../src/util/rng";

/** Brute-force oracle: k nearest by haversine, ties by index. */
function bruteKnn(lat: number[], lon: number[], k: number, maxD = Infinity): Map<number, number>[] {
  return lat.map((_, i) => {
    if (Number.isNaN(lat[i]) || Number.isNaN(lon[i])) return new Map();
    const c = lat
      .map((_, j) => ({ j, d: haversine(lat[i], lon[i], lat[j], lon[j]) }))
      .filter((x) => x.j !== i && !Number.isNaN(x.d) && x.d <= maxD)
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, k);
    return new Map(c.map((x) => [x.j, x.d]));
  });
}

function check(lat: number[], lon: number[], k: number, maxD = Infinity): void {
  const got = poiKnn(lat, lon, { k, maxDistanceM: maxD });
  const want = bruteKnn(lat, lon, k, maxD);
  for (let i = 0; i < lat.length; i++) {
    const row = Array.from(got.indices.subarray(got.indptr[i], got.indptr[i + 1]));
    expect(row.sort((a, b) => a - b)).toEqual([...want[i].keys()].sort((a, b) => a - b));
    for (let p = got.indptr[i]; p < got.indptr[i + 1]; p++) {
      const d = want[i].get(got.indices[p])!;
      expect(Math.abs(got.values[p] - d)).toBeLessThan(1e-3 + 1e-6 * d);
    }
  }
}

describe("poiKnn", () => {
  it("matches brute force on a city-sized cloud", () => {
    const rng = createRng(1);
    const lat = Array.from({ length: 400 }, () => 40.7 + 0.2 * rng.next());
    const lon = Array.from({ length: 400 }, () => -74 + 0.3 * rng.next());
    check(lat, lon, 7);
    check(lat, lon, 3, 1500);
  });

  it("matches brute force across the antimeridian, near the poles and world-wide", () => {
    const rng = createRng(2);
    const lat: number[] = [];
    const lon: number[] = [];
    for (let i = 0; i < 150; i++) {
      lat.push(-20 + 40 * rng.next());
      lon.push(rng.next() < 0.5 ? 179.5 + 0.5 * rng.next() : -180 + 0.5 * rng.next());
    }
    for (let i = 0; i < 100; i++) {
      lat.push(88 + 2 * rng.next());
      lon.push(-180 + 360 * rng.next());
    }
    for (let i = 0; i < 150; i++) {
      lat.push(-90 + 180 * rng.next());
      lon.push(-180 + 360 * rng.next());
    }
    check(lat, lon, 5);
  });

  it("handles duplicates, NaN coordinates and fewer points than k", () => {
    // points 0 and 1 coincide; point 2 has no coordinates
    const got = poiKnn([10, 10, NaN, 10.001], [20, 20, 5, 20], { k: 5 });
    expect(Array.from(got.indices.subarray(got.indptr[0], got.indptr[1]))).toEqual([1, 3]);
    expect(got.values[got.indptr[0]]).toBe(0);
    expect(got.indptr[3] - got.indptr[2]).toBe(0);
    expect(() => poiKnn([91], [0])).toThrow(/outside/);
    expect(() => poiKnn([1], [0], { k: 0 })).toThrow(/k must be/);
  });
});
