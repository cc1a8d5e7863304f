import { describe, expect, it } from "vitest";
import { summarizeCleaning } from "../../src/clean/report-summary";

describe("summarizeCleaning", () => {
  it("sums rows removed and values changed per step.reason, keeping only non-zero entries", () => {
    const s = summarizeCleaning([
      { step: "dropImpossible", reason: "lat_out_of_range", rowsIn: 100, rowsOut: 97, valuesChanged: 0 },
      { step: "dropImpossible", reason: "null_island", rowsIn: 97, rowsOut: 97, valuesChanged: 0 },
      { step: "handleMissing", reason: "from_item", rowsIn: 97, rowsOut: 97, valuesChanged: 4 },
      { step: "dropDuplicates", reason: "exact_duplicate", rowsIn: 97, rowsOut: 90, valuesChanged: 0 },
    ]);
    expect(s).toEqual({
      rowsIn: 100, rowsOut: 90,
      dropped: { "dropImpossible.lat_out_of_range": 3, "dropDuplicates.exact_duplicate": 7 },
      changed: { "handleMissing.from_item": 4 },
    });
    expect(summarizeCleaning([])).toEqual({ rowsIn: 0, rowsOut: 0, dropped: {}, changed: {} });
  });
});
