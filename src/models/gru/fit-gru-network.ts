import type { LayersModel } from "@tensorflow/tfjs";
import { buildGruNetwork, type GruNetworkSpec } from "./gru-network";
import { trainLoop, type SampleSet, type TrainLoopOptions, type TrainLoopResult } from "./train-loop";

/**
 * Builds a GRU network ({@link buildGruNetwork}) and trains it ({@link trainLoop}): the shared
 * core of the public GRU fitters. The optimizer state is freed when training ends; the model is
 * freed too when training fails, so no tensor outlives a thrown error.
 *
 * @param spec the architecture, see {@link GruNetworkSpec}.
 * @param train training samples.
 * @param val validation samples, or `null` (train all epochs, no early stopping).
 * @param options see {@link TrainLoopOptions}.
 * @returns the trained `model` (the caller disposes it) and the {@link TrainLoopResult}.
 * @throws whatever `trainLoop` throws (e.g. a diverged loss), after disposing the model.
 * @example
 * ```ts
 * const { model, history } = await fitGruNetwork(
 *   { window: 24, features: 1, units: 32, layers: 1, dropout: 0, outputs: 12, head: "linear", learningRate: 0.005, seed: 42 },
 *   train, val, { epochs: 50, batchSize: 64, patience: 5, restoreBest: true, seed: 42 },
 * );
 * ```
 */
export async function fitGruNetwork(
  spec: GruNetworkSpec,
  train: SampleSet,
  val: SampleSet | null,
  options: TrainLoopOptions,
): Promise<{ model: LayersModel } & TrainLoopResult> {
  const model = buildGruNetwork(spec);
  try {
    return { model, ...(await trainLoop(model, train, val, options)) };
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    model.optimizer?.dispose();
  }
}
