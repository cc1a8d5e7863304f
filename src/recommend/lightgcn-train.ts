import type { Csr } from "../graph/csr";
import { fromBlocked } from "../graph/blocked-spmm";
import type { EpochLog } from "../viz/loss-curve";
import { createSpmmPool, defaultThreads, shareCsr, sharedFloat32, type SpmmPool } from "../graph/spmm-pool";
import { adamStep } from "./lightgcn-adam";
import { fullRankingEval, sampleTruthUsers } from "./lightgcn-eval";
import { bprLossGrad, createBprWorkspace, type BprWorkspace } from "./lightgcn-grad";
import { propagateLayers } from "./lightgcn-propagate";
import { epochRng, sampleBprTriples } from "./lightgcn-sampler";
import type { LightGcnState } from "./lightgcn-state";

/**
 * The graph a LightGCN-style model trains on: the normalised square adjacency `adj` over users
 * (`0..nUsers-1`) then items, and the users × items training matrix (positives for sampling,
 * seen items for evaluation).
 *
 * @example
 * ```ts
 * const graph: LightGcnGraph = lightGcnGraph(inter.csr);
 * ```
 */
export interface LightGcnGraph {
  nUsers: number;
  nItems: number;
  adj: Csr;
  userItems: Csr;
}

/**
 * Figures of one training epoch.
 *
 * @example
 * ```ts
 * const r: EpochResult = trainEpoch(graph, state);
 * ```
 */
export interface EpochResult {
  loss: number;
  bpr: number;
  reg: number;
  batches: number;
  seconds: number;
}

function checkGraph(graph: LightGcnGraph, state: LightGcnState): void {
  const n = graph.nUsers + graph.nItems;
  if (graph.nUsers !== state.nUsers || graph.nItems !== state.nItems) {
    throw new Error(`LightGCN: the state is for ${state.nUsers} users × ${state.nItems} items, the graph has ${graph.nUsers} × ${graph.nItems}`);
  }
  if (graph.adj.nRows !== n || graph.adj.nCols !== n) throw new Error(`LightGCN: adj must be ${n} × ${n}`);
}

/**
 * Options of {@link trainEpoch}.
 *
 * @example
 * ```ts
 * trainEpoch(graph, state, { onBatch: (b, n) => b % 50 === 0 && console.log(`${b}/${n}`) });
 * ```
 */
export interface TrainEpochOptions {
  /** Reusable buffers (allocated when absent). */
  workspace?: BprWorkspace;
  /** Called after every batch with its 0-based index, the batch count and the batch loss. */
  onBatch?: (batch: number, batches: number, loss: number) => void;
  /** Thread pool for the full propagation passes (its operands must be shared; see {@link trainLightGcn}). Default: none. */
  pool?: SpmmPool;
}

/**
 * Trains one epoch in place: samples `nnz(userItems)` BPR triples from the epoch's own seeded
 * stream ({@link epochRng}), then for each batch of `batchSize` computes loss and gradient
 * (one full propagation) and takes an Adam step. Increments `state.epoch` and `state.step`.
 *
 * @param graph the training graph.
 * @param state the run's state (advanced in place).
 * @param options workspace and progress callback, see {@link TrainEpochOptions}.
 * @returns mean loss terms over batches, batch count and seconds.
 * @example
 * ```ts
 * const r = trainEpoch(graph, state); // r.loss, r.seconds
 * ```
 */
export function trainEpoch(graph: LightGcnGraph, state: LightGcnState, options: TrainEpochOptions = {}): EpochResult {
  checkGraph(graph, state);
  const t0 = performance.now();
  const c = state.config;
  const work = options.workspace ?? createBprWorkspace(graph.nUsers + graph.nItems, state.dp, c.layers);
  const count = graph.userItems.indptr[graph.userItems.nRows];
  const triples = sampleBprTriples(graph.userItems, count, epochRng(c.seed, state.epoch));
  const problem = { adj: graph.adj, nUsers: graph.nUsers, layers: c.layers, dp: state.dp, reg: c.reg, spmm: options.pool?.spmm };
  let loss = 0, bpr = 0, reg = 0, batches = 0;
  const nBatches = Math.ceil(count / c.batchSize);
  for (let s = 0; s < count; s += c.batchSize) {
    const e = Math.min(count, s + c.batchSize);
    const batch = { users: triples.users.subarray(s, e), pos: triples.pos.subarray(s, e), neg: triples.neg.subarray(s, e) };
    const r = bprLossGrad(problem, state.e0, batch, work);
    state.step++;
    adamStep(state.e0, r.grad, state.m, state.v, state.step, c);
    loss += r.loss;
    bpr += r.bpr;
    reg += r.reg;
    options.onBatch?.(batches, nBatches, r.loss);
    batches++;
  }
  state.epoch++;
  const d = Math.max(batches, 1);
  return { loss: loss / d, bpr: bpr / d, reg: reg / d, batches, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Final user and item embeddings of a state (row-major `nUsers × dim` and `nItems × dim`),
 * from `e0` or from the best early-stopping snapshot.
 *
 * @param which `"current"` or `"best"` (falls back to current when there is no best). Default `"best"`.
 * @param options `pool` and `scratch` as in `propagateLayers` (multi-threaded propagation).
 * @example
 * ```ts
 * const { users, items } = finalEmbeddings(graph, state);
 * ```
 */
export function finalEmbeddings(
  graph: LightGcnGraph,
  state: LightGcnState,
  which: "current" | "best" = "best",
  options: { pool?: SpmmPool; scratch?: [Float32Array, Float32Array] } = {},
): { users: Float32Array; items: Float32Array } {
  checkGraph(graph, state);
  const e0 = which === "best" && state.best ? state.best.e0 : state.e0;
  const n = graph.nUsers + graph.nItems;
  const f = propagateLayers(graph.adj, e0, state.config.layers, state.dp, { spmm: options.pool?.spmm, scratch: options.scratch });
  return { users: fromBlocked(f, n, state.config.dim, 0, graph.nUsers), items: fromBlocked(f, n, state.config.dim, graph.nUsers, n) };
}

/**
 * Options of {@link trainLightGcn}.
 *
 * @example
 * ```ts
 * trainLightGcn(graph, state, { epochs: 100, validation: valCsr, evalEvery: 5, patience: 4 });
 * ```
 */
export interface TrainLightGcnOptions {
  /** Train until `state.epoch` reaches this total. Required, ≥ 0. */
  epochs: number;
  /** users × items held-out matrix for Recall@k / NDCG@k. Default: none (no evaluation). */
  validation?: Csr;
  /** Evaluate every this many epochs (and at the last one). Default 10. */
  evalEvery?: number;
  /** Cut-off k of the monitored Recall@k. Default 20. */
  k?: number;
  /** Evaluate on a seeded sample of this many users. Default: every user with held-out items. */
  evalUsers?: number;
  /** Stop after this many evaluations without a better Recall@k (0 = never stop early). Default 0. */
  patience?: number;
  /**
   * Threads for the propagation passes, the caller included. Default: the available
   * parallelism (at most 8). Results are bit-identical for any value. With more than one,
   * `state.e0` is moved to a `SharedArrayBuffer` (same values) for the run.
   */
  threads?: number;
  /** Called after every batch (see {@link TrainEpochOptions}). */
  onBatch?: TrainEpochOptions["onBatch"];
  /** Called after every epoch with its log row (and after evaluation, when there was one). */
  onEpoch?: (log: EpochLog, state: LightGcnState) => void;
}

/**
 * Trains a LightGCN state from `state.epoch` to `options.epochs` in place: one
 * {@link trainEpoch} per epoch, Recall@k / NDCG@k on `validation` every `evalEvery` epochs,
 * the best E0 kept in `state.best`, early stopping after `patience` evaluations without
 * improvement, and one {@link EpochLog} per epoch appended to `state.history` and passed to
 * `onEpoch` (save checkpoints there, see `saveLightGcnCheckpoint`).
 *
 * @returns the same `state`, advanced.
 * @example
 * ```ts
 * const state = initLightGcnState(graph.nUsers, graph.nItems, { seed: 42 });
 * trainLightGcn(graph, state, { epochs: 20, validation: test, onEpoch: (l) => console.log(l) });
 * ```
 */
export function trainLightGcn(graph: LightGcnGraph, state: LightGcnState, options: TrainLightGcnOptions): LightGcnState {
  const evalEvery = options.evalEvery ?? 10;
  const k = options.k ?? 20;
  const patience = options.patience ?? 0;
  if (!(Number.isInteger(options.epochs) && options.epochs >= 0)) throw new Error(`epochs must be an integer >= 0, got ${options.epochs}`);
  if (!(Number.isInteger(evalEvery) && evalEvery >= 1)) throw new Error(`evalEvery must be an integer >= 1, got ${evalEvery}`);
  if (!(Number.isInteger(patience) && patience >= 0)) throw new Error(`patience must be an integer >= 0, got ${patience}`);
  const val = options.validation;
  if (val && (val.nRows !== graph.nUsers || val.nCols !== graph.nItems)) throw new Error(`validation must be ${graph.nUsers} × ${graph.nItems}`);
  const evalUsers = val && options.evalUsers !== undefined ? sampleTruthUsers(val, options.evalUsers, state.config.seed) : undefined;
  const key = `recall@${k}`;
  const threads = options.threads ?? defaultThreads();
  const pool = createSpmmPool(threads);
  const shared = threads > 1;
  const g: LightGcnGraph = shared ? { ...graph, adj: shareCsr(graph.adj) } : graph;
  if (shared && !(state.e0.buffer instanceof SharedArrayBuffer)) {
    const e0 = sharedFloat32(state.e0.length);
    e0.set(state.e0);
    state.e0 = e0;
  }
  const ws = createBprWorkspace(graph.nUsers + graph.nItems, state.dp, state.config.layers, { shared });
  try {
    trainLoop(g, state, options, { evalEvery, k, patience, key, evalUsers, pool, ws });
  } finally {
    pool.dispose();
  }
  return state;
}

function trainLoop(
  graph: LightGcnGraph,
  state: LightGcnState,
  options: TrainLightGcnOptions,
  o: { evalEvery: number; k: number; patience: number; key: string; evalUsers?: Int32Array; pool: SpmmPool; ws: BprWorkspace },
): void {
  const { evalEvery, k, patience, key, evalUsers, pool, ws } = o;
  const val = options.validation;
  while (state.epoch < options.epochs && !stopped(state, key, patience)) {
    const r = trainEpoch(graph, state, { workspace: ws, onBatch: options.onBatch, pool });
    const log: EpochLog = { epoch: state.epoch, loss: r.loss, bpr: r.bpr, reg: r.reg, seconds: r.seconds };
    if (val && (state.epoch % evalEvery === 0 || state.epoch === options.epochs)) {
      const t0 = performance.now();
      const f = finalEmbeddings(graph, state, "current", { pool, scratch: [ws.h0 as Float32Array, ws.h1 as Float32Array] });
      const m = fullRankingEval(f.users, f.items, state.config.dim, graph.userItems, val, { k, users: evalUsers });
      log[key] = m[key];
      log[`ndcg@${k}`] = m[`ndcg@${k}`];
      log.evalSeconds = (performance.now() - t0) / 1000;
      if (!state.best || m[key] > state.best.value) state.best = { epoch: state.epoch, value: m[key], e0: state.e0.slice() };
    }
    state.history.push(log);
    options.onEpoch?.(log, state);
  }
}

/** True when the last `patience` evaluations after the best one brought no improvement. */
function stopped(state: LightGcnState, key: string, patience: number): boolean {
  if (patience === 0 || !state.best) return false;
  const since = state.history.filter((h) => h.epoch > state.best!.epoch && h[key] !== undefined).length;
  return since >= patience;
}
