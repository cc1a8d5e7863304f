import type { io } from "@tensorflow/tfjs";
import { tfjsInstance as tf } from "../../runtime/backend-loaders";
import type { GruForecaster } from "./gru-forecaster";

/**
 * A GRU forecaster serialised as JSON text plus a binary blob of float32 weights: write `json`
 * to `model.json` and `weights` to `model.weights.bin` (or keep them in memory).
 *
 * @example
 * ```ts
 * const saved: SavedGruForecaster = await saveGruForecaster(m);
 * writeFileSync("gru.json", saved.json); writeFileSync("gru.weights.bin", saved.weights);
 * ```
 */
export interface SavedGruForecaster {
  /** Topology, weight manifest, scaler, window, h, options, history: everything but the weights. */
  json: string;
  /** The weight values, in the order of the manifest in `json`. */
  weights: Uint8Array;
}

const FORMAT = "gru-forecaster";
const VERSION = 1;

function toBytes(data: io.ModelArtifacts["weightData"]): Uint8Array {
  if (data === undefined) return new Uint8Array(0);
  const parts = Array.isArray(data) ? data : [data];
  const total = parts.reduce((s, b) => s + b.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const b of parts) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out;
}

/**
 * Serialises a fitted GRU forecaster (network topology and weights through
 * `tf.io.withSaveHandler`, plus its scaler and settings) so it can be restored with
 * {@link loadGruForecaster} and forecast identically.
 *
 * @param m the fitted forecaster.
 * @returns `{ json, weights }`, see {@link SavedGruForecaster}.
 * @example
 * ```ts
 * const saved = await saveGruForecaster(m);
 * const back = await loadGruForecaster(saved);
 * forecastGru(back, y); // equals forecastGru(m, y)
 * ```
 */
export async function saveGruForecaster(m: GruForecaster): Promise<SavedGruForecaster> {
  let artifacts: io.ModelArtifacts | null = null;
  await m.model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  if (artifacts === null) throw new Error("saveGruForecaster: tfjs did not hand over the model artifacts");
  const a = artifacts as io.ModelArtifacts;
  const meta = {
    format: FORMAT,
    version: VERSION,
    modelTopology: a.modelTopology,
    weightSpecs: a.weightSpecs,
    scaler: m.scaler,
    window: m.window,
    h: m.h,
    options: m.options,
    history: m.history,
    bestEpoch: m.bestEpoch,
    stoppedEpoch: m.stoppedEpoch,
    trainSize: m.trainSize,
    validationSize: m.validationSize,
  };
  return { json: JSON.stringify(meta), weights: toBytes(a.weightData) };
}

/**
 * Restores a forecaster written by {@link saveGruForecaster} (ready for `forecastGru`, not for
 * further training). Dispose it with `disposeGruForecaster`.
 *
 * @param saved `{ json, weights }` (e.g. read back from the two files).
 * @returns the forecaster.
 * @throws Error when `json` is not a saved GRU forecaster or the weights do not match its manifest.
 * @example
 * ```ts
 * const m = await loadGruForecaster({ json: readFileSync("gru.json", "utf8"), weights: readFileSync("gru.weights.bin") });
 * ```
 */
export async function loadGruForecaster(saved: SavedGruForecaster): Promise<GruForecaster> {
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(saved.json) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`loadGruForecaster: json is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (meta.format !== FORMAT || meta.version !== VERSION) {
    throw new Error(`loadGruForecaster: json is not a saved GRU forecaster (format '${String(meta.format)}' v${String(meta.version)}; expected '${FORMAT}' v${VERSION})`);
  }
  const specs = meta.weightSpecs as io.WeightsManifestEntry[];
  const expected = specs.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1) * 4, 0);
  if (saved.weights.byteLength !== expected) {
    throw new Error(`loadGruForecaster: weights hold ${saved.weights.byteLength} bytes but the manifest needs ${expected}`);
  }
  const buffer = saved.weights.buffer.slice(saved.weights.byteOffset, saved.weights.byteOffset + saved.weights.byteLength) as ArrayBuffer;
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: meta.modelTopology as io.ModelArtifacts["modelTopology"], weightSpecs: specs, weightData: buffer }),
  );
  return {
    kind: "gru-forecaster",
    model,
    scaler: meta.scaler as GruForecaster["scaler"],
    window: meta.window as number,
    h: meta.h as number,
    options: meta.options as GruForecaster["options"],
    history: meta.history as GruForecaster["history"],
    bestEpoch: meta.bestEpoch as number,
    stoppedEpoch: meta.stoppedEpoch as number,
    trainSize: meta.trainSize as number,
    validationSize: meta.validationSize as number,
  };
}
