import { describe, expect, it } from "vitest";
import { kCore } from "../../src/clean/k-core";
import { frameOf, randomRows, rowsOf, type Row } from "./fixtures";

const T = Date.UTC(2024, 0, 1);

/** Brute-force oracle: count, filter, repeat; iterations = passes that removed rows. */
function oracle(rows: Row[], kUser: number, kItem: number): { rows: Row[]; iterations: number } {
  let cur = rows;
  let iterations = 0;
  for (;;) {
    const uc = new Map<string, number>();
    const ic = new Map<string, number>();
    for (const r of cur) {
      uc.set(r.user, (uc.get(r.user) ?? 0) + 1);
      ic.set(r.item, (ic.get(r.item) ?? 0) + 1);
    }
    const next = cur.filter((r) => uc.get(r.user)! >= kUser && ic.get(r.item)! >= kItem);
    if (next.length === cur.length) return { rows: cur, iterations };
    iterations++;
    cur = next;
  }
}

describe("kCore", () => {
  it("peels a hand-made chain in two rounds", () => {
    // k = 2: item z has one event -> round 1 removes (c,z); then user c has 1 event (c,y) -> round 2
    // removes it; then item y has a and b (2 events) and survives.
    const rows: Row[] = [
      { user: "a", item: "x", ts: T },
      { user: "a", item: "y", ts: T + 1 },
      { user: "b", item: "x", ts: T + 2 },
      { user: "b", item: "y", ts: T + 3 },
      { user: "c", item: "y", ts: T + 4 },
      { user: "c", item: "z", ts: T + 5 },
    ];
    const { frame, report, iterations } = kCore(frameOf(rows), { kUser: 2, kItem: 2 });
    // round 1: z (1 event) goes -> c has 1 left; round 2: c goes -> y has 2 left; stop
    expect(rowsOf(frame)).toEqual(rows.slice(0, 4));
    expect(iterations).toBe(2);
    expect(report[0]).toMatchObject({ step: "kCore", reason: "below_k_core", rowsIn: 6, rowsOut: 4, valuesChanged: 0 });
  });

  it("returns an already-k-core frame unchanged with 0 iterations", () => {
    const rows: Row[] = [
      { user: "a", item: "x", ts: T },
      { user: "a", item: "x", ts: T + 1 },
    ];
    const res = kCore(frameOf(rows), { kUser: 2, kItem: 2 });
    expect(res.iterations).toBe(0);
    expect(res.frame.height).toBe(2);
  });

  it.each([
    [1, 2, 2],
    [2, 3, 5],
    [3, 5, 3],
    [4, 6, 6],
    [5, 10, 10],
  ])("matches the brute-force loop on random frames (seed %i, kUser %i, kItem %i)", (seed, kUser, kItem) => {
    const rows = randomRows(500, seed, { users: 60, items: 50, skew: true });
    const expected = oracle(rows, kUser, kItem);
    const res = kCore(frameOf(rows, ["rating"]), { kUser, kItem });
    expect(rowsOf(res.frame)).toEqual(expected.rows);
    expect(res.iterations).toBe(expected.iterations);
  });

  it("every remaining user and item meets the thresholds", () => {
    const res = kCore(frameOf(randomRows(500, 9, { users: 40, items: 80, skew: true })), { kUser: 4, kItem: 3 });
    const rows = rowsOf(res.frame);
    expect(rows.length).toBeGreaterThan(0);
    const count = (key: "user" | "item") => rows.reduce((m, r) => m.set(r[key], (m.get(r[key]) ?? 0) + 1), new Map<string, number>());
    expect(Math.min(...count("user").values())).toBeGreaterThanOrEqual(4);
    expect(Math.min(...count("item").values())).toBeGreaterThanOrEqual(3);
  });

  it("refuses thresholds below 1 or non-integers", () => {
    const df = frameOf([{ user: "a", item: "x", ts: T }]);
    expect(() => kCore(df, { kUser: 0 })).toThrow(/kUser/);
    expect(() => kCore(df, { kItem: 2.5 })).toThrow(/kItem/);
  });
});
