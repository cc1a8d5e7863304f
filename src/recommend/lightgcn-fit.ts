import pl from "nodejs-polars";
import { requireColumns } from "../clean/frame-access";
import { csrFromEdges, type Csr } from "../graph/csr";
import { COL, SEED } from "../schema";
import type { EpochLog } from "../viz/loss-curve";
import { hasLightGcnCheckpoint, loadLightGcnCheckpoint, saveLightGcnCheckpoint } from "./lightgcn-checkpoint";
import { BASE_ARRAYS, fitBase, type BaseFitOptions, type BaseFitted } from "./fitted-base";
import { encodeIds, type Interactions } from "./id-index";
import { scoreItems } from "./lightgcn-eval";
import { lightGcnGraph } from "./lightgcn-graph";
import { initLightGcnState, type LightGcnConfig, type LightGcnState } from "./lightgcn-state";
import { finalEmbeddings, trainLightGcn } from "./lightgcn-train";
import { loadFitted, saveFitted } from "./model-io";
import { recommendUsers } from "./recommend-users";
import type { RecommendOptions, SavedModel } from "./recommender";

/**
 * Options of the LightGCN-family recommenders' `fit` (`lightGcn`, `stLightGcn`).
 *
 * @example
 * ```ts
 * lightGcn.fit(train, { epochs: 100, layers: 3, validation: valid, evalEvery: 5, patience: 4, onEpoch: (l) => logs.push(l) });
 * ```
 */
export interface LightGcnOptions extends BaseFitOptions, Partial<Omit<LightGcnConfig, "seed">> {
  /** Total epochs (one epoch = as many BPR triples as training pairs). Default 50. */
  epochs?: number;
  /** Held-out (user, item) pairs for Recall@k / NDCG@k, best epoch kept (and restored). Default: none. */
  validation?: pl.DataFrame;
  /** Evaluate every this many epochs. Default 5. */
  evalEvery?: number;
  /** k of the validation metrics. Default 20. */
  validationK?: number;
  /** Early stopping after this many evaluations without improvement; 0 = never. Default 0. */
  patience?: number;
  /** Evaluate on a seeded sample of this many validation users. Default: all. */
  evalUsers?: number;
  /** Threads for propagation (bit-identical results for any value). Default: available cores, at most 8. */
  threads?: number;
  /** Called after every epoch: `{ epoch, loss, bpr, reg, seconds, "recall@k"?, "ndcg@k"? }`. */
  onEpoch?: (log: EpochLog) => void;
  /** Called after every batch with its index, the batch count and the loss. */
  onBatch?: (batch: number, batches: number, loss: number) => void;
  /** Save a checkpoint here after every epoch. Default: none. */
  checkpointDir?: string;
  /** Continue from the checkpoint in `checkpointDir` when there is one. Default `true`. */
  resume?: boolean;
}

/**
 * A fitted LightGCN-family model: final (layer-averaged) embeddings, row-major `dim` columns,
 * plus the seen items and popularity every fitted model carries.
 *
 * @example
 * ```ts
 * const m: LightGcnModel = lightGcn.fit(train);
 * m.itemEmb.subarray(i * m.dim, (i + 1) * m.dim); // item i's embedding
 * ```
 */
export interface LightGcnModel extends BaseFitted {
  dim: number;
  userEmb: Float32Array;
  itemEmb: Float32Array;
}

const defaults = { epochs: 50, evalEvery: 5, validationK: 20, patience: 0, resume: true };

/** A users × items CSR of the validation pairs known to the model (others cannot be ranked). */
function validationCsr(valid: pl.DataFrame, inter: Interactions, cols: { user: string; item: string }): Csr {
  requireColumns(valid, [cols.user, cols.item], "validation");
  const u = encodeIds(valid, cols.user, inter.userIds);
  const i = encodeIds(valid, cols.item, inter.itemIds);
  const rows: number[] = [];
  const cs: number[] = [];
  for (let r = 0; r < u.length; r++) {
    if (u[r] >= 0 && i[r] >= 0) {
      rows.push(u[r]);
      cs.push(i[r]);
    }
  }
  return csrFromEdges({ rows, cols: cs }, { nRows: inter.userIds.length, nCols: inter.itemIds.length, duplicates: "max" });
}

function startState(inter: Interactions, config: Partial<LightGcnConfig>, o: LightGcnOptions): LightGcnState {
  const fresh = initLightGcnState(inter.userIds.length, inter.itemIds.length, config);
  if (!o.checkpointDir || !(o.resume ?? defaults.resume) || !hasLightGcnCheckpoint(o.checkpointDir)) return fresh;
  const s = loadLightGcnCheckpoint(o.checkpointDir);
  const same = s.nUsers === fresh.nUsers && s.nItems === fresh.nItems && JSON.stringify(s.config) === JSON.stringify(fresh.config);
  if (!same) throw new Error(`the checkpoint in ${o.checkpointDir} is for other data or settings; delete it or pass resume: false`);
  return s;
}

/**
 * The shared `fit` of the LightGCN family: indexes `train` (binary), builds the propagation graph
 * (plus the `itemItem` block the caller derives from the interactions), trains with
 * {@link trainLightGcn} and returns the final embeddings of the best (or last) epoch.
 *
 * @param kind model kind, e.g. `"LightGCN"`.
 * @param itemItem optional builder of a symmetric items × items block over `inter.itemIds`.
 * @example
 * ```ts
 * const model = fitLightGcnFamily("LightGCN", train, { epochs: 20 });
 * ```
 */
export function fitLightGcnFamily(
  kind: string,
  train: pl.DataFrame,
  options: LightGcnOptions = {},
  itemItem?: (inter: Interactions) => { block: Csr; weight: number; meta: Record<string, unknown> },
): LightGcnModel {
  const t0 = Date.now();
  const o = { ...defaults, ...options };
  const { inter, base } = fitBase(kind, train, options, "binary");
  const extra = itemItem?.(inter);
  const graph = lightGcnGraph(inter.csr, extra ? { itemItem: extra.block, itemItemWeight: extra.weight } : {});
  const config: Partial<LightGcnConfig> = {
    dim: o.dim, layers: o.layers, lr: o.lr, batchSize: o.batchSize, reg: o.reg, init: o.init, initStd: o.initStd,
    beta1: o.beta1, beta2: o.beta2, eps: o.eps, seed: options.seed ?? SEED,
  };
  const state = startState(inter, config, options);
  const cols = { user: options.cols?.user ?? COL.user, item: options.cols?.item ?? COL.item };
  const validation = o.validation ? validationCsr(o.validation, inter, cols) : undefined;
  trainLightGcn(graph, state, {
    epochs: o.epochs,
    validation,
    evalEvery: o.evalEvery,
    k: o.validationK,
    patience: o.patience,
    evalUsers: o.evalUsers,
    threads: o.threads,
    onBatch: o.onBatch,
    onEpoch: (log, s) => {
      if (o.checkpointDir) saveLightGcnCheckpoint(o.checkpointDir, s);
      o.onEpoch?.(log);
    },
  });
  const f = finalEmbeddings(graph, state, "best");
  return {
    ...base,
    meta: {
      ...base.meta,
      ...state.config,
      epochsRun: state.epoch,
      bestEpoch: state.best?.epoch ?? null,
      restoredBest: state.best !== null,
      itemItem: extra?.meta ?? null,
      history: state.history,
      fitSeconds: (Date.now() - t0) / 1000,
    },
    dim: state.config.dim,
    userEmb: f.users,
    itemEmb: f.items,
  };
}

/**
 * The shared `recommend`: dot products of the final embeddings, full ranking (or the given
 * candidates), seen items excluded, popularity fallback for unknown users.
 *
 * @example
 * ```ts
 * recommendLightGcn(model, ["u1"], { k: 20 });
 * ```
 */
export function recommendLightGcn(model: LightGcnModel, users: readonly string[], options: RecommendOptions): pl.DataFrame {
  return recommendUsers(model, users, options, { score: (u, out) => scoreItems(model.userEmb, model.itemEmb, model.dim, u, out) });
}

/**
 * Loads a saved LightGCN-family model of the given kind.
 *
 * @example
 * ```ts
 * const m = loadLightGcnFamily(saved, "LightGCN");
 * ```
 */
export function loadLightGcnFamily(saved: SavedModel, kind: string): LightGcnModel {
  return loadFitted<LightGcnModel>(saved, kind, [...BASE_ARRAYS, "userEmb", "itemEmb"]);
}

