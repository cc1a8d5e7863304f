import { describe, it, expect } from "vitest";
import { baseConfig, baseLayout, makeFigure, PALETTE } from "../../src/viz/layout-defaults";

describe("layout defaults", () => {
  it("merges axis objects one level deep and never shares objects between figures", () => {
    const a = baseLayout("t", { yaxis: { type: "log" } });
    expect(a.yaxis).toMatchObject({ type: "log", gridcolor: "#e5e5e5" });
    const b = baseLayout("t");
    (a.colorway as string[]).push("#fff");
    (a.xaxis as Record<string, unknown>).gridcolor = "red";
    expect(b.colorway).toEqual([...PALETTE]);
    expect((baseLayout("t").xaxis as Record<string, unknown>).gridcolor).toBe("#e5e5e5");
    expect(baseConfig()).toEqual({ responsive: true, displaylogo: false, toImageButtonOptions: { format: "png", scale: 2 } });
    expect(JSON.stringify(makeFigure([], "x"))).toBe(JSON.stringify(makeFigure([], "x")));
  });
});
