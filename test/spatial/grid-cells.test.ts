import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { createRng } from "../../src/util/rng";
import { haversine } from "../../src/spatial/haversine";
import { addGridCells, boundingBox, gridCellCentres, gridCellIds, makeGrid } from "../../src/spatial/grid-cells";

const box = { minLat: 31.15, maxLat: 31.32, minLon: 121.38, maxLon: 121.63 };

describe("metric grid cells", () => {
  it("sizes the grid from the box: floor(extent / size) + 1 rows and columns", () => {
    const g = makeGrid(box, 500);
    const mLat = (6_371_008.8 * Math.PI) / 180;
    expect(g.nRows).toBe(Math.floor((0.17 * mLat) / 500) + 1); // 18 910 m → 38 rows
    expect(g.nCols).toBe(Math.floor((0.25 * mLat * Math.cos((31.235 * Math.PI) / 180)) / 500) + 1);
    expect(g.nRows).toBe(38);
    expect(() => makeGrid(box, 0)).toThrow(/cellSizeM must be a finite number > 0/);
    expect(() => makeGrid({ ...box, minLat: 32 }, 100)).toThrow(/minLat <= maxLat/);
  });

  it("puts every point in the cell whose centre is within half a cell in each direction, and cells are square in metres", () => {
    const g = makeGrid(box, 400);
    const rng = createRng(4);
    const n = 2000;
    const lat = Float64Array.from({ length: n }, () => box.minLat + rng.next() * (box.maxLat - box.minLat));
    const lon = Float64Array.from({ length: n }, () => box.minLon + rng.next() * (box.maxLon - box.minLon));
    const ids = gridCellIds(g, lat, lon);
    const c = gridCellCentres(g, ids);
    for (let i = 0; i < n; i++) {
      expect(ids[i]).toBeGreaterThanOrEqual(0);
      expect(haversine(lat[i], c.lon[i], c.lat[i], c.lon[i])).toBeLessThanOrEqual(200 + 1e-6); // north-south offset
      expect(haversine(lat[i], lon[i], lat[i], c.lon[i])).toBeLessThanOrEqual(200 * 1.004); // east-west, cos φ / cos φc
    }
    // neighbouring centres are one cell apart (exactly north-south; east-west at the middle latitude)
    const mid = Math.floor(g.nRows / 2) * g.nCols + 3;
    const [a, up, right] = [mid, mid + g.nCols, mid + 1].map((id) => gridCellCentres(g, [id]));
    expect(haversine(a.lat[0], a.lon[0], up.lat[0], up.lon[0])).toBeCloseTo(400, 6);
    expect(haversine(a.lat[0], a.lon[0], right.lat[0], right.lon[0]) / 400).toBeCloseTo(1, 3);
  });

  it("keeps points on the north-east edge inside and marks points outside with -1", () => {
    const g = makeGrid(box, 1000);
    expect(gridCellIds(g, [box.maxLat], [box.maxLon])[0]).toBe(g.nRows * g.nCols - 1);
    expect(gridCellIds(g, [box.minLat], [box.minLon])[0]).toBe(0);
    expect(Array.from(gridCellIds(g, [31.0, 31.2], [121.5, 122.5]))).toEqual([-1, -1]);
    expect(() => gridCellCentres(g, [g.nRows * g.nCols])).toThrow(/not in the grid/);
  });

  it("addGridCells adds cell ids and centres, null outside a given box, and fails on NaN rows", () => {
    const df = pl.DataFrame({ lat: [31.2, 31.21, 31.5], lon: [121.4, 121.41, 121.5] });
    const { frame, grid } = addGridCells(df, { cellSizeM: 2000 });
    expect(grid).toEqual(makeGrid(boundingBox([31.2, 31.21, 31.5], [121.4, 121.41, 121.5]), 2000));
    expect(frame.getColumn("cell").toArray()).toEqual(Array.from(gridCellIds(grid, [31.2, 31.21, 31.5], [121.4, 121.41, 121.5])));
    expect(frame.getColumn("cell").toArray()[0]).toBe(frame.getColumn("cell").toArray()[1]); // 1.4 km apart, same 2 km cell
    const clipped = addGridCells(df, { cellSizeM: 500, box: { minLat: 31.1, maxLat: 31.3, minLon: 121.3, maxLon: 121.45 } }).frame;
    expect(clipped.getColumn("cell").toArray()[2]).toBeNull();
    expect(clipped.getColumn("cell_lat").nullCount()).toBe(1);
    expect(() => addGridCells(pl.DataFrame({ lat: [31.2, null], lon: [121.4, 121.5] }))).toThrow(/row 1 \(0-based\) has lat = NaN \(null or NaN\)/);
    expect(() => addGridCells(pl.DataFrame({ lat: [], lon: [] }, { schema: { lat: pl.Float64, lon: pl.Float64 } } as never))).toThrow(/empty/);
  });
});
