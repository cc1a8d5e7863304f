import { describe, expect, it } from "vitest";
import { splitReportFrame } from "../../src/split/split-report-frame";
import type { SplitReport } from "../../src/split/split-result";

const report = (method: string, train: number, test: number, cut: Date | null): SplitReport => ({
  method, promise: "global", rowsIn: train + test, rowsTrain: train, rowsTest: test,
  usersTrain: 3, usersTest: 2, coldUsers: 1, coldItems: 0, cut, notes: [],
});

describe("splitReportFrame", () => {
  it("has one row per report with the test share computed from the counts", () => {
    const df = splitReportFrame([report("global_time", 80, 20, new Date("2024-01-01T00:00:00Z")), report("leave_last_out", 90, 10, null)]);
    expect(df.height).toBe(2);
    const rows = df.toRecords();
    expect(rows[0]).toMatchObject({ method: "global_time", rows_train: 80, rows_test: 20, test_share: 0.2, cut: "2024-01-01T00:00:00.000Z" });
    expect(rows[1]).toMatchObject({ method: "leave_last_out", test_share: 0.1, cut: "" });
  });
});
