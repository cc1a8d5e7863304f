import { describe, expect, it } from "vitest";
import { dropDuplicates } from "../../src/clean/drop-duplicates";
import { frameOf, randomRows, rowsOf, withDuplicates, type Row } from "./fixtures";

const T = Date.UTC(2024, 0, 1);

/** Brute-force oracle: first occurrence wins, then a per-pair scan in (user, item, ts, index) order. */
function oracle(rows: Row[], withinMs: number | null): Row[] {
  const seen = new Set<string>();
  const exact = rows.filter((r) => {
    const key = JSON.stringify([r.user, r.item, r.ts, r.rating]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (withinMs === null) return exact;
  const idx = exact.map((_, i) => i);
  idx.sort((a, b) => {
    const x = exact[a];
    const y = exact[b];
    if (x.user !== y.user) return x.user < y.user ? -1 : 1;
    if (x.item !== y.item) return x.item < y.item ? -1 : 1;
    return x.ts - y.ts || a - b;
  });
  const drop = new Set<number>();
  const lastKept = new Map<string, number>();
  for (const i of idx) {
    const key = exact[i].user + "\u0001" + exact[i].item;
    const last = lastKept.get(key);
    if (last !== undefined && exact[i].ts - last <= withinMs) drop.add(i);
    else lastKept.set(key, exact[i].ts);
  }
  return exact.filter((_, i) => !drop.has(i));
}

describe("dropDuplicates", () => {
  it("drops exact duplicates (all columns) keeping the first, and reports them", () => {
    const df = frameOf(
      [
        { user: "a", item: "x", ts: T, rating: 1 },
        { user: "a", item: "x", ts: T, rating: 1 },
        { user: "a", item: "x", ts: T, rating: 2 },
        { user: "b", item: "x", ts: T, rating: 1 },
      ],
      ["rating"],
    );
    const { frame, report } = dropDuplicates(df);
    expect(rowsOf(frame).map((r) => r.rating)).toEqual([1, 2, 1]);
    expect(report).toEqual([{ step: "dropDuplicates", reason: "exact_duplicate", rowsIn: 4, rowsOut: 3, valuesChanged: 0 }]);
  });

  it("uses a subset of columns when given", () => {
    const df = frameOf([{ user: "a", item: "x", ts: T, rating: 1 }, { user: "a", item: "x", ts: T, rating: 2 }], ["rating"]);
    const { frame } = dropDuplicates(df, { subset: ["user", "item", "ts"] });
    expect(rowsOf(frame)).toEqual([{ user: "a", item: "x", ts: T, rating: 1 }]);
  });

  it("measures near duplicates from the previous KEPT event of the pair (0, 40, 80 s with 60 s keeps 0 and 80)", () => {
    const df = frameOf([
      { user: "a", item: "x", ts: T + 80_000 },
      { user: "a", item: "x", ts: T + 40_000 },
      { user: "a", item: "x", ts: T },
      { user: "a", item: "y", ts: T + 30_000 }, // other item: kept
      { user: "b", item: "x", ts: T + 10_000 }, // other user: kept
    ]);
    const { frame, report } = dropDuplicates(df, { withinSeconds: 60 });
    expect(rowsOf(frame).map((r) => [r.user, r.item, r.ts - T])).toEqual([
      ["a", "x", 80_000],
      ["a", "x", 0],
      ["a", "y", 30_000],
      ["b", "x", 10_000],
    ]);
    expect(report[1]).toEqual({ step: "dropDuplicates", reason: "near_duplicate", rowsIn: 5, rowsOut: 4, valuesChanged: 0 });
  });

  it("treats exactly withinSeconds apart as a near duplicate (inclusive window)", () => {
    const df = frameOf([{ user: "a", item: "x", ts: T }, { user: "a", item: "x", ts: T + 60_000 }, { user: "a", item: "x", ts: T + 120_001 }]);
    expect(rowsOf(dropDuplicates(df, { withinSeconds: 60 }).frame).map((r) => r.ts - T)).toEqual([0, 120_001]);
  });

  it.each([1, 2, 3])("matches a brute-force oracle on seeded random frames (seed %i)", (seed) => {
    const rows = withDuplicates(randomRows(500, seed, { users: 8, items: 6, spanMs: 3_600_000, stepMs: 5000 }), seed + 100, 90_000);
    const df = frameOf(rows, ["rating"]);
    for (const within of [null, 0, 30, 120]) {
      const { frame, report } = dropDuplicates(df, { withinSeconds: within });
      const expected = oracle(rows, within === null ? null : within * 1000);
      expect(rowsOf(frame)).toEqual(expected);
      expect(report[report.length - 1].rowsOut).toBe(expected.length);
    }
  });

  it("refuses an empty subset and a negative window", () => {
    const df = frameOf([{ user: "a", item: "x", ts: T }]);
    expect(() => dropDuplicates(df, { subset: [] })).toThrow(/subset/);
    expect(() => dropDuplicates(df, { withinSeconds: -1 })).toThrow(/withinSeconds/);
    expect(() => dropDuplicates(df, { subset: ["nope"] })).toThrow(/nope/);
  });
});
