import type { Csr } from "../graph/csr";
import { createRng } from "../util/rng";
import { rowHas } from "./lightgcn-sampler";
import { topK } from "./top-k";

/**
 * Options of {@link fullRankingEval}.
 *
 * @example
 * ```ts
 * fullRankingEval(userEmb, itemEmb, 64, train, test, { k: 20, users: Int32Array.of(0, 5, 9) });
 * ```
 */
export interface FullRankingEvalOptions {
  /** Cut-off. Default 20. */
  k?: number;
  /** Dense user indices to evaluate. Default: every user with at least one truth item. */
  users?: Int32Array;
  /** Leave the user's training items out of the ranking. Default `true` (the LightGCN protocol). */
  excludeSeen?: boolean;
}

/**
 * Full-ranking metrics averaged over evaluated users (users with no truth item are skipped).
 *
 * @example
 * ```ts
 * const r: FullRankingResult = fullRankingEval(u, i, 64, train, test);
 * r["recall@20"];
 * ```
 */
export interface FullRankingResult {
  /** Users evaluated. */
  users: number;
  k: number;
  /** hits / |truth| (LightGCN's recall), hits / k, DCG / IDCG with binary relevance. */
  [metric: string]: number;
}

/** Scores of up to 4 users (rows `us` of U) against every item: out[j·nI + i]. 4×4 register tiles. */
function scoreUsers(U: Float32Array, I: Float32Array, dim: number, nI: number, us: number[], out: Float32Array): void {
  const nu = us.length;
  const u0 = us[0] * dim;
  const u1 = us[Math.min(1, nu - 1)] * dim;
  const u2 = us[Math.min(2, nu - 1)] * dim;
  const u3 = us[Math.min(3, nu - 1)] * dim;
  const n4 = nI - (nI % 4);
  for (let i = 0; i < n4; i += 4) {
    const i0 = i * dim, i1 = i0 + dim, i2 = i1 + dim, i3 = i2 + dim;
    let a00 = 0, a01 = 0, a02 = 0, a03 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0;
    let a20 = 0, a21 = 0, a22 = 0, a23 = 0, a30 = 0, a31 = 0, a32 = 0, a33 = 0;
    for (let c = 0; c < dim; c++) {
      const x0 = U[u0 + c], x1 = U[u1 + c], x2 = U[u2 + c], x3 = U[u3 + c];
      const y0 = I[i0 + c], y1 = I[i1 + c], y2 = I[i2 + c], y3 = I[i3 + c];
      a00 += x0 * y0; a01 += x0 * y1; a02 += x0 * y2; a03 += x0 * y3;
      a10 += x1 * y0; a11 += x1 * y1; a12 += x1 * y2; a13 += x1 * y3;
      a20 += x2 * y0; a21 += x2 * y1; a22 += x2 * y2; a23 += x2 * y3;
      a30 += x3 * y0; a31 += x3 * y1; a32 += x3 * y2; a33 += x3 * y3;
    }
    out[i] = a00; out[i + 1] = a01; out[i + 2] = a02; out[i + 3] = a03;
    out[nI + i] = a10; out[nI + i + 1] = a11; out[nI + i + 2] = a12; out[nI + i + 3] = a13;
    out[2 * nI + i] = a20; out[2 * nI + i + 1] = a21; out[2 * nI + i + 2] = a22; out[2 * nI + i + 3] = a23;
    out[3 * nI + i] = a30; out[3 * nI + i + 1] = a31; out[3 * nI + i + 2] = a32; out[3 * nI + i + 3] = a33;
  }
  for (let j = 0; j < nu; j++) {
    const ub = us[j] * dim;
    for (let i = n4; i < nI; i++) {
      let s = 0;
      for (let c = 0; c < dim; c++) s += U[ub + c] * I[i * dim + c];
      out[j * nI + i] = s;
    }
  }
}

/**
 * Dot-product scores of one user against every item, `out[i] = U[u]·I[i]`.
 *
 * @param userEmb row-major `nUsers × dim`; `itemEmb` row-major `nItems × dim`.
 * @param out optional output of `nItems` values (overwritten).
 * @returns `out` or a new `Float32Array` of `nItems` scores.
 * @example
 * ```ts
 * const s = scoreItems(model.userEmb, model.itemEmb, 64, 17);
 * ```
 */
export function scoreItems(userEmb: Float32Array, itemEmb: Float32Array, dim: number, user: number, out?: Float32Array): Float32Array {
  const nI = itemEmb.length / dim;
  const res = out ?? new Float32Array(nI);
  if (res.length !== nI) throw new Error(`scoreItems: out has ${res.length} values, expected ${nI}`);
  const ub = user * dim;
  const n4 = nI - (nI % 4);
  for (let i = 0; i < n4; i += 4) {
    const i0 = i * dim, i1 = i0 + dim, i2 = i1 + dim, i3 = i2 + dim;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let c = 0; c < dim; c++) {
      const x = userEmb[ub + c];
      s0 += x * itemEmb[i0 + c]; s1 += x * itemEmb[i1 + c]; s2 += x * itemEmb[i2 + c]; s3 += x * itemEmb[i3 + c];
    }
    res[i] = s0; res[i + 1] = s1; res[i + 2] = s2; res[i + 3] = s3;
  }
  for (let i = n4; i < nI; i++) {
    const ib = i * dim;
    let s = 0;
    for (let c = 0; c < dim; c++) s += userEmb[ub + c] * itemEmb[ib + c];
    res[i] = s;
  }
  return res;
}

/**
 * Recall@k, NDCG@k, precision@k and hit@k of dot-product scores under full ranking (every item
 * is a candidate; the user's training items are left out), the LightGCN evaluation protocol:
 * recall = hits / |truth|, NDCG = Σ_{r≤k, hit} 1/log2(r+1) / Σ_{r≤min(k,|truth|)} 1/log2(r+1).
 * Scores are computed in 4-user × 4-item register tiles (no `nUsers × nItems` matrix is kept).
 *
 * @param userEmb row-major `nUsers × dim` final user embeddings.
 * @param itemEmb row-major `nItems × dim` final item embeddings.
 * @param dim embedding width.
 * @param train users × items training matrix (seen items).
 * @param truth users × items held-out matrix.
 * @param options see {@link FullRankingEvalOptions}.
 * @returns averages over evaluated users, keys `recall@k`, `ndcg@k`, `precision@k`, `hit@k`.
 * @example
 * ```ts
 * const r = fullRankingEval(u, i, 64, train, test, { k: 20 }); // r["recall@20"], r["ndcg@20"]
 * ```
 */
export function fullRankingEval(userEmb: Float32Array, itemEmb: Float32Array, dim: number, train: Csr, truth: Csr, options: FullRankingEvalOptions = {}): FullRankingResult {
  const k = options.k ?? 20;
  const excludeSeen = options.excludeSeen ?? true;
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`fullRankingEval: k must be an integer >= 1, got ${k}`);
  const nI = itemEmb.length / dim;
  const nU = userEmb.length / dim;
  if (!Number.isInteger(nI) || !Number.isInteger(nU)) throw new Error("fullRankingEval: embedding lengths must be multiples of dim");
  if (truth.nCols !== nI || train.nCols !== nI || truth.nRows !== nU || train.nRows !== nU) {
    throw new Error(`fullRankingEval: train/truth must be ${nU} × ${nI}, got ${train.nRows} × ${train.nCols} and ${truth.nRows} × ${truth.nCols}`);
  }
  let users = options.users;
  if (!users) {
    const list: number[] = [];
    for (let u = 0; u < nU; u++) if (truth.indptr[u + 1] > truth.indptr[u]) list.push(u);
    users = Int32Array.from(list);
  }
  const idcg = new Float64Array(k + 1);
  for (let r = 1; r <= k; r++) idcg[r] = idcg[r - 1] + 1 / Math.log2(r + 1);
  const scores = new Float32Array(4 * nI);
  let sumR = 0, sumN = 0, sumP = 0, sumH = 0, evaluated = 0;
  const pending: number[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    scoreUsers(userEmb, itemEmb, dim, nI, pending, scores);
    pending.forEach((u, j) => {
      const row = scores.subarray(j * nI, (j + 1) * nI);
      const exclude = excludeSeen ? train.indices.subarray(train.indptr[u], train.indptr[u + 1]) : undefined;
      const top = topK(row, k, { exclude });
      const nTruth = truth.indptr[u + 1] - truth.indptr[u];
      let hits = 0;
      let dcg = 0;
      for (let r = 0; r < top.items.length; r++) {
        if (rowHas(truth, u, top.items[r])) {
          hits++;
          dcg += 1 / Math.log2(r + 2);
        }
      }
      sumR += hits / nTruth;
      sumP += hits / k;
      sumH += hits > 0 ? 1 : 0;
      sumN += dcg / idcg[Math.min(k, nTruth)];
      evaluated++;
    });
    pending.length = 0;
  };
  for (let q = 0; q < users.length; q++) {
    const u = users[q];
    if (!(u >= 0 && u < nU)) throw new Error(`fullRankingEval: users[${q}] = ${u} is outside [0, ${nU})`);
    if (truth.indptr[u + 1] === truth.indptr[u]) continue;
    pending.push(u);
    if (pending.length === 4) flush();
  }
  flush();
  const d = Math.max(evaluated, 1);
  return { users: evaluated, k, [`recall@${k}`]: sumR / d, [`ndcg@${k}`]: sumN / d, [`precision@${k}`]: sumP / d, [`hit@${k}`]: sumH / d };
}

/**
 * A seeded sample of `n` users that have at least one truth item (ascending), or all of them
 * when there are fewer: the `users` option of {@link fullRankingEval} for a cheaper estimate.
 *
 * @throws Error when `n` is not an integer >= 1.
 * @example
 * ```ts
 * fullRankingEval(u, i, 64, train, test, { users: sampleTruthUsers(test, 5000, 42) });
 * ```
 */
export function sampleTruthUsers(truth: Csr, n: number, seed: number): Int32Array {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`evalUsers must be an integer >= 1, got ${n}`);
  const all: number[] = [];
  for (let u = 0; u < truth.nRows; u++) if (truth.indptr[u + 1] > truth.indptr[u]) all.push(u);
  if (n >= all.length) return Int32Array.from(all);
  return Int32Array.from(createRng(seed).shuffle(all).slice(0, n)).sort();
}
