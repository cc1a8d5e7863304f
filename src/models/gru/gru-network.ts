import type { LayersModel } from "@tensorflow/tfjs";
import { tfjsInstance as tf } from "../../runtime/backend-loaders";
import { seedTf } from "../../runtime/seed-tf";
import { createRng } from "../../util/rng";

/**
 * The architecture and optimiser of {@link buildGruNetwork}. Every field is required here; the
 * public fitters fill them from their own defaults.
 *
 * @example
 * ```ts
 * const spec: GruNetworkSpec = { window: 24, features: 1, units: 32, layers: 1,
 *   dropout: 0, outputs: 12, head: "linear", learningRate: 0.005, seed: 42 };
 * ```
 */
export interface GruNetworkSpec {
  /** Steps per input sequence. */
  window: number;
  /** Features per step: 1 for a univariate forecaster, the vocabulary size for one-hot tokens. */
  features: number;
  /** GRU units per layer. */
  units: number;
  /** Stacked GRU layers (all but the last return sequences). */
  layers: number;
  /** Input dropout rate of each GRU layer in [0, 1); masks are seeded. */
  dropout: number;
  /** Width of the dense head: `h` for a direct multi-step forecaster, the vocabulary size for a classifier. */
  outputs: number;
  /** `"linear"` + MSE loss (regression) or `"softmax"` + categorical cross-entropy and accuracy (classification). */
  head: "linear" | "softmax";
  /** Adam learning rate. */
  learningRate: number;
  /** Seed of the initial weights and the dropout masks. */
  seed: number;
}

/**
 * Builds and compiles a GRU network: GRU × layers → dense head, trained with Adam. (No embedding
 * layer: the wasm backend lacks `UnsortedSegmentSum`, the kernel of its gradient; feed one-hot
 * tokens instead.)
 * All initial weights come from `seedTf(seed)` (the same seed rebuilds the same weights on one
 * backend) and the GRU dropout masks from a seeded `tf.dropout`, so training is reproducible.
 * The GRU uses Keras 2 gates (`sigmoid` recurrent activation, `tanh` activation).
 *
 * @param spec see {@link GruNetworkSpec}.
 * @returns a compiled `tf.LayersModel`; the caller disposes it (and its optimizer).
 * @example
 * ```ts
 * const net = buildGruNetwork({ window: 24, features: 1, units: 32, layers: 1,
 *   dropout: 0, outputs: 12, head: "linear", learningRate: 0.005, seed: 42 });
 * net.outputs[0].shape; // [null, 12]
 * ```
 */
export function buildGruNetwork(spec: GruNetworkSpec): LayersModel {
  const seeds = seedTf(spec.seed);
  const maskRng = createRng(seeds.next());
  // tfjs-layers draws GRU dropout masks with Math.random unless given a dropoutFunc: seed each mask.
  const dropoutFunc = (x: Parameters<typeof tf.dropout>[0], rate: number) => tf.dropout(x, rate, undefined, maskRng.int(4294967296));
  const model = tf.sequential();
  for (let i = 0; i < spec.layers; i++) {
    model.add(
      tf.layers.gru({
        units: spec.units,
        returnSequences: i < spec.layers - 1,
        recurrentActivation: "sigmoid",
        kernelInitializer: seeds.glorotUniform(),
        recurrentInitializer: seeds.orthogonal(),
        ...(spec.dropout > 0 ? { dropout: spec.dropout, dropoutFunc } : {}),
        ...(i === 0 ? { inputShape: [spec.window, spec.features] } : {}),
      }),
    );
  }
  model.add(tf.layers.dense({ units: spec.outputs, activation: spec.head, kernelInitializer: seeds.glorotUniform() }));
  const classify = spec.head === "softmax";
  model.compile({
    optimizer: tf.train.adam(spec.learningRate),
    loss: classify ? "categoricalCrossentropy" : "meanSquaredError",
    metrics: classify ? ["accuracy"] : [],
  });
  return model;
}
