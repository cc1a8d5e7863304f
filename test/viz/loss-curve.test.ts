import { describe, it, expect } from "vitest";
import { lossCurveFigure } from "../../src/viz/loss-curve";
import { roundTrip } from "./random-events";

const rows = [
  { epoch: 1, loss: 1.0, valLoss: 1.2, mae: 0.8, valMae: 0.9 },
  { epoch: 2, loss: 0.6, valLoss: 0.7, mae: 0.6, valMae: 0.65 },
  { epoch: 3, loss: 0.4, valLoss: 0.75, mae: 0.5, valMae: 0.7 },
];

describe("lossCurveFigure", () => {
  it("loss panel on y, metrics on y2, validation dashed in the colour of its metric", () => {
    const fig = lossCurveFigure(rows);
    const byName = Object.fromEntries(fig.data.map((t) => [t.name as string, t as Record<string, any>]));
    expect(Object.keys(byName)).toEqual(["loss", "valLoss", "mae", "valMae"]);
    expect(byName.loss.y).toEqual([1.0, 0.6, 0.4]);
    expect(byName.valLoss.y).toEqual([1.2, 0.7, 0.75]);
    expect(byName.loss.x).toEqual([1, 2, 3]);
    expect(byName.loss.yaxis).toBe("y");
    expect(byName.mae.yaxis).toBe("y2");
    expect(byName.valMae.line.dash).toBe("dash");
    expect(byName.valMae.line.color).toBe(byName.mae.line.color);
    expect(fig.layout).toHaveProperty("yaxis2");
    expect(String((fig.layout.title as { text: string }).text)).toContain("best valLoss 0.7 at epoch 2");
  });

  it("a tfjs History gives the same numbers as the equivalent rows", () => {
    const fig = lossCurveFigure({ epoch: [0, 1, 2], history: { loss: [1, 0.6, 0.4], val_loss: [1.2, 0.7, 0.75], mae: [0.8, 0.6, 0.5] } });
    expect(fig.data.map((t) => [t.name, t.y])).toEqual([
      ["loss", [1, 0.6, 0.4]],
      ["val_loss", [1.2, 0.7, 0.75]],
      ["mae", [0.8, 0.6, 0.5]],
    ]);
    expect(String((fig.layout.title as { text: string }).text)).toContain("best val_loss 0.7 at epoch 1");
  });

  it("without metrics there is one panel; NaN loss becomes a gap; JSON round-trips", () => {
    const fig = lossCurveFigure([{ epoch: 1, loss: 2 }, { epoch: 2, loss: NaN }]);
    expect(fig.layout).not.toHaveProperty("yaxis2");
    expect(fig.data[0].y).toEqual([2, null]);
    expect(roundTrip(fig)).toStrictEqual(fig);
    expect(roundTrip(lossCurveFigure(rows))).toStrictEqual(lossCurveFigure(rows));
  });

  it("rejects empty or malformed histories", () => {
    expect(() => lossCurveFigure([])).toThrow(/empty/);
    expect(() => lossCurveFigure([{ epoch: 1, mae: 2 } as never])).toThrow(/no 'loss'/);
    expect(() => lossCurveFigure({ epoch: [0, 1], history: { loss: [1] } })).toThrow(/one value per epoch/);
    expect(() => lossCurveFigure([{ epoch: Number.NaN, loss: 1 }])).toThrow(/epoch of row 0/);
  });
});
