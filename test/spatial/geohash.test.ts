import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";
import { addGeohash, geohashAdjacent, geohashDecode, geohashEncode, geohashNeighbours } from "../../src/spatial/geohash";

describe("geohash", () => {
  it("encodes known points (geohash.org / published examples)", () => {
    expect(geohashEncode(57.64911, 10.40744, 11)).toBe("u4pruydqqvj");
    expect(geohashEncode(48.669, -4.329, 5)).toBe("gbsuv");
    expect(geohashEncode(42.605, -5.603, 5)).toBe("ezs42");
    expect(geohashEncode(57.64911, 10.40744, 1)).toBe("u");
    expect(geohashEncode(57.64911, 10.40744)).toHaveLength(9);
  });

  it("decodes to the published box of 'gbsuv' and the centre of 'ezs42'", () => {
    const b = geohashDecode("gbsuv");
    expect(b).toMatchObject({ minLat: 48.6474609375, maxLat: 48.69140625, minLon: -4.3505859375, maxLon: -4.306640625 });
    const e = geohashDecode("EZS42"); // case-insensitive
    expect(e.lat).toBeCloseTo(42.605, 2);
    expect(e.lon).toBeCloseTo(-5.603, 2);
  });

  it("gives the published neighbours of 'gbsuv'", () => {
    expect(geohashNeighbours("gbsuv")).toEqual({ n: "gbsvj", ne: "gbsvn", e: "gbsuy", se: "gbsuw", s: "gbsut", sw: "gbsus", w: "gbsuu", nw: "gbsvh" });
  });

  it("round-trips random points at every precision, with the box size the bit count implies", () => {
    const rng = createRng(11);
    for (let k = 0; k < 500; k++) {
      const lat = rng.next() * 180 - 90;
      const lon = rng.next() * 360 - 180;
      const p = 1 + (k % 12);
      const h = geohashEncode(lat, lon, p);
      const b = geohashDecode(h);
      expect(lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon).toBe(true);
      const lonBits = Math.ceil((5 * p) / 2);
      const latBits = Math.floor((5 * p) / 2);
      expect(b.maxLon - b.minLon).toBeCloseTo(360 / 2 ** lonBits, 12);
      expect(b.maxLat - b.minLat).toBeCloseTo(180 / 2 ** latBits, 12);
      expect(geohashEncode(b.lat, b.lon, p)).toBe(h);
      // neighbours share an edge with the box
      const n = geohashAdjacent(h, 1, 0);
      if (n !== null) expect(geohashDecode(n).minLat).toBeCloseTo(b.maxLat, 9);
      const e = geohashDecode(geohashAdjacent(h, 0, 1)!);
      if (b.maxLon < 180) expect(e.minLon).toBeCloseTo(b.maxLon, 9);
    }
  });

  it("wraps east across the antimeridian and has no neighbour beyond a pole", () => {
    const h = geohashEncode(10, 179.99, 6);
    expect(geohashDecode(geohashNeighbours(h).e).lon).toBeLessThan(-179.9);
    const top = geohashEncode(89.99, 0, 4);
    expect(geohashNeighbours(top).n).toBeNull();
    expect(geohashNeighbours(top).ne).toBeNull();
  });

  it("fails loudly on bad precision, characters and coordinates", () => {
    expect(() => geohashEncode(0, 0, 0)).toThrow(/precision must be an integer in \[1, 12\]/);
    expect(() => geohashEncode(0, 0, 13)).toThrow(/precision/);
    expect(() => geohashEncode(91, 0)).toThrow(/lat/);
    expect(() => geohashDecode("abc")).toThrow(/invalid character 'a' at position 0/);
    expect(() => geohashDecode("")).toThrow(/precision/);
  });

  it("addGeohash adds one hash per row and names the row of a NaN coordinate", () => {
    const df = pl.DataFrame({ lat: [57.64911, 48.669], lon: [10.40744, -4.329], keep: ["a", "b"] });
    const out = addGeohash(df, { precision: 5 });
    expect(out.getColumn("geohash").toArray()).toEqual(["u4pru", "gbsuv"]);
    expect(out.getColumn("keep").toArray()).toEqual(["a", "b"]);
    expect(df.columns).toEqual(["lat", "lon", "keep"]); // input untouched
    const bad = pl.DataFrame({ lat: [1, NaN, 3], lon: [1, 2, 3] });
    expect(() => addGeohash(bad)).toThrow(/row 1 \(0-based\) has lat = NaN/);
    expect(() => addGeohash(df, { precision: 0 })).toThrow(/precision/);
  });
});
