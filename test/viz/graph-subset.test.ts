import { describe, expect, it } from "vitest";
import type { GraphSubset } from "../../src/graph/graph-subset";
import { graphSubsetFigure } from "../../src/viz/graph-subset";

const subset: GraphSubset = {
  nodes: [
    { id: "u1", type: "user", degree: 2 },
    { id: "a", type: "item", degree: 1 },
    { id: "b", type: "item", degree: 1 },
  ],
  edges: [
    { source: 0, target: 1, type: "user-item", weight: 1 },
    { source: 0, target: 2, type: "user-item", weight: 1 },
    { source: 1, target: 2, type: "transition", weight: 3 },
  ],
};

describe("graphSubsetFigure", () => {
  it("draws one line trace per edge type and one marker trace per node type at the layout positions", () => {
    const fig = graphSubsetFigure(subset, { seed: 2 });
    expect(fig.data.map((t) => t.name)).toEqual(["user-item edges", "transition edges", "users", "items"]);
    const pos = (fig.layout.meta as { positions: number[] }).positions;
    expect(pos).toHaveLength(6);
    const ui = fig.data[0];
    expect(ui.x).toEqual([pos[0], pos[2], null, pos[0], pos[4], null]);
    expect(fig.data[3].x).toEqual([pos[2], pos[4]]);
    expect((fig.data[2].text as string[])[0]).toBe("u1 (degree 2)");
    expect(graphSubsetFigure(subset, { seed: 2 })).toEqual(fig);
  });
});
