import { describe, it, expect } from "vitest";
import { formatInt, formatMs, toPlotValues } from "../../src/viz/format";

describe("format helpers", () => {
  it("formats integers and wall-time dates without locale or zone", () => {
    expect(formatInt(1234567)).toBe("1,234,567");
    expect(formatInt(-1000)).toBe("-1,000");
    expect(formatInt(999)).toBe("999");
    expect(formatMs(Date.UTC(2024, 0, 31, 13, 5, 9))).toBe("2024-01-31 13:05:09");
    expect(formatMs(Date.UTC(1969, 11, 31, 23), true)).toBe("1969-12-31");
  });

  it("makes values JSON-safe", () => {
    expect(toPlotValues([1, NaN, Infinity, null, undefined, 3n, new Date(0), "a", true])).toEqual([
      1, null, null, null, null, 3, "1970-01-01 00:00:00", "a", true,
    ]);
  });
});
