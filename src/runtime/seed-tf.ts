import { SEED } from "../schema";
import { createRng } from "../util/rng";
import { tfjsInstance, type Tf } from "./backend-loaders";

/**
 * A tfjs-layers initializer, as `kernelInitializer` / `recurrentInitializer` accept it.
 *
 * @example
 * ```ts
 * const init: TfInitializer = seedTf(1).glorotUniform();
 * ```
 */
export type TfInitializer = ReturnType<Tf["initializers"]["glorotUniform"]>;

/**
 * A seeded source of tfjs seeds. Each call returns a fresh, distinct, reproducible seed, so
 * two layers built from the same `TfSeeds` get different weights and rebuilding the model
 * from `seedTf(sameSeed)` gives the same initial weights (see {@link seedTf} for the limits).
 *
 * @example
 * ```ts
 * const seeds: TfSeeds = seedTf(42);
 * tf.layers.dense({ units: 4, kernelInitializer: seeds.glorotUniform() });
 * ```
 */
export interface TfSeeds {
  /** The next integer seed in [0, 2^32): pass it to `tf.randomUniform(…, seed)` and friends. */
  next(): number;
  /** `tf.initializers.glorotUniform({ seed })` (the Dense / GRU kernel default). */
  glorotUniform(): TfInitializer;
  /** `tf.initializers.glorotNormal({ seed })`. */
  glorotNormal(): TfInitializer;
  /** `tf.initializers.heNormal({ seed })`. */
  heNormal(): TfInitializer;
  /** `tf.initializers.heUniform({ seed })`. */
  heUniform(): TfInitializer;
  /** `tf.initializers.orthogonal({ gain, seed })` (the GRU / LSTM recurrent kernel default). */
  orthogonal(gain?: number): TfInitializer;
  /** `tf.initializers.randomNormal({ mean, stddev, seed })`; defaults mean 0, stddev 0.05. */
  randomNormal(mean?: number, stddev?: number): TfInitializer;
  /** `tf.initializers.randomUniform({ minval, maxval, seed })`; defaults −0.05, 0.05. */
  randomUniform(minval?: number, maxval?: number): TfInitializer;
}

/**
 * Options of {@link seedTf}.
 *
 * @example
 * ```ts
 * seedTf(42, { tf });
 * ```
 */
export interface SeedTfOptions {
  /** The tfjs namespace whose initializers are built. Default: the project's `@tensorflow/tfjs`. */
  tf?: Tf;
}

/**
 * Seeds TensorFlow.js the only way it can be seeded: explicitly, per initializer and per op.
 *
 * TensorFlow.js has no global seed. Its random ops (`tf.randomUniform`, `tf.randomNormal`,
 * `tf.truncatedNormal`, `tf.dropout`) and the layer initializers draw from `seedrandom`'s
 * `alea(seed)` when given a seed and from `Math.random` otherwise. The random numbers are
 * generated in JavaScript and then uploaded, so seeded uniform / normal initial weights are
 * identical on every backend (`orthogonal` runs a QR decomposition on the backend, so it agrees
 * up to float rounding, about 1e-7 between `wasm` and `cpu`). What this does **not** cover:
 * - GRU/LSTM `dropout` / `recurrentDropout` masks take no seed in tfjs-layers 4.22 (unseeded).
 * - A `tf.layers.dropout({ rate, seed })` with a fixed seed draws the **same mask at every
 *   step**; prefer no seed there, or accept that training with dropout is not reproducible.
 * - `model.fit({ shuffle: true })` shuffles with `Math.random`: pass `shuffle: false` and
 *   order batches yourself with `createRng(seed)`.
 * - GPU kernels (cuDNN reductions) may still differ in the last bits from run to run.
 *
 * @param seed base seed, default `SEED` (42)
 * @param options see {@link SeedTfOptions}
 * @returns a {@link TfSeeds} that hands out distinct derived seeds and seeded initializers
 * @example
 * ```ts
 * const { tf } = await initTf();
 * const seeds = seedTf(42);
 * const model = tf.sequential({ layers: [
 *   tf.layers.gru({ units: 32, inputShape: [24, 1],
 *     kernelInitializer: seeds.glorotUniform(), recurrentInitializer: seeds.orthogonal() }),
 *   tf.layers.dense({ units: 1, kernelInitializer: seeds.glorotUniform() }),
 * ] });
 * const noise = tf.randomNormal([8], 0, 1, "float32", seeds.next());
 * ```
 */
export function seedTf(seed: number = SEED, options: SeedTfOptions = {}): TfSeeds {
  const tf = options.tf ?? tfjsInstance;
  const rng = createRng(seed);
  const next = (): number => rng.int(4294967296);
  return {
    next,
    glorotUniform: () => tf.initializers.glorotUniform({ seed: next() }),
    glorotNormal: () => tf.initializers.glorotNormal({ seed: next() }),
    heNormal: () => tf.initializers.heNormal({ seed: next() }),
    heUniform: () => tf.initializers.heUniform({ seed: next() }),
    orthogonal: (gain = 1) => tf.initializers.orthogonal({ gain, seed: next() }),
    randomNormal: (mean = 0, stddev = 0.05) => tf.initializers.randomNormal({ mean, stddev, seed: next() }),
    randomUniform: (minval = -0.05, maxval = 0.05) => tf.initializers.randomUniform({ minval, maxval, seed: next() }),
  };
}
