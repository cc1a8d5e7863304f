import { describe, expect, it } from "vitest";
import { forecast } from "../../src/timeseries/arima-forecast";
import { autoArima } from "../../src/timeseries/auto-arima";
import { autoArimaForecaster, rollingOrigin, type Forecaster } from "../../src/timeseries/rolling-origin";
import { seasonalNaiveForecaster } from "../../src/timeseries/seasonal-naive";
import { createRng } from "../../src/util/rng";

// n = 8; h = 2, origins = 2, step = 1 → train sizes 5 and 6
const y = [1, 2, 4, 7, 11, 16, 22, 29];
const naive = seasonalNaiveForecaster();
const zero: Forecaster = (_train, h) => new Float64Array(h);

describe("rollingOrigin", () => {
  it("computes per-origin and mean MAE, RMSE, sMAPE, MASE that match hand computation", async () => {
    const res = await rollingOrigin(y, { forecasters: { naive, zero }, h: 2, origins: 2, step: 1 });
    expect(res.trainSizes).toEqual([5, 6]);
    const folds = res.folds.toRecords();
    expect(res.folds.columns).toEqual(["forecaster", "origin", "train_size", "mae", "rmse", "smape", "mase"]);
    // naive, origin 1: train [1,2,4,7,11], test [16,22], forecast [11,11] → errors 5, 11
    // MASE scale = mean(1,2,3,4) = 2.5
    expect(folds[0]).toMatchObject({ forecaster: "naive", origin: 1, train_size: 5, mae: 8 });
    expect(folds[0].rmse).toBeCloseTo(Math.sqrt((25 + 121) / 2), 12);
    expect(folds[0].smape).toBeCloseTo(50 * ((2 * 5) / 27 + (2 * 11) / 33), 10);
    expect(folds[0].mase).toBeCloseTo(8 / 2.5, 12);
    // naive, origin 2: train [..16], test [22,29], forecast [16,16] → errors 6, 13; scale mean(1..5) = 3
    expect(folds[1]).toMatchObject({ forecaster: "naive", origin: 2, train_size: 6, mae: 9.5 });
    expect(folds[1].mase).toBeCloseTo(9.5 / 3, 12);
    // zero: errors are the actual values; sMAPE is 200 everywhere
    expect(folds[2]).toMatchObject({ forecaster: "zero", origin: 1, mae: 19, smape: 200 });
    expect(folds[2].rmse).toBeCloseTo(Math.sqrt((256 + 484) / 2), 12);
    expect(folds[3]).toMatchObject({ forecaster: "zero", origin: 2, mae: 25.5, smape: 200 });
    const summary = res.summary.toRecords();
    expect(summary.map((r) => r.forecaster)).toEqual(["naive", "zero"]);
    expect(summary[0].origins).toBe(2);
    expect(summary[0].mae).toBeCloseTo((8 + 9.5) / 2, 12);
    expect(summary[0].mase).toBeCloseTo((8 / 2.5 + 9.5 / 3) / 2, 12);
    expect(summary[1].mae).toBeCloseTo((19 + 25.5) / 2, 12);
    expect(summary[1].smape).toBe(200);
    expect(Array.from(res.forecasts.naive[1])).toEqual([16, 16]);
  });

  it("defaults step to h, ends the last test window at the series end and uses the MASE period", async () => {
    const series = Array.from({ length: 10 }, (_, t) => (t % 2 === 0 ? 0 : 10) + t);
    const res = await rollingOrigin(series, { forecasters: { snaive: seasonalNaiveForecaster({ period: 2 }) }, h: 2, origins: 3, period: 2 });
    expect(res.trainSizes).toEqual([4, 6, 8]);
    // seasonal naive with period 2 misses by exactly the trend 2 per step; in-sample seasonal diffs are also 2
    for (const r of res.folds.toRecords()) {
      expect(r.mae).toBe(2);
      expect(r.mase).toBe(1);
    }
  });

  it("hands each forecaster a copy of the prefix only (no look-ahead) and accepts async forecasters", async () => {
    const seen: number[][] = [];
    const spy: Forecaster = async (train, h) => {
      seen.push(Array.from(train));
      train.fill(-1); // mutating its copy must not affect later folds
      return new Float64Array(h);
    };
    await rollingOrigin(y, { forecasters: { spy }, h: 2, origins: 3, step: 1 });
    expect(seen).toEqual([y.slice(0, 4), y.slice(0, 5), y.slice(0, 6)]);
  });

  it("fails loudly with the forecaster and origin named", async () => {
    await expect(rollingOrigin(y, { forecasters: {}, h: 2 })).rejects.toThrow(/forecasters is empty/);
    await expect(rollingOrigin(y, { forecasters: { naive }, h: 0 })).rejects.toThrow(/h must be an integer >= 1/);
    await expect(rollingOrigin(y, { forecasters: { naive }, h: 2, origins: 0 })).rejects.toThrow(/origins must be an integer >= 1/);
    await expect(rollingOrigin(y, { forecasters: { naive }, h: 2, origins: 4 })).rejects.toThrow(/too short for 4 origins.*need n >= 10/);
    await expect(rollingOrigin([1, 2, NaN, 4, 5, 6], { forecasters: { naive }, h: 1, origins: 1 })).rejects.toThrow(/y\[2\] is NaN/);
    const short: Forecaster = () => [1];
    await expect(rollingOrigin(y, { forecasters: { short }, h: 2, origins: 1 })).rejects.toThrow(/'short' returned 1 values at origin 1; h=2/);
    const boom: Forecaster = (train) => {
      if (train.length > 5) throw new Error("boom");
      return [0, 0];
    };
    await expect(rollingOrigin(y, { forecasters: { boom }, h: 2, origins: 2, step: 1 })).rejects.toThrow(/'boom' failed at origin 2 \(train size 6\): boom/);
    const nan: Forecaster = () => [0, NaN];
    await expect(rollingOrigin(y, { forecasters: { nan }, h: 2, origins: 1 })).rejects.toThrow(/returned NaN at step 2/);
  });
});

describe("autoArimaForecaster", () => {
  it("fits auto-ARIMA on each training prefix and beats the naive forecast on a planted seasonal series", async () => {
    const rng = createRng(8);
    const y = Array.from({ length: 96 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 12) + rng.normal());
    const res = await rollingOrigin(y, { forecasters: { arima: autoArimaForecaster({ period: 12 }), naive }, h: 6, origins: 2, period: 12 });
    // oracle: the same fit done by hand on the last prefix
    const last = forecast(autoArima(y.slice(0, res.trainSizes[1]), { period: 12 }), 6).mean;
    expect(Array.from(res.forecasts.arima[1])).toEqual(Array.from(last));
    const [arima, nv] = res.summary.toRecords();
    expect(arima.mae as number).toBeLessThan(0.5 * (nv.mae as number));
  });
});
