/**
 * `npm run bench -- lightgcn [--batches 20] [--eval-users 29858] [--peer-batches 3] [--no-peer] [--no-tf]
 *   [--checkpoint-dir .checkpoints/lightgcn-gowalla]`
 *
 * LightGCN on the Gowalla split of the LightGCN authors ($DATA_DIR/gowalla_lightgcn, skipped when
 * absent), the authors' recipe (3 layers, dim 64, batch 2048, Adam 1e-3, reg 1e-4, one full
 * propagation per batch). Cases:
 * - training: `--batches` timed batches (after one warm-up) on all cores and on one thread; one
 *   epoch = sampling the epoch's 810,128 triples + 396 batches, extrapolated from the mean batch;
 * - one propagation pass Â·E (70,839 × 64): blocked JS kernel on 1 and all threads, row-major JS,
 *   and TensorFlow.js on its active backend (wasm here: `sparseSegmentSum`); whether tfjs can
 *   differentiate a propagation layer at all on that backend (wasm: no UnsortedSegmentSum
 *   kernel, no SparseSegmentSum gradient), which decides whether a tfjs batch can be timed;
 * - evaluation: Recall@20 / NDCG@20 by full ranking over every test user (29,858), on the
 *   checkpoint of scripts/train-lightgcn.ts when there is one (else the initial embeddings);
 * - peer: the same recipe in PyTorch (bench/peers/lightgcn_torch.py), when `/usr/bin/python3 -c
 *   "import torch"` works, timed in the same run.
 * Last output: one JSON line per case.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { spmmBlocked } from "../src/graph/blocked-spmm";
import { spmm } from "../src/graph/csr-multiply";
import { readUserItemLists } from "../src/graph/read-user-item-lists";
import { createSpmmPool, defaultThreads, shareCsr, sharedFloat32 } from "../src/graph/spmm-pool";
import { initTf } from "../src/runtime/tf-backend";
import { adamStep } from "../src/recommend/lightgcn-adam";
import { hasLightGcnCheckpoint, loadLightGcnCheckpoint } from "../src/recommend/lightgcn-checkpoint";
import { fullRankingEval } from "../src/recommend/lightgcn-eval";
import { bprLossGrad, createBprWorkspace } from "../src/recommend/lightgcn-grad";
import { lightGcnGraph } from "../src/recommend/lightgcn-graph";
import { epochRng, sampleBprTriples } from "../src/recommend/lightgcn-sampler";
import { initLightGcnState } from "../src/recommend/lightgcn-state";
import { finalEmbeddings } from "../src/recommend/lightgcn-train";
import { median, peakRssMb, printCases, round, type BenchCase } from "./lib/measure";
import type { Tf } from "../src/runtime/backend-loaders";
import type { Csr } from "../src/graph/csr";
import { fromBlocked } from "../src/graph/blocked-spmm";

const root = resolve(__dirname, "..");
const args = process.argv.slice(2);
const flag = (n: string): boolean => args.includes(`--${n}`);
function num(n: string, fallback: number): number {
  const i = args.indexOf(`--${n}`);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${n} must be a positive integer, got ${args[i + 1]}`);
  return v;
}
const dataDir = join(process.env.DATA_DIR ?? resolve(root, "..", "shared", "data"), "gowalla_lightgcn");
const ckptDir = resolve(root, (() => { const i = args.indexOf("--checkpoint-dir"); return i >= 0 ? args[i + 1] : ".checkpoints/lightgcn-gowalla"; })());
const sec = (t0: number): number => (performance.now() - t0) / 1000;
const load = (): string => (require("node:os") as typeof import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ");

/**
 * Median seconds of one Â·E in TensorFlow.js. Â = D^-1/2 A D^-1/2 with a binary A, so
 * Â·E = D^-1/2 · segmentSum_rows(gather(D^-1/2 E, cols)) with `tf.sparse.sparseSegmentSum` (the
 * wasm backend has no UnsortedSegmentSum kernel, the op `gather + unsortedSegmentSum` needs).
 */
async function timeTfPropagation(tf: Tf, a: Csr, e0: Float32Array, dim: number): Promise<number> {
  const rowIds = new Int32Array(a.indices.length);
  for (let i = 0; i < a.nRows; i++) rowIds.fill(i, a.indptr[i], a.indptr[i + 1]);
  const dinv = Float32Array.from({ length: a.nRows }, (_, i) => (a.indptr[i + 1] > a.indptr[i] ? 1 / Math.sqrt(a.indptr[i + 1] - a.indptr[i]) : 0));
  const rows = tf.tensor1d(rowIds, "int32");
  const cols = tf.tensor1d(a.indices, "int32");
  const d = tf.tensor2d(dinv, [a.nRows, 1]);
  const x = tf.tensor2d(fromBlocked(e0, a.nRows, dim), [a.nRows, dim]);
  const once = async (): Promise<number> => {
    const t = performance.now();
    const y = tf.tidy(() => tf.sparse.sparseSegmentSum(x.mul(d), cols, rows).mul(d));
    await y.data();
    y.dispose();
    return sec(t);
  };
  await once();
  const ts = [await once(), await once(), await once()];
  tf.dispose([rows, cols, d, x]);
  return median(ts);
}

/** Tries the gradient of one propagation layer in TensorFlow.js; returns the error when the backend cannot. */
function tfGradientSupport(tf: Tf, a: Csr): string {
  const n = a.nRows;
  const rowIds = new Int32Array(a.indices.length);
  for (let i = 0; i < n; i++) rowIds.fill(i, a.indptr[i], a.indptr[i + 1]);
  try {
    tf.tidy(() => {
      const e = tf.variable(tf.zeros([n, 8]));
      const rows = tf.tensor1d(rowIds, "int32");
      const cols = tf.tensor1d(a.indices, "int32");
      const vals = tf.tensor2d(a.values, [a.values.length, 1]);
      tf.variableGrads(() => tf.unsortedSegmentSum(tf.gather(e, cols).mul(vals), rows, n).sum() as ReturnType<Tf["scalar"]>, [e]);
      e.dispose();
    });
    return "supported";
  } catch (err) {
    return `unsupported: ${(err as Error).message}`;
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(dataDir, "train.txt"))) {
    console.log(`no Gowalla split in ${dataDir}: nothing to measure (set DATA_DIR)`);
    return;
  }
  const batches = num("batches", 20);
  const threads = defaultThreads();
  const train = readUserItemLists(join(dataDir, "train.txt"));
  const test = readUserItemLists(join(dataDir, "test.txt"), { nUsers: train.nRows, nItems: train.nCols });
  const graph = lightGcnGraph(train);
  const nnz = train.indptr[train.nRows];
  const n = graph.nUsers + graph.nItems;
  const nBatches = Math.ceil(nnz / 2048);
  console.log(`Gowalla: ${graph.nUsers} users × ${graph.nItems} items, ${nnz} training pairs, ${nBatches} batches per epoch; ${threads} threads; load average ${load()}`);
  const cases: BenchCase[] = [];

  // training batches
  let t0 = performance.now();
  const triples = sampleBprTriples(train, nnz, epochRng(42, 0));
  const sampleSeconds = sec(t0);
  for (const th of [...new Set([threads, 1])]) {
    const state = initLightGcnState(graph.nUsers, graph.nItems);
    const pool = createSpmmPool(th);
    const adj = th > 1 ? shareCsr(graph.adj) : graph.adj;
    if (th > 1) {
      const e = sharedFloat32(state.e0.length);
      e.set(state.e0);
      state.e0 = e;
    }
    const ws = createBprWorkspace(n, state.dp, 3, { shared: th > 1 });
    const problem = { adj, nUsers: graph.nUsers, layers: 3, dp: state.dp, reg: 1e-4, spmm: pool.spmm };
    const times: number[] = [];
    for (let b = 0; b <= batches; b++) {
      const s = b * 2048;
      const batch = { users: triples.users.subarray(s, s + 2048), pos: triples.pos.subarray(s, s + 2048), neg: triples.neg.subarray(s, s + 2048) };
      t0 = performance.now();
      const r = bprLossGrad(problem, state.e0, batch, ws);
      adamStep(state.e0, r.grad, state.m, state.v, ++state.step, state.config);
      if (b > 0) times.push(sec(t0));
    }
    pool.dispose();
    const mean = times.reduce((a, c) => a + c, 0) / times.length;
    const epoch = sampleSeconds + nBatches * mean;
    console.log(`  training, ${th} thread(s): ${mean.toFixed(3)} s per batch (median ${median(times).toFixed(3)}), epoch ≈ ${epoch.toFixed(1)} s`);
    cases.push({
      case: `lightgcn train gowalla (3 layers, dim 64, batch 2048), ${th} thread(s)`,
      batches_timed: times.length,
      seconds_per_batch: round(mean, 4),
      sampling_seconds_per_epoch: round(sampleSeconds, 2),
      seconds_per_epoch_extrapolated: round(epoch, 1),
      interactions_per_second: round(nnz / epoch, 1),
      peak_rss_mb: peakRssMb(),
      load_average: load(),
    });
  }

  // one propagation pass, several kernels
  const state = initLightGcnState(graph.nUsers, graph.nItems);
  const pass = (fn: () => void): number => {
    fn();
    const ts: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      fn();
      ts.push(sec(t));
    }
    return median(ts);
  };
  const out = new Float32Array(state.e0.length);
  const blocked1 = pass(() => spmmBlocked(graph.adj, state.e0, 64, out));
  const pool = createSpmmPool(threads);
  const sAdj = shareCsr(graph.adj);
  const sx = sharedFloat32(state.e0.length);
  sx.set(state.e0);
  const sy = sharedFloat32(state.e0.length);
  const blockedN = pass(() => pool.spmm(sAdj, sx, 64, sy));
  pool.dispose();
  const rowMajor = pass(() => spmm(graph.adj, state.e0, 64, out));
  const passCase = (kernel: string, s: number): BenchCase => ({ case: `propagation pass Â·E (${n} × 64, nnz ${graph.adj.indices.length})`, kernel, seconds: round(s, 4), ratio_to_blocked_js: round(s / blockedN, 2) });
  cases.push(passCase(`blocked JS, ${threads} threads`, blockedN), passCase("blocked JS, 1 thread", blocked1), passCase("row-major JS, 1 thread", rowMajor));
  console.log(`  one pass: blocked ${blockedN.toFixed(3)} s (${threads} threads), ${blocked1.toFixed(3)} s (1), row-major ${rowMajor.toFixed(3)} s`);
  if (!flag("no-tf")) {
    const rt = await initTf();
    const tfPass = await timeTfPropagation(rt.tf, graph.adj, state.e0, 64);
    cases.push(passCase(`tfjs ${rt.backend} sparseSegmentSum (D^-1/2 scaling around)`, tfPass));
    const grad = tfGradientSupport(rt.tf, graph.adj);
    cases.push({ case: "one training batch (forward, gradient, Adam)", kernel: `tfjs ${rt.backend} autodiff through gather + unsortedSegmentSum`, seconds: null, note: grad });
    console.log(`  tfjs ${rt.backend}: one pass ${tfPass.toFixed(3)} s; gradient of a propagation layer: ${grad}`);
  }

  // evaluation over every test user
  const trained = hasLightGcnCheckpoint(ckptDir) ? loadLightGcnCheckpoint(ckptDir) : state;
  t0 = performance.now();
  const f = finalEmbeddings(graph, trained, "current");
  const m = fullRankingEval(f.users, f.items, 64, train, test, { k: 20 });
  const evalSeconds = sec(t0);
  console.log(`  evaluation: ${m.users} users in ${evalSeconds.toFixed(1)} s; recall@20 ${m["recall@20"].toFixed(4)} ndcg@20 ${m["ndcg@20"].toFixed(4)} (embeddings after ${trained.epoch} epochs)`);
  cases.push({
    case: "evaluation gowalla, full ranking over all items, train items excluded",
    users: m.users,
    seconds: round(evalSeconds, 2),
    epochs_trained: trained.epoch,
    "recall@20": round(m["recall@20"], 4),
    "ndcg@20": round(m["ndcg@20"], 4),
    peak_rss_mb: peakRssMb(),
  });

  // PyTorch peer
  if (!flag("no-peer") && spawnSync("/usr/bin/python3", ["-c", "import torch"]).status === 0) {
    const peerBatches = num("peer-batches", 3);
    const r = spawnSync("/usr/bin/python3", [join(__dirname, "peers", "lightgcn_torch.py"), dataDir, String(peerBatches), String(threads)], { encoding: "utf8", timeout: 1_800_000 });
    const line = r.stdout.trim().split("\n").pop() ?? "";
    if (r.status === 0 && line.startsWith("{")) {
      const peer = JSON.parse(line) as Record<string, number | string>;
      const ours = cases[0];
      cases.push({
        case: `lightgcn train gowalla, PyTorch ${peer.torch} CPU peer, ${peer.threads} threads`,
        batches_timed: peer.batches_timed as number,
        seconds_per_batch: peer.seconds_per_batch as number,
        seconds_per_epoch_extrapolated: peer.seconds_per_epoch as number,
        interactions_per_second: peer.interactions_per_second as number,
        ratio_peer_to_ours: round((peer.seconds_per_batch as number) / (ours.seconds_per_batch as number), 2),
        load_average: load(),
      });
      console.log(`  PyTorch peer: ${peer.seconds_per_batch} s per batch (${cases[cases.length - 1].ratio_peer_to_ours}× ours)`);
    } else {
      console.log(`  PyTorch peer failed: ${r.stderr.slice(-500)}`);
    }
  } else {
    console.log("  PyTorch peer skipped (no torch for /usr/bin/python3, or --no-peer)");
  }
  printCases(cases);
}

void main();
