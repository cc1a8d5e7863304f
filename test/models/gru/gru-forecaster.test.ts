import type { Tensor } from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forecastGru, gruForecaster } from "../../../src/models/gru/forecast-gru";
import { disposeGruForecaster, fitGruForecaster, validationSteps, type GruForecaster } from "../../../src/models/gru/gru-forecaster";
import { fitScaler, scaleValues } from "../../../src/models/gru/scaler";
import { windowSeries } from "../../../src/models/gru/windows";
import type { Tf } from "../../../src/runtime/backend-loaders";
import { initTf } from "../../../src/runtime/tf-backend";
import { mae } from "../../../src/timeseries/forecast-metrics";
import { rollingOrigin } from "../../../src/timeseries/rolling-origin";
import { seasonalNaive, seasonalNaiveForecaster } from "../../../src/timeseries/seasonal-naive";
import type { EpochLog } from "../../../src/viz/loss-curve";
import { sineSeries } from "./fixtures";

let tf: Tf;
beforeAll(async () => {
  tf = (await initTf({ backend: "wasm", env: {} })).tf;
});

const weightsOf = (m: GruForecaster): number[][] => m.model.getWeights().map((w) => Array.from(w.dataSync()));

describe("fitGruForecaster on a planted sine + noise series", () => {
  const H = 12;
  const y = sineSeries(300, { period: 24, noise: 0.3, seed: 1 });
  const train = y.subarray(0, y.length - H);
  const test = y.subarray(y.length - H);
  let m: GruForecaster;
  let tensorsBefore = 0;
  const logs: { log: EpochLog; len: number }[] = [];

  beforeAll(async () => {
    tensorsBefore = tf.memory().numTensors;
    m = await fitGruForecaster(train, {
      window: 24,
      h: H,
      units: 16,
      epochs: 40,
      patience: 5,
      onEpoch: (log, history) => {
        logs.push({ log, len: history.length });
      },
    });
  });
  afterAll(() => m && disposeGruForecaster(m));

  it("beats the naive forecast on the held-out tail by a wide margin", () => {
    const gru = mae(test, forecastGru(m, train, H));
    const naive = mae(test, seasonalNaive(train, { h: H }));
    console.log(`planted sine: GRU MAE ${gru.toFixed(3)} vs naive ${naive.toFixed(3)} (noise sd 0.3)`);
    expect(gru).toBeLessThan(0.35 * naive);
    expect(gru).toBeLessThan(0.6); // the noise alone gives MAE ≈ 0.24
  });

  it("reports each epoch through onEpoch and history (loss and valLoss)", () => {
    expect(m.history.length).toBe(m.stoppedEpoch);
    expect(logs.map((l) => l.log)).toEqual(m.history);
    expect(logs.map((l) => l.len)).toEqual(m.history.map((_, i) => i + 1));
    expect(m.history.map((l) => l.epoch)).toEqual(m.history.map((_, i) => i + 1));
    for (const l of m.history) expect(Number.isFinite(l.loss) && Number.isFinite(l.valLoss as number)).toBe(true);
    expect(m.history[m.history.length - 1].loss).toBeLessThan(m.history[0].loss);
  });

  it("stops early and restores the weights of the best validation epoch", () => {
    const val = m.history.map((l) => l.valLoss as number);
    const best = val.indexOf(Math.min(...val)) + 1;
    expect(m.bestEpoch).toBe(best);
    if (m.stoppedEpoch < 40) expect(m.stoppedEpoch - m.bestEpoch).toBe(5);
    // oracle: the validation MSE of the kept weights, recomputed from the windows, is the best one
    const scaled = scaleValues(train, m.scaler);
    const vw = windowSeries(scaled, { window: 24, h: H, from: m.trainSize, to: train.length });
    const pred = tf.tidy(() => (m.model.predict(tf.tensor3d(vw.x, [vw.count, 24, 1])) as Tensor).dataSync().slice());
    let sse = 0;
    pred.forEach((p, i) => (sse += (p - vw.y[i]) ** 2));
    expect(sse / pred.length).toBeCloseTo(val[best - 1], 4);
  });

  it("fits the scaler on the training part only: not on the validation tail, never on the test tail", () => {
    expect(m.validationSize).toBe(validationSteps(train.length, 0.2, H));
    expect(m.trainSize).toBe(train.length - m.validationSize);
    expect(m.scaler).toEqual(fitScaler(Array.from(train.subarray(0, m.trainSize)), "standard"));
  });

  it("forecasts past the head width by feeding its own forecasts back, block by block", () => {
    const two = forecastGru(m, train, 2 * H + 3);
    const first = forecastGru(m, train, H);
    expect(Array.from(two.subarray(0, H))).toEqual(Array.from(first));
    const second = forecastGru(m, Float64Array.from([...train, ...first]), H);
    Array.from(two.subarray(H, 2 * H)).forEach((v, i) => expect(v).toBeCloseTo(second[i], 4));
    expect(two.length).toBe(2 * H + 3);
  });

  it("leaks no tensor: forecasting is tidy and disposing frees every weight", () => {
    const mid = tf.memory().numTensors;
    forecastGru(m, train, 30);
    expect(tf.memory().numTensors).toBe(mid);
    disposeGruForecaster(m);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    m = undefined as unknown as GruForecaster;
  });
});

describe("fitGruForecaster: determinism and the scaler's data", () => {
  const y = sineSeries(140, { period: 12, noise: 0.2, seed: 4 });
  const small = { window: 12, h: 6, units: 8, epochs: 4, batchSize: 16 };

  it("same seed → identical weights and forecasts (dropout masks included); another seed differs", async () => {
    const opts = { ...small, dropout: 0.2, seed: 7 };
    const a = await fitGruForecaster(y, opts);
    const b = await fitGruForecaster(y, opts);
    const c = await fitGruForecaster(y, { ...opts, seed: 8 });
    const noDropout = await fitGruForecaster(y, { ...opts, dropout: 0 });
    try {
      // the dropout masks are really drawn (same seed without dropout trains differently)
      expect(weightsOf(a)).not.toEqual(weightsOf(noDropout));
      expect(weightsOf(a)).toEqual(weightsOf(b));
      expect(a.history).toEqual(b.history);
      expect(Array.from(forecastGru(a, y))).toEqual(Array.from(forecastGru(b, y)));
      expect(Array.from(forecastGru(a, y))).not.toEqual(Array.from(forecastGru(c, y)));
    } finally {
      [a, b, c, noDropout].forEach(disposeGruForecaster);
    }
  });

  it("values in the validation tail do not change the scaler", async () => {
    const spiked = Float64Array.from(y);
    const V = validationSteps(y.length, 0.2, 6);
    for (let t = y.length - V; t < y.length; t++) spiked[t] += 1000;
    const a = await fitGruForecaster(y, { ...small, epochs: 1 });
    const b = await fitGruForecaster(spiked, { ...small, epochs: 1, scaler: "minmax" });
    try {
      expect(a.scaler).toEqual(fitScaler(Array.from(y.subarray(0, y.length - V)), "standard"));
      expect(b.scaler).toEqual(fitScaler(Array.from(y.subarray(0, y.length - V)), "minmax"));
    } finally {
      disposeGruForecaster(a);
      disposeGruForecaster(b);
    }
  });

  it("trains all epochs without early stopping when validation is 0", async () => {
    const a = await fitGruForecaster(y, { ...small, epochs: 3, validation: 0 });
    try {
      expect(a.validationSize).toBe(0);
      expect(a.trainSize).toBe(y.length);
      expect(a.stoppedEpoch).toBe(3);
      expect(a.bestEpoch).toBe(3);
      expect(a.history.every((l) => l.valLoss === undefined)).toBe(true);
    } finally {
      disposeGruForecaster(a);
    }
  });
});

describe("fitGruForecaster: bad input fails loudly, before any tensor is made", () => {
  const y = sineSeries(100);
  it.each([
    [{ window: 0 }, /window must be an integer >= 1, got 0/],
    [{ h: 2.5 }, /h must be an integer >= 1/],
    [{ units: -3 }, /units must be an integer >= 1/],
    [{ dropout: 1 }, /dropout must be in \[0, 1\)/],
    [{ learningRate: 0 }, /learningRate must be a positive number/],
    [{ scaler: "robust" as never }, /scaler must be "standard" or "minmax"/],
    [{ h: 12, validation: 5 }, /validation must be 0, a fraction in \(0, 1\) or an integer number of steps >= h \(12\)/],
    [{ epochs: 0 }, /epochs must be an integer >= 1/],
  ])("option %o", async (opts, re) => {
    const before = tf.memory().numTensors;
    await expect(fitGruForecaster(y, opts)).rejects.toThrow(re);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("too short a series names window + h + validation", async () => {
    // 30 < 24 + 12 + max(12, round(0.2·30) = 6) = 48
    await expect(fitGruForecaster(y.subarray(0, 30))).rejects.toThrow(/30 values, shorter than window \(24\) \+ h \(12\) \+ validation \(12\) = 48/);
  });

  it("NaN names its index; forecastGru checks its history", async () => {
    const bad = Array.from(y);
    bad[17] = NaN;
    await expect(fitGruForecaster(bad)).rejects.toThrow(/y\[17\] is NaN/);
    const m = await fitGruForecaster(y, { window: 10, h: 5, units: 4, epochs: 1 });
    try {
      expect(() => forecastGru(m, y.subarray(0, 9))).toThrow(/9 values; the model reads the last window = 10/);
      expect(() => forecastGru(m, [...Array.from(y.subarray(0, 20)), NaN])).toThrow(/history\[20\] is NaN/);
      expect(() => forecastGru(m, y, 0)).toThrow(/h must be an integer >= 1/);
    } finally {
      disposeGruForecaster(m);
    }
  });
});

describe("gruForecaster in rollingOrigin", () => {
  it("beats seasonal naive with period 1 across origins and leaves no tensor behind", async () => {
    const y = sineSeries(220, { period: 12, noise: 0.2, seed: 11 });
    const before = tf.memory().numTensors;
    const res = await rollingOrigin(y, {
      forecasters: { gru: gruForecaster({ window: 12, units: 12, epochs: 25, patience: 4 }), naive: seasonalNaiveForecaster() },
      h: 6,
      origins: 2,
      period: 12,
    });
    expect(tf.memory().numTensors).toBe(before);
    const [gru, naive] = res.summary.toRecords();
    expect(gru.forecaster).toBe("gru");
    expect(gru.mae as number).toBeLessThan(0.5 * (naive.mae as number));
    expect(gru.mase as number).toBeLessThan(naive.mase as number);
  });
});
