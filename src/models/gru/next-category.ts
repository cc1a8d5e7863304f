import type { LayersModel } from "@tensorflow/tfjs";
import pl from "nodejs-polars";
import { COL, SEED } from "../../schema";
import { createRng } from "../../util/rng";
import type { EpochLog } from "../../viz/loss-curve";
import { buildVocabulary, categorySequences, encodeTokens, nextTokenSamples, oneHotWindows, type NextTokenSamples, type Vocabulary } from "./category-sequences";
import { fitGruNetwork } from "./fit-gru-network";
import type { OnEpoch, SampleSet } from "./train-loop";

/**
 * Options of {@link fitNextCategory}.
 *
 * @example
 * ```ts
 * const o: NextCategoryOptions = { window: 6, units: 24, epochs: 10, seed: 42 };
 * ```
 */
export interface NextCategoryOptions {
  /** Token column (category; or item, or a derived hour label). Default `COL.category`. */
  column?: string;
  /** Column names. Default `COL.user`, `COL.item`, `COL.ts`. */
  cols?: { user?: string; item?: string; ts?: string };
  /** Previous events the model reads. Default `6`. */
  window?: number;
  /** GRU units per layer. Default `24`. */
  units?: number;
  /** Stacked GRU layers. Default `1`. */
  layers?: number;
  /** GRU input dropout in [0, 1) (seeded masks). Default `0`. */
  dropout?: number;
  /** Most epochs. Default `10`. */
  epochs?: number;
  /** Epochs without validation improvement before stopping. Default `3`. */
  patience?: number;
  /** Mini-batch size. Default `256`. */
  batchSize?: number;
  /** Adam learning rate. Default `0.01`. */
  learningRate?: number;
  /** Fraction of the training users whose samples form the validation set (early stopping), in [0, 1). Default `0.1`. */
  validationFraction?: number;
  /** Cap on training samples (a seeded random subset beyond it), to keep training to seconds on wasm. Default `8000`. */
  maxSamples?: number;
  /** Seed of the weights, the validation users, the subset and the batch order. Default `SEED` (42). */
  seed?: number;
  /** Called after each epoch with `{ epoch, loss, acc, valLoss, valAcc }` and the history. Default: none. */
  onEpoch?: OnEpoch;
}

/**
 * A fitted next-category model plus the counts of its baselines. Holds a tfjs model: call
 * {@link disposeNextCategory} when done.
 *
 * @example
 * ```ts
 * const m: NextCategoryModel = await fitNextCategory(train);
 * m.vocabulary.tokens; // ["Bar", "Cinema", …]
 * ```
 */
export interface NextCategoryModel {
  kind: "next-category";
  model: LayersModel;
  vocabulary: Vocabulary;
  window: number;
  column: string;
  cols: { user: string; item: string; ts: string };
  /** `nextCounts[p][q]`: training transitions from id p to id q (the most-frequent-next baseline). */
  nextCounts: number[][];
  /** `targetCounts[q]`: training targets with id q (the most-frequent baseline). */
  targetCounts: number[];
  history: EpochLog[];
  bestEpoch: number;
  stoppedEpoch: number;
  /** Samples used: training (after the cap), validation, and all training-user samples before the cap. */
  samples: { train: number; validation: number; available: number };
  /** Users with at most `window` events (no sample) and rows dropped by reason. */
  skippedUsers: number;
  dropped: { nullToken: number; nullTs: number };
}

const defaults = {
  column: COL.category as string,
  cols: { user: COL.user as string, item: COL.item as string, ts: COL.ts as string },
  window: 6,
  units: 24,
  layers: 1,
  dropout: 0,
  epochs: 10,
  patience: 3,
  batchSize: 256,
  learningRate: 0.01,
  validationFraction: 0.1,
  maxSamples: 8000,
  seed: SEED,
};

function checkOptions(o: typeof defaults): void {
  for (const k of ["window", "units", "layers", "epochs", "patience", "batchSize", "maxSamples"] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`fitNextCategory: ${k} must be an integer >= 1, got ${String(o[k])}`);
  }
  if (!(o.dropout >= 0 && o.dropout < 1)) throw new Error(`fitNextCategory: dropout must be in [0, 1), got ${String(o.dropout)}`);
  if (!(o.learningRate > 0 && Number.isFinite(o.learningRate))) throw new Error(`fitNextCategory: learningRate must be a positive number, got ${String(o.learningRate)}`);
  if (!(o.validationFraction >= 0 && o.validationFraction < 1)) throw new Error(`fitNextCategory: validationFraction must be in [0, 1), got ${String(o.validationFraction)}`);
  if (!Number.isFinite(o.seed)) throw new Error(`fitNextCategory: seed must be a finite number, got ${String(o.seed)}`);
}

/** One-hot sample set of the rows `pick` of `s`. */
function sampleSet(s: NextTokenSamples, pick: number[], window: number, size: number): SampleSet {
  const ids = new Float32Array(pick.length * window);
  const y = new Float32Array(pick.length * size);
  pick.forEach((r, i) => {
    ids.set(s.x.subarray(r * window, (r + 1) * window), i * window);
    y[i * size + s.target[r]] = 1;
  });
  return { x: oneHotWindows(ids, pick.length, window, size), xShape: [window, size], y, yShape: [size], count: pick.length };
}

/**
 * Fits a GRU that predicts a user's next category from their previous `window` categories:
 * one-hot input → GRU → softmax over the training vocabulary, trained with Adam on categorical
 * cross-entropy, early stopping on the samples of a seeded `validationFraction` of the users.
 * (One-hot rather than an embedding layer: the wasm backend lacks `UnsortedSegmentSum`, the
 * kernel of an embedding's gradient; the GRU's input kernel plays the embedding's part.)
 * Also counts the transitions for the baselines of {@link evaluateNextCategory}. Rows without a
 * category are dropped and counted. Call `initTf()` first to choose the backend.
 *
 * @param df training events (canonical schema; evaluate on other users, see `holdOutUsers`).
 * @param options see {@link NextCategoryOptions}.
 * @returns a {@link NextCategoryModel}.
 * @throws Error on a bad option or when no user has more than `window` events.
 * @example
 * ```ts
 * const { train, test } = holdOutUsers(events, { testFraction: 0.2 });
 * const m = await fitNextCategory(train, { window: 6, onEpoch: (l) => console.log(l) });
 * evaluateNextCategory(m, test).metrics; // model | samples | accuracy | accuracy@3
 * ```
 */
export async function fitNextCategory(df: pl.DataFrame, options: NextCategoryOptions = {}): Promise<NextCategoryModel> {
  const o = { ...defaults, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)), cols: { ...defaults.cols, ...options.cols } } as typeof defaults;
  checkOptions(o);
  const seqs = categorySequences(df, { column: o.column, cols: o.cols });
  const vocab = buildVocabulary(seqs.tokens);
  const ids = encodeTokens(seqs.tokens, vocab);
  const all = nextTokenSamples(ids, seqs.offsets, o.window);
  if (all.count === 0) throw new Error(`fitNextCategory: no user has more than window (${o.window}) events with a '${o.column}'; lower window`);

  const rng = createRng(o.seed);
  const nUsers = seqs.users.length;
  const nVal = o.validationFraction > 0 && nUsers >= 2 ? Math.min(nUsers - 1, Math.max(1, Math.round(o.validationFraction * nUsers))) : 0;
  const isVal = new Uint8Array(nUsers);
  for (const u of rng.shuffle(Array.from({ length: nUsers }, (_, i) => i)).slice(0, nVal)) isVal[u] = 1;
  const trainRows: number[] = [];
  const valRows: number[] = [];
  for (let r = 0; r < all.count; r++) (isVal[all.user[r]] ? valRows : trainRows).push(r);
  if (trainRows.length === 0) throw new Error("fitNextCategory: every sample fell in the validation users; lower validationFraction");

  const nextCounts = Array.from({ length: vocab.size }, () => new Array<number>(vocab.size).fill(0));
  const targetCounts = new Array<number>(vocab.size).fill(0);
  for (const r of trainRows) {
    nextCounts[all.x[r * o.window + o.window - 1]][all.target[r]]++;
    targetCounts[all.target[r]]++;
  }
  const available = trainRows.length;
  const picked = available > o.maxSamples ? rng.shuffle(trainRows).slice(0, o.maxSamples) : trainRows;

  const { model, ...res } = await fitGruNetwork(
    { window: o.window, features: vocab.size, units: o.units, layers: o.layers, dropout: o.dropout,
      outputs: vocab.size, head: "softmax", learningRate: o.learningRate, seed: o.seed },
    sampleSet(all, picked, o.window, vocab.size),
    valRows.length ? sampleSet(all, valRows, o.window, vocab.size) : null,
    { epochs: o.epochs, batchSize: o.batchSize, patience: o.patience, restoreBest: true, seed: o.seed + 1, onEpoch: options.onEpoch },
  );
  return {
    kind: "next-category",
    model,
    vocabulary: vocab,
    window: o.window,
    column: o.column,
    cols: o.cols,
    nextCounts,
    targetCounts,
    ...res,
    samples: { train: picked.length, validation: valRows.length, available },
    skippedUsers: all.skippedUsers,
    dropped: seqs.dropped,
  };
}

/**
 * Frees the tensors of a next-category model.
 *
 * @param m the model.
 * @example
 * ```ts
 * disposeNextCategory(m);
 * ```
 */
export function disposeNextCategory(m: NextCategoryModel): void {
  m.model.dispose();
}
