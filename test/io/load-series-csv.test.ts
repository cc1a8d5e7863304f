import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSeriesCsv } from "../../src/io/load-series-csv";

const dir = join(__dirname, "..", "fixtures", "series");

describe("loadSeriesCsv", () => {
  it("reads a column by name or index", () => {
    expect(Array.from(loadSeriesCsv(join(dir, "ok.csv"), "checkins"))).toEqual([6, 10]);
    expect(Array.from(loadSeriesCsv(join(dir, "ok.csv"), 1))).toEqual([6, 10]);
  });
  it("names file, column and line for bad input", () => {
    expect(() => loadSeriesCsv(join(dir, "bad.csv"), "#Passengers")).toThrow(/bad\.csv:4, column '#Passengers': not a finite number: 'abc'/);
    expect(() => loadSeriesCsv(join(dir, "ok.csv"), "count")).toThrow(/column 'count': column not found; available: date, checkins/);
    expect(() => loadSeriesCsv(join(dir, "nope.csv"), 0)).toThrow(/nope\.csv: file not found/);
  });
});
