import { describe, expect, it } from "vitest";
import { globalTimeSplit } from "../../src/split/global-time-split";
import { validateSplit } from "../../src/split/validate-split";
import { frameOf, randomRows, rowsOf, type Row } from "../clean/fixtures";

const T = Date.UTC(2024, 0, 1);

describe("globalTimeSplit", () => {
  it("puts events before a Date cut in train and the rest (ties included) in test", () => {
    const rows: Row[] = [
      { user: "a", item: "x", ts: T },
      { user: "a", item: "y", ts: T + 10 },
      { user: "b", item: "x", ts: T + 5 },
      { user: "c", item: "z", ts: T + 20 },
    ];
    const { train, test, report } = globalTimeSplit(frameOf(rows), { cut: new Date(T + 10) });
    expect(rowsOf(train)).toEqual([rows[0], rows[2]]);
    expect(rowsOf(test)).toEqual([rows[1], rows[3]]);
    expect(report).toMatchObject({
      method: "globalTimeSplit",
      promise: "global",
      rowsIn: 4,
      rowsTrain: 2,
      rowsTest: 2,
      usersTrain: 2,
      usersTest: 2,
      coldUsers: 1, // c
      coldItems: 2, // y, z
    });
    expect(report.cut!.getTime()).toBe(T + 10);
  });

  it.each([0.5, 0.8, 0.9])("matches a sorted-array oracle for the quantile cut %d", (q) => {
    const rows = randomRows(500, 12, { stepMs: 3_600_000 });
    const sorted = rows.map((r) => r.ts).sort((a, b) => a - b);
    const cut = sorted[Math.floor(q * sorted.length)];
    const { train, test, report } = globalTimeSplit(frameOf(rows, ["rating"]), { cut: q });
    expect(report.cut!.getTime()).toBe(cut);
    expect(rowsOf(train)).toEqual(rows.filter((r) => r.ts < cut));
    expect(rowsOf(test)).toEqual(rows.filter((r) => r.ts >= cut));
    expect(Math.abs(train.height / 500 - q)).toBeLessThan(0.05);
    expect(() => validateSplit(train, test, { promise: "global" })).not.toThrow();
  });

  it("validates the cut", () => {
    const df = frameOf([{ user: "a", item: "x", ts: T }]);
    expect(() => globalTimeSplit(df, { cut: 1 })).toThrow(/cut/);
    expect(() => globalTimeSplit(df, { cut: new Date(NaN) })).toThrow(/cut/);
    expect(() => globalTimeSplit(df, {} as never)).toThrow(/cut/);
  });
});
