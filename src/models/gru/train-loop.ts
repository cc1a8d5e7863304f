import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { tfjsInstance as tf } from "../../runtime/backend-loaders";
import { createRng } from "../../util/rng";
import type { EpochLog } from "../../viz/loss-curve";

/**
 * Supervised samples as flat row-major typed arrays: `x` is `[count, ...xShape]`, `y` is
 * `[count, ...yShape]`.
 *
 * @example
 * ```ts
 * const set: SampleSet = { x: w.x, xShape: [24, 1], y: w.y, yShape: [12], count: w.count };
 * ```
 */
export interface SampleSet {
  x: Float32Array;
  xShape: number[];
  y: Float32Array;
  yShape: number[];
  count: number;
}

/**
 * Called after every epoch with that epoch's log and the history so far (awaited, so a
 * notebook can print a line and redraw `lossCurveFigure(history)`).
 *
 * @example
 * ```ts
 * const onEpoch: OnEpoch = (log) => console.log(`epoch ${log.epoch}: loss ${log.loss.toFixed(4)} val ${log.valLoss?.toFixed(4)}`);
 * ```
 */
export type OnEpoch = (log: EpochLog, history: readonly EpochLog[]) => void | Promise<void>;

/**
 * Options of {@link trainLoop}; all required here (the public fitters hold the defaults).
 *
 * @example
 * ```ts
 * const o: TrainLoopOptions = { epochs: 100, batchSize: 64, patience: 10, restoreBest: true, seed: 42 };
 * ```
 */
export interface TrainLoopOptions {
  /** Most epochs to run. */
  epochs: number;
  /** Samples per gradient step. */
  batchSize: number;
  /** Epochs without a validation-loss improvement before stopping (needs a validation set). */
  patience: number;
  /** Put back the weights of the epoch with the best validation loss when training ends. */
  restoreBest: boolean;
  /** Seed of the batch order (shuffled each epoch with `createRng`). */
  seed: number;
  /** Progress callback, see {@link OnEpoch}. */
  onEpoch?: OnEpoch;
}

/**
 * What {@link trainLoop} returns.
 *
 * @example
 * ```ts
 * const { history, bestEpoch, stoppedEpoch } = await trainLoop(net, train, val, opts);
 * ```
 */
export interface TrainLoopResult {
  /** One log per epoch run: `epoch` (1-based), `loss`, `valLoss` and any compiled metric (`acc`, `valAcc`). */
  history: EpochLog[];
  /** Epoch whose weights the model holds at the end (best validation loss, or the last epoch). */
  bestEpoch: number;
  /** Last epoch run (less than `epochs` when early stopping fired). */
  stoppedEpoch: number;
}

function rows(set: SampleSet, idx: ArrayLike<number>, from: number, to: number): { x: Tensor; y: Tensor } {
  const xw = set.xShape.reduce((a, b) => a * b, 1);
  const yw = set.yShape.reduce((a, b) => a * b, 1);
  const b = to - from;
  const xb = new Float32Array(b * xw);
  const yb = new Float32Array(b * yw);
  for (let r = 0; r < b; r++) {
    const i = idx[from + r];
    xb.set(set.x.subarray(i * xw, (i + 1) * xw), r * xw);
    yb.set(set.y.subarray(i * yw, (i + 1) * yw), r * yw);
  }
  return { x: tf.tensor(xb, [b, ...set.xShape]), y: tf.tensor(yb, [b, ...set.yShape]) };
}

const camel = (name: string): string => (name === "loss" ? "loss" : name === "accuracy" ? "acc" : name);
const valKey = (name: string): string => "val" + camel(name)[0].toUpperCase() + camel(name).slice(1);

/**
 * Trains a compiled model with mini-batch steps in a seeded order, early stopping on a
 * validation set and restoring the best weights. Losses are sample-weighted epoch means. No
 * tensor outlives the call except the model's own weights; the optimizer state is left to the
 * caller (dispose `model.optimizer` when training is over).
 *
 * @param model a compiled `tf.LayersModel`.
 * @param train the training samples (at least one).
 * @param val validation samples, or `null` to train all `epochs` without early stopping.
 * @param options see {@link TrainLoopOptions}.
 * @returns `{ history, bestEpoch, stoppedEpoch }`.
 * @throws Error when a loss becomes NaN or infinite (lower the learning rate).
 * @example
 * ```ts
 * const res = await trainLoop(net, train, val, { epochs: 50, batchSize: 64, patience: 5, restoreBest: true, seed: 42 });
 * ```
 */
export async function trainLoop(model: LayersModel, train: SampleSet, val: SampleSet | null, options: TrainLoopOptions): Promise<TrainLoopResult> {
  if (train.count < 1) throw new Error("trainLoop: no training samples");
  const rng = createRng(options.seed);
  const order = Array.from({ length: train.count }, (_, i) => i);
  const names = model.metricsNames.length ? model.metricsNames : ["loss"];
  const history: EpochLog[] = [];
  const useVal = val !== null && val.count > 0;
  const valAll = useVal ? rows(val, Array.from({ length: val.count }, (_, i) => i), 0, val.count) : null;
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: Tensor[] | null = null;
  let wait = 0;
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      rng.shuffle(order);
      const sums = new Float64Array(names.length);
      for (let from = 0; from < train.count; from += options.batchSize) {
        const to = Math.min(train.count, from + options.batchSize);
        const { x, y } = rows(train, order, from, to);
        let out: number | number[];
        try {
          out = await model.trainOnBatch(x, y);
        } finally {
          x.dispose();
          y.dispose();
        }
        const vals = Array.isArray(out) ? out : [out];
        vals.forEach((v, k) => (sums[k] += v * (to - from)));
      }
      const log: EpochLog = { epoch, loss: NaN };
      names.forEach((n, k) => (log[camel(n)] = sums[k] / train.count));
      if (valAll) {
        const ev = model.evaluate(valAll.x, valAll.y, { batchSize: 1024 });
        const evs = Array.isArray(ev) ? ev : [ev];
        evs.forEach((t, k) => {
          log[valKey(names[k])] = t.dataSync()[0];
          t.dispose();
        });
      }
      if (!Number.isFinite(log.loss) || (valAll && !Number.isFinite(log.valLoss as number))) {
        throw new Error(`training diverged at epoch ${epoch} (loss ${log.loss}, valLoss ${log.valLoss}); lower learningRate or check the scaling`);
      }
      history.push(log);
      if (options.onEpoch) await options.onEpoch(log, history);
      const monitored = valAll ? (log.valLoss as number) : log.loss;
      if (monitored < best) {
        best = monitored;
        bestEpoch = epoch;
        wait = 0;
        if (valAll && options.restoreBest) {
          bestWeights?.forEach((w) => w.dispose());
          bestWeights = model.getWeights().map((w) => w.clone());
        }
      } else if (valAll && ++wait >= options.patience) {
        break;
      }
    }
    const stoppedEpoch = history.length;
    if (bestWeights && bestEpoch !== stoppedEpoch) model.setWeights(bestWeights);
    if (!(valAll && options.restoreBest)) bestEpoch = stoppedEpoch;
    return { history, bestEpoch, stoppedEpoch };
  } finally {
    bestWeights?.forEach((w) => w.dispose());
    valAll?.x.dispose();
    valAll?.y.dispose();
  }
}
