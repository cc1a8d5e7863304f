import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { trainingCurvesFigure } from "../../src/viz/training-curves-figure";

const df = pl.DataFrame({ run: ["A", "A", "B", "A"], epoch: [2, 4, 10, 6], "recall@20": [0.1, 0.12, 0.15, 0.13] });

describe("trainingCurvesFigure", () => {
  it("draws one trace per run with its own points, in order of first appearance", () => {
    const fig = trainingCurvesFigure(df, { metric: "recall@20" });
    expect(fig.data.map((t) => t.name)).toEqual(["A", "B"]);
    expect(fig.data[0].x).toEqual([2, 4, 6]);
    expect(fig.data[0].y).toEqual([0.1, 0.12, 0.13]);
    expect(fig.data[1].x).toEqual([10]);
  });

  it("adds a dashed reference line across the epochs", () => {
    const fig = trainingCurvesFigure(df, { metric: "recall@20", reference: 0.1824, referenceName: "published (1,000 epochs)" });
    const ref = fig.data[2];
    expect(ref.name).toBe("published (1,000 epochs)");
    expect(ref.x).toEqual([0, 10]);
    expect(ref.y).toEqual([0.1824, 0.1824]);
    expect((ref.line as { dash: string }).dash).toBe("dash");
  });

  it("rejects a missing metric or column", () => {
    expect(() => trainingCurvesFigure(df, { metric: "ndcg@20" })).toThrow(/ndcg@20/);
    expect(() => trainingCurvesFigure(df.drop("run"), { metric: "recall@20" })).toThrow(/run/);
  });
});
