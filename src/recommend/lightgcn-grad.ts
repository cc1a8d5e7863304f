import { BLOCK, scatterBlockedRows, spmmBlocked, spmmBlockedRows } from "../graph/blocked-spmm";
import type { Csr } from "../graph/csr";
import type { FloatArray } from "../graph/csr-multiply";

/** The block width as a plain local (an imported binding is a getter call in CommonJS output). */
const W: number = BLOCK;
import { sharedFloat32, type SpmmPool } from "../graph/spmm-pool";

/**
 * One batch of BPR triples: user u prefers item `pos[b]` to item `neg[b]` (item indices in
 * `0..nItems-1`).
 *
 * @example
 * ```ts
 * const batch: BprBatch = { users: Int32Array.of(0), pos: Int32Array.of(3), neg: Int32Array.of(7) };
 * ```
 */
export interface BprBatch {
  users: Int32Array;
  pos: Int32Array;
  neg: Int32Array;
}

/**
 * What the loss and gradient need to know about the model: the normalised adjacency `adj`
 * (square, symmetric, users then items), the number of users, layers K, padded width and L2
 * weight.
 *
 * @example
 * ```ts
 * const p: BprProblem = { adj, nUsers, layers: 3, dp: 64, reg: 1e-4 };
 * ```
 */
export interface BprProblem {
  adj: Csr;
  nUsers: number;
  layers: number;
  dp: number;
  reg: number;
  /** The full-pass kernel `out = adj · x` (blocked). Default `spmmBlocked`; a {@link SpmmPool}'s `spmm` runs it on several threads. */
  spmm?: (a: Csr, xb: FloatArray, dp: number, out: FloatArray) => void;
}

/**
 * Reusable buffers of {@link bprLossGrad} (about `K + 4` arrays of `nNodes · dp` floats), so a
 * training loop allocates once.
 *
 * @example
 * ```ts
 * const ws = createBprWorkspace(adj.nRows, 64, 3, Float32Array);
 * ```
 */
export interface BprWorkspace {
  layerBufs: FloatArray[];
  last: FloatArray;
  g: FloatArray;
  h0: FloatArray;
  h1: FloatArray;
  mark: Int32Array;
}

/**
 * Allocates a {@link BprWorkspace} for `n` nodes, padded width `dp`, `layers` layers.
 *
 * @param options `float64`: Float64 buffers (gradient checks; default `false`); `shared`:
 *   Float32 buffers on `SharedArrayBuffer`s for a {@link SpmmPool} (default `false`).
 * @example
 * ```ts
 * const ws = createBprWorkspace(nUsers + nItems, state.dp, 3);
 * const exact = createBprWorkspace(10, 8, 2, { float64: true });
 * ```
 */
export function createBprWorkspace(n: number, dp: number, layers: number, options: { float64?: boolean; shared?: boolean } = {}): BprWorkspace {
  const mk = (): FloatArray => (options.float64 ? new Float64Array(n * dp) : options.shared ? sharedFloat32(n * dp) : new Float32Array(n * dp));
  return {
    layerBufs: Array.from({ length: Math.max(0, layers - 1) }, mk),
    last: mk(),
    g: mk(),
    h0: mk(),
    h1: mk(),
    mark: new Int32Array(n).fill(-1),
  };
}

/**
 * Loss terms of one batch.
 *
 * @example
 * ```ts
 * const { loss, bpr, reg, grad } = bprLossGrad(problem, e0, batch, ws);
 * ```
 */
export interface BprResult {
  /** `bpr + reg`. */
  loss: number;
  /** Mean of softplus(s(u, neg) − s(u, pos)) over the batch. */
  bpr: number;
  /** `reg · ½ (‖e0_u‖² + ‖e0_pos‖² + ‖e0_neg‖²) summed over the batch / batch size`. */
  reg: number;
  /** dLoss/dE0 in the blocked layout (a workspace buffer: read it before the next call). */
  grad: FloatArray;
}

/**
 * The BPR loss of LightGCN on one batch and its exact gradient with respect to the layer-0
 * embeddings E0 (the only parameters):
 *
 * - forward: `E_k = Â E_{k-1}`, `F = (E_0 + … + E_K)/(K+1)`; layers 1..K−1 are full passes,
 *   layer K is computed on the batch's rows only;
 * - loss: `mean_b softplus(F_u·F_neg − F_u·F_pos) + reg · ½ Σ_b (‖E0_u‖² + ‖E0_pos‖² + ‖E0_neg‖²) / B`;
 * - backward: `∂L/∂E0 = (1/(K+1)) Σ_k (Âᵀ)^k G` with `G = ∂L/∂F` (non-zero on the batch rows),
 *   by Horner's rule `H ← G + Â H` (Â is symmetric); the first step scatters from the batch rows
 *   only, so a batch costs 2(K−1) full passes plus work proportional to the batch's degrees.
 *
 * @param p the model's {@link BprProblem}.
 * @param e0 layer-0 embeddings, blocked (`nNodes · dp`).
 * @param batch the triples (item indices, not node indices).
 * @param ws a workspace from {@link createBprWorkspace} of the same element type as `e0`.
 * @example
 * ```ts
 * const r = bprLossGrad({ adj, nUsers, layers: 3, dp: 64, reg: 1e-4 }, state.e0, batch, ws);
 * adamStep(state, r.grad);
 * ```
 */
export function bprLossGrad(p: BprProblem, e0: FloatArray, batch: BprBatch, ws: BprWorkspace): BprResult {
  const { adj, nUsers, layers: K, dp } = p;
  const full = p.spmm ?? spmmBlocked;
  const n = adj.nRows;
  const B = batch.users.length;
  if (B === 0) throw new Error("bprLossGrad: the batch is empty");
  if (batch.pos.length !== B || batch.neg.length !== B) throw new Error("bprLossGrad: users, pos and neg differ in length");
  if (e0.length !== n * dp) throw new Error(`bprLossGrad: e0 has ${e0.length} values, expected ${n * dp}`);
  // distinct rows of the batch, compact index in ws.mark
  const rowList: number[] = [];
  const node = (arr: Int32Array, b: number, off: number): number => {
    const r = arr[b] + off;
    if (!(r >= off && r < (off === 0 ? nUsers : n))) throw new Error(`bprLossGrad: index ${arr[b]} of triple ${b} is out of range`);
    if (ws.mark[r] < 0) {
      ws.mark[r] = rowList.length;
      rowList.push(r);
    }
    return ws.mark[r];
  };
  const cu = new Int32Array(B), cp = new Int32Array(B), cn = new Int32Array(B);
  try {
    for (let b = 0; b < B; b++) {
      cu[b] = node(batch.users, b, 0);
      cp[b] = node(batch.pos, b, nUsers);
      cn[b] = node(batch.neg, b, nUsers);
    }
    const rows = Int32Array.from(rowList);
    const R = rows.length;
    // forward
    const layer: FloatArray[] = [e0];
    for (let k = 1; k < K; k++) {
      full(adj, layer[k - 1], dp, ws.layerBufs[k - 1]);
      layer.push(ws.layerBufs[k - 1]);
    }
    if (K >= 1) {
      spmmBlockedRows(adj, rows, layer[K - 1], dp, ws.last);
      layer.push(ws.last);
    }
    const F = new Float64Array(R * dp); // compact final embeddings, row-major
    const inv = 1 / (K + 1);
    for (let q = 0; q < R; q++) {
      for (let c = 0; c < dp; c += W) {
        const o = c * n + rows[q] * W;
        for (let j = 0; j < W; j++) {
          let s = 0;
          for (let k = 0; k <= K; k++) s += layer[k][o + j];
          F[q * dp + c + j] = s * inv;
        }
      }
    }
    // loss and dL/dF (compact)
    const G = new Float64Array(R * dp);
    let bpr = 0;
    let regSum = 0;
    for (let b = 0; b < B; b++) {
      const ou = cu[b] * dp, op = cp[b] * dp, on = cn[b] * dp;
      let x = 0;
      for (let j = 0; j < dp; j++) x += F[ou + j] * (F[op + j] - F[on + j]);
      // softplus(-x), stable
      bpr += Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
      const gx = -1 / (1 + Math.exp(x)) / B; // d mean softplus(-x) / dx
      for (let j = 0; j < dp; j++) {
        const fu = F[ou + j];
        G[ou + j] += gx * (F[op + j] - F[on + j]);
        G[op + j] += gx * fu;
        G[on + j] -= gx * fu;
      }
    }
    for (let b = 0; b < 3 * B; b++) {
      const r = b < B ? batch.users[b] : b < 2 * B ? nUsers + batch.pos[b - B] : nUsers + batch.neg[b - 2 * B];
      for (let o = r * W; o < n * dp; o += n * W) {
        for (let j = 0; j < W; j++) regSum += e0[o + j] * e0[o + j];
      }
    }
    // g = G/(K+1) scattered into the blocked buffer ws.g (zero elsewhere)
    const g = ws.g;
    const put = (buf: FloatArray, add: boolean): void => {
      for (let q = 0; q < R; q++) {
        for (let c = 0; c < dp; c += W) {
          const o = c * n + rows[q] * W;
          for (let j = 0; j < W; j++) {
            const v = G[q * dp + c + j] * inv;
            buf[o + j] = add ? buf[o + j] + v : v;
          }
        }
      }
    };
    put(g, false);
    // backward: H_K = g + Â(g + Â(g + …)), first step from the batch rows only
    let h = ws.h0;
    let other = ws.h1;
    if (K === 0) {
      h.fill(0);
      put(h, true);
    } else {
      h.fill(0);
      scatterBlockedRows(adj, rows, g, dp, h);
      put(h, true);
      for (let k = 2; k <= K; k++) {
        full(adj, h, dp, other);
        put(other, true);
        const t = h;
        h = other;
        other = t;
      }
    }
    // L2 on the batch's layer-0 rows (each occurrence counts)
    const rc = p.reg / B;
    if (rc > 0) {
      for (let b = 0; b < 3 * B; b++) {
        const r = b < B ? batch.users[b] : b < 2 * B ? nUsers + batch.pos[b - B] : nUsers + batch.neg[b - 2 * B];
        for (let o = r * W; o < n * dp; o += n * W) {
          for (let j = 0; j < W; j++) h[o + j] += rc * e0[o + j];
        }
      }
    }
    // clean the sparse buffer for the next call
    for (let q = 0; q < R; q++) {
      for (let o = rows[q] * W; o < n * dp; o += n * W) g.fill(0, o, o + W);
    }
    const bprMean = bpr / B;
    const reg = (p.reg * 0.5 * regSum) / B;
    return { loss: bprMean + reg, bpr: bprMean, reg, grad: h };
  } finally {
    for (const r of rowList) ws.mark[r] = -1;
  }
}
