import { paddedDim, BLOCK } from "../graph/blocked-spmm";
import type { EpochLog } from "../viz/loss-curve";
import { SEED } from "../schema";
import { createRng } from "../util/rng";

/**
 * Hyperparameters of LightGCN training (He et al., SIGIR 2020; defaults of the authors' code).
 *
 * @example
 * ```ts
 * const config: LightGcnConfig = { ...LIGHTGCN_DEFAULTS, layers: 2 };
 * ```
 */
export interface LightGcnConfig {
  /** Embedding width. Default 64. */
  dim: number;
  /** Propagation layers K (final embedding = mean of layers 0..K). Default 3. */
  layers: number;
  /** Adam learning rate. Default 1e-3. */
  lr: number;
  /** BPR triples per batch (one full propagation each). Default 2048. */
  batchSize: number;
  /** L2 weight on the batch's layer-0 embeddings: `reg · ½‖·‖² / batch`. Default 1e-4. */
  reg: number;
  /** `"normal"` (N(0, initStd²), the authors' PyTorch code) or `"xavier"` (uniform, their TF code). Default `"normal"`. */
  init: "normal" | "xavier";
  /** Standard deviation of the `"normal"` init. Default 0.1. */
  initStd: number;
  /** Adam β1, β2, ε. Defaults 0.9, 0.999, 1e-8 (PyTorch). */
  beta1: number;
  beta2: number;
  eps: number;
  /** Seed of the initialisation and of every epoch's sampling. Default `SEED` (42). */
  seed: number;
}

/**
 * The default {@link LightGcnConfig}.
 *
 * @example
 * ```ts
 * LIGHTGCN_DEFAULTS.batchSize; // 2048
 * ```
 */
export const LIGHTGCN_DEFAULTS: Readonly<LightGcnConfig> = Object.freeze({
  dim: 64,
  layers: 3,
  lr: 1e-3,
  batchSize: 2048,
  reg: 1e-4,
  init: "normal",
  initStd: 0.1,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  seed: SEED,
});

/**
 * The whole training state of a LightGCN run: enough to resume bit for bit. Embeddings and the
 * Adam moments are in the blocked layout of `src/graph/blocked-spmm.ts` (`nNodes · dp` values,
 * users first, then items). The random stream of epoch e is derived from `(seed, e)`, so no
 * generator state needs saving. Training functions advance this object in place (it is the
 * trainer's working memory, like an optimiser's); copy it with {@link cloneLightGcnState}.
 *
 * @example
 * ```ts
 * const state = initLightGcnState(nUsers, nItems, { dim: 32 });
 * state.epoch; // 0 epochs done
 * ```
 */
export interface LightGcnState {
  config: LightGcnConfig;
  nUsers: number;
  nItems: number;
  /** Padded width (multiple of 8). */
  dp: number;
  /** Layer-0 embeddings E0, the parameters. */
  e0: Float32Array;
  /** Adam first and second moments. */
  m: Float32Array;
  v: Float32Array;
  /** Adam steps (batches) done. */
  step: number;
  /** Epochs done. */
  epoch: number;
  /** One row per epoch done: loss, bpr, reg, seconds, and recall@k / ndcg@k when evaluated. */
  history: EpochLog[];
  /** Best validation score so far (early stopping) and the E0 that reached it. */
  best: { epoch: number; value: number; e0: Float32Array } | null;
}

/**
 * Fills a partial config with {@link LIGHTGCN_DEFAULTS} and checks every field's range.
 *
 * @throws Error naming the field and its valid range.
 * @example
 * ```ts
 * resolveLightGcnConfig({ layers: 2 }).dim; // 64
 * resolveLightGcnConfig({ lr: 0 });         // throws: LightGCN lr must be in (0, Infinity)
 * ```
 */
export function resolveLightGcnConfig(options: Partial<LightGcnConfig> = {}): LightGcnConfig {
  const c: LightGcnConfig = { ...LIGHTGCN_DEFAULTS, ...stripUndefined(options) };
  const int = (k: keyof LightGcnConfig, min: number): void => {
    const v = c[k] as number;
    if (!(Number.isInteger(v) && v >= min)) throw new Error(`LightGCN ${k} must be an integer >= ${min}, got ${v}`);
  };
  const pos = (k: keyof LightGcnConfig, lo: number, hi: number, closedLo: boolean): void => {
    const v = c[k] as number;
    if (!(Number.isFinite(v) && (closedLo ? v >= lo : v > lo) && v < hi)) throw new Error(`LightGCN ${k} must be in ${closedLo ? "[" : "("}${lo}, ${hi}), got ${v}`);
  };
  int("dim", 1);
  int("layers", 0);
  int("batchSize", 1);
  pos("lr", 0, Infinity, false);
  pos("reg", 0, Infinity, true);
  pos("initStd", 0, Infinity, false);
  pos("beta1", 0, 1, true);
  pos("beta2", 0, 1, true);
  pos("eps", 0, Infinity, false);
  if (c.init !== "normal" && c.init !== "xavier") throw new Error(`LightGCN init must be "normal" or "xavier", got ${JSON.stringify(c.init)}`);
  if (!Number.isFinite(c.seed)) throw new Error(`LightGCN seed must be a finite number, got ${c.seed}`);
  return c;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * A fresh LightGCN state: E0 drawn from `createRng(seed)` in node order (users, then items;
 * `"normal"`: N(0, initStd²); `"xavier"`: U(±√(6 / (rows + dim))) per table), zero Adam moments.
 *
 * @param nUsers number of users (≥ 1).
 * @param nItems number of items (≥ 1).
 * @param options any {@link LightGcnConfig} fields (defaults: {@link LIGHTGCN_DEFAULTS}).
 * @example
 * ```ts
 * const state = initLightGcnState(29858, 40981); // the Gowalla split, dim 64
 * ```
 */
export function initLightGcnState(nUsers: number, nItems: number, options: Partial<LightGcnConfig> = {}): LightGcnState {
  if (!(Number.isInteger(nUsers) && nUsers >= 1)) throw new Error(`nUsers must be an integer >= 1, got ${nUsers}`);
  if (!(Number.isInteger(nItems) && nItems >= 1)) throw new Error(`nItems must be an integer >= 1, got ${nItems}`);
  const config = resolveLightGcnConfig(options);
  const n = nUsers + nItems;
  const dp = paddedDim(config.dim);
  const e0 = new Float32Array(n * dp);
  const rng = createRng(config.seed);
  for (let i = 0; i < n; i++) {
    const rows = i < nUsers ? nUsers : nItems;
    const bound = Math.sqrt(6 / (rows + config.dim));
    for (let j = 0; j < config.dim; j++) {
      const v = config.init === "normal" ? rng.normal() * config.initStd : (2 * rng.next() - 1) * bound;
      e0[Math.floor(j / BLOCK) * n * BLOCK + i * BLOCK + (j % BLOCK)] = v;
    }
  }
  return { config, nUsers, nItems, dp, e0, m: new Float32Array(n * dp), v: new Float32Array(n * dp), step: 0, epoch: 0, history: [], best: null };
}

/**
 * A deep copy of a state (arrays copied).
 *
 * @example
 * ```ts
 * const snapshot = cloneLightGcnState(state);
 * ```
 */
export function cloneLightGcnState(s: LightGcnState): LightGcnState {
  return {
    ...s,
    config: { ...s.config },
    e0: s.e0.slice(),
    m: s.m.slice(),
    v: s.v.slice(),
    history: s.history.map((h) => ({ ...h })),
    best: s.best ? { ...s.best, e0: s.best.e0.slice() } : null,
  };
}
