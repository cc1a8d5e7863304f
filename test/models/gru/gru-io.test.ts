import { beforeAll, describe, expect, it } from "vitest";
import { forecastGru } from "../../../src/models/gru/forecast-gru";
import { disposeGruForecaster, fitGruForecaster } from "../../../src/models/gru/gru-forecaster";
import { loadGruForecaster, saveGruForecaster } from "../../../src/models/gru/gru-io";
import type { Tf } from "../../../src/runtime/backend-loaders";
import { initTf } from "../../../src/runtime/tf-backend";
import { sineSeries } from "./fixtures";

let tf: Tf;
beforeAll(async () => {
  tf = (await initTf({ backend: "wasm", env: {} })).tf;
});

describe("saveGruForecaster / loadGruForecaster", () => {
  it("round-trips weights, scaler and settings as JSON + binary: identical forecasts, no leak", async () => {
    const y = sineSeries(120, { period: 12, seed: 2 });
    const before = tf.memory().numTensors;
    const m = await fitGruForecaster(y, { window: 12, h: 4, units: 6, layers: 2, epochs: 3, scaler: "minmax" });
    const saved = await saveGruForecaster(m);
    // 2 GRU layers (kernel, recurrent kernel, bias) + dense (kernel, bias), float32
    const params = (1 * 18 + 6 * 18 + 18) + (6 * 18 + 6 * 18 + 18) + (6 * 4 + 4);
    expect(saved.weights.byteLength).toBe(4 * params);
    const meta = JSON.parse(saved.json);
    expect(meta.scaler).toEqual(m.scaler);
    expect(meta.window).toBe(12);
    // a copy in a fresh buffer (as read back from disk) loads
    const back = await loadGruForecaster({ json: saved.json, weights: Uint8Array.from(saved.weights) });
    try {
      expect(back.scaler).toEqual(m.scaler);
      expect(back.history).toEqual(m.history);
      expect(Array.from(forecastGru(back, y, 9))).toEqual(Array.from(forecastGru(m, y, 9)));
    } finally {
      disposeGruForecaster(back);
      disposeGruForecaster(m);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it("rejects what is not a saved forecaster or weights that do not match", async () => {
    await expect(loadGruForecaster({ json: "{", weights: new Uint8Array(0) })).rejects.toThrow(/not valid JSON/);
    await expect(loadGruForecaster({ json: '{"format":"other"}', weights: new Uint8Array(0) })).rejects.toThrow(/not a saved GRU forecaster/);
    const m = await fitGruForecaster(sineSeries(80), { window: 8, h: 2, units: 3, epochs: 1 });
    const saved = await saveGruForecaster(m);
    disposeGruForecaster(m);
    await expect(loadGruForecaster({ json: saved.json, weights: saved.weights.subarray(4) })).rejects.toThrow(/weights hold \d+ bytes but the manifest needs/);
  });
});
