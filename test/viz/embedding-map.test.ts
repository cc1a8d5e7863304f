import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { embeddingMapFigure } from "../../src/viz/embedding-map";

const df = pl.DataFrame({
  item: ["a", "b", "c", "d", "e", "f"],
  pc1: [0, 1, 2, 3, 4, 5],
  pc2: [5, 4, 3, 2, 1, 0],
  category: ["food", "food", "bar", "food", "bar", null],
});

describe("embeddingMapFigure", () => {
  it("colours by category, most frequent first, the rest as other", () => {
    const fig = embeddingMapFigure(df, { color: "category", text: "item", maxCategories: 2 });
    expect(fig.data.map((t) => t.name)).toEqual(["food", "bar", "other (1 values)"]);
    expect(fig.data[0].x).toEqual([0, 1, 3]);
    expect(fig.data[1].text).toEqual(["c", "e"]);
    expect(fig.data[2].y).toEqual([0]);
  });

  it("samples above maxPoints with a seed and says so", () => {
    const fig = embeddingMapFigure(df, { maxPoints: 3, seed: 1 });
    expect((fig.data[0].x as number[]).length).toBe(3);
    expect(JSON.stringify(fig.layout.title)).toContain("3 of 6 points");
    expect(embeddingMapFigure(df, { maxPoints: 3, seed: 1 })).toEqual(fig);
    expect(() => embeddingMapFigure(df, { x: "nope" })).toThrow(/nope/);
  });
});
