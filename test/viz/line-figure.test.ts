import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { lineFigure } from "../../src/viz/line-figure";
import { roundTrip } from "./random-events";

describe("lineFigure", () => {
  it("one trace per y column; dates become wall-time strings, NaN a gap (null), so JSON round-trips", () => {
    const df = pl
      .DataFrame({ t: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2)], a: [1, NaN], b: [3, 4] })
      .withColumns(pl.col("t").cast(pl.Int64).cast(pl.Datetime("ms")));
    const fig = lineFigure(df, { x: "t", y: ["a", "b"] });
    expect(fig.data.map((t) => t.name)).toEqual(["a", "b"]);
    expect(fig.data[0].x).toEqual(["2024-01-01 00:00:00", "2024-01-02 00:00:00"]);
    expect(fig.data[0].y).toEqual([1, null]);
    expect(fig.data[1].y).toEqual([3, 4]);
    expect((fig.layout.xaxis as { type: string }).type).toBe("date");
    expect(roundTrip(fig)).toStrictEqual(fig);
    expect(() => lineFigure(df, { x: "t", y: [] })).toThrow(/at least one/);
  });
});
