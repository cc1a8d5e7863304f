import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { barFigure } from "../../src/viz/bar-figure";
import { roundTrip } from "./random-events";

describe("barFigure", () => {
  const df = pl.DataFrame({ category: ["cafe", "bar", "gym"], n: [12, 7, 3] });

  it("puts labels and values on the right axes for both orientations", () => {
    const v = barFigure(df, { x: "category", y: "n" });
    expect(v.data[0]).toMatchObject({ type: "bar", x: ["cafe", "bar", "gym"], y: [12, 7, 3] });
    const h = barFigure(df, { x: "category", y: "n", orientation: "h" });
    expect(h.data[0]).toMatchObject({ orientation: "h", x: [12, 7, 3], y: ["cafe", "bar", "gym"] });
    expect((h.layout.yaxis as { autorange: string }).autorange).toBe("reversed");
    expect(roundTrip(h)).toStrictEqual(h);
  });

  it("rejects a non-numeric value column", () => {
    expect(() => barFigure(df, { x: "n", y: "category" })).toThrow(/expected a numeric column/);
  });
});
