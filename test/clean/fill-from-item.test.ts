import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { handleMissing } from "../../src/clean/handle-missing";
import type { NotedCleanStep } from "../../src/clean/noted-step";
import { DataError } from "../../src/util/data-error";
import { createRng } from "../../src/util/rng";

type Cell = number | string | null;

/** Brute force: the most frequent present value per item (ties: smallest), filled into missing cells. */
function oracleFill(items: (string | null)[], values: Cell[], isMissing: (v: Cell) => boolean): { out: Cell[]; filled: number; left: number } {
  const counts = new Map<string, Map<Cell, number>>();
  items.forEach((it, i) => {
    if (it === null || isMissing(values[i])) return;
    const m = counts.get(it) ?? new Map<Cell, number>();
    m.set(values[i], (m.get(values[i]) ?? 0) + 1);
    counts.set(it, m);
  });
  const mode = new Map<string, Cell>();
  for (const [it, m] of counts) {
    let best: Cell = null;
    let bestN = 0;
    for (const [v, n] of m) if (n > bestN || (n === bestN && (v as number | string) < (best as number | string))) [best, bestN] = [v, n];
    mode.set(it, best);
  }
  let filled = 0;
  let left = 0;
  const out = values.map((v, i) => {
    if (!isMissing(v)) return v;
    const fill = items[i] === null ? undefined : mode.get(items[i]!);
    if (fill === undefined) {
      left++;
      return null;
    }
    filled++;
    return fill;
  });
  return { out, filled, left };
}

describe('handleMissing "from_item"', () => {
  it("fills from the item's most frequent value, ties to the smallest, NaN counted as missing", () => {
    const df = pl.DataFrame({
      user: ["a", "b", "c", "d", "e", "f", "g", "h"],
      item: ["x", "x", "x", "x", "y", "y", null, "z"],
      // x: 2.0 twice, 1.0 once -> 2.0; y: 7.0 and 5.0 once each -> tie -> 5.0 (NaN never votes)
      lat: [2, 1, 2, null, 7, NaN, null, null],
      // x: "b", "a" once each -> tie -> "a"; y: no present value; z: none
      category: ["b", "a", null, null, null, null, "q", null],
    });
    const { frame, report } = handleMissing(df, { strategies: { lat: "from_item", category: "from_item" } });
    expect(frame.getColumn("lat").toArray()).toEqual([2, 1, 2, 2, 7, 7, null, null]);
    expect(frame.getColumn("category").toArray()).toEqual(["b", "a", "a", "a", null, null, "q", null]);
    expect(frame.columns).toEqual(df.columns);
    // lat: rows 3 (x) and 5 (y, was NaN) filled; row 6 (null item) and 7 (z) left
    expect(report).toEqual([
      { step: "handleMissing", reason: "missing_lat_from_item", rowsIn: 8, rowsOut: 8, valuesChanged: 2, note: "2 value(s) left missing: no present value of the item" },
      { step: "handleMissing", reason: "missing_category_from_item", rowsIn: 8, rowsOut: 8, valuesChanged: 2, note: "3 value(s) left missing: no present value of the item" },
    ]);
  });

  it("keeps integer types, skips absent columns only when asked, refuses the item column", () => {
    const df = pl
      .DataFrame({ item: ["x", "x", "y"], tz_offset_min: [60, null, null] })
      .withColumn(pl.col("tz_offset_min").cast(pl.Int32));
    const out = handleMissing(df, { strategies: { tz_offset_min: "from_item", lat: "from_item" }, skipAbsent: true });
    expect(out.frame.getColumn("tz_offset_min").toArray()).toEqual([60, 60, null]);
    expect(out.frame.getColumn("tz_offset_min").dtype.variant).toBe("Int32");
    expect(out.report.map((r) => r.reason)).toEqual(["missing_tz_offset_min_from_item"]);
    expect(() => handleMissing(df, { strategies: { lat: "from_item" } })).toThrow(DataError);
    expect(() => handleMissing(df, { strategies: { item: "from_item" } })).toThrow(/item column/);
    expect(() => handleMissing(df.drop("item"), { strategies: { tz_offset_min: "from_item" } })).toThrow(/item/);
    expect(() => handleMissing(df, { strategies: { tz_offset_min: "from_item" }, cols: { item: "poi" } })).toThrow(/poi/);
  });

  it.each([1, 2, 3])("matches a brute-force oracle on a random frame (seed %d)", (seed) => {
    const rng = createRng(seed);
    const n = 400;
    const items: (string | null)[] = [];
    const lat: (number | null)[] = [];
    const category: (string | null)[] = [];
    for (let i = 0; i < n; i++) {
      items.push(rng.next() < 0.03 ? null : `i${rng.int(40)}`);
      const r = rng.next();
      lat.push(r < 0.2 ? null : r < 0.25 ? NaN : [1.5, 2.5, 3.5, -4][rng.int(4)]);
      category.push(rng.next() < 0.3 ? null : ["bar", "cafe", "gym", "Zoo"][rng.int(4)]);
    }
    const df = pl.DataFrame({ item: items, lat, category });
    const { frame, report } = handleMissing(df, { strategies: { lat: "from_item", category: "from_item" } });
    const latOracle = oracleFill(items, lat, (v) => v === null || Number.isNaN(v));
    const catOracle = oracleFill(items, category, (v) => v === null);
    // NaN left missing comes back as null (the filled column is rebuilt from the item's value)
    expect(frame.getColumn("lat").toArray().map((v) => (Number.isNaN(v) ? null : v))).toEqual(latOracle.out);
    expect(frame.getColumn("category").toArray()).toEqual(catOracle.out);
    expect(frame.getColumn("item").toArray()).toEqual(items);
    expect(report.map((r) => r.valuesChanged)).toEqual([latOracle.filled, catOracle.filled]);
    const notes = report.map((r) => (r as NotedCleanStep).note ?? "");
    expect(notes.map((s) => Number(s.split(" ")[0]) || 0)).toEqual([latOracle.left, catOracle.left]);
    expect(latOracle.filled).toBeGreaterThan(50);
  });
});
