import { availableParallelism } from "node:os";
import { MessageChannel, Worker } from "node:worker_threads";
import { BLOCK, spmmBlocked, spmmBlockedRange } from "./blocked-spmm";
import type { Csr } from "./csr";
import type { FloatArray } from "./csr-multiply";

/**
 * A synchronous multi-threaded {@link spmmBlocked}: the calling thread and `threads − 1` worker
 * threads split the product into (column block × row range) tasks claimed from a shared counter,
 * and the call returns when all are done (the caller waits with `Atomics.wait`). Every output
 * value is computed by the same arithmetic in the same order as the single-threaded kernel, so
 * results are bit-identical for any thread count. Operands must live in `SharedArrayBuffer`s
 * (see {@link sharedFloat32} and {@link shareCsr}); otherwise the call runs single-threaded.
 *
 * @example
 * ```ts
 * const pool = createSpmmPool(2);
 * const adj = shareCsr(normalized);
 * const x = sharedFloat32(n * 64), y = sharedFloat32(n * 64);
 * pool.spmm(adj, x, 64, y);
 * pool.dispose();
 * ```
 */
export interface SpmmPool {
  /** Threads in use, the caller included. */
  readonly threads: number;
  /** `out = A · X` in the blocked layout (same contract as {@link spmmBlocked}). */
  spmm(a: Csr, xb: FloatArray, dp: number, out: FloatArray): void;
  /** Tasks run by worker threads so far (a check that they take part). */
  workerTasks(): number;
  /** Stops the workers; later calls run single-threaded. */
  dispose(): void;
}

// control words (Int32Array over a SharedArrayBuffer)
const SEQ = 0, NEXT = 1, DONE = 2, BASE = 3, END = 4, N = 5, DP = 6, ROWCHUNK = 7, STOP = 8, WORKER_TASKS = 14;
const IDS = 9; // indptr, indices, values, x, out
const CTRL_WORDS = 16;

const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require("node:worker_threads");
const ctrl = workerData.ctrl;
const port = workerData.port;
const views = new Map();
function view(id) {
  let v = views.get(id);
  while (v === undefined) {
    const m = receiveMessageOnPort(port);
    if (!m) throw new Error("spmm worker: unknown buffer " + id);
    views.set(m.message.id, m.message.view);
    v = views.get(id);
  }
  return v;
}
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, ${SEQ}, seen);
  const s1 = Atomics.load(ctrl, ${SEQ});
  if (s1 & 1) continue;
  if (ctrl[${STOP}] === 1) break;
  const base = ctrl[${BASE}], end = ctrl[${END}], n = ctrl[${N}], rowChunk = ctrl[${ROWCHUNK}];
  const ids = [ctrl[${IDS}], ctrl[${IDS + 1}], ctrl[${IDS + 2}], ctrl[${IDS + 3}], ctrl[${IDS + 4}]];
  if (Atomics.load(ctrl, ${SEQ}) !== s1) continue;
  seen = s1;
  const indptr = view(ids[0]), indices = view(ids[1]), values = view(ids[2]), xb = view(ids[3]), out = view(ids[4]);
  const chunks = Math.ceil(n / rowChunk);
  for (;;) {
    const t = Atomics.load(ctrl, ${NEXT});
    if (t < base || t >= end) break;
    if (Atomics.compareExchange(ctrl, ${NEXT}, t, t + 1) !== t) continue;
    const task = t - base;
    const c = Math.floor(task / chunks);
    const from = (task % chunks) * rowChunk;
    const to = Math.min(n, from + rowChunk);
    const bb = c * n * ${BLOCK};
    for (let i = from; i < to; i++) {
      const s = indptr[i], e = indptr[i + 1];
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
      for (let p = s; p < e; p++) {
        const w = values[p];
        const b = bb + indices[p] * ${BLOCK};
        a0 += w * xb[b]; a1 += w * xb[b + 1]; a2 += w * xb[b + 2]; a3 += w * xb[b + 3];
        a4 += w * xb[b + 4]; a5 += w * xb[b + 5]; a6 += w * xb[b + 6]; a7 += w * xb[b + 7];
      }
      const o = bb + i * ${BLOCK};
      out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3;
      out[o + 4] = a4; out[o + 5] = a5; out[o + 6] = a6; out[o + 7] = a7;
    }
    Atomics.add(ctrl, ${WORKER_TASKS}, 1);
    Atomics.add(ctrl, ${DONE}, 1);
    Atomics.notify(ctrl, ${DONE});
  }
}
`;

type View = Int32Array | Float32Array | Float64Array;
const isShared = (v: View): boolean => typeof SharedArrayBuffer !== "undefined" && v.buffer instanceof SharedArrayBuffer;

/**
 * A `Float32Array` of `n` zeros backed by a `SharedArrayBuffer` (usable by {@link SpmmPool}).
 *
 * @example
 * ```ts
 * const e = sharedFloat32(nNodes * 64);
 * ```
 */
export function sharedFloat32(n: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(4 * n));
}

/**
 * A copy of a CSR matrix whose arrays live in `SharedArrayBuffer`s.
 *
 * @example
 * ```ts
 * const adj = shareCsr(normalizeAdjacency(a));
 * ```
 */
export function shareCsr(m: Csr): Csr {
  const indptr = new Int32Array(new SharedArrayBuffer(4 * m.indptr.length));
  const indices = new Int32Array(new SharedArrayBuffer(4 * m.indices.length));
  const values = sharedFloat32(m.values.length);
  indptr.set(m.indptr);
  indices.set(m.indices);
  values.set(m.values);
  return { nRows: m.nRows, nCols: m.nCols, indptr, indices, values };
}

/**
 * The default thread count: the machine's available parallelism, at most 8.
 *
 * @example
 * ```ts
 * createSpmmPool(defaultThreads());
 * ```
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Starts a {@link SpmmPool} with `threads − 1` workers (none for `threads` = 1). Workers are
 * `unref`'d, so they never keep a process alive; call `dispose()` when done.
 *
 * @param threads total threads, the caller included (≥ 1). Default {@link defaultThreads}.
 * @param rowChunk rows per task (smaller balances better, larger costs fewer atomics). Default 4096.
 * @example
 * ```ts
 * const pool = createSpmmPool(2);
 * ```
 */
export function createSpmmPool(threads = defaultThreads(), rowChunk = 4096): SpmmPool {
  if (!(Number.isInteger(threads) && threads >= 1)) throw new Error(`threads must be an integer >= 1, got ${threads}`);
  if (!(Number.isInteger(rowChunk) && rowChunk >= 1)) throw new Error(`rowChunk must be an integer >= 1, got ${rowChunk}`);
  if (threads === 1) return { threads: 1, spmm: (a, x, dp, out) => spmmBlocked(a, x, dp, out), workerTasks: () => 0, dispose: () => undefined };
  const ctrl = new Int32Array(new SharedArrayBuffer(4 * CTRL_WORDS));
  const workers: { worker: Worker; port: MessageChannel["port1"] }[] = [];
  for (let w = 0; w < threads - 1; w++) {
    const channel = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ctrl, port: channel.port2 }, transferList: [channel.port2] });
    worker.unref();
    channel.port1.unref();
    workers.push({ worker, port: channel.port1 });
  }
  const ids = new WeakMap<View, number>();
  let nextId = 1;
  let disposed = false;
  const idOf = (v: View): number => {
    let id = ids.get(v);
    if (id === undefined) {
      id = nextId++;
      ids.set(v, id);
      for (const w of workers) w.port.postMessage({ id, view: v });
    }
    return id;
  };
  const spmm = (a: Csr, xb: FloatArray, dp: number, out: FloatArray): void => {
    const arrays: View[] = [a.indptr, a.indices, a.values, xb, out];
    if (disposed || !arrays.every(isShared) || xb instanceof Float64Array || out instanceof Float64Array) {
      spmmBlocked(a, xb, dp, out);
      return;
    }
    if (a.nRows !== a.nCols || dp <= 0 || dp % BLOCK !== 0 || xb.length !== a.nCols * dp || out.length !== a.nRows * dp || xb.buffer === out.buffer) {
      spmmBlocked(a, xb, dp, out); // throws the kernel's own message
      return;
    }
    const n = a.nRows;
    const chunks = Math.ceil(n / rowChunk);
    const tasks = (dp / BLOCK) * chunks;
    const base = Atomics.load(ctrl, NEXT);
    Atomics.add(ctrl, SEQ, 1); // odd: writing
    ctrl[BASE] = base;
    ctrl[END] = base + tasks;
    ctrl[N] = n;
    ctrl[DP] = dp;
    ctrl[ROWCHUNK] = rowChunk;
    arrays.forEach((v, k) => (ctrl[IDS + k] = idOf(v)));
    Atomics.add(ctrl, SEQ, 1); // even: published
    Atomics.notify(ctrl, SEQ);
    for (;;) {
      const t = Atomics.load(ctrl, NEXT);
      if (t >= base + tasks) break;
      if (Atomics.compareExchange(ctrl, NEXT, t, t + 1) !== t) continue;
      const task = t - base;
      const c = Math.floor(task / chunks);
      spmmBlockedRange(a, xb, out, c, (task % chunks) * rowChunk, Math.min(n, (task % chunks) * rowChunk + rowChunk));
      Atomics.add(ctrl, DONE, 1);
    }
    const doneTarget = base + tasks; // DONE counts tasks over the pool's life, like NEXT
    for (let d = Atomics.load(ctrl, DONE); d < doneTarget; d = Atomics.load(ctrl, DONE)) Atomics.wait(ctrl, DONE, d, 100);
  };
  return {
    threads,
    spmm,
    workerTasks: () => Atomics.load(ctrl, WORKER_TASKS),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      Atomics.add(ctrl, SEQ, 1);
      ctrl[STOP] = 1;
      Atomics.add(ctrl, SEQ, 1);
      Atomics.notify(ctrl, SEQ);
      for (const w of workers) {
        w.port.close();
        void w.worker.terminate();
      }
    },
  };
}
