import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { rollingOrigin } from "../../src/timeseries/rolling-origin";
import { seasonalNaiveForecaster } from "../../src/timeseries/seasonal-naive";
import { createRng } from "../../src/util/rng";
import { tsMetricsComparisonFigure } from "../../src/viz/ts-metrics-comparison";
import { roundTrip } from "./random-events";

type T = Record<string, any>;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1));

describe("tsMetricsComparisonFigure", () => {
  it("a RollingOriginResult: bars = per-forecaster means (= its summary), whiskers = SD over origins", async () => {
    const rng = createRng(21);
    const y = Float64Array.from({ length: 120 }, (_, t) => 30 + [6, 2, 0, -1, -3, 5, -9][t % 7] + 2 * rng.normal());
    const res = await rollingOrigin(y, {
      forecasters: { snaive: seasonalNaiveForecaster({ period: 7 }), mean: (train, h) => new Float64Array(h).fill(mean(Array.from(train))) },
      h: 7,
      origins: 4,
      period: 7,
    });
    const fig = tsMetricsComparisonFigure(res);
    expect(fig.data).toHaveLength(4 * 2); // 4 metric panels × 2 forecasters
    const folds = res.folds;
    const col = (f: string, c: string) => folds.filter(pl.col("forecaster").eq(pl.lit(f))).getColumn(c).toArray() as number[];
    const summary = res.summary;
    ["MAE", "RMSE", "sMAPE", "MASE"].forEach((m, j) => {
      ["snaive", "mean"].forEach((f, k) => {
        const tr = fig.data[j * 2 + k] as T;
        expect(tr.name).toBe(f);
        expect(tr.x).toEqual([m]);
        const xs = col(f, m.toLowerCase());
        expect(tr.y[0]).toBeCloseTo(mean(xs), 12);
        expect(tr.y[0]).toBeCloseTo(summary.getColumn(m.toLowerCase()).toArray()[k] as number, 12);
        expect(tr.error_y.array[0]).toBeCloseTo(sd(xs), 12);
        expect(tr.showlegend).toBe(j === 0);
        expect(tr.xaxis).toBe(j === 0 ? undefined : `x${j + 1}`);
      });
    });
    expect((fig.layout as T).xaxis4.domain[1]).toBe(1);
    expect(roundTrip(fig)).toStrictEqual(fig);
  });

  it("a long frame (forecaster, metric, value), metric names matched case-insensitively; non-finite values counted", () => {
    const df = pl.DataFrame({
      forecaster: ["ARIMA", "ARIMA", "GRU", "GRU", "naive", "naive", "GRU"],
      metric: ["mae", "rmse", "MAE", "RMSE", "mae", "rmse", "mae"],
      value: [1.5, 2.0, 1.2, 1.9, 2.5, 3.1, NaN],
    });
    const fig = tsMetricsComparisonFigure(df, { metrics: ["MAE", "RMSE"], sharedAxis: true });
    expect(fig.data.map((t) => [t.name, t.x, t.y])).toEqual([
      ["ARIMA", ["MAE", "RMSE"], [1.5, 2.0]],
      ["GRU", ["MAE", "RMSE"], [1.2, 1.9]],
      ["naive", ["MAE", "RMSE"], [2.5, 3.1]],
    ]);
    expect((fig.layout as T).barmode).toBe("group");
    expect((fig.data[0] as T).error_y).toBeUndefined(); // one row each: no whiskers
    expect(String((fig.layout as T).title.text)).toContain("1 missing or non-finite values left out");
    expect(roundTrip(fig)).toStrictEqual(fig);
  });

  it("a wide summary frame; a forecaster without a metric gets a gap", () => {
    const df = pl.DataFrame({ forecaster: ["a", "b"], mae: [1, 2], smape: [10, null] });
    const fig = tsMetricsComparisonFigure(df, { metrics: ["MAE", "sMAPE"] });
    expect(fig.data.map((t) => [t.name, t.x, t.y])).toEqual([
      ["a", ["MAE"], [1]],
      ["b", ["MAE"], [2]],
      ["a", ["sMAPE"], [10]],
      ["b", ["sMAPE"], [null]],
    ]);
  });

  it("names the missing metric and the available ones", () => {
    const df = pl.DataFrame({ forecaster: ["a"], mae: [1] });
    expect(() => tsMetricsComparisonFigure(df)).toThrow(/metric 'RMSE' has no column \(the frame has forecaster, mae\)/);
    const long = pl.DataFrame({ forecaster: ["a"], metric: ["mae"], value: [1] });
    expect(() => tsMetricsComparisonFigure(long, { metrics: ["MASE"] })).toThrow(/metric 'MASE' not found \(the frame has mae\)/);
    expect(() => tsMetricsComparisonFigure(df, { metrics: [] })).toThrow(/at least one metric/);
    expect(() => tsMetricsComparisonFigure({} as never)).toThrow(/input must be a frame/);
    expect(() => tsMetricsComparisonFigure(pl.DataFrame({ model: ["a"], mae: [1] }), { metrics: ["MAE"] })).toThrow(/column 'forecaster'/);
  });
});
