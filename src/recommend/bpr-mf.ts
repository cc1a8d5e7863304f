import type pl from "nodejs-polars";
import { SEED } from "../schema";
import { createRng } from "../util/rng";
import type { EpochLog } from "../viz/loss-curve";
import { bprEpoch, initFactors, rowOfEntries, type BprFactors } from "./bpr-train";
import { DOT_BATCH, dotScores, dotScoresBatch, factorRecall, validationSets } from "./bpr-scoring";
import { BASE_ARRAYS, fitBase, type BaseFitOptions, type BaseFitted } from "./fitted-base";
import { loadFitted, saveFitted } from "./model-io";
import { recommendUsers } from "./recommend-users";
import type { SyncRecommender } from "./recommender";

/** Options of the {@link bprMf} recommender's `fit`. */
export interface BprMfOptions extends BaseFitOptions {
  /** Latent factors d, an integer ≥ 1. Default `64`. */
  factors?: number;
  /** Maximum epochs (one pass over the distinct positive pairs each), integer ≥ 1. Default `100`. */
  epochs?: number;
  /** SGD learning rate > 0. Default `0.05`. */
  learningRate?: number;
  /** L2 coefficient ≥ 0 on the factor rows of each triple. Default `0.02` (chosen by validation Recall@20 on MovieLens-100k). */
  reg?: number;
  /** Standard deviation of the Gaussian initial factors. Default `0.1`. */
  initStd?: number;
  /** Negative candidates per triple: 1 draws uniformly; c > 1 keeps the best-scored of c draws (dynamic negative sampling). Default `1`. */
  negCandidates?: number;
  /** Called after every epoch with `{ epoch, loss, "val_recall@K"?, seconds }`. Default: none. */
  onEpoch?: (log: EpochLog) => void;
  /** Held-out (user, item) pairs: Recall@`validationK` each epoch, early stopping on it and the best epoch restored. Default: none. */
  validation?: pl.DataFrame;
  /** K of the validation recall. Default `20`. */
  validationK?: number;
  /** Stop after this many epochs without improvement (validation recall, else training loss); 0 never stops early. Default `10`. */
  patience?: number;
  /** Smallest change that counts as an improvement. Default `1e-4`. */
  minDelta?: number;
}

/** A fitted BPR-MF model: user and item factors, row-major with `factors` columns. */
export interface BprMfModel extends BaseFitted {
  userFactors: Float32Array;
  itemFactors: Float32Array;
}

const defaults = { factors: 64, epochs: 100, learningRate: 0.05, reg: 0.02, initStd: 0.1, negCandidates: 1, validationK: 20, patience: 10, minDelta: 1e-4 };

function check(name: string, v: number, ok: boolean, range: string): void {
  if (!ok) throw new Error(`${name} must be ${range}, got ${v}`);
}

function fitBprMf(train: pl.DataFrame, options: BprMfOptions = {}): BprMfModel {
  const t0 = Date.now();
  const o = { ...defaults, ...options };
  check("factors", o.factors, Number.isInteger(o.factors) && o.factors >= 1, "an integer >= 1");
  check("epochs", o.epochs, Number.isInteger(o.epochs) && o.epochs >= 1, "an integer >= 1");
  check("learningRate", o.learningRate, o.learningRate > 0 && Number.isFinite(o.learningRate), "a finite number > 0");
  check("reg", o.reg, o.reg >= 0 && Number.isFinite(o.reg), "a finite number >= 0");
  check("patience", o.patience, Number.isInteger(o.patience) && o.patience >= 0, "an integer >= 0");
  const { inter, base } = fitBase("BPR-MF", train, options, "binary");
  const rng = createRng(options.seed ?? SEED);
  const f = initFactors(inter.userIds.length, inter.itemIds.length, o.factors, o.initStd, rng);
  const rowOf = rowOfEntries(inter.csr);
  const sets = o.validation ? validationSets(o.validation, inter.userIds, inter.itemIds) : null;
  const valKey = `val_recall@${o.validationK}`;
  const history: EpochLog[] = [];
  let best = sets ? -Infinity : Infinity;
  let bestEpoch = 0;
  let bestFactors: BprFactors | null = null;
  let wait = 0;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const e0 = Date.now();
    const loss = bprEpoch(inter.csr, rowOf, f, { learningRate: o.learningRate, reg: o.reg, negCandidates: o.negCandidates }, rng);
    const log: EpochLog = { epoch, loss };
    const monitored = sets ? factorRecall(f, inter.csr, sets, o.validationK) : loss;
    if (sets) log[valKey] = monitored;
    log.seconds = (Date.now() - e0) / 1000;
    history.push(log);
    o.onEpoch?.(log);
    const improved = sets ? monitored > best + o.minDelta : monitored < best - o.minDelta;
    if (improved) {
      best = monitored;
      bestEpoch = epoch;
      wait = 0;
      if (sets) bestFactors = { d: f.d, users: f.users.slice(), items: f.items.slice() };
    } else if (o.patience > 0 && ++wait >= o.patience) {
      break;
    }
  }
  const final = bestFactors ?? f;
  return {
    ...base,
    meta: {
      ...base.meta,
      factors: o.factors,
      learningRate: o.learningRate,
      reg: o.reg,
      initStd: o.initStd,
      negCandidates: o.negCandidates,
      seed: options.seed ?? SEED,
      epochsRun: history.length,
      bestEpoch,
      restoredBest: bestFactors !== null,
      history,
      fitSeconds: (Date.now() - t0) / 1000,
    },
    userFactors: final.users,
    itemFactors: final.items,
  };
}

/**
 * Matrix factorisation trained with the BPR pairwise loss (Rendle et al. 2009): score(u, j) =
 * p_u · q_j, learned by SGD on triples (u, i, j) with i a training item of u and j a uniformly
 * sampled non-interacted item, minimising −ln σ(p_u·q_i − p_u·q_j) + λ‖·‖² (see `bprEpoch`).
 * Deterministic for a seed (initialisation, order and negatives come from `createRng(seed)`).
 * Plain `Float32Array` loops, no TensorFlow.js.
 *
 * @example
 * ```ts
 * const fitted = bprMf.fit(train, { factors: 64, epochs: 50, validation: valid, onEpoch: (l) => logs.push(l) });
 * show(lossCurveFigure(fitted.meta.history as EpochLog[]));
 * bprMf.recommend(fitted, users, { k: 10 });
 * ```
 */
export const bprMf: SyncRecommender<BprMfOptions, BprMfModel> = {
  name: "BPR-MF",
  fit: fitBprMf,
  recommend: (model, users, options) => {
    const f: BprFactors = { d: model.meta.factors as number, users: model.userFactors, items: model.itemFactors };
    return recommendUsers(model, users, options, {
      score: (u, out) => dotScores(f, u, out),
      scoreBatch: { batch: DOT_BATCH, score: (us, outs) => dotScoresBatch(f, us, outs) },
    });
  },
  save: (model) => saveFitted(model),
  load: (saved) => loadFitted<BprMfModel>(saved, "BPR-MF", [...BASE_ARRAYS, "userFactors", "itemFactors"]),
};
