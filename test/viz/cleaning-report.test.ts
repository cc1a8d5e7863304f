import { describe, it, expect } from "vitest";
import type { CleanStep } from "../../src/clean/clean-report";
import { cleaningReportFigure } from "../../src/viz/cleaning-report";
import { roundTrip } from "./random-events";

const report: CleanStep[] = [
  { step: "dropDuplicates", reason: "exact_duplicate", rowsIn: 1000, rowsOut: 950, valuesChanged: 0 },
  { step: "dropImpossible", reason: "lat_out_of_range", rowsIn: 950, rowsOut: 948, valuesChanged: 0 },
  { step: "handleMissing", reason: "impute_category", rowsIn: 948, rowsOut: 948, valuesChanged: 37 },
  { step: "dropImpossible", reason: "lat_out_of_range", rowsIn: 948, rowsOut: 940, valuesChanged: 0 },
];

describe("cleaningReportFigure", () => {
  it("bars hold rows removed and values changed per step, in pipeline order", () => {
    const fig = cleaningReportFigure(report);
    const [removed, changed] = fig.data as { name: string; x: number[]; y: string[]; orientation: string }[];
    expect(removed.name).toBe("rows removed");
    expect(removed.x).toEqual([50, 2, 0, 8]);
    expect(changed.x).toEqual([0, 0, 37, 0]);
    expect(removed.orientation).toBe("h");
    // repeated step · reason pairs stay apart
    expect(removed.y).toEqual([
      "1. dropDuplicates · exact_duplicate",
      "2. dropImpossible · lat_out_of_range",
      "3. handleMissing · impute_category",
      "4. dropImpossible · lat_out_of_range",
    ]);
    expect((fig.layout.yaxis as { autorange: string }).autorange).toBe("reversed");
    const title = String((fig.layout.title as { text: string }).text);
    expect(title).toContain("60 rows removed, 37 values changed in 4 steps");
    expect(title).toContain("1,000 → 940 rows");
  });

  it("leaves out the in → out summary when steps are not chained", () => {
    const fig = cleaningReportFigure([report[0], { ...report[1], rowsIn: 10, rowsOut: 5 }]);
    expect(String((fig.layout.title as { text: string }).text)).not.toContain("→");
  });

  it("accepts an empty report, round-trips through JSON, rejects inconsistent rows", () => {
    const empty = cleaningReportFigure([]);
    expect(empty.data[0].x).toEqual([]);
    expect(roundTrip(cleaningReportFigure(report))).toStrictEqual(cleaningReportFigure(report));
    expect(() => cleaningReportFigure([{ ...report[0], rowsOut: 1001 }])).toThrow(/report\[0\] has rowsOut 1001 > rowsIn 1000/);
    expect(() => cleaningReportFigure([{ ...report[0], valuesChanged: -1 }])).toThrow(/report\[0\]\.valuesChanged/);
  });
});
