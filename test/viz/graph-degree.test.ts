import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { graphDegreeFigure } from "../../src/viz/graph-degree";

// users: degrees 1, 1, 2, 0; items: degrees 3, 1
const deg = pl.DataFrame({
  node: ["u1", "u2", "u3", "u4", "i1", "i2"],
  node_type: ["user", "user", "user", "user", "item", "item"],
  edge_type: ["user-item", "user-item", "user-item", "user-item", "user-item", "user-item"],
  degree: [1, 1, 2, 0, 3, 1],
});

describe("graphDegreeFigure", () => {
  it("counts nodes per degree on log–log axes, degree-0 nodes named in the legend", () => {
    const fig = graphDegreeFigure(deg);
    expect(fig.layout.xaxis).toMatchObject({ type: "log" });
    expect(fig.layout.yaxis).toMatchObject({ type: "log" });
    const users = fig.data.find((t) => String(t.name).startsWith("user"))!;
    expect(users.name).toBe("user · user-item (1 of degree 0)");
    expect(users.x).toEqual([1, 2]);
    expect(users.y).toEqual([2, 1]);
    const items = fig.data.find((t) => String(t.name).startsWith("item"))!;
    expect(items.x).toEqual([1, 3]);
    expect(items.y).toEqual([1, 1]);
  });

  it("draws the complementary cumulative share P(D ≥ d)", () => {
    const users = graphDegreeFigure(deg, { complementary: true }).data.find((t) => String(t.name).startsWith("user"))!;
    expect(users.y).toEqual([0.75, 0.25]); // of 4 users: 3 have degree ≥ 1, 1 has ≥ 2
  });

  it("rejects an unknown edge type", () => {
    expect(() => graphDegreeFigure(deg, { edgeTypes: ["proximity"] })).toThrow(/proximity/);
  });
});
